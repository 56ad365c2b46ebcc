"""Importing and exporting partners: dry run, row errors, all or nothing, natural keys, round trips."""

import io

import openpyxl
import pytest
from auditlog.models import LogEntry

from intl_office.resources import FORMATS
from partners.models import Institution
from partners.resources import InstitutionResource
from tests.factories import InstitutionFactory
from tests.files import xlsx_bytes
from tests.partners.imports import dataset, row_errors, totals, university_rows

pytestmark = pytest.mark.django_db


def import_institutions(rows, *, dry_run=False, headers=("name", "country", "website")):
    return InstitutionResource().import_data(dataset(rows, headers), dry_run=dry_run)


# The fixture itself.


def test_fixture_holds_1000_distinct_real_universities_from_many_countries():
    rows = university_rows()

    assert len(rows) == 1000
    assert len({(row["name"], row["country"]) for row in rows}) == 1000
    assert len({row["country"] for row in rows}) > 150
    assert all(row["website"].startswith(("http://", "https://")) for row in rows)
    assert "University of Andorra" in {row["name"] for row in rows}


# Institutions.


def test_dry_run_of_1000_universities_reports_them_new_and_writes_nothing():
    result = import_institutions(university_rows(), dry_run=True)

    assert totals(result) == {"new": 1000}
    assert not result.has_errors() and not result.has_validation_errors()
    assert Institution.objects.count() == 0
    assert LogEntry.objects.count() == 0


def test_import_of_1000_universities_creates_them_all():
    result = import_institutions(university_rows())

    assert totals(result) == {"new": 1000}
    assert Institution.objects.count() == 1000
    andorra = Institution.objects.get(name_en="University of Andorra", country="AD")
    assert (andorra.website, andorra.kind, andorra.is_active) == ("http://www.uda.ad/", "university", True)
    assert andorra.slug == "university-of-andorra"


def test_importing_the_same_file_again_creates_nothing_and_skips_every_row():
    rows = university_rows()
    import_institutions(rows)
    ids = set(Institution.objects.values_list("pk", flat=True))

    result = import_institutions(rows)

    assert totals(result) == {"skip": 1000}
    assert set(Institution.objects.values_list("pk", flat=True)) == ids


def test_xlsx_of_the_1000_universities_imports_like_the_csv():
    data = xlsx_bytes(university_rows())

    result = InstitutionResource().import_data(FORMATS[1]().create_dataset(data), dry_run=False)

    assert totals(result) == {"new": 1000}
    assert Institution.objects.filter(country="JP").count() == sum(1 for r in university_rows() if r["country"] == "JP")


def test_empty_cells_read_as_empty_and_trailing_empty_rows_are_ignored():
    rows = [{"name": "Ajou University", "country": "KR", "website": None}, {}, {}]
    data = xlsx_bytes(rows, headers=("name", "country", "city", "website"))

    result = InstitutionResource().import_data(FORMATS[1]().create_dataset(data))

    assert totals(result) == {"new": 1}
    assert Institution.objects.values_list("name_en", "city_en", "website").get() == ("Ajou University", "", "")


def test_an_empty_row_between_rows_is_reported_with_its_number():
    rows = [{"name": "Ajou University", "country": "KR"}, {}, {"name": "Inha University", "country": "KR"}]
    data = xlsx_bytes(rows, headers=("name", "country"))

    result = InstitutionResource().import_data(FORMATS[1]().create_dataset(data))

    assert list(row_errors(result)) == [2]
    assert row_errors(result)[2]["name"] == ["This field is required."]
    assert result.invalid_rows[0].values == ("", "", "---", "---", "---", "---", "---")
    assert not Institution.objects.exists()


def test_a_row_matched_by_name_and_country_is_updated_in_place():
    original = InstitutionFactory(name="Kyungpook National University", country="KR", website="https://old.knu.ac.kr/")

    result = import_institutions(
        [{"name": "Kyungpook National University", "country": "KR", "website": "https://www.knu.ac.kr/"}]
    )

    assert totals(result) == {"update": 1}
    assert Institution.objects.count() == 1
    original.refresh_from_db()
    assert original.website == "https://www.knu.ac.kr/"


def test_the_same_name_in_another_country_is_another_institution():
    InstitutionFactory(name="American University", country="AE")

    result = import_institutions([{"name": "American University", "country": "US", "website": "https://american.edu/"}])

    assert totals(result) == {"new": 1}
    assert set(Institution.objects.values_list("country", flat=True)) == {"AE", "US"}


@pytest.mark.parametrize(
    ("bad", "column", "message"),
    [
        ({"country": "Narnia"}, "country", "Unknown country “Narnia”"),
        ({"name": ""}, "name", "This field is required."),
        ({"website": "not a web address"}, "website", "Enter a valid URL."),
    ],
    ids=["unknown_country", "missing_name", "invalid_url"],
)
def test_one_bad_row_is_reported_by_number_and_column_and_nothing_is_written(bad, column, message):
    rows = university_rows()[:50]
    rows[6] = {**rows[6], **bad}

    dry = import_institutions(rows, dry_run=True)
    real = import_institutions(rows)

    for result in (dry, real):
        errors = row_errors(result)
        assert list(errors) == [7]
        assert list(errors[7]) == [column]
        assert any(text.startswith(message) for text in errors[7][column]), errors
    assert real.totals["new"] == 49  # the good rows were written, then rolled back with the bad one
    assert Institution.objects.count() == 0
    assert LogEntry.objects.count() == 0


def test_a_failed_import_leaves_existing_rows_untouched():
    InstitutionFactory(name="Kyungpook National University", country="KR", website="https://old.knu.ac.kr/")
    rows = [
        {"name": "Kyungpook National University", "country": "KR", "website": "https://www.knu.ac.kr/"},
        {"name": "Nowhere University", "country": "Atlantis", "website": "https://nowhere.example/"},
    ]

    result = import_institutions(rows)

    assert list(row_errors(result)) == [2]
    assert Institution.objects.get().website == "https://old.knu.ac.kr/"


def test_a_name_twice_in_one_file_is_an_error_of_the_second_row():
    rows = [
        {"name": "Ajou University", "country": "KR", "website": "https://www.ajou.ac.kr/"},
        {"name": "Ajou University", "country": "KR", "website": "https://ajou.ac.kr/"},
    ]

    result = import_institutions(rows)

    assert list(row_errors(result)) == [2]
    assert not Institution.objects.exists()


@pytest.mark.parametrize("country", ["DE", "de", "DEU", "Germany", "germany", " Germany ", "Германия"])
def test_country_may_be_given_by_code_or_name(country):
    import_institutions([{"name": "Leipzig University", "country": country, "website": "https://www.uni-leipzig.de/"}])

    assert Institution.objects.get().country.code == "DE"


def test_optional_columns_kind_city_short_name_and_a_website_without_scheme():
    headers = ("name", "country", "short_name", "kind", "city", "website")
    rows = [
        {"name": "Korea Foundation", "country": "KR", "kind": "Donor agency or foundation", "website": "kf.or.kr"},
        {"name": "Ajou University", "country": "KR", "short_name": "AJOU", "kind": "", "city": "Suwon"},
    ]

    result = import_institutions(rows, headers=headers)

    assert totals(result) == {"new": 2}
    foundation, ajou = Institution.objects.order_by("name_en").values_list("kind", "website", "short_name", "city_en")[
        ::-1
    ]
    assert foundation == ("donor", "https://kf.or.kr", "", "")
    assert ajou == ("university", "", "AJOU", "Suwon")


def test_an_unknown_kind_is_a_row_error():
    headers = ("name", "country", "kind")
    result = import_institutions([{"name": "Ajou University", "country": "KR", "kind": "college"}], headers=headers)

    assert list(row_errors(result)[1]) == ["kind"]
    assert not Institution.objects.exists()


def test_institutions_export_to_csv_and_xlsx_and_import_back_unchanged():
    InstitutionFactory(name="Kyungpook National University", short_name="KNU", country="KR", city="Daegu")
    InstitutionFactory(name="Korea Foundation", kind="donor", country="KR", website="https://www.kf.or.kr/")
    InstitutionFactory(name="Leipzig University", country="DE", is_active=False)
    before = list(Institution.objects.order_by("pk").values("name_en", "country", "kind", "city_en", "website"))

    exported = InstitutionResource().export()
    csv_data = FORMATS[0]().export_data(exported)
    xlsx_data = FORMATS[1]().export_data(exported)

    assert csv_data.splitlines()[0] == "name,country,short_name,kind,city,website,is_active"
    for fmt, data in ((FORMATS[0], csv_data), (FORMATS[1], xlsx_data)):
        result = InstitutionResource().import_data(fmt().create_dataset(data))
        assert totals(result) == {"skip": 3}, fmt
    Institution.objects.all().delete()
    result = InstitutionResource().import_data(FORMATS[1]().create_dataset(xlsx_data))
    assert totals(result) == {"new": 3}
    after = list(Institution.objects.order_by("name_en").values("name_en", "country", "kind", "city_en", "website"))
    assert sorted(after, key=lambda row: row["name_en"]) == sorted(before, key=lambda row: row["name_en"])
    assert not Institution.objects.get(name_en="Leipzig University").is_active


def test_xlsx_export_keeps_a_formula_as_text():
    InstitutionFactory(name='=HYPERLINK("http://evil.example","Click")', country="KR")

    data = FORMATS[1]().export_data(InstitutionResource().export())

    cell = openpyxl.load_workbook(io.BytesIO(data)).active["A2"]
    assert cell.data_type != "f"
    assert not str(cell.value).startswith("=")


@pytest.mark.parametrize(
    ("name", "country", "code"),
    [
        ("Stanford University", "Amerika Qo'shma Shtatlari", "US"),
        ("Nazarbayev University", "Qozog\u2018iston", "KZ"),
        ("Al-Farabi Kazakh National University", "Qozog`iston", "KZ"),
    ],
)
def test_a_country_named_in_uzbek_with_an_apostrophe_for_the_turned_comma_is_read(name, country, code):
    # Uzbek spells oʻ and gʻ with U+02BB; a file typed on an ordinary keyboard has ', ` or ‘ in its place.
    result = import_institutions([{"name": name, "country": country, "website": ""}])

    assert totals(result) == {"new": 1}
    assert Institution.objects.get().country.code == code


def test_an_error_in_a_field_the_file_has_no_column_for_is_named_by_that_field():
    # An older row may hold a control character the models now refuse (intl_office.validators): the file
    # cannot fix it, so the row's error names the field to correct in the admin, and nothing is written.
    InstitutionFactory(
        name="Ajou University", country="KR", website="https://old.ajou.ac.kr/", description="Founded in 1973.\x07"
    )

    result = import_institutions([{"name": "Ajou University", "country": "KR", "website": "https://www.ajou.ac.kr/"}])

    errors = row_errors(result)
    assert list(errors) == [1]
    assert None not in errors[1]
    assert errors[1]["description"] == [
        "Remove the invisible control character U+0007 from this text "
        "(it often comes with text copied from another program)."
    ]
    assert Institution.objects.get().website == "https://old.ajou.ac.kr/"
