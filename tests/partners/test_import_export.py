"""Importing and exporting partners and agreements: dry run, row errors, all or nothing, natural keys, round trips.

The 1,000 universities are real ones (name, country, website) from the university-domains-list
project, copied into tests/fixtures/ (see the LICENSE file there); tests read only that copy.
"""

import csv
import datetime
import io
import os
import time
from pathlib import Path

import openpyxl
import pytest
import tablib
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile

from intl_office.resources import FORMATS
from intl_office.storage import private_storage
from partners.models import Agreement, Institution
from partners.resources import AgreementResource, InstitutionResource
from tests.admin_helpers import admin_url
from tests.factories import AgreementFactory, InstitutionFactory, UserFactory
from tests.files import csv_text, upload, xlsx_bytes

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UNIVERSITIES = FIXTURES / "world_universities_1000.csv"
CSV_FORMAT, XLSX_FORMAT = (str(FORMATS.index(fmt)) for fmt in FORMATS)


def university_rows():
    with UNIVERSITIES.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def dataset(rows, headers=("name", "country", "website")):
    return tablib.Dataset().load(csv_text(rows, headers), format="csv")


def import_institutions(rows, *, dry_run=False, headers=("name", "country", "website")):
    return InstitutionResource().import_data(dataset(rows, headers), dry_run=dry_run)


def totals(result):
    return {kind: count for kind, count in result.totals.items() if count}


def row_errors(result):
    """{row number: {column: [messages]}} for the rows that failed validation."""
    return {row.number: row.error_dict for row in result.invalid_rows}


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


# Agreements.

AGREEMENT_HEADERS = (
    "reference_number",
    "title",
    "kind",
    "partner",
    "partner_country",
    "signed_on",
    "valid_until",
    "student_places_out",
)


def import_agreements(rows, *, dry_run=False, headers=AGREEMENT_HEADERS):
    return AgreementResource().import_data(dataset(rows, headers), dry_run=dry_run)


@pytest.fixture
def knu(db):
    return InstitutionFactory(name="Kyungpook National University", country="KR")


def agreement_row(**values):
    return {
        "reference_number": "KNU-2020-07",
        "title": "Student exchange agreement",
        "kind": "exchange",
        "partner": "Kyungpook National University",
        "partner_country": "South Korea",
        "signed_on": "2020-05-10",
        "valid_until": "2025-05-09",
        "student_places_out": "4",
        **values,
    }


def test_agreements_are_created_with_their_partner_by_name_and_country(knu):
    result = import_agreements([agreement_row(partner_country="KR")])

    assert totals(result) == {"new": 1}
    agreement = Agreement.objects.get()
    assert (agreement.partner, agreement.kind, agreement.signed_on, agreement.student_places_out) == (
        knu,
        "exchange",
        datetime.date(2020, 5, 10),
        4,
    )
    assert (agreement.student_places_in, agreement.is_public) == (0, True)


def test_agreements_are_matched_by_reference_number_and_updated(knu):
    import_agreements([agreement_row(partner_country="KR")])
    agreement = Agreement.objects.get()

    result = import_agreements([agreement_row(partner_country="KR", valid_until="09.05.2030")])
    again = import_agreements([agreement_row(partner_country="KR", valid_until="2030-05-09")])

    assert totals(result) == {"update": 1}
    assert totals(again) == {"skip": 1}
    agreement.refresh_from_db()
    assert agreement.valid_until == datetime.date(2030, 5, 9)
    assert Agreement.objects.count() == 1


@pytest.mark.parametrize(
    ("bad", "column"),
    [
        ({"partner": "Unknown University"}, "partner"),
        ({"partner_country": "JP"}, "partner"),
        ({"reference_number": ""}, "reference_number"),
        ({"signed_on": "10 May 2020"}, "signed_on"),
        ({"valid_until": "2019-01-01"}, "__all__"),
        ({"kind": "treaty"}, "kind"),
    ],
    ids=["unknown_partner", "partner_in_another_country", "no_reference", "bad_date", "ends_before_signed", "bad_kind"],
)
def test_a_bad_agreement_row_is_reported_and_nothing_is_written(knu, bad, column):
    rows = [agreement_row(reference_number="KNU-2015-01"), agreement_row(**bad)]

    result = import_agreements(rows)

    assert list(row_errors(result)) == [2]
    assert list(row_errors(result)[2]) == [column]
    assert not Agreement.objects.exists()


def test_a_file_without_the_partner_country_column_is_refused(knu):
    headers = tuple(header for header in AGREEMENT_HEADERS if header != "partner_country")

    result = import_agreements([agreement_row()], headers=headers)

    assert result.has_errors()
    assert "no partner_country column" in str(result.base_errors[0].error)
    assert not Agreement.objects.exists()


def test_agreements_export_to_csv_and_xlsx_and_import_back_unchanged(knu, staff):
    first = AgreementFactory(
        partner=knu,
        reference_number="KNU-2015-01",
        title="Memorandum",
        signed_on=datetime.date(2015, 5, 1),
        valid_until=datetime.date(2020, 4, 30),
    )
    AgreementFactory(
        partner=knu,
        reference_number="KNU-2020-07",
        title="Memorandum (updated form)",
        kind="exchange",
        signed_on=datetime.date(2020, 5, 1),
        valid_until=None,
        renews=first,
        responsible=staff,
        staff_places_in=2,
        scope="Exchange of students.\n\nJoint summer schools.",
    )
    columns = (
        "reference_number",
        "kind",
        "partner",
        "signed_on",
        "valid_until",
        "staff_places_in",
        "scope_en",
        "renews",
    )
    before = sorted(Agreement.objects.values_list(*columns))

    exported = AgreementResource().export(Agreement.objects.all())
    assert exported.dict[0]["partner_country"] == "KR"
    for fmt in FORMATS:
        data = fmt().export_data(exported)
        assert totals(AgreementResource().import_data(fmt().create_dataset(data))) == {"skip": 2}, fmt
    xlsx = FORMATS[1]().export_data(exported)
    Agreement.objects.update(renews=None)
    Agreement.objects.all().delete()
    result = AgreementResource().import_data(FORMATS[1]().create_dataset(xlsx))

    assert totals(result) == {"new": 2}  # the export lists the renewed agreement before its renewal

    def comparable(rows):
        # New primary keys after the round trip: compare whether each renews another, not which pk.
        return sorted((*row[:-2], row[-2] or "", row[-1] is not None) for row in rows)

    assert comparable(Agreement.objects.values_list(*columns)) == comparable(before)
    assert (
        Agreement.objects.get(reference_number="KNU-2020-07").scope == "Exchange of students.\n\nJoint summer schools."
    )
    assert Agreement.objects.get(reference_number="KNU-2020-07").renews.reference_number == "KNU-2015-01"


# Through the admin.


def test_admin_import_previews_1000_universities_then_writes_them_on_confirm(staff_client, staff):
    import_url = admin_url(Institution, "import")
    data = csv_text(university_rows())

    page = staff_client.get(import_url)
    preview = staff_client.post(import_url, {"format": CSV_FORMAT, "import_file": upload("partners.csv", data)})

    assert page.status_code == 200
    assert "What the columns hold" in page.content.decode()
    assert preview.status_code == 200
    result = preview.context["result"]
    assert totals(result) == {"new": 1000}
    assert Institution.objects.count() == 0
    confirm = preview.context["confirm_form"]
    assert confirm is not None
    assert 'name="confirm"' in preview.content.decode()

    done = staff_client.post(admin_url(Institution, "process_import"), confirm.initial, follow=True)

    assert done.redirect_chain == [(admin_url(Institution, "changelist"), 302)]
    assert "Import finished: 1000 new, 0 updated, 0 deleted and 0 skipped institutions." in done.content.decode()
    assert Institution.objects.count() == 1000
    andorra = Institution.objects.get(name_en="University of Andorra")
    assert LogEntry.objects.get_for_object(andorra).get().actor == staff


def test_admin_import_with_a_bad_row_shows_it_and_offers_no_confirmation(staff_client):
    rows = university_rows()[:5]
    rows[2] = {**rows[2], "country": "Narnia"}

    preview = staff_client.post(
        admin_url(Institution, "import"),
        {"format": XLSX_FORMAT, "import_file": upload("partners.xlsx", xlsx_bytes(rows))},
    )

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Some rows failed to validate" in html
    assert "Unknown country “Narnia”" in html
    assert preview.context.get("confirm_form") is None
    assert 'name="confirm"' not in html
    assert not Institution.objects.exists()


def test_admin_confirmation_pressed_twice_imports_once(staff_client):
    rows = university_rows()[:3]
    preview = staff_client.post(
        admin_url(Institution, "import"), {"format": CSV_FORMAT, "import_file": upload("p.csv", csv_text(rows))}
    )
    confirm = preview.context["confirm_form"].initial

    staff_client.post(admin_url(Institution, "process_import"), confirm)
    again = staff_client.post(admin_url(Institution, "process_import"), confirm, follow=True)

    assert again.redirect_chain == [(admin_url(Institution, "import"), 302)]
    assert "already confirmed" in again.content.decode()
    assert Institution.objects.count() == 3


def test_admin_confirmation_of_a_file_that_no_longer_validates_writes_nothing(staff_client, knu):
    old = AgreementFactory(partner=knu, reference_number="KNU-2015-01", title="Memorandum")
    headers = (*AGREEMENT_HEADERS, "renews")
    rows = [
        agreement_row(reference_number="KNU-2020-07", renews="KNU-2015-01"),
        agreement_row(reference_number="KNU-2020-08", title="Staff exchange agreement"),
    ]
    preview = staff_client.post(
        admin_url(Agreement, "import"),
        {"format": CSV_FORMAT, "import_file": upload("a.csv", csv_text(rows, headers))},
    )
    assert totals(preview.context["result"]) == {"new": 2}
    # Between the preview and the confirmation someone deletes the agreement the first row renews.
    old.delete()

    done = staff_client.post(
        admin_url(Agreement, "process_import"), preview.context["confirm_form"].initial, follow=True
    )

    assert done.redirect_chain == [(admin_url(Agreement, "import"), 302)]
    assert "Nothing was imported: 1 row failed when the import was confirmed." in done.content.decode()
    assert not Agreement.objects.exists()


def test_admin_export_of_agreements_as_xlsx(staff_client, knu):
    AgreementFactory(partner=knu, reference_number="KNU-2020-07", title="Student exchange agreement")
    export_url = admin_url(Agreement, "export")
    form = staff_client.get(export_url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if name.startswith("agreementresource_")}

    response = staff_client.post(export_url, {**data, "format": XLSX_FORMAT, "resource": "0"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("reference_number", "title", "kind", "partner")
    assert rows[1][:4] == ("KNU-2020-07", "Student exchange agreement", "mou", "Kyungpook National University")


def test_staff_who_may_only_view_can_export_but_not_import(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_institution"))
    client.force_login(viewer)

    changelist = client.get(admin_url(Institution, "changelist"))

    assert client.get(admin_url(Institution, "import")).status_code == 403
    assert client.post(admin_url(Institution, "process_import"), {}).status_code == 403
    assert client.get(admin_url(Institution, "export")).status_code == 200
    html = changelist.content.decode()
    assert admin_url(Institution, "export") in html
    assert admin_url(Institution, "import") not in html


def test_a_new_preview_clears_files_of_previews_left_unconfirmed_for_a_day(staff_client):
    old = private_storage.save("imports/forgotten", ContentFile(b"name,country\n"))
    recent = private_storage.save("imports/recent", ContentFile(b"name,country\n"))
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(private_storage.path(old), (two_days_ago, two_days_ago))
    rows = university_rows()[:2]

    preview = staff_client.post(
        admin_url(Institution, "import"), {"format": CSV_FORMAT, "import_file": upload("p.csv", csv_text(rows))}
    )

    waiting = preview.context["confirm_form"].initial["import_file_name"]
    assert not private_storage.exists(old)
    assert private_storage.exists(recent)
    assert private_storage.exists(f"imports/{waiting}")
