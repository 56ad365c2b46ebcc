"""The stay: arrival and departure confirmed, the transcript of records, the credits recognised at home.

Views, the admin, the host's signed links and the daily command call these functions and nothing
else, so every rule holds whoever acts:

- only an outgoing stay that goes ahead (``Mobility.objects.place_taken()``) is confirmed; the
  arrival first, then the departure, each once. The confirmed day becomes the mobility's
  ``start_date`` or ``end_date`` (the plan kept in ``planned_*``), so every count, statistic and
  report reads the real dates; the arrival makes the mobility confirmed, the departure completed;
- the transcript is a PDF that passes ``intl_office.uploads``; the student adds one while none is
  there, the office or the host may replace it;
- credits are recognised after the stay by a coordinator of the student's faculty or by Office
  staff, per course of the approved learning agreement or added by hand; the student is told in
  their language;
- every step is in the stay's dated history (``StayEvent``).

A refusal raises ``StayError`` (a ``ValidationError``) whose message can be shown.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.roles import is_faculty_coordinator, serves_faculty
from intl_office.uploads import check_pdf, looks_like_pdf, read_upload

from ..models import LearningAgreementRow, LearningAgreementVersion, Mobility, Recognition, StayEvent, recognised_totals
from ..stay_emails import ARRIVAL, DEPARTURE, queue_host_stay_request, queue_student_recognition_email

Step = StayEvent.Step
STEPS = (ARRIVAL, DEPARTURE)
# A confirmed day this far from the planned one is a typing error, not a late arrival.
MAX_SHIFT_DAYS = 180
# Around the planned day the daily command asks the host: from the day itself to this many days after.
ASK_WITHIN_DAYS = 3
MAX_RECOGNITION_ROWS = 40
RECOGNITION_FIELDS = (
    "host_code",
    "host_title",
    "credits_earned",
    "grade",
    "home_code",
    "home_title",
    "credits_recognised",
)


class StayError(ValidationError):
    """A rule of the stay refused the change; the message is meant for people."""

    def __init__(self, message, code=None, params=None):
        super().__init__(message, code=code, params=params)
        self.code = code


# --- who may do what -------------------------------------------------------------------------


def may_manage_stay(user) -> bool:
    """Office staff: confirm dates, ask the host, upload transcripts. Faculty coordinators only read."""
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or (user.has_perm("mobility.change_mobility") and not is_faculty_coordinator(user))


def may_record_recognition(user, mobility) -> bool:
    """A coordinator of the student's own faculty, or Office staff."""
    if not (user.is_active and user.is_staff):
        return False
    if is_faculty_coordinator(user):
        return serves_faculty(user, mobility.faculty_id)
    return may_manage_stay(user)


def _going_ahead(mobility):
    return Mobility.objects.place_taken().outgoing().filter(pk=mobility.pk).exists()


# --- arrival and departure -------------------------------------------------------------------


def stay_request_host(*, mobility, step, actor=None) -> str:
    """E-mail the host's coordinator a signed link to confirm ``step``; the address written to."""
    with transaction.atomic():
        locked = _lock(mobility)
        _check_step_open(locked, step)
        email = queue_host_stay_request(mobility=locked, step=step)
        if email is None:
            raise StayError(
                _("The partner has no contact with an e-mail address: add one, or confirm the date yourself."),
                code="no_contact",
            )
        kind = Step.ARRIVAL_REQUESTED if step == ARRIVAL else Step.DEPARTURE_REQUESTED
        _record(locked, kind, actor=actor, note=email)
    return email


def stay_confirm(*, mobility, step, on, actor=None, name="", transcript=None) -> Mobility:
    """Record the real day of ``step`` (arrival or departure) as the host's ``name`` or as ``actor``.

    The day becomes the mobility's start or end, the planned one is kept; the arrival makes the
    mobility confirmed, the departure completed. The host may attach the transcript to the departure.
    """
    if not isinstance(on, datetime.date):
        raise StayError(_("Enter a valid date."), code="invalid_date")
    with transaction.atomic():
        locked = _lock(mobility)
        _check_step_open(locked, step)
        _check_day(locked, step, on)
        now = timezone.now()
        if step == ARRIVAL:
            locked.planned_start_date = locked.planned_start_date or locked.start_date
            locked.start_date, locked.arrival_confirmed_at = on, now
            locked.status = Mobility.Status.CONFIRMED
            fields = ["planned_start_date", "start_date", "arrival_confirmed_at", "status", "updated_at"]
        else:
            locked.planned_end_date = locked.planned_end_date or locked.end_date
            locked.end_date, locked.departure_confirmed_at = on, now
            locked.status = Mobility.Status.COMPLETED
            fields = ["planned_end_date", "end_date", "departure_confirmed_at", "status", "updated_at"]
        locked.save(update_fields=fields)
        _record(locked, Step.ARRIVED if step == ARRIVAL else Step.DEPARTED, on=on, actor=actor, actor_name=name)
        if transcript is not None:
            _store_transcript(locked, transcript, actor=actor, actor_name=name)
    mobility.refresh_from_db()
    return mobility


def stays_ask_hosts(*, on) -> int:
    """The daily round: ask each host once about arrivals and departures due in the last few days; how many asked."""
    since = on - datetime.timedelta(days=ASK_WITHIN_DAYS)
    going = Mobility.objects.place_taken().outgoing()
    due = [
        (
            ARRIVAL,
            going.filter(start_date__range=(since, on), arrival_confirmed_at__isnull=True),
            Step.ARRIVAL_REQUESTED,
        ),
        (
            DEPARTURE,
            going.filter(
                end_date__range=(since, on), arrival_confirmed_at__isnull=False, departure_confirmed_at__isnull=True
            ),
            Step.DEPARTURE_REQUESTED,
        ),
    ]
    asked = 0
    for step, mobilities, kind in due:
        for mobility in mobilities.exclude(stay_events__step=kind).select_related("partner"):
            try:
                stay_request_host(mobility=mobility, step=step)
            except StayError:
                continue  # no contact: the office sees the stay in "arrival not confirmed after start"
            asked += 1
    return asked


def _check_step_open(mobility, step):
    if step not in STEPS:
        raise StayError(_("Unknown step."), code="unknown_step")
    if not _going_ahead(mobility):
        raise StayError(_("Only an outgoing stay that goes ahead is confirmed."), code="not_going_ahead")
    if step == ARRIVAL and mobility.arrival_confirmed:
        raise StayError(_("The arrival has already been confirmed."), code="answered")
    if step == DEPARTURE and mobility.departure_confirmed:
        raise StayError(_("The departure has already been confirmed."), code="answered")
    if step == DEPARTURE and not mobility.arrival_confirmed:
        raise StayError(_("Confirm the arrival before the departure."), code="no_arrival")


def _check_day(mobility, step, on):
    if on > today():
        raise StayError(_("The day cannot be in the future."), code="future", params={"field": "on"})
    planned = mobility.start_date if step == ARRIVAL else mobility.end_date
    if abs((on - planned).days) > MAX_SHIFT_DAYS:
        raise StayError(
            _("The day is more than %(days)s days from the planned %(planned)s; check the date."),
            code="too_far",
            params={"days": MAX_SHIFT_DAYS, "planned": planned.isoformat()},
        )
    if step == DEPARTURE and on < mobility.start_date:
        raise StayError(
            _("The departure cannot be before the arrival (%(arrival)s)."),
            code="before_arrival",
            params={"arrival": mobility.start_date.isoformat()},
        )
    if step == ARRIVAL and on > mobility.end_date:
        raise StayError(
            _("The arrival cannot be after the planned end (%(end)s)."),
            code="after_end",
            params={"end": mobility.end_date.isoformat()},
        )


# --- the transcript --------------------------------------------------------------------------


def stay_upload_transcript(*, mobility, upload, actor=None, name="", student=False) -> Mobility:
    """Keep ``upload`` as the transcript of records; a student only adds one while none is there."""
    with transaction.atomic():
        locked = _lock(mobility)
        if not _going_ahead(locked):
            raise StayError(_("Only an outgoing stay that goes ahead has a transcript."), code="not_going_ahead")
        if student and locked.transcript:
            raise StayError(
                _("The office already has your transcript. Write to them if it should be replaced."), code="exists"
            )
        if student and locked.start_date > today():
            raise StayError(_("The transcript can be added once the stay has begun."), code="not_started")
        _store_transcript(locked, upload, actor=actor, actor_name=name)
    mobility.refresh_from_db()
    return mobility


def _store_transcript(mobility, upload, *, actor, actor_name=""):
    content = read_upload(upload)
    if not looks_like_pdf(content):
        raise StayError(_("The transcript must be a PDF. Its content is not, whatever its name says."), code="not_pdf")
    check_pdf(content)
    mobility.transcript.save("transcript.pdf", ContentFile(content), save=False)
    mobility.transcript_uploaded_at = timezone.now()
    mobility.save(update_fields=["transcript", "transcript_uploaded_at", "updated_at"])
    _record(mobility, Step.TRANSCRIPT, actor=actor, actor_name=actor_name)


# --- recognition -----------------------------------------------------------------------------


def recognition_rows_initial(mobility):
    """The rows the recognition form starts with: those recorded, else the approved learning agreement's courses."""
    recorded = list(mobility.recognitions.order_by("position", "pk"))
    if recorded:
        return [
            {"agreement_row": row.agreement_row_id, **{k: getattr(row, k) for k in RECOGNITION_FIELDS}}
            for row in recorded
        ]
    return [
        {
            "agreement_row": row.pk,
            "host_code": row.host_code,
            "host_title": row.host_title,
            "credits_earned": row.host_credits,
            "grade": "",
            "home_code": row.home_code,
            "home_title": row.home_title,
            "credits_recognised": row.home_credits,
        }
        for row in approved_agreement_rows(mobility)
    ]


def approved_agreement_rows(mobility):
    """The courses of the mobility's learning agreement in force, in order; none without one."""
    version = (
        LearningAgreementVersion.objects.filter(
            agreement__mobility=mobility, state=LearningAgreementVersion.State.APPROVED
        )
        .order_by("-number")
        .first()
    )
    if version is None:
        return LearningAgreementRow.objects.none()
    return version.rows.order_by("position", "pk")


def recognition_record(*, mobility, actor, rows) -> dict:
    """Store ``rows`` (dicts of ``RECOGNITION_FIELDS`` and ``agreement_row``) as the stay's recognised courses.

    Replaces what was recorded before; the student is told by e-mail. Returns the totals.
    """
    if not may_record_recognition(actor, mobility):
        raise StayError(
            _("Only a coordinator of the student's faculty, or the International Office, records the recognition."),
            code="not_allowed",
        )
    if not rows:
        raise StayError(_("Add at least one course."), code="empty")
    if len(rows) > MAX_RECOGNITION_ROWS:
        raise StayError(
            _("At most %(max)s courses can be recorded."), code="too_many", params={"max": MAX_RECOGNITION_ROWS}
        )
    with transaction.atomic():
        locked = _lock(mobility)
        if not Mobility.objects.returned(today()).filter(pk=locked.pk).exists():
            raise StayError(_("Credits are recognised once the student is back."), code="not_returned")
        allowed = set(approved_agreement_rows(locked).values_list("pk", flat=True))
        locked.recognitions.all().delete()
        for position, data in enumerate(rows, start=1):
            row_id = data.get("agreement_row")
            if row_id is not None and row_id not in allowed:
                raise StayError(_("A course is not in this stay's approved learning agreement."), code="foreign_row")
            recognition = Recognition(
                mobility=locked,
                agreement_row_id=row_id,
                position=position,
                recorded_by=actor,
                **{k: _clean_value(k, data.get(k)) for k in RECOGNITION_FIELDS},
            )
            recognition.full_clean(exclude=["mobility", "agreement_row", "recorded_by"])
            recognition.save()
        totals = recognised_totals(locked)
        note = _("%(recognised)s credits recognised for %(earned)s earned, %(courses)s courses.") % {
            **totals,
            "courses": len(rows),
        }
        _record(locked, Step.RECOGNISED, actor=actor, note=note)
        queue_student_recognition_email(mobility=locked, totals=totals)
    return totals


def _clean_value(name, value):
    if name.startswith("credits_"):
        try:
            return Decimal(str(value)) if value not in (None, "") else None
        except (InvalidOperation, ValueError):
            return value  # full_clean names the field
    return (value or "").strip() if isinstance(value, str) or value is None else value


# --- helpers ---------------------------------------------------------------------------------


def _lock(mobility):
    return Mobility.objects.select_for_update(of=("self",)).select_related("partner", "application").get(pk=mobility.pk)


def _record(mobility, step, *, actor, actor_name="", on=None, note=""):
    if actor is not None and not actor_name:
        actor_name = actor.get_full_name() or actor.get_username()
    StayEvent.objects.create(
        mobility=mobility, step=step, on=on, actor=actor, actor_name=(actor_name or "")[:200], note=str(note)
    )
