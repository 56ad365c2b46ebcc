"""Applying to a staff call: the staff part of the draft, and the endorsement by the head of department.

A member of staff applies with the same drafts, uploads, checks, reference numbers and history as a
student (``application_drafts``, ``applications``); what differs is here. The staff part
(``StaffApplication``) is saved with the draft and kept as stated: a later change to the person's
profile does not rewrite it, and on submission it fills the profile's empty fields. A submitted staff
application waits for the head of the applicant's department: they endorse it, and the office may go
on (``applications._move`` refuses to review it before), or decline it with a reason, which ends it.
A department without a head: the office records the endorsement itself, with a note.

A refusal raises ``ApplicationError`` with a message meant for people.
"""

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.models import User

from ..models import Application, ApplicationEvent, StaffApplication
from ..staff_emails import queue_endorsement_answer_email, queue_endorsement_request_email
from .applications import ApplicationError, lock_application
from .selection import clean_reason

Status = Application.Status
Endorsement = StaffApplication.Endorsement

# What a member of staff fills in on the application itself: no date of birth, study, GPA or photo.
STAFF_DRAFT_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "language_certificate",
    "language_score",
    "motivation_letter",
)
# What they tell about their work, kept on ``StaffApplication``.
STAFF_FIELDS = ("position", "department", "academic_degree", "years_of_service", "publications")
# Needed to submit; the degree, the language certificate and the publications are optional.
STAFF_REQUIRED = ("first_name", "last_name", "phone", "motivation_letter")
STAFF_PART_REQUIRED = ("position", "department", "years_of_service")
# What the application's staff part gives the person's profile when the profile does not say it yet.
PROFILE_FIELDS = ("position", "department", "academic_degree")


def staff_part_of(application: Application) -> StaffApplication:
    """The staff part of ``application`` (unsaved and empty if there is none yet)."""
    try:
        return application.staff
    except StaffApplication.DoesNotExist:
        return StaffApplication(application=application)


def staff_data_of(user) -> dict:
    """What a new staff application starts with: the person's profile (position, department, degree)."""
    data = {"position": user.position, "department": user.department, "academic_degree": user.academic_degree}
    return {name: value for name, value in data.items() if value not in (None, "")}


def staff_part_save(*, application: Application, values: Mapping) -> StaffApplication:
    """Store the staff part of a locked draft, inside the draft's transaction; the faculty follows the department.

    The faculty is the department's, so that the application is seen by the coordinators of that
    faculty, as a student's is by theirs.
    """
    unknown = set(values) - set(STAFF_FIELDS)
    if unknown:
        raise ValueError(f"Not fields of the staff form: {sorted(unknown)}")
    part = staff_part_of(application)
    for name, value in values.items():
        setattr(part, name, value)
    part.full_clean(exclude=["application"])
    part.save()
    faculty_id = part.department.faculty_id if part.department else None
    if application.faculty_id != faculty_id:
        application.faculty_id = faculty_id
        application.save(update_fields=["faculty", "updated_at"])
    return part


def staff_missing(application: Application) -> list[str]:
    """What keeps a staff application from being submitted, beside the documents and hosts every call asks for."""
    missing = []
    part = staff_part_of(application)
    for record, names in ((application, STAFF_REQUIRED), (part, STAFF_PART_REQUIRED)):
        for name in names:
            if getattr(record, name) in (None, ""):
                field = type(record)._meta.get_field(name)
                missing.append(gettext("Fill in: %(field)s.") % {"field": field.verbose_name})
    return missing


def staff_submitted(*, application: Application) -> None:
    """On submission (inside its transaction): fill the profile's empty fields, and ask the head for their word."""
    part = staff_part_of(application)
    person = User.objects.select_for_update().get(pk=application.student_id)
    changed = [name for name in PROFILE_FIELDS if not getattr(person, name) and getattr(part, name)]
    for name in changed:
        setattr(person, name, getattr(part, name))
    if changed:
        person.save(update_fields=changed)
    if part.endorsement != Endorsement.PENDING:
        part.endorsement = Endorsement.PENDING
        part.save(update_fields=["endorsement"])
    head = part.department.head if part.department_id else None
    if head is not None:
        queue_endorsement_request_email(application=application, head=head)


def ensure_endorsed(application: Application) -> None:
    """Refuse the office's review of a staff application its head has not endorsed yet."""
    if not application.call.for_staff:
        return
    if not StaffApplication.objects.filter(application=application, endorsement=Endorsement.ENDORSED).exists():
        raise ApplicationError(
            _("The head of the applicant's department has not endorsed this application yet."), code="not_endorsed"
        )


# --- the head's word ----------------------------------------------------------------------------


def may_endorse(user, application: Application) -> bool:
    """Whether ``user`` heads the department of ``application`` and it still waits for their word."""
    return Application.objects.awaiting_endorsement_by(user).filter(pk=application.pk).exists()


def endorsement_decide(*, application: Application, actor, endorse: bool, comment="") -> Application:
    """The head of the applicant's department endorses ``application``, or declines it with a reason.

    Only the head of the department named on the application, once. A decline ends the application
    (rejected, decided now: the head may decide before the call's deadline, as the office may not); the
    applicant is told in their language, with the reason. History: an event for either answer.
    """
    comment = (comment or "").strip()
    if not endorse:
        comment = clean_reason(comment)
    with transaction.atomic():
        locked = lock_application(application)
        part = _lock_part(locked)
        if not may_endorse(actor, locked):
            raise ApplicationError(_("Only the head of the applicant's department decides, once."), code="not_endorser")
        _record(locked, part, actor=actor, endorse=endorse, comment=comment)
    application.refresh_from_db()
    return application


def endorsement_record_by_office(*, application: Application, actor, note) -> Application:
    """The office records the endorsement of an application whose department has no head, with a note."""
    note = clean_reason(note)
    if not (actor.is_active and actor.is_staff and actor.has_perm("mobility.change_staffapplication")):
        raise ApplicationError(_("Only the office records an endorsement."), code="not_allowed")
    with transaction.atomic():
        locked = lock_application(application)
        part = _lock_part(locked)
        if locked.status != Status.SUBMITTED or part.endorsement != Endorsement.PENDING:
            raise ApplicationError(_("This application does not wait for an endorsement."), code="not_pending")
        if part.department is not None and part.department.head_id is not None:
            raise ApplicationError(
                _("The department has a head: they endorse the application through the portal."), code="has_head"
            )
        part.endorsed_by_office = True
        _record(locked, part, actor=actor, endorse=True, comment=note)
    application.refresh_from_db()
    return application


def _lock_part(application):
    """The staff part's row, locked; ``of`` keeps the lock off the (nullable, outer-joined) department."""
    return (
        StaffApplication.objects.select_for_update(of=("self",))
        .select_related("department")
        .get(application=application)
    )


def _record(application, part, *, actor, endorse, comment):
    now = timezone.now()
    part.endorsement = Endorsement.ENDORSED if endorse else Endorsement.DECLINED
    part.endorsed_by, part.endorsed_at, part.endorsement_comment = actor, now, comment
    part.save(update_fields=["endorsement", "endorsed_by", "endorsed_at", "endorsement_comment", "endorsed_by_office"])
    if endorse:
        ApplicationEvent.objects.create(
            application=application,
            kind=ApplicationEvent.Kind.ENDORSED,
            from_status=application.status,
            to_status=application.status,
            actor=actor,
            note=comment,
        )
    else:
        # Not along Application.TRANSITIONS (submitted -> rejected is the head's alone, before any review).
        ApplicationEvent.objects.create(
            application=application,
            from_status=application.status,
            to_status=Status.REJECTED,
            actor=actor,
            note=comment,
        )
        application.status = Status.REJECTED
        application.decided_at = now
        application.save(update_fields=["status", "decided_at", "updated_at"])
    queue_endorsement_answer_email(application=application, endorsed=endorse, comment=comment)
