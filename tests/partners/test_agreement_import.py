"""Importing and exporting agreements: matched by partner and reference number, row errors, round trips."""

import datetime

import pytest
from django_countries.fields import Country

from intl_office import resources
from intl_office.resources import (
    FORMATS,
    AllOrNothingResource,
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    LongTextWidget,
    LookupWidget,
    NaturalKeyInstanceLoader,
    TextWidget,
    YesNoWidget,
)
from partners.models import Agreement, Institution
from partners.resources import AgreementResource, InstitutionResource
from tests.factories import AgreementFactory, InstitutionFactory
from tests.files import xlsx_bytes
from tests.partners.imports import AGREEMENT_HEADERS, agreement_row, dataset, row_errors, totals

pytestmark = pytest.mark.django_db


# Agreements.


def import_agreements(rows, *, dry_run=False, headers=AGREEMENT_HEADERS):
    return AgreementResource().import_data(dataset(rows, headers), dry_run=dry_run)


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


# --- the cells one by one, each widget made as a resource makes it ----------------------------------------


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (" YES ", True),
        ("y", True),
        ("True", True),
        ("1", True),
        (1, True),
        (1.0, True),
        ("No", False),
        ("N", False),
        ("false", False),
        ("0", False),
        (0, False),
        (0.0, False),
        ("", None),
        (None, None),
        ("  ", None),
        ("None", None),
        ("NULL", None),
    ],
)
def test_a_yes_no_cell_reads_every_usual_spelling_and_empty_means_the_default(cell, value):
    assert YesNoWidget().clean(cell) is value


@pytest.mark.parametrize("cell", ["maybe", "2", "yes please", "-1"])
def test_a_yes_no_cell_with_anything_else_is_an_error_of_its_row(cell):
    with pytest.raises(ValueError, match=r"^Enter yes or no \(1 or 0\)\.$"):
        YesNoWidget().clean(cell)


@pytest.mark.parametrize("cell", ["NZ", "nzl", "New Zealand", "  New   Zealand "])
def test_a_country_cell_reads_the_code_or_the_name_with_any_spacing(cell):
    assert CountryWidget().clean(cell) == "NZ"


@pytest.mark.parametrize("cell", ["", "   ", None])
def test_an_empty_country_cell_asks_for_the_country(cell):
    with pytest.raises(ValueError, match=r"^Enter the country: its two-letter ISO code \(DE\) or its name in English"):
        CountryWidget().clean(cell)


def test_an_unknown_country_is_named_in_the_error_as_typed_without_stray_spaces():
    with pytest.raises(ValueError, match="^Unknown country “Upper Ruritania”: give its two-letter ISO code"):
        CountryWidget().clean(" Upper  Ruritania ")
    with pytest.raises(ValueError, match="^Unknown country “QQ”"):  # two letters, but no country's code
        CountryWidget().clean("QQ")


@pytest.mark.parametrize("cell", ["2024-05-31", " 31.05.2024 ", "31/05/2024", datetime.datetime(2024, 5, 31, 14, 5)])
def test_a_date_cell_reads_each_accepted_form(cell):
    assert DateWidget().clean(cell) == datetime.date(2024, 5, 31)


def test_a_date_widget_keeps_the_options_it_is_made_with():
    assert DateWidget(coerce_to_string=False).coerce_to_string is False
    with pytest.raises(ValueError, match="^Enter a date as YYYY-MM-DD, for example 2024-05-31.$"):
        DateWidget().clean("May 31st")


def test_a_long_text_cell_keeps_its_lines_and_loses_the_spaces_around_it():
    assert LongTextWidget().clean("  Exchange of students.\n  Joint research.  ") == (
        "Exchange of students.\n  Joint research."
    )
    assert LongTextWidget().clean(None) == ""


def test_a_choice_cell_reads_the_code_or_the_label_in_any_language():
    kinds = ChoiceWidget(Agreement.Kind)

    assert kinds.clean("MOU") == kinds.clean("Memorandum of understanding") == "mou"
    assert kinds.clean("Меморандум о взаимопонимании") == "mou"
    assert kinds.clean("") is None


def test_a_lookup_cell_finds_its_row_within_the_limit_and_names_what_it_did_not_find():
    InstitutionFactory(name="Ajou University", country="KR")
    InstitutionFactory(name="Ankara University", country="TR")
    not_found = "No partner named “%(value)s”."
    korean = LookupWidget(Institution, "name", not_found, limit={"country": "KR"})
    anywhere = LookupWidget(Institution, "name", not_found)

    assert korean.clean(" Ajou  University ").name == "Ajou University"
    assert anywhere.clean("Ankara University").country == "TR"
    assert korean.clean("") is None
    with pytest.raises(ValueError, match="^No partner named “Ankara University”.$"):
        korean.clean("Ankara University")


def test_a_choice_cell_with_an_unknown_value_names_the_codes_to_use():
    with pytest.raises(ValueError) as refused:
        ChoiceWidget(Agreement.Kind).clean(" treaty ")

    assert str(refused.value) == (
        "Unknown value “treaty”; use one of: mou, cooperation, exchange, dual_degree, intergovernmental."
    )


def test_an_error_of_a_translated_field_is_named_by_its_column():
    attributes = ("name_en", "short_name_ru", "valid_until", "_en", "name")
    assert [AllOrNothingResource.untranslated(a) for a in attributes] == ["name", "short_name", None, None, None]
    names = InstitutionResource().column_names()
    assert [names[a] for a in ("name", "name_en", "city", "short_name")] == ["name", "name", "city", "short_name"]


def test_a_country_exports_as_its_two_letter_code_and_no_country_as_an_empty_cell():
    widget = CountryWidget()

    assert widget.render(Country("NZ")) == "NZ"
    assert widget.render(Country("")) == ""
    assert widget.render(None) == ""


def test_a_lookup_widget_keeps_the_options_it_is_made_with():
    ajou = InstitutionFactory(name="Ajou University", country="KR")
    by_pk = LookupWidget(Institution, "name", "No partner named “%(value)s”.", key_is_id=True)

    assert by_pk.clean(" Ajou  University ") == ajou.pk
    assert by_pk.render(ajou.pk) == ajou.pk


def test_a_reference_number_typed_as_a_number_in_a_spreadsheet_is_stored_as_typed(knu):
    row = agreement_row(reference_number=2024017.0, student_places_out=4)
    data = xlsx_bytes([row], headers=AGREEMENT_HEADERS)  # a number cell, as Excel stores every number

    result = AgreementResource().import_data(FORMATS[1]().create_dataset(data))

    assert totals(result) == {"new": 1}
    assert Agreement.objects.get().reference_number == "2024017"


def test_a_missing_cell_reads_as_empty_text_a_whole_number_as_digits_and_an_empty_choice_exports_as_empty():
    assert TextWidget().clean(None) == ""
    # Excel keeps every number as a float: an old .xls file gives 2024017.0 for a reference number typed 2024017.
    assert TextWidget().clean(2024017.0) == "2024017"
    assert TextWidget().clean(2.5) == "2.5"
    assert ChoiceWidget(Agreement.Kind).render("") == ChoiceWidget(Agreement.Kind).render(None) == ""


def test_existing_rows_are_found_in_batches_whatever_the_file_s_size(monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(resources, "LOOKUP_BATCH", 2)
    names = ["Ajou University", "Gazi University", "Inha University", "Kyung Hee University", "Sogang University"]
    for name in names:
        InstitutionFactory(name=name, country="KR", website="")
    rows = [{"name": name, "country": "KR", "website": f"https://{name.split()[0].lower()}.ac.kr/"} for name in names]

    with django_assert_num_queries(3):  # five names, two a query
        loader = NaturalKeyInstanceLoader(InstitutionResource(), dataset(rows))
    assert len(loader.instances) == 5

    result = InstitutionResource().import_data(dataset(rows))
    assert totals(result) == {"update": 5}
    assert Institution.objects.count() == 5
    assert Institution.objects.get(name_en="Sogang University").website == "https://sogang.ac.kr/"
