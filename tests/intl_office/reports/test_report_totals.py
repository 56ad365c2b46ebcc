"""The annual report's totals against counts made here row by row, for academic and calendar years."""

import datetime
from collections import Counter

import pytest

from intl_office.dates import academic_year_of
from intl_office.staff import reports
from mobility.models import Visit
from partners.models import Agreement
from tests.factories import AgreementFactory, InstitutionFactory
from tests.intl_office.reports.helpers import (
    ACADEMIC_2024,
    CALENDAR_2024,
    IN,
    OUT,
    STAFF,
    STUDENT,
    counted_mobilities,
    days,
    within,
)

pytestmark = pytest.mark.django_db


ON = datetime.date(2026, 1, 15)  # both periods are over


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
