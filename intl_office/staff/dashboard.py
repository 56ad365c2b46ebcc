"""What the staff dashboard lists, each a plain function of the day ``on`` so that tests can pin the day.

Every list goes through the QuerySet methods the rest of the portal uses
(``Agreement.objects.expiring_soon``, ``dormant``, ``Call.objects.open``,
``Application.objects.awaiting_review``, ``Visit.objects.upcoming``), so the dashboard
and the admin filters never disagree on what "expiring" or "open" means.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from intl_office.dates import academic_year_bounds, academic_year_label, academic_year_of
from intl_office.i18n import localized
from intl_office.models import Faculty
from intl_office.roles import of_own_faculty
from mobility.models import (
    Application,
    Expert,
    LearningAgreement,
    LearningAgreementApproval,
    Mobility,
    Nomination,
    TripRequest,
    Visit,
    agreements_dormant,
    mobilities_to_nominate,
)
from mobility.models.checklists import DEPARTING_SOON_DAYS, LEAVING_SOON
from mobility.statistics import mobility_totals
from partners.models import Agreement
from programs.models import Call

# The expiry warning the agreement's status uses: "expiring soon" is the last 90 days.
EXPIRING_WITHIN_DAYS = Agreement.EXPIRING_SOON_DAYS
CLOSING_WITHIN_DAYS = 14
RECENT_VISIT_DAYS = 60
CHECKLIST_DAYS = DEPARTING_SOON_DAYS
CHECKLIST_ROWS = 20
CHECKLIST_FILTER = LEAVING_SOON
GUEST_DEADLINE_DAYS = 14


def _has_renewal():
    return Exists(Agreement.objects.filter(renews=OuterRef("pk")))


def agreements_expiring(on: datetime.date):
    """Agreements in force whose last day is within 90 days (today and the 90th day included), soonest first.

    ``has_renewal`` tells whether the successor is already in the records.
    """
    return (
        Agreement.objects.expiring_soon(on, within=EXPIRING_WITHIN_DAYS)
        .annotate(has_renewal=_has_renewal())
        .select_related("partner", "responsible")
        .order_by("valid_until", "pk")
    )


def agreements_expired_without_renewal(on: datetime.date):
    """Agreements past their last day that no later agreement renews, the most recently expired first."""
    return (
        Agreement.objects.expired(on)
        .annotate(has_renewal=_has_renewal())
        .filter(has_renewal=False)
        .select_related("partner", "responsible")
        .order_by("-valid_until", "pk")
    )


def dormant_agreements(on: datetime.date) -> list[Agreement]:
    """Agreements in force whose mobility last academic year fell short of the quota or was zero.

    Each carries ``last_year_mobility`` and ``quota`` (``mobility.models.agreements_dormant``); the biggest
    shortfall first, then the least mobility, then by partner. One query.
    """
    return list(
        agreements_dormant(on=on)
        .select_related("partner")
        .order_by(F("last_year_mobility") - F("quota"), "last_year_mobility", localized("partner__name"), "pk")
    )


def last_academic_year_label(on: datetime.date) -> str:
    return academic_year_label(academic_year_of(on) - 1)


@dataclass(frozen=True)
class CallReview:
    """One call's applications waiting for the office: submitted, or taken up for review."""

    call: Call
    submitted: int
    under_review: int
    is_open: bool

    @property
    def total(self) -> int:
        return self.submitted + self.under_review


def applications_awaiting_review(on: datetime.date, *, user=None) -> list[CallReview]:
    """Applications waiting for review grouped by call, the nearest deadline first.

    With ``user``, only the applications that user may see (``Application.objects.visible_to``:
    a faculty coordinator sees their own faculty's applicants). Two queries: the counts per
    call, then the calls.
    """
    Status = Application.Status
    applications = Application.objects.all() if user is None else Application.objects.visible_to(user)
    waiting = applications.awaiting_review()
    counts = (
        waiting.order_by()
        .values("call")
        .annotate(
            submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
            under_review=Count("pk", filter=Q(status=Status.UNDER_REVIEW)),
        )
    )
    counts = {row["call"]: row for row in counts}
    calls = Call.objects.select_related("program").in_bulk(list(counts))
    rows = [
        CallReview(
            call=call,
            submitted=counts[pk]["submitted"],
            under_review=counts[pk]["under_review"],
            is_open=call.is_open_on(on),
        )
        for pk, call in calls.items()
    ]
    rows.sort(key=lambda row: (row.call.deadline, row.call.pk))
    return rows


def calls_closing_soon(on: datetime.date) -> list[Call]:
    """Open calls whose deadline is within 14 days (the deadline day itself still open), soonest first.

    Each call carries ``days_left`` counted from ``on`` (0 on the deadline day) and ``applications``
    (submitted so far, drafts left out).
    """
    calls = list(
        Call.objects.open(on)
        .filter(deadline__lte=on + datetime.timedelta(days=CLOSING_WITHIN_DAYS))
        .select_related("program")
        .annotate(applications_count=Count("applications", filter=~Q(applications__status=Application.Status.DRAFT)))
        .order_by("deadline", "pk")
    )
    for call in calls:
        call.days_to_deadline = (call.deadline - on).days
    return calls


def checklists_incomplete(on: datetime.date, *, user=None):
    """Mobilities leaving within ``CHECKLIST_DAYS`` with a checklist item not accepted, the soonest first.

    Each carries ``checklist_open`` (counted in the database); a faculty coordinator sees their own faculty's.
    """
    mobilities = _own_faculty(Mobility.objects.checklist_incomplete(on, departing_within=CHECKLIST_DAYS), user)
    return mobilities.select_related("partner").order_by("start_date", "participant_name")


def _own_faculty(mobilities, user):
    """``mobilities`` as ``user`` may count them: a faculty coordinator their own faculty's only."""
    return mobilities if user is None else of_own_faculty(mobilities, user)


def transcripts_missing(on: datetime.date, *, user=None) -> int:
    """Returned students without a transcript of records (``Mobility.objects.transcript_missing``). One query.

    A faculty coordinator counts their own faculty's students, as the admin lists them.
    """
    return _own_faculty(Mobility.objects.transcript_missing(on), user).count()


@dataclass(frozen=True)
class FacultyWaiting:
    """A faculty's learning agreements whose submitted version waits for its coordinator."""

    faculty: Faculty | None
    count: int


def learning_agreements_waiting(*, user=None) -> list[FacultyWaiting]:
    """Submitted learning agreements the faculty coordinator has not answered, per faculty, most first.

    Two queries: the counts grouped by faculty, then the faculties. A faculty coordinator sees their
    own faculty's only (``LearningAgreement.objects.visible_to``).
    """
    agreements = LearningAgreement.objects.all() if user is None else LearningAgreement.objects.visible_to(user)
    rows = list(
        agreements.waiting_for(LearningAgreementApproval.Party.FACULTY)
        .order_by()
        .values("mobility__faculty")
        .annotate(count=Count("pk"))
    )
    faculties = Faculty.objects.in_bulk([row["mobility__faculty"] for row in rows if row["mobility__faculty"]])
    waiting = [FacultyWaiting(faculties.get(row["mobility__faculty"]), row["count"]) for row in rows]
    return sorted(waiting, key=lambda row: (-row.count, str(row.faculty or "")))


def upcoming_visits(on: datetime.date):
    """Visits starting today or later, the nearest first."""
    return Visit.objects.upcoming(on).select_related("partner").order_by("start_date", "pk")


def recent_visits(on: datetime.date):
    """Visits that started in the last 60 days before today, the latest first (some may still go on)."""
    since = on - datetime.timedelta(days=RECENT_VISIT_DAYS)
    return Visit.objects.past(on).filter(start_date__gte=since).select_related("partner").order_by("-start_date", "pk")


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    this_year: int
    last_year: int
    last_year_whole: int
    is_total: bool = False

    @property
    def change(self) -> int:
        return self.this_year - self.last_year

    @property
    def change_size(self) -> int:
        return abs(self.change)

    @property
    def change_percent(self) -> int | None:
        if not self.last_year:
            return None
        return round(100 * self.change / self.last_year)


@dataclass(frozen=True)
class MobilityComparison:
    """This academic year so far against the same stretch of last year, and last year as a whole."""

    year: int
    start: datetime.date
    end: datetime.date
    last_start: datetime.date
    last_end: datetime.date
    last_year_end: datetime.date
    rows: list[ComparisonRow]

    @property
    def label(self) -> str:
        return academic_year_label(self.year)

    @property
    def last_label(self) -> str:
        return academic_year_label(self.year - 1)

    @property
    def days(self) -> int:
        """Days counted in each year, both ends included."""
        return (self.end - self.start).days + 1


def mobility_year_over_year(on: datetime.date) -> MobilityComparison:
    """Mobility starting from 1 September to ``on`` against last year's from 1 September to the same day number.

    The same number of days into each year makes the comparison fair: a mobility that starts
    later this year is not yet counted, so it must not be counted last year either. Three
    queries: this year so far, last year's same stretch, last year whole.
    """
    year = academic_year_of(on)
    start, _end = academic_year_bounds(year)
    last_start, last_year_end = academic_year_bounds(year - 1)
    last_end = last_start + (on - start)
    now = mobility_totals(between=(start, on))
    then = mobility_totals(between=(last_start, last_end))
    whole = mobility_totals(between=(last_start, last_year_end))
    lines = [
        ("outgoing_students", _("Outgoing students"), False),
        ("outgoing_staff", _("Outgoing staff"), False),
        ("outgoing", _("Outgoing, all"), True),
        ("incoming_students", _("Incoming students"), False),
        ("incoming_staff", _("Incoming staff"), False),
        ("incoming", _("Incoming, all"), True),
        ("total", _("Total"), True),
    ]
    rows = [
        ComparisonRow(label=label, this_year=now[key], last_year=then[key], last_year_whole=whole[key], is_total=total)
        for key, label, total in lines
    ]
    return MobilityComparison(
        year=year,
        start=start,
        end=on,
        last_start=last_start,
        last_end=last_end,
        last_year_end=last_year_end,
        rows=rows,
    )


# An offer whose last day to answer is within this many days (today included) is "expiring".
OFFERS_EXPIRING_WITHIN_DAYS = 2


@dataclass(frozen=True)
class OffersWaiting:
    """Offered places the students have not answered yet, and how many of them expire within two days."""

    total: int
    expiring: int


def offers_waiting(on: datetime.date, *, user=None) -> OffersWaiting:
    """Offers waiting for an answer (``Application.objects.offers_waiting``) that ``user`` may see; one query."""
    applications = Application.objects.all() if user is None else Application.objects.visible_to(user)
    soon = on + datetime.timedelta(days=OFFERS_EXPIRING_WITHIN_DAYS - 1)
    counts = applications.offers_waiting().aggregate(
        total=Count("pk"), expiring=Count("pk", filter=Q(offer_deadline__lte=soon))
    )
    return OffersWaiting(total=counts["total"], expiring=counts["expiring"])


def nominations_to_follow(*, user) -> dict:
    """Nominations waiting for the host's answer, and places taken not nominated yet; two counts.

    A faculty coordinator counts their own faculty's only, as the nominations list shows them.
    """
    return {
        "waiting": Nomination.objects.visible_to(user).waiting_for_host().count(),
        "not_nominated": mobilities_to_nominate(_own_faculty(Mobility.objects.all(), user)).count(),
    }


def guest_deadlines(on: datetime.date, *, user=None) -> list[Expert]:
    """Foreign experts still here whose visa or registration runs out within ``GUEST_DEADLINE_DAYS`` (or has).

    One query. Each carries its earliest such ``deadline`` (kind label), ``due_on`` and ``days_left``, the
    soonest first (a passed one before any to come); a
    faculty coordinator sees the experts their faculty hosts.
    """
    experts = Expert.objects.deadline_within(GUEST_DEADLINE_DAYS, on).select_related("partner")
    if user is not None:
        experts = experts.visible_to(user)
    horizon = on + datetime.timedelta(days=GUEST_DEADLINE_DAYS)
    rows = []
    for expert in experts:
        kind, day = next(deadline for deadline in expert.deadlines() if deadline[1] <= horizon)
        expert.deadline, expert.due_on, expert.days_left = Expert.Deadline(kind).label, day, (day - on).days
        rows.append(expert)
    return sorted(rows, key=lambda expert: (expert.due_on, expert.full_name))


@dataclass(frozen=True)
class TripsToFollow:
    """Business trips waiting for a step of their approval, and approved trips whose report is overdue."""

    waiting: int
    reports_overdue: int


def trips_to_follow(on: datetime.date) -> TripsToFollow:
    """Both counts in one query, as the trips admin filters them (``status=submitted``, ``follow=overdue``)."""
    waiting = TripRequest.objects.waiting().values("pk")
    overdue = TripRequest.objects.report_overdue(on).values("pk")
    counts = TripRequest.objects.aggregate(
        waiting=Count("pk", filter=Q(pk__in=waiting)), reports_overdue=Count("pk", filter=Q(pk__in=overdue))
    )
    return TripsToFollow(waiting=counts["waiting"], reports_overdue=counts["reports_overdue"])
