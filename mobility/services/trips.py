"""Business trips abroad: the request, the approval chain, the staff mobility it becomes.

Views, the admin and the daily command call these functions and nothing else, so every rule holds
whoever acts:

- only a member of staff (``User.affiliation == EMPLOYEE``) asks, for themselves; a draft is theirs
  to edit until they submit it with the invitation letter (a PDF that passes ``intl_office.uploads``);
- submitting copies the office's chain onto the request with each step's holder (the head of the
  traveller's department, the dean of their faculty, a named person), so a later edit of the chain
  changes no request in progress; a step nobody holds refuses the submission, a step the traveller
  holds themselves is left out (a head's own trip goes to the dean);
- the steps are taken in order, each only by its holder; the rector's order by office staff with
  its number and date. A refusal needs a reason, ends the request and is mailed to the traveller;
  an approval e-mails the next holder; the last one approves the trip and creates its one staff
  ``Mobility`` (under a row lock, so two last approvals at once create one);
- every step is in the trip's history (``TripEvent``).

A refusal raises ``TripError`` (a ``ValidationError``) whose message can be shown.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from intl_office.models import User
from partners.models import Institution

from ..models import Direction, Funding, Holder, Mobility, Purpose, TripChain, TripEvent, TripRequest, TripStep
from ..trip_emails import queue_step_email, queue_traveller_email

Status = TripRequest.Status
Kind = TripEvent.Kind
DRAFT_FIELDS = (
    "institution",
    "institution_name",
    "country",
    "city",
    "start_date",
    "end_date",
    "purpose",
    "funding",
    "program",
    "description",
)
# A business trip read as a mobility's activity; negotiations and others are short visits.
ACTIVITIES = {
    Purpose.TEACHING: Mobility.Activity.TEACHING,
    Purpose.RESEARCH: Mobility.Activity.RESEARCH,
    Purpose.CONFERENCE: Mobility.Activity.CONFERENCE,
    Purpose.TRAINING: Mobility.Activity.TRAINING,
    Purpose.NEGOTIATIONS: Mobility.Activity.SHORT_TERM,
    Purpose.OTHER: Mobility.Activity.SHORT_TERM,
}


class TripError(ValidationError):
    """A rule of the business trip refused the change; the message is meant for people."""

    def __init__(self, message, code=None, params=None):
        super().__init__(message, code=code, params=params)
        self.code = code


# --- who may do what -------------------------------------------------------------------------


def may_request_trip(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.affiliation == User.Affiliation.EMPLOYEE)


def may_record_order(user) -> bool:
    """Office staff who may change trips record the rector's order."""
    return bool(user.is_active and user.is_staff and user.has_perm("mobility.change_triprequest"))


def current_step(trip):
    """The first step not decided yet of a submitted request, else None."""
    if trip.status != Status.SUBMITTED:
        return None
    return trip.steps.filter(decision="").order_by("position", "pk").first()


# --- the traveller's draft -------------------------------------------------------------------


def trip_save_draft(*, traveller, values, trip=None, invitation=None, language="en") -> TripRequest:
    """Create or update the traveller's draft with ``values`` (the ``DRAFT_FIELDS``) and the invitation."""
    if not may_request_trip(traveller):
        raise TripError(_("Only members of staff request business trips."), code="not_staff")
    with transaction.atomic():
        if trip is None:
            trip = TripRequest(traveller=traveller)
        else:
            trip = TripRequest.objects.select_for_update().get(pk=trip.pk)
            if trip.traveller_id != traveller.pk or trip.status != Status.DRAFT:
                raise TripError(_("Only a draft of your own can be changed."), code="not_draft")
        for field in DRAFT_FIELDS:
            if field in values:
                setattr(trip, field, values[field])
        if trip.institution_id:
            trip.institution_name, trip.country = "", trip.institution.country
        if trip.funding != Funding.GRANT:
            trip.program = None
        trip.language = language
        trip.full_clean(exclude=["invitation"])
        if invitation is not None:
            # Stored once everything else passed: a refused draft leaves no file behind.
            trip.invitation.save(invitation.name, invitation, save=False)
        trip.save()
    return trip


def trip_delete_draft(*, trip, traveller) -> None:
    with transaction.atomic():
        locked = TripRequest.objects.select_for_update().get(pk=trip.pk)
        if locked.traveller_id != traveller.pk or locked.status != Status.DRAFT:
            raise TripError(_("Only a draft of your own can be deleted."), code="not_draft")
        locked.delete()


def trip_missing(trip) -> list[str]:
    """What the draft still lacks before it can be submitted."""
    missing = []
    if not trip.invitation:
        missing.append(str(_("the invitation letter")))
    if trip.funding == Funding.GRANT and not trip.program_id:
        missing.append(str(_("the grant programme")))
    if not trip.institution_id and not trip.institution_name:
        missing.append(str(_("the host institution")))
    return missing


def trip_submit(*, trip, traveller, language="en") -> TripRequest:
    """Send the draft into the approval chain: the chain is copied onto it, the first holder e-mailed."""
    with transaction.atomic():
        locked = TripRequest.objects.select_for_update().select_related("traveller").get(pk=trip.pk)
        if locked.traveller_id != traveller.pk or locked.status != Status.DRAFT:
            raise TripError(_("Only a draft of your own can be submitted."), code="not_draft")
        if not may_request_trip(traveller):
            raise TripError(_("Only members of staff request business trips."), code="not_staff")
        missing = trip_missing(locked)
        if missing:
            raise TripError(_("Still missing: %(missing)s.") % {"missing": ", ".join(missing)}, code="incomplete")
        chain = list(TripChain.load().steps.select_related("person").order_by("position", "pk"))
        if not chain:
            raise TripError(_("The office has not set up the approval chain yet."), code="no_chain")
        holders = [(configured, _holder_of(configured, traveller)) for configured in chain]
        # Nobody approves their own trip: a head of department's trip goes from their own step to the next.
        holders = [(configured, holder) for configured, holder in holders if holder != traveller]
        for position, (configured, holder) in enumerate(holders, start=1):
            step = TripStep(trip=locked, position=position, kind=configured.holder, holder=holder)
            for field in _translated("title"):
                setattr(step, field, getattr(configured, field))
            step.save()
        locked.status, locked.submitted_at, locked.language = Status.SUBMITTED, timezone.now(), language
        locked.save(update_fields=["status", "submitted_at", "language", "updated_at"])
        TripEvent.objects.create(trip=locked, kind=Kind.SUBMITTED, actor=traveller)
        queue_step_email(step=current_step(locked))
    return locked


def _holder_of(configured, traveller):
    """Who holds ``configured`` for ``traveller``; a refusal to submit when nobody does."""
    if configured.holder == Holder.RECTOR_ORDER:
        return None
    if configured.holder == Holder.PERSON:
        return configured.person
    department = traveller.department
    if department is None:
        raise TripError(_("Your profile names no department: ask the office to add it."), code="no_department")
    if configured.holder == Holder.HEAD:
        holder = department.head
        if holder is None:
            raise TripError(_("Your department has no head recorded: ask the office."), code="no_head")
    else:
        holder = department.faculty.dean if department.faculty_id else None
        if holder is None:
            raise TripError(_("Your faculty has no dean recorded: ask the office."), code="no_dean")
    return holder


def _translated(field):
    from django.conf import settings

    return [f"{field}_{code}" for code, _name in settings.LANGUAGES]


# --- the chain -------------------------------------------------------------------------------


def trip_decide(*, step, actor, approve, comment="", language="en") -> TripStep:
    """The holder of ``step`` approves it or refuses it (a reason required); only the current step."""
    comment = (comment or "").strip()
    with transaction.atomic():
        trip, locked = _lock_current(step)
        if locked.is_order or locked.holder_id != actor.pk:
            raise TripError(_("This step is not yours to take."), code="not_holder")
        locked.language = language
        return _decide(trip, locked, actor=actor, approve=approve, comment=comment)


def trip_record_order(*, step, actor, number, date, comment="") -> TripStep:
    """Office staff record the rector's order (its number and date) on the current order step."""
    number = (number or "").strip()
    with transaction.atomic():
        trip, locked = _lock_current(step)
        if not locked.is_order or not may_record_order(actor):
            raise TripError(_("This step is not yours to take."), code="not_holder")
        if not number or not isinstance(date, datetime.date):
            raise TripError(_("Enter the order's number and date."), code="order_missing")
        locked.order_number, locked.order_date = number, date
        return _decide(trip, locked, actor=actor, approve=True, comment=(comment or "").strip())


def _lock_current(step):
    trip = TripRequest.objects.select_for_update().select_related("traveller").get(pk=step.trip_id)
    locked = TripStep.objects.select_for_update().get(pk=step.pk)
    current = current_step(trip)
    if current is None or current.pk != locked.pk:
        if trip.status != Status.SUBMITTED or locked.decision:
            raise TripError(_("This step has already been decided."), code="decided")
        raise TripError(_("An earlier step has not been decided yet."), code="not_yet")
    return trip, locked


def _decide(trip, step, *, actor, approve, comment):
    if not approve and not comment:
        raise TripError(_("Give the reason for the refusal."), code="reason_required")
    now = timezone.now()
    step.decision = TripStep.Decision.APPROVED if approve else TripStep.Decision.REFUSED
    step.decided_by, step.decided_at, step.comment = actor, now, comment
    step.save()
    TripEvent.objects.create(
        trip=trip, step=step, kind=Kind.STEP_APPROVED if approve else Kind.STEP_REFUSED, actor=actor, comment=comment
    )
    if not approve:
        trip.status, trip.decided_at = Status.REFUSED, now
        trip.save(update_fields=["status", "decided_at", "updated_at"])
        queue_traveller_email(trip=trip, template="trip_refused", comment=comment, step=step)
        return step
    following = current_step(trip)
    if following is not None:
        queue_step_email(step=following)
    else:
        _approve_trip(trip, actor=actor, now=now)
    return step


def _approve_trip(trip, *, actor, now):
    trip.status, trip.decided_at = Status.APPROVED, now
    trip.report_due = trip.end_date + datetime.timedelta(days=TripChain.load().report_days)
    trip.mobility = Mobility.objects.create(
        direction=Direction.OUTGOING,
        participant_kind=Mobility.ParticipantKind.STAFF,
        participant_name=trip.traveller_name,
        participant_email=trip.traveller.email,
        faculty=trip.traveller.department.faculty if trip.traveller.department_id else None,
        activity=ACTIVITIES[trip.purpose],
        partner=trip.institution or _directory_entry(trip),
        program=trip.program,
        start_date=trip.start_date,
        end_date=trip.end_date,
        status=Mobility.Status.PLANNED,
        notes=str(_("Business trip: %(purpose)s.") % {"purpose": trip.get_purpose_display()}),
    )
    trip.save(update_fields=["status", "decided_at", "report_due", "mobility", "updated_at"])
    TripEvent.objects.create(trip=trip, kind=Kind.APPROVED, actor=actor)
    queue_traveller_email(trip=trip, template="trip_approved")


def _directory_entry(trip):
    """The host typed by name: found in the directory by name and country, or added there as inactive.

    A mobility needs its partner; an inactive institution is hidden from visitors, and the office
    completes or merges it in the partners' admin.
    """
    with translation.override("en"):
        found = Institution.objects.filter(name_en__iexact=trip.institution_name, country=trip.country).first()
        if found is not None:
            return found
        return Institution.objects.create(
            name=trip.institution_name, country=trip.country, city=trip.city, is_active=False
        )
