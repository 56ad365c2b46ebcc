"""The annual report against the public statistics page, and the page and XLSX staff open."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from intl_office.dates import academic_year_of, today
from intl_office.models import ReportFile
from intl_office.staff import reports
from partners.models import Institution
from tests.factories import AgreementFactory, GrantProgramFactory, InstitutionFactory, MobilityFactory, VisitFactory
from tests.intl_office.reports.helpers import (
    ACADEMIC_2024,
    CALENDAR_2024,
    IN,
    OUT,
    counted_mobilities,
    days,
)
from tests.jobs import run_jobs
from tests.reports import report_xlsx

pytestmark = pytest.mark.django_db


URL = reverse("staff:report")
EXPORT_URL = reverse("staff:report-export")


# --- agreement with the public statistics page ---------------------------------------------------------


@pytest.mark.usefixtures("home_institution")
def test_report_of_an_academic_year_shows_the_public_statistics_pages_figures(client, staff, records):
    for code in ("IT", "ES", "PL", "HU", "LT", "LV", "FR", "KR", "JP", "IN", "KZ"):  # more than the page's top 10
        MobilityFactory(partner=InstitutionFactory(country=code), start_date=datetime.date(2024, 10, 1))
    client.force_login(staff)

    page = client.get(reverse("mobility:statistics"), {"year": 2024}).context
    report = client.get(URL, {"year": 2024, "period": "academic"}).context["report"]

    direction = {row["direction"]: row for row in report.mobility_by_direction.rows}
    totals = page["totals"]
    assert (direction[OUT]["total"], direction[IN]["total"]) == (totals["outgoing"], totals["incoming"])
    assert (direction[OUT]["students"], direction[OUT]["staff"]) == (
        totals["outgoing_students"],
        totals["outgoing_staff"],
    )
    assert (direction[IN]["students"], direction[IN]["staff"]) == (
        totals["incoming_students"],
        totals["incoming_staff"],
    )
    assert report.mobility_by_direction.totals["total"] == totals["total"]

    def strip(rows, *keys):
        return [{key: row[key] for key in ("label", *keys)} for row in rows]

    assert strip(report.mobility_by_program.rows, "outgoing", "incoming", "total") == strip(
        page["by_program"], "outgoing", "incoming", "total"
    )
    # The page lists ten countries and sums the others in one row; the report lists every country.
    *top, others = page["by_country"]
    assert others["is_other"]
    assert strip(report.mobility_by_country.rows[: len(top)], "outgoing", "incoming", "total") == strip(
        top, "outgoing", "incoming", "total"
    )
    assert sum(row["total"] for row in report.mobility_by_country.rows[len(top) :]) == others["total"]
    # Agreements in force: the page counts public ones on the year's last day, as the report's "public" column does.
    assert page["counted_on"] == report.counted_on
    assert report.agreements_in_force_by_country.totals["public"] == page["agreement_total"]


# --- the page and the XLSX ----------------------------------------------------------------------------


def test_report_page_shows_the_period_asked_for(client, staff, records):
    client.force_login(staff)

    response = client.get(URL, {"year": 2024, "period": "calendar"})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["period"] == CALENDAR_2024
    assert "Annual report: Calendar year 2024" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert f'<form id="report-xlsx" method="post" action="{EXPORT_URL}"' in html
    assert '<input type="hidden" name="year" value="2024">' in html
    assert '<input type="hidden" name="period" value="calendar">' in html


def test_report_page_defaults_to_the_last_completed_academic_year(client, staff):
    client.force_login(staff)

    response = client.get(URL)

    assert response.context["period"] == reports.Period(reports.ACADEMIC, academic_year_of(today()) - 1)


@pytest.mark.parametrize(
    "query",
    [{"year": "abc"}, {"year": "1800"}, {"year": "99999"}, {"period": "fiscal"}, {"year": "2024", "period": "x"}],
)
def test_report_page_explains_a_period_that_does_not_exist_and_shows_the_default(client, staff, query):
    client.force_login(staff)

    response = client.get(URL, query)

    assert response.status_code == 200
    assert "The period asked for does not exist" in response.content.decode()
    assert response.context["period"] == reports.default_period(reports.ACADEMIC, today())


def test_export_of_a_period_that_does_not_exist_leads_back_to_the_report_page(client, staff):
    client.force_login(staff)

    response = client.post(EXPORT_URL, {"year": "abc", "period": "academic"})

    assert response.status_code == 302
    assert response["Location"] == f"{URL}?year=abc&period=academic"


def test_xlsx_holds_one_sheet_per_table_with_the_reports_numbers(client, staff, records):
    client.force_login(staff)
    report = reports.annual_report(ACADEMIC_2024, on=today())

    response = report_xlsx(client, year=2024, period="academic")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="annual-report-academic-2024-25.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.body))
    assert len(workbook.sheetnames) == len(report.tables)
    for sheet, table in zip(workbook.worksheets, report.tables, strict=True):
        assert sheet["A1"].value == str(table.title)
        assert "Academic year 2024/25 (2024-09-01 – 2025-08-31)" in sheet["A2"].value
        assert f"Generated on {timezone.localdate().isoformat()}" in sheet["A2"].value
        header = [cell.value for cell in sheet[4]]
        assert header == [str(column.label) for column in table.columns]
        assert all(cell.font.b for cell in sheet[4])
        assert sheet.column_dimensions["A"].width == table.columns[0].width
        body = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5, max_row=4 + len(table.rows))]
        expected = [[_as_written(cell.value) for cell in row] for row in table.body]
        assert body == expected, table.slug
        if table.footer:
            footer = [cell.value for cell in sheet[5 + len(table.rows)]]
            assert footer[1:] == [_as_written(cell.value) for cell in table.footer[1:]]


def _as_written(value):
    """What openpyxl reads back: dates as datetimes, empty text as nothing."""
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    if value in ("", None):
        return None
    return value if isinstance(value, int) else str(value)


def test_xlsx_numbers_match_the_mobility_counted_in_the_test(client, staff, records):
    client.force_login(staff)
    expected = counted_mobilities(CALENDAR_2024)

    response = report_xlsx(client, year=2024, period="calendar")

    sheet = load_workbook(io.BytesIO(response.body))["Mobility by direction"]
    values = {row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert values["Outgoing"][2] == sum(m.direction == OUT for m in expected)
    assert values["Incoming"][2] == sum(m.direction == IN for m in expected)
    assert values["Total"][2] == len(expected)


def test_sheet_names_are_cut_to_31_characters_cleaned_and_unique():
    taken = set()

    names = [reports.sheet_name(text, taken) for text in ("A/B: [c]?", "x" * 40, "x" * 40, "")]

    assert names[0] == "A B   c"
    assert names[1] == "x" * 31
    assert names[2] == "x" * 29 + " 2"
    assert names[3] == "Sheet"


def populate(n):
    """``n`` of every row the report lists or groups, each with its own partner and programme, in ten countries."""
    start = ACADEMIC_2024.start
    codes = ["TR", "CN", "DE", "FR", "IT", "ES", "PL", "KR", "JP", "IN"]
    zone = timezone.get_current_timezone()
    for index in range(n):
        partner = InstitutionFactory(country=codes[index % len(codes)])
        Institution.objects.filter(pk=partner.pk).update(created_at=datetime.datetime(2024, 10, 1, tzinfo=zone))
        program = GrantProgramFactory()
        day = start + days(index % 300)
        AgreementFactory(partner=partner, signed_on=day, valid_until=start + days(1000))
        MobilityFactory(partner=partner, program=program, start_date=day, end_date=day + days(30))
        VisitFactory(partner=partner, start_date=day)


@pytest.mark.usefixtures("home_institution")
def test_report_queries_do_not_grow_with_rows(client, staff, django_assert_num_queries):
    """15 queries for 5 rows or 200: session, user, home institution; partners added; agreements signed;
    agreements in force by country and by kind; mobility totals, by programme and the programmes' names,
    by country; credits recognised; visits; business trips; the XLSX file's state.
    """
    client.force_login(staff)
    query = {"year": 2024, "period": "academic"}
    populate(5)
    with django_assert_num_queries(15):
        response = client.get(URL, query)
    assert len(response.context["report"].agreements_signed.rows) == 5

    populate(195)
    with django_assert_num_queries(15):
        response = client.get(URL, query)
    assert len(response.context["report"].visits.rows) == 200


def test_the_xlsx_jobs_queries_do_not_grow_with_rows(client, staff):
    """The job's queries for 5 rows or 200: its row locked; the report's nine; the file's row saved; the
    period's older files looked for; its jobs done recorded.
    """
    client.force_login(staff)
    query = {"year": 2024, "period": "academic"}
    counts = []
    for rows in (5, 195):
        populate(rows)
        ReportFile.objects.all().delete()  # no older file to delete: the same work both times
        run_jobs()
        client.post(EXPORT_URL, query)
        with CaptureQueriesContext(connection) as queries:
            assert run_jobs() == 1
        counts.append(len(queries))
    assert counts[0] == counts[1]
