"""The apostrophe an export puts before a formula comes off on import: exported files import back unchanged."""

import datetime
import decimal

import pytest
from django.utils.translation import gettext_lazy

from intl_office.exports import FORMATS, original_cell, safe_cell
from mobility.models import Visit
from mobility.resources import VisitResource
from partners.models import Institution
from partners.resources import InstitutionResource
from tests.factories import InstitutionFactory, VisitFactory

# Texts that would start a formula and that the import's single-line cleaning keeps as they are.
HOSTILE_NAMES = ['==HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "'=already marked as text"]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('==HYPERLINK("http://evil","x")', '\'==HYPERLINK("http://evil","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("'=1", "''=1"),  # an apostrophe of its own is kept: the import takes off one
        ("Aziza\x01 Karimova", "Aziza Karimova"),
        ("\x01=1", "'=1"),  # what is left once the control character is gone counts
        ("-5", "-5"),  # a plain number as text is read as that number, nothing more
        ("+998", "+998"),
        ("-2,5", "-2,5"),
        ("'-5", "'-5"),
        ("Tashkent", "Tashkent"),
        ("", ""),
    ],
)
def test_safe_cell_marks_formulas_as_text_and_drops_control_characters(value, written):
    assert safe_cell(value) == written


@pytest.mark.parametrize(
    "value",
    [-5, 4, 1.5, decimal.Decimal("-1.5"), True, None, datetime.date(2024, 5, 31), datetime.datetime(2024, 5, 31, 9)],
)
def test_numbers_dates_and_empty_cells_stay_as_they_are(value):
    assert safe_cell(value) is value


def test_lazy_translations_become_text():
    assert safe_cell(gettext_lazy("Total")) == "Total"


@pytest.mark.parametrize(
    "value",
    ["=1", "==1", "'=1", "''=1", "'abc", "'", "-5", "'-5", "+1+1", "\t=1", "\r=1", "plain", "", None, -5, 7.5],
)
def test_original_cell_reverses_safe_cell(value):
    assert original_cell(safe_cell(value)) == value


def test_a_hand_typed_apostrophe_before_plain_text_is_kept_on_import():
    assert original_cell("'Hello") == "'Hello"


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", FORMATS, ids=["csv", "xlsx"])
def test_institutions_with_formula_names_import_back_unchanged(file_format):
    for number, name in enumerate(HOSTILE_NAMES):
        InstitutionFactory(name=name, city=name, country="KR", website=f"https://u{number}.example.org/")
    before = sorted(Institution.objects.values_list("name_en", "city_en", "country", "website"))
    data = file_format().export_data(InstitutionResource().export())

    again = InstitutionResource().import_data(file_format().create_dataset(data))
    Institution.objects.all().delete()
    fresh = InstitutionResource().import_data(file_format().create_dataset(data))

    assert {kind: count for kind, count in again.totals.items() if count} == {"skip": len(HOSTILE_NAMES)}
    assert {kind: count for kind, count in fresh.totals.items() if count} == {"new": len(HOSTILE_NAMES)}
    assert sorted(Institution.objects.values_list("name_en", "city_en", "country", "website")) == before


@pytest.mark.django_db
def test_multi_line_text_starting_with_a_tab_and_a_formula_imports_back_unchanged():
    partner = InstitutionFactory(name="Gazi University", country="TR")
    VisitFactory(partner=partner, title="=Delegation", topics="\t=1\n=2", outcomes="@A1\n-B2")
    file_format = FORMATS[0]
    data = file_format().export_data(VisitResource().export())

    result = VisitResource().import_data(file_format().create_dataset(data))

    assert {kind: count for kind, count in result.totals.items() if count} == {"skip": 1}
    visit = Visit.objects.get()
    assert (visit.title_en, visit.topics_en, visit.outcomes_en) == ("=Delegation", "\t=1\n=2", "@A1\n-B2")
