"""Every CSV and XLSX the portal writes opens as inert text: no formula runs, no control character breaks the file.

The exports: the admin's (institutions, agreements, mobility, visits, applications; django-import-export),
the open data CSVs (/partners/data.csv, /partners/agreements.csv) and the annual report's XLSX.
Each gets rows whose texts would start a formula in a spreadsheet, and a name with a control character.
"""

import csv
import datetime
import io
import json

import openpyxl
import pytest
from django import forms

from intl_office.exports import CONTROL_CHARACTERS, PLAIN_NUMBER
from mobility.models import Application, Mobility, Visit
from partners.models import Agreement, Institution
from tests.admin_helpers import admin_url
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    CallFactory,
    FacultyFactory,
    InstitutionFactory,
    MobilityFactory,
    VisitFactory,
)
from tests.files import CSV_FORMAT, XLSX_FORMAT
from tests.reports import report_xlsx

pytestmark = pytest.mark.django_db

HOSTILE = ['==HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
WITH_CONTROL_CHARACTER = "Aziza\x01 Karimova"
WITHOUT_CONTROL_CHARACTER = "Aziza Karimova"
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r", "\n")


def inert(text, *, xlsx=False):
    """How a hostile text is written: behind an apostrophe; XLSX keeps a carriage return as a line feed."""
    return "'" + (text.replace("\r", "\n") if xlsx else text)


def xlsx_texts(content):
    """Every text cell of every sheet, after checking that none is a formula."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    return [cell.value for cell in cells if isinstance(cell.value, str)]


def csv_texts(content):
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def assert_inert(texts, expected):
    """No text starts a formula or holds a control character; each expected text is there as written."""
    assert [text for text in texts if text.startswith(FORMULA_SIGNS) and not PLAIN_NUMBER.fullmatch(text)] == []
    assert [text for text in texts if CONTROL_CHARACTERS.search(text)] == []
    missing = [text for text in expected if text not in texts]
    assert missing == [], texts


def assert_inert_export(content, file_format, hostile, plain=()):
    """``hostile`` texts come out behind an apostrophe, ``plain`` ones as they are."""
    xlsx = file_format == XLSX_FORMAT
    texts = xlsx_texts(content) if xlsx else csv_texts(content)
    assert_inert(texts, [inert(text, xlsx=xlsx) for text in hostile] + list(plain))


def admin_export(client, model, file_format, query=""):
    """The admin's export page, every column ticked, as staff use it."""
    url = admin_url(model, "export") + query
    form = client.get(url).context["form"]
    columns = {name: "on" for name, field in form.fields.items() if isinstance(field, forms.BooleanField)}
    response = client.post(url, {**columns, "format": file_format, "resource": "0"})
    assert response.status_code == 200
    return response.content


both_formats = pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])


# --- the admin's exports (django-import-export) --------------------------------------------------


@both_formats
def test_institutions_export_is_inert(staff_client, file_format):
    for number, text in enumerate(HOSTILE):
        InstitutionFactory(name=text, city=text, short_name=text, country="KR", website=f"https://u{number}.example")
    InstitutionFactory(name=WITH_CONTROL_CHARACTER, city="Daegu", country="KR")

    content = admin_export(staff_client, Institution, file_format)

    assert_inert_export(content, file_format, HOSTILE, plain=[WITHOUT_CONTROL_CHARACTER])


@both_formats
def test_agreements_export_is_inert(staff_client, file_format):
    partner = InstitutionFactory(name=WITH_CONTROL_CHARACTER, country="KR")
    for text in HOSTILE:
        AgreementFactory(partner=partner, reference_number=text, title=text, scope=text)

    content = admin_export(staff_client, Agreement, file_format)

    assert_inert_export(content, file_format, HOSTILE, plain=[WITHOUT_CONTROL_CHARACTER])


@both_formats
def test_mobility_export_is_inert(staff_client, file_format):
    partner = InstitutionFactory(name=HOSTILE[0], country="KR")
    for text in HOSTILE:
        MobilityFactory(partner=partner, participant_name=text, notes=text)
    MobilityFactory(partner=partner, participant_name=WITH_CONTROL_CHARACTER)

    content = admin_export(staff_client, Mobility, file_format)

    assert_inert_export(content, file_format, HOSTILE, plain=[WITHOUT_CONTROL_CHARACTER])


@both_formats
def test_visits_export_is_inert(staff_client, file_format):
    partner = InstitutionFactory(name=WITH_CONTROL_CHARACTER, country="KR")
    for text in HOSTILE:
        VisitFactory(partner=partner, title=text, city=text, topics=text, outcomes=text)

    content = admin_export(staff_client, Visit, file_format)

    assert_inert_export(content, file_format, HOSTILE, plain=[WITHOUT_CONTROL_CHARACTER])


@both_formats
def test_applications_export_is_inert(staff_client, file_format):
    call = CallFactory(title=HOSTILE[0])
    for number, text in enumerate(HOSTILE):
        faculty = FacultyFactory(name=text, slug=f"faculty-{number}")
        ApplicationFactory(call=call, first_name=text, last_name="Valiyev", faculty=faculty)
    ApplicationFactory(call=call, first_name="Aziza\x01", last_name="Karimova")

    content = admin_export(staff_client, Application, file_format, f"?call__id__exact={call.pk}")

    # The name column joins first and last name without the spaces around them, a tab included.
    names = [f"{text} Valiyev".strip() for text in HOSTILE]
    assert_inert_export(content, file_format, [*HOSTILE, *names], plain=[WITHOUT_CONTROL_CHARACTER])


def test_numbers_and_dates_stay_typed_cells_in_xlsx(staff_client):
    AgreementFactory(reference_number="-7", title="=1", student_places_out=4)

    content = admin_export(staff_client, Agreement, XLSX_FORMAT)

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header, row = (list(values) for values in sheet.iter_rows(values_only=True))
    cells = dict(zip(header, sheet[2], strict=True))
    assert (cells["student_places_out"].value, cells["student_places_out"].data_type) == (4, "n")
    assert cells["signed_on"].is_date
    # A reference number that reads as a number is no formula: it stays as typed.
    assert (cells["reference_number"].value, cells["title"].value) == ("-7", "'=1")


# --- open data ------------------------------------------------------------------------------------


def test_partners_open_data_csv_is_inert(client):
    for number, text in enumerate(HOSTILE):
        InstitutionFactory(name=text, city=text, short_name=text, country="KR", website=f"https://u{number}.example")
    InstitutionFactory(name=WITH_CONTROL_CHARACTER, country="KR")

    response = client.get("/partners/data.csv")

    assert response.status_code == 200
    assert_inert(csv_texts(b"".join(response.streaming_content)), [inert(t) for t in HOSTILE] + ["Aziza Karimova"])


def test_agreements_open_data_csv_is_inert(client):
    partner = InstitutionFactory(name=WITH_CONTROL_CHARACTER, country="KR")
    for text in HOSTILE:
        AgreementFactory(partner=partner, reference_number=text, title=text, is_public=True)

    response = client.get("/partners/agreements.csv")

    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert_inert(csv_texts(content), [inert(text) for text in HOSTILE] + [WITHOUT_CONTROL_CHARACTER])


def test_open_data_json_keeps_the_names_as_stored(client):
    InstitutionFactory(name=HOSTILE[0], country="KR")

    document = json.loads(b"".join(client.get("/partners/data.json").streaming_content))

    assert [row["name"] for row in document["results"]] == [HOSTILE[0]]


# --- the annual report ----------------------------------------------------------------------------


def test_report_xlsx_answers_200_and_is_inert(client, staff):
    signed = datetime.date(2024, 10, 1)
    for text in [*HOSTILE, WITH_CONTROL_CHARACTER]:
        partner = InstitutionFactory(name=text, country="KR")
        AgreementFactory(partner=partner, title=text, signed_on=signed, valid_until=datetime.date(2029, 9, 30))
        VisitFactory(partner=partner, title=text, city=text, start_date=signed)
    client.force_login(staff)

    response = report_xlsx(client, year=2024, period="academic")

    assert response.status_code == 200
    assert_inert(xlsx_texts(response.body), [inert(text, xlsx=True) for text in HOSTILE] + ["Aziza Karimova"])
