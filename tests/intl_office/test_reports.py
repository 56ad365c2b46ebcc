"""The staff annual report: totals against counts made here row by row, the public statistics page, the XLSX.

Rows sit on both sides of the period boundaries: 31 August / 1 September for academic
years, 31 December / 1 January for calendar years, in the office's time zone for the
moment a partner was added.
"""

import datetime
import io
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from intl_office import reports
from intl_office.dates import academic_year_of, today
from mobility.models import Direction, Mobility, Visit
from partners.models import Agreement, Institution
from tests.factories import (
    AgreementFactory,
    GrantProgramFactory,
    InstitutionFactory,
    MobilityFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("staff:report")
EXPORT_URL = reverse("staff:report-export")
OUT, IN = Direction.OUTGOING, Direction.INCOMING
STUDENT, STAFF = Mobility.ParticipantKind.STUDENT, Mobility.ParticipantKind.STAFF
ACADEMIC_2024 = reports.Period(reports.ACADEMIC, 2024)  # 1 Sep 2024 .. 31 Aug 2025
CALENDAR_2024 = reports.Period(reports.CALENDAR, 2024)  # 1 Jan 2024 .. 31 Dec 2024
ON = datetime.date(2026, 1, 15)  # both periods are over
# The days on either side of every boundary of both periods.
BOUNDARY_DAYS = [
    datetime.date(2023, 12, 31),
    datetime.date(2024, 1, 1),
    datetime.date(2024, 8, 31),
    datetime.date(2024, 9, 1),
    datetime.date(2024, 12, 31),
    datetime.date(2025, 1, 1),
    datetime.date(2025, 8, 31),
    datetime.date(2025, 9, 1),
]


def days(n):
    return datetime.timedelta(days=n)


def within(period, day):
    return period.start <= day <= period.end


@pytest.fixture
def records():
    """Mobility, agreements, partners and visits on both sides of every boundary, with rows that never count."""
    turkey, china, germany = (InstitutionFactory(country=code) for code in ("TR", "CN", "DE"))
    erasmus, itec = GrantProgramFactory(name="Erasmus+"), GrantProgramFactory(name="ITEC")
    partners = [turkey, china, germany]
    kinds = list(Agreement.Kind)
    for index, day in enumerate(BOUNDARY_DAYS):
        partner = partners[index % 3]
        MobilityFactory(
            partner=partner,
            start_date=day,
            end_date=day + days(30),
            direction=OUT if index % 2 else IN,
            participant_kind=STUDENT if index % 3 else STAFF,
            program=[erasmus, itec, None][index % 3],
            status=Mobility.Status.COMPLETED,
        )
        AgreementFactory(
            partner=partner, signed_on=day, valid_until=day + days(3 * 365), kind=kinds[index % len(kinds)]
        )
        VisitFactory(partner=partner, start_date=day, direction=IN if index % 2 else OUT, is_public=bool(index % 3))
    # Cancelled mobilities never count; drafts were never signed.
    for day in BOUNDARY_DAYS:
        MobilityFactory(partner=turkey, start_date=day, end_date=day + days(5), status=Mobility.Status.CANCELLED)
    AgreementFactory(partner=germany, signed_on=None, valid_until=None)
    # Partners added around midnight, in the office's time zone (Asia/Tashkent, five hours ahead of UTC).
    zone = timezone.get_current_timezone()
    added = {
        "Added 31 Dec 23:30": datetime.datetime(2024, 12, 31, 23, 30, tzinfo=zone),
        "Added 1 Jan 00:10": datetime.datetime(2025, 1, 1, 0, 10, tzinfo=zone),
        "Added 31 Aug 23:59": datetime.datetime(2024, 8, 31, 23, 59, tzinfo=zone),
        "Added 1 Sep 00:00": datetime.datetime(2024, 9, 1, 0, 0, tzinfo=zone),
        "Added 31 Dec 2023": datetime.datetime(2023, 12, 31, 12, 0, tzinfo=zone),
    }
    for name, moment in added.items():
        institution = InstitutionFactory(name=name, country="KR")
        Institution.objects.filter(pk=institution.pk).update(created_at=moment)
    # The fixture's partners themselves were added "today": move them out of every period.
    Institution.objects.exclude(name__startswith="Added").update(created_at=datetime.datetime(2020, 1, 1, tzinfo=zone))


def counted_mobilities(period):
    return [
        m
        for m in Mobility.objects.select_related("partner", "program")
        if m.status != Mobility.Status.CANCELLED and within(period, m.start_date)
    ]


@pytest.mark.parametrize("period", [ACADEMIC_2024, CALENDAR_2024], ids=["academic", "calendar"])
def test_mobility_totals_equal_the_mobilities_starting_in_the_period(records, period):
    expected = counted_mobilities(period)

    report = reports.annual_report(period, on=ON)

    by_direction = {row["direction"]: row for row in report.mobility_by_direction.rows}
    for direction in (OUT, IN):
        rows = [m for m in expected if m.direction == direction]
        assert by_direction[direction]["total"] == len(rows)
        assert by_direction[direction]["students"] == sum(m.participant_kind == STUDENT for m in rows)
        assert by_direction[direction]["staff"] == sum(m.participant_kind == STAFF for m in rows)
    by_kind = {row["kind"]: row for row in report.mobility_by_participant.rows}
    for kind in (STUDENT, STAFF):
        assert by_kind[kind]["total"] == sum(m.participant_kind == kind for m in expected)
    assert report.mobility_by_direction.totals["total"] == len(expected) == 4


@pytest.mark.parametrize("period", [ACADEMIC_2024, CALENDAR_2024], ids=["academic", "calendar"])
def test_mobility_by_programme_and_country_equal_counts_made_row_by_row(records, period):
    expected = counted_mobilities(period)

    report = reports.annual_report(period, on=ON)

    programmes = Counter(str(m.program) if m.program else "Without a grant programme" for m in expected)
    assert {row["label"]: row["total"] for row in report.mobility_by_program.rows} == programmes
    countries = Counter((m.partner.country.code, m.direction) for m in expected)
    for row in report.mobility_by_country.rows:
        assert (row["outgoing"], row["incoming"]) == (countries[(row["code"], OUT)], countries[(row["code"], IN)])
    assert sum(row["total"] for row in report.mobility_by_country.rows) == len(expected)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (ACADEMIC_2024, {"Added 1 Sep 00:00", "Added 31 Dec 23:30", "Added 1 Jan 00:10"}),
        (CALENDAR_2024, {"Added 31 Aug 23:59", "Added 1 Sep 00:00", "Added 31 Dec 23:30"}),
    ],
    ids=["academic", "calendar"],
)
def test_partners_added_count_by_the_office_clock(records, period, expected):
    report = reports.annual_report(period, on=ON)

    assert {row["label"] for row in report.partners_added.rows} == expected
    assert report.partners_added_by_country.rows[0]["count"] == len(expected)
    assert report.partners_added_by_country.totals == {"count": len(expected)}


@pytest.mark.parametrize("period", [ACADEMIC_2024, CALENDAR_2024], ids=["academic", "calendar"])
def test_agreements_signed_by_country_and_kind_equal_the_agreements_signed_in_the_period(records, period):
    signed = [a for a in Agreement.objects.select_related("partner") if a.signed_on and within(period, a.signed_on)]

    report = reports.annual_report(period, on=ON)

    assert sorted(row["signed_on"] for row in report.agreements_signed.rows) == sorted(a.signed_on for a in signed)
    assert {row["code"]: row["count"] for row in report.agreements_signed_by_country.rows} == Counter(
        a.partner.country.code for a in signed
    )
    assert {row["kind"]: row["count"] for row in report.agreements_signed_by_kind.rows} == Counter(
        a.kind for a in signed
    )
    assert len(signed) == 4


@pytest.mark.parametrize("period", [ACADEMIC_2024, CALENDAR_2024], ids=["academic", "calendar"])
def test_agreements_in_force_are_counted_on_the_periods_last_day(records, period):
    end = period.end
    partner = InstitutionFactory(country="FR", is_active=False)
    AgreementFactory(partner=partner, signed_on=end - days(10), valid_until=end)  # its last day: in force
    AgreementFactory(partner=partner, signed_on=end - days(10), valid_until=end - days(1))  # expired the day before
    AgreementFactory(partner=partner, signed_on=end + days(1), valid_until=end + days(100))  # not yet signed
    in_force = [
        a
        for a in Agreement.objects.select_related("partner")
        if a.signed_on and a.signed_on <= end and (a.valid_until is None or a.valid_until >= end)
    ]

    report = reports.annual_report(period, on=ON)

    table = report.agreements_in_force_by_country
    assert report.counted_on == end
    assert {row["code"]: row["count"] for row in table.rows} == Counter(a.partner.country.code for a in in_force)
    public = Counter(a.partner.country.code for a in in_force if a.is_public and a.partner.is_active)
    assert {row["code"]: row["public"] for row in table.rows} == {
        row["code"]: public[row["code"]] for row in table.rows
    }
    assert table.totals["public"] == sum(public.values())
    assert report.agreements_in_force_by_kind.totals["count"] == len(in_force)


def test_agreements_in_force_of_a_running_period_are_counted_today():
    period = reports.Period(reports.ACADEMIC, academic_year_of(ON))

    assert reports.annual_report(period, on=ON).counted_on == ON


@pytest.mark.parametrize("period", [ACADEMIC_2024, CALENDAR_2024], ids=["academic", "calendar"])
def test_visits_received_and_sent_equal_the_visits_starting_in_the_period(records, period):
    visits = [v for v in Visit.objects.all() if within(period, v.start_date)]

    report = reports.annual_report(period, on=ON)

    counts = {row["direction"]: row["count"] for row in report.visits_by_direction.rows}
    assert counts == {IN: sum(v.direction == IN for v in visits), OUT: sum(v.direction == OUT for v in visits)}
    assert len(report.visits.rows) == len(visits) == 4


def test_periods_run_from_1_september_and_from_1_january():
    assert ACADEMIC_2024.bounds == (datetime.date(2024, 9, 1), datetime.date(2025, 8, 31))
    assert CALENDAR_2024.bounds == (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert (str(ACADEMIC_2024.title), str(CALENDAR_2024.title)) == ("Academic year 2024/25", "Calendar year 2024")


def test_the_default_report_is_the_last_completed_year():
    assert reports.default_period(reports.ACADEMIC, datetime.date(2025, 8, 31)) == reports.Period("academic", 2023)
    assert reports.default_period(reports.ACADEMIC, datetime.date(2025, 9, 1)) == reports.Period("academic", 2024)
    assert reports.default_period(reports.CALENDAR, datetime.date(2025, 1, 1)) == reports.Period("calendar", 2024)


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
    assert f'href="{EXPORT_URL}?year=2024&amp;period=calendar"' in html


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

    response = client.get(EXPORT_URL, {"year": "abc", "period": "academic"})

    assert response.status_code == 302
    assert response["Location"] == f"{URL}?year=abc&period=academic"


def test_xlsx_holds_one_sheet_per_table_with_the_reports_numbers(client, staff, records):
    client.force_login(staff)
    report = reports.annual_report(ACADEMIC_2024, on=today())

    response = client.get(EXPORT_URL, {"year": 2024, "period": "academic"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="annual-report-academic-2024-25.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
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

    response = client.get(EXPORT_URL, {"year": 2024, "period": "calendar"})

    sheet = load_workbook(io.BytesIO(response.content))["Mobility by direction"]
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
    """12 queries for 5 rows or 200: session, user, home institution; partners added; agreements signed;
    agreements in force by country and by kind; mobility totals, by programme and the programmes' names,
    by country; visits.
    """
    client.force_login(staff)
    query = {"year": 2024, "period": "academic"}
    populate(5)
    with django_assert_num_queries(12):
        response = client.get(URL, query)
    assert len(response.context["report"].agreements_signed.rows) == 5

    populate(195)
    with django_assert_num_queries(12):
        response = client.get(URL, query)
    assert len(response.context["report"].visits.rows) == 200


def test_export_queries_do_not_grow_with_rows(client, staff, django_assert_num_queries):
    """11 queries for 5 rows or 200: session, user; partners added; agreements signed; agreements in force by
    country and by kind; mobility totals, by programme and the programmes' names, by country; visits.
    """
    client.force_login(staff)
    query = {"year": 2024, "period": "academic"}
    populate(5)
    with django_assert_num_queries(11):
        client.get(EXPORT_URL, query)

    populate(195)
    with django_assert_num_queries(11):
        client.get(EXPORT_URL, query)
