"""The staff dashboard's lists: each one's membership on both sides of its date boundaries.

The list functions take the day ``on``; the tests pin it to DAY so that the boundaries are
written as dates, not as arithmetic on the day the suite happens to run.
"""

import datetime

import pytest
from django.contrib.auth.models import Group

from intl_office import roles
from intl_office.staff import dashboard
from mobility.models import Application, Mobility
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    CallFactory,
    FacultyFactory,
    InstitutionFactory,
    MobilityFactory,
    VisitFactory,
)
from tests.intl_office.dashboard import IN, OUT, days

pytestmark = pytest.mark.django_db


DAY = datetime.date(2025, 11, 20)  # academic year 2025/26, 80 days after 1 September
STUDENT, STAFF = Mobility.ParticipantKind.STUDENT, Mobility.ParticipantKind.STAFF


def agreement(**kwargs):
    """An agreement signed two years before DAY; ``valid_until`` says how long it lasts."""
    kwargs.setdefault("signed_on", DAY - days(730))
    return AgreementFactory(**kwargs)


# --- agreements expiring -----------------------------------------------------------------------


def test_agreement_ending_on_the_90th_day_is_expiring_and_one_ending_on_the_91st_is_not():
    ninetieth = agreement(title="Ends on day 90", valid_until=DAY + days(90))
    agreement(title="Ends on day 91", valid_until=DAY + days(91))

    assert list(dashboard.agreements_expiring(DAY)) == [ninetieth]


def test_agreement_ending_today_is_expiring_and_one_that_ended_yesterday_is_not():
    ends_today = agreement(valid_until=DAY)
    agreement(valid_until=DAY - days(1))

    assert list(dashboard.agreements_expiring(DAY)) == [ends_today]


def test_expiring_agreements_come_soonest_first_and_say_whether_a_renewal_exists():
    later = agreement(valid_until=DAY + days(60))
    sooner = agreement(valid_until=DAY + days(5))
    AgreementFactory(partner=later.partner, renews=later, signed_on=None, valid_until=None)
    agreement(valid_until=None)  # open-ended: never expiring
    AgreementFactory(signed_on=None, valid_until=DAY + days(10))  # a draft is not in force

    rows = list(dashboard.agreements_expiring(DAY))

    assert rows == [sooner, later]
    assert [row.has_renewal for row in rows] == [False, True]


# --- agreements expired without renewal ----------------------------------------------------------


def test_expired_agreement_without_renewal_is_listed_and_a_renewed_one_is_not():
    lapsed = agreement(title="Lapsed", valid_until=DAY - days(1))
    renewed = agreement(title="Renewed", valid_until=DAY - days(1))
    AgreementFactory(partner=renewed.partner, renews=renewed, signed_on=DAY - days(3), valid_until=DAY + days(1000))

    assert list(dashboard.agreements_expired_without_renewal(DAY)) == [lapsed]


def test_a_renewal_still_in_draft_takes_the_agreement_off_the_expired_list():
    expired = agreement(valid_until=DAY - days(30))
    AgreementFactory(partner=expired.partner, renews=expired, signed_on=None, valid_until=None)

    assert list(dashboard.agreements_expired_without_renewal(DAY)) == []


def test_agreement_whose_last_day_is_today_has_not_expired_yet():
    agreement(valid_until=DAY)
    yesterday = agreement(valid_until=DAY - days(1))
    long_ago = agreement(valid_until=DAY - days(400))

    assert list(dashboard.agreements_expired_without_renewal(DAY)) == [yesterday, long_ago]


# --- dormant agreements --------------------------------------------------------------------------


def test_dormant_agreements_show_last_years_mobility_against_the_quota_biggest_shortfall_first():
    last_year = datetime.date(2025, 3, 1)  # academic year 2024/25, the one before DAY's

    def in_force(name, **quota):
        return agreement(partner=InstitutionFactory(name=name), valid_until=DAY + days(900), **quota)

    short = in_force("Short University", student_places_out=4)
    MobilityFactory(partner=short.partner, start_date=last_year, end_date=last_year + days(90))
    idle = in_force("Idle University", student_places_out=2, staff_places_in=8)
    met = in_force("Met University", student_places_out=1)
    MobilityFactory(partner=met.partner, start_date=last_year, end_date=last_year + days(90))
    cancelled = in_force("Cancelled University", student_places_out=1)
    MobilityFactory(
        partner=cancelled.partner,
        start_date=last_year,
        end_date=last_year + days(90),
        status=Mobility.Status.CANCELLED,
    )
    this_year = in_force("This Year University", student_places_out=1)
    MobilityFactory(partner=this_year.partner, start_date=DAY - days(10), end_date=DAY + days(90))

    rows = dashboard.dormant_agreements(DAY)

    assert rows == [idle, short, cancelled, this_year]
    assert [(row.last_year_mobility, row.yearly_quota) for row in rows] == [(0, 10), (1, 4), (0, 1), (0, 1)]


def test_expired_agreements_are_not_dormant():
    agreement(valid_until=DAY - days(1), student_places_out=5)

    assert dashboard.dormant_agreements(DAY) == []


# --- applications waiting for review ---------------------------------------------------------------


def test_applications_waiting_for_review_are_counted_per_call_nearest_deadline_first():
    Status = Application.Status
    later = CallFactory(opens_on=DAY - days(10), deadline=DAY + days(30))
    sooner = CallFactory(opens_on=DAY - days(40), deadline=DAY - days(2))
    for status in (Status.SUBMITTED, Status.SUBMITTED, Status.UNDER_REVIEW):
        ApplicationFactory(call=later, status=status)
    ApplicationFactory(call=sooner, status=Status.UNDER_REVIEW)
    for status in (Status.DRAFT, Status.SHORTLISTED, Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN):
        ApplicationFactory(call=sooner, status=status)
    nothing_waiting = CallFactory()
    ApplicationFactory(call=nothing_waiting, status=Status.DRAFT)

    rows = dashboard.applications_awaiting_review(DAY)

    assert [(row.call, row.submitted, row.under_review, row.total, row.is_open) for row in rows] == [
        (sooner, 0, 1, 1, False),
        (later, 2, 1, 3, True),
    ]


def test_a_faculty_coordinator_sees_only_the_own_facultys_applicants_waiting(coordinator):
    coordinator.groups.add(Group.objects.get(name=roles.FACULTY_COORDINATOR))
    other = FacultyFactory()
    call = CallFactory(opens_on=DAY - days(10), deadline=DAY + days(30))
    ApplicationFactory(call=call, faculty=coordinator.faculty, status=Application.Status.SUBMITTED)
    ApplicationFactory(call=call, faculty=other, status=Application.Status.SUBMITTED)
    ApplicationFactory(call=CallFactory(), faculty=other, status=Application.Status.SUBMITTED)

    rows = dashboard.applications_awaiting_review(DAY, user=coordinator)

    assert [(row.call, row.total) for row in rows] == [(call, 1)]


# --- calls closing soon --------------------------------------------------------------------------


def call_closing(deadline, **kwargs):
    kwargs.setdefault("opens_on", DAY - days(30))
    return CallFactory(deadline=deadline, **kwargs)


def test_call_closing_on_the_14th_day_is_listed_and_one_closing_on_the_15th_is_not():
    fourteenth = call_closing(DAY + days(14))
    call_closing(DAY + days(15))

    assert [call.pk for call in dashboard.calls_closing_soon(DAY)] == [fourteenth.pk]


def test_call_closing_today_is_listed_with_no_days_left_and_one_closed_yesterday_is_not():
    closes_today = call_closing(DAY)
    tomorrow = call_closing(DAY + days(1))
    call_closing(DAY - days(1), opens_on=DAY - days(30))

    calls = dashboard.calls_closing_soon(DAY)

    assert [(call.pk, call.days_to_deadline) for call in calls] == [(closes_today.pk, 0), (tomorrow.pk, 1)]


def test_calls_not_yet_open_or_unpublished_are_not_closing_soon():
    call_closing(DAY + days(5), opens_on=DAY + days(1))
    call_closing(DAY + days(5), is_published=False)

    assert dashboard.calls_closing_soon(DAY) == []


def test_calls_closing_soon_count_submitted_applications_not_drafts():
    call = call_closing(DAY + days(3))
    ApplicationFactory(call=call, status=Application.Status.SUBMITTED)
    ApplicationFactory(call=call, status=Application.Status.REJECTED)
    ApplicationFactory(call=call, status=Application.Status.DRAFT)

    [listed] = dashboard.calls_closing_soon(DAY)

    assert listed.applications_count == 2


# --- visits ----------------------------------------------------------------------------------------


def test_visit_starting_today_is_upcoming_and_one_that_started_yesterday_is_recent():
    starts_today = VisitFactory(start_date=DAY)
    later = VisitFactory(start_date=DAY + days(200))
    yesterday = VisitFactory(start_date=DAY - days(1), end_date=DAY + days(2))

    assert list(dashboard.upcoming_visits(DAY)) == [starts_today, later]
    assert list(dashboard.recent_visits(DAY)) == [yesterday]


def test_visit_that_started_60_days_ago_is_recent_and_one_61_days_ago_is_not():
    sixtieth = VisitFactory(start_date=DAY - days(60))
    VisitFactory(start_date=DAY - days(61))

    assert list(dashboard.recent_visits(DAY)) == [sixtieth]


# --- mobility this year against last year ----------------------------------------------------------


def mobility(start, *, direction=OUT, kind=STUDENT, status=Mobility.Status.COMPLETED):
    return MobilityFactory(
        start_date=start, end_date=start + days(30), direction=direction, participant_kind=kind, status=status
    )


def test_both_years_are_counted_over_the_same_days_from_1_september():
    comparison = dashboard.mobility_year_over_year(DAY)

    assert (comparison.start, comparison.end) == (datetime.date(2025, 9, 1), DAY)
    assert (comparison.last_start, comparison.last_end) == (datetime.date(2024, 9, 1), datetime.date(2024, 11, 20))
    assert comparison.last_year_end == datetime.date(2025, 8, 31)
    assert comparison.days == 81
    assert (comparison.label, comparison.last_label) == ("2025/26", "2024/25")


def test_year_over_year_counts_each_mobility_in_its_window_only():
    mobility(datetime.date(2025, 9, 1))  # first day this year
    mobility(DAY, direction=IN, kind=STAFF)  # today
    mobility(DAY + days(1))  # starts tomorrow: not yet counted
    mobility(datetime.date(2025, 8, 31))  # last day of last year, outside the same stretch
    mobility(datetime.date(2024, 9, 1))  # first day last year
    mobility(datetime.date(2024, 11, 20), direction=IN)  # the same day number last year
    mobility(datetime.date(2024, 11, 21))  # one day further: only in last year's whole
    mobility(datetime.date(2024, 10, 1), status=Mobility.Status.CANCELLED)
    mobility(datetime.date(2025, 10, 1), status=Mobility.Status.CANCELLED)

    rows = {str(row.label): row for row in dashboard.mobility_year_over_year(DAY).rows}

    assert (rows["Total"].this_year, rows["Total"].last_year, rows["Total"].last_year_whole) == (2, 2, 4)
    assert (rows["Outgoing students"].this_year, rows["Outgoing students"].last_year) == (1, 1)
    assert (rows["Incoming staff"].this_year, rows["Incoming staff"].last_year) == (1, 0)
    assert (rows["Incoming students"].this_year, rows["Incoming students"].last_year) == (0, 1)
    assert rows["Outgoing, all"].last_year_whole == 3
    assert rows["Incoming staff"].change == 1
    assert rows["Incoming students"].change_percent == -100
    assert rows["Incoming staff"].change_percent is None  # nothing last year to compare with
