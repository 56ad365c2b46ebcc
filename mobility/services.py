"""The student application workflow: start, save a draft, submit, withdraw, review, accept.

Views, the admin and management commands call these functions and nothing else to change an
application, so every rule holds whoever acts: status changes only along
``Application.TRANSITIONS``, each one recorded in the dated history with who made it and
announced to the student by e-mail (after the transaction commits), and no call accepts more
students than it has places.

The student's own actions (start, save, submit, withdraw) store the language they use on the
application; e-mails about the office's actions are written in that language.

A refusal raises ``ApplicationError`` (a ``ValidationError``) whose message can be shown as is.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.storage import private_storage
from programs.models import Call

from .emails import send_application_status_email
from .models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationReview,
    Direction,
    HostPreference,
    Mobility,
)
from .uploads import CheckedFile

Status = Application.Status

# What a student fills in on the form; anything else on the row belongs to the workflow.
DRAFT_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "nationality",
    "phone",
    "faculty",
    "level",
    "year_of_study",
    "gpa",
    "language_certificate",
    "language_score",
    "motivation_letter",
)

# Required before an application may be submitted; the language certificate is optional.
REQUIRED_FOR_SUBMISSION = (
    "first_name",
    "last_name",
    "date_of_birth",
    "nationality",
    "phone",
    "faculty",
    "level",
    "year_of_study",
    "gpa",
    "motivation_letter",
)

# How many ranked host preferences one application may hold.
MAX_HOST_PREFERENCES = 3

DECISIONS = {Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED}

# A semester, for a call that does not say how long its mobility lasts.
DEFAULT_MOBILITY_DAYS = 150


class ApplicationError(ValidationError):
    """A rule of the application workflow refused the change; the messages are meant for people.

    ``code`` says which rule, also when there are several messages (``ValidationError`` keeps a
    code only for a single one).
    """

    def __init__(self, message, code=None, params=None):
        if isinstance(message, list):
            message = [ValidationError(item, code=code) for item in message]
        super().__init__(message, code=code, params=params)
        self.code = code


# --- the student's side ----------------------------------------------------------------------


def application_start(*, call: Call, student, language=None) -> tuple[Application, bool]:
    """The student's application to ``call``, created as a draft if they have none yet.

    Returns ``(application, created)``. Safe when two requests race (a double click, two tabs):
    the database's one-application-per-student-per-call constraint lets only one insert win,
    and the loser gets the winner's row. ``language`` is the one the student uses on the site.
    """
    existing = Application.objects.filter(call=call, student=student).first()
    if existing is not None:
        return existing, False
    if not call.is_open_on(today()):
        raise ApplicationError(_("This call is not accepting applications."), code="call_closed")
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call,
                student=student,
                first_name=student.first_name,
                last_name=student.last_name,
                language=_supported(language) or settings.LANGUAGE_CODE,
            )
            ApplicationEvent.objects.create(
                application=application, from_status="", to_status=Status.DRAFT, actor=student
            )
    except IntegrityError:
        return Application.objects.get(call=call, student=student), False
    return application, True


def application_save_draft(
    *,
    application: Application,
    actor,
    fields: Mapping | None = None,
    hosts: Iterable | None = None,
    documents: Mapping | None = None,
    photo: CheckedFile | None = None,
    language=None,
) -> Application:
    """Save what the student entered; allowed only while the application is a draft.

    ``fields`` maps names of DRAFT_FIELDS to values; ``hosts`` are institutions in order of
    preference (replacing the previous ranking; None keeps it); ``documents`` maps a
    ``DocumentType`` to a checked file (replacing an earlier upload of that type); ``photo`` is a
    checked image. Files must have passed ``mobility.uploads`` already. Everything is checked
    before anything is written; a refusal changes nothing. ``language``, the one the student
    uses on the site, becomes the language of the e-mails about the application.
    """
    fields = dict(fields or {})
    documents = dict(documents or {})
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"Not fields of the application form: {sorted(unknown)}")

    call = application.call
    host_list = None if hosts is None else [host for host in hosts if host is not None]
    if host_list is not None:
        _check_hosts(call, host_list)
    if documents:
        required = set(call.required_documents.values_list("pk", flat=True))
        if any(document_type.pk not in required for document_type in documents):
            raise ApplicationError(_("This call does not ask for that document."), code="document_not_required")

    stored: list = []  # files written so far, removed again if the transaction fails
    replaced: list = []  # files of replaced uploads, removed once the new ones are committed
    try:
        with transaction.atomic():
            locked = _lock(application)
            if locked.status != Status.DRAFT:
                raise ApplicationError(
                    _("This application is no longer a draft, so it can no longer be changed."), code="not_draft"
                )
            for name, value in fields.items():
                setattr(locked, name, value)
            if _supported(language):
                locked.language = _supported(language)
            locked.full_clean(exclude=["photo"])

            if photo is not None:
                if locked.photo:
                    replaced.append(locked.photo.name)
                locked.photo.save(photo.storage_name(), ContentFile(photo.content), save=False)
                stored.append(locked.photo.name)
            locked.save()

            if host_list is not None:
                locked.preferences.all().delete()
                HostPreference.objects.bulk_create(
                    HostPreference(application=locked, institution=host, rank=rank)
                    for rank, host in enumerate(host_list, start=1)
                )

            for document_type, checked in documents.items():
                document = ApplicationDocument.objects.filter(application=locked, document_type=document_type).first()
                if document is None:
                    document = ApplicationDocument(application=locked, document_type=document_type)
                else:
                    replaced.append(document.file.name)
                document.original_name = checked.original_name
                document.file.save(checked.storage_name(), ContentFile(checked.content), save=False)
                stored.append(document.file.name)
                # The upload time says which version staff are reading.
                document.uploaded_at = timezone.now()
                document.save()

            transaction.on_commit(lambda: _delete_files(replaced))
    except BaseException:
        _delete_files(stored)
        raise
    application.refresh_from_db()
    return application


def application_missing(application: Application) -> list[str]:
    """What still keeps ``application`` from being submitted, one message per missing item."""
    missing = []
    for name in REQUIRED_FOR_SUBMISSION:
        if getattr(application, name) in (None, ""):
            field = Application._meta.get_field(name)
            missing.append(gettext("Fill in: %(field)s.") % {"field": field.verbose_name})
    if application.language_certificate and not application.language_score:
        missing.append(gettext("Give the score of your language certificate."))
    if not application.photo:
        missing.append(gettext("Upload your photo."))
    if not application.preferences.exists():
        missing.append(gettext("Choose at least one host institution."))
    uploaded = set(application.documents.values_list("document_type_id", flat=True))
    for document_type in application.call.required_documents.all():
        if document_type.pk not in uploaded:
            missing.append(gettext("Upload the required document: %(document)s.") % {"document": document_type.name})
    return missing


def application_submit(*, application: Application, actor, language=None, base_url="") -> Application:
    """Send a complete draft to the office while its call is open (the deadline day included).

    The row is locked, so a second click or a second tab finds it submitted and is refused
    instead of submitting twice. ``language`` (the student's on the site) is stored with it.
    """
    with transaction.atomic():
        locked = _lock(application)
        if locked.status != Status.DRAFT:
            raise ApplicationError(_("This application has already been submitted."), code="already_submitted")
        call = Call.objects.get(pk=locked.call_id)
        if not call.is_open_on(today()):
            raise ApplicationError(
                _("The call closed on %(date)s; applications can no longer be submitted."),
                code="call_closed",
                params={"date": date_format(call.deadline)},
            )
        missing = application_missing(locked)
        if missing:
            raise ApplicationError(missing, code="incomplete")
        _remember_language(locked, actor, language)
        _move(locked, Status.SUBMITTED, actor=actor, language=language, base_url=base_url)
    application.refresh_from_db()
    return application


def application_withdraw(*, application: Application, actor, note="", language=None, base_url="") -> Application:
    """Take the application back.

    The student may do so only while the call is open; afterwards only the office can, for
    example when the student asks in person.
    """
    with transaction.atomic():
        locked = _lock(application)
        call = Call.objects.get(pk=locked.call_id)
        if not locked.can_move_to(Status.WITHDRAWN):
            raise ApplicationError(
                _("An application that is %(status)s cannot be withdrawn."),
                code="not_allowed",
                params={"status": locked.get_status_display().lower()},
            )
        by_student = getattr(actor, "pk", None) == locked.student_id
        if by_student and not call.is_open_on(today()):
            raise ApplicationError(
                _("The call has closed; to withdraw now, contact the International Office."), code="call_closed"
            )
        _remember_language(locked, actor, language)
        _move(locked, Status.WITHDRAWN, actor=actor, note=note, language=language, base_url=base_url)
    application.refresh_from_db()
    return application


# --- the office's side -----------------------------------------------------------------------


def application_transition(
    *, application: Application, to_status, actor, note="", language=None, base_url="", host=None
) -> Application:
    """Move ``application`` to ``to_status`` along ``Application.TRANSITIONS``.

    The one entry point for staff: submitting, withdrawing and accepting carry extra rules, so
    those go through their own services from here (``host`` is for accepting). The student's
    e-mail is in their language unless ``language`` names another.
    """
    to_status = Status(to_status)
    if to_status == Status.SUBMITTED:
        return application_submit(application=application, actor=actor, language=language, base_url=base_url)
    if to_status == Status.WITHDRAWN:
        return application_withdraw(
            application=application, actor=actor, note=note, language=language, base_url=base_url
        )
    if to_status == Status.ACCEPTED:
        return application_accept(
            application=application, actor=actor, host=host, note=note, language=language, base_url=base_url
        )
    with transaction.atomic():
        locked = _lock(application)
        _move(locked, to_status, actor=actor, note=note, language=language, base_url=base_url)
    application.refresh_from_db()
    return application


def application_accept(
    *, application: Application, actor, host=None, note="", language=None, base_url=""
) -> Application:
    """Accept ``application`` and create the outgoing mobility it becomes.

    Refused once the call's places are all taken: the call's row is locked while the accepted
    applications are counted, so two reviewers accepting at once cannot overfill it. The
    mobility goes to the first-ranked host unless ``host`` names another of the student's
    preferences.
    """
    with transaction.atomic():
        call = Call.objects.select_for_update(of=("self",)).select_related("program").get(pk=application.call_id)
        locked = _lock(application)
        if not locked.can_move_to(Status.ACCEPTED):
            raise _not_allowed(locked, Status.ACCEPTED)
        accepted = Application.objects.filter(call=call, status=Status.ACCEPTED).count()
        if accepted >= call.places:
            raise ApplicationError(
                _("All %(places)s places of this call are taken; no more applications can be accepted."),
                code="no_places",
                params={"places": call.places},
            )
        partner = _chosen_host(locked, host)
        start, end, dates_guessed = _mobility_period(call)
        staff_call = call.target_group == Call.TargetGroup.STAFF
        mobility = Mobility(
            direction=Direction.OUTGOING,
            participant_kind=Mobility.ParticipantKind.STAFF if staff_call else Mobility.ParticipantKind.STUDENT,
            participant_name=locked.full_name,
            participant_email=locked.student.email,
            faculty_id=locked.faculty_id,
            activity=Mobility.Activity.TRAINING if staff_call else Mobility.Activity.SEMESTER,
            partner=partner,
            program=call.program,
            call=call,
            application=locked,
            start_date=start,
            end_date=end,
            status=Mobility.Status.CONFIRMED,
            notes=str(_("The call gives no mobility period; the dates are an estimate to correct."))
            if dates_guessed
            else "",
        )
        mobility.full_clean()
        mobility.save()
        _move(locked, Status.ACCEPTED, actor=actor, note=note, language=language, base_url=base_url)
    application.refresh_from_db()
    return application


def application_review(*, application: Application, reviewer, score, comment="") -> ApplicationReview:
    """Record ``reviewer``'s score (0 to 10) and comment on ``application``, replacing their earlier one.

    One review per reviewer: a second review by the same person (another tab, a second click)
    updates the first. Drafts have nothing to review yet.
    """
    if not (reviewer.is_active and reviewer.is_staff):
        raise ApplicationError(_("Only staff review applications."), code="not_staff")
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = None
    if score is None or not 0 <= score <= ApplicationReview.MAX_SCORE:
        raise ApplicationError(
            _("The score is between 0 and %(max)s."), code="bad_score", params={"max": ApplicationReview.MAX_SCORE}
        )
    current = Application.objects.only("status").get(pk=application.pk)
    if current.status == Status.DRAFT:
        raise ApplicationError(_("A draft cannot be reviewed before it is submitted."), code="draft")
    review, _created = ApplicationReview.objects.update_or_create(
        application=application, reviewer=reviewer, defaults={"score": score, "comment": comment}
    )
    return review


# --- helpers ---------------------------------------------------------------------------------


def _supported(language):
    """``language`` if the site is offered in it, else None."""
    return language if language in dict(settings.LANGUAGES) else None


def _remember_language(application, actor, language):
    """The student's own action tells which language they read; the office's actions do not."""
    if getattr(actor, "pk", None) == application.student_id and _supported(language):
        application.language = _supported(language)


def _lock(application: Application) -> Application:
    """The application's row, locked until the transaction ends, with its current status."""
    return Application.objects.select_for_update(of=("self",)).select_related("call", "student").get(pk=application.pk)


def _not_allowed(application, to_status):
    return ApplicationError(
        _("An application cannot go from %(from)s to %(to)s."),
        code="not_allowed",
        params={"from": application.get_status_display().lower(), "to": Status(to_status).label.lower()},
    )


def _move(application, to_status, *, actor, note="", language=None, base_url=""):
    """Change the status of a locked application, record it and schedule the student's e-mail.

    The e-mail is in ``language`` when given, otherwise in the student's (``application.language``).
    """
    if not application.can_move_to(to_status):
        raise _not_allowed(application, to_status)
    language = _supported(language) or application.language
    from_status = application.status
    now = timezone.now()
    application.status = to_status
    if to_status == Status.SUBMITTED:
        application.submitted_at = now
    if to_status in DECISIONS:
        application.decided_at = now
    application.save(update_fields=["status", "submitted_at", "decided_at", "language", "updated_at"])
    ApplicationEvent.objects.create(
        application=application, from_status=from_status, to_status=to_status, actor=actor, note=note
    )
    # After the commit: a rolled-back change must not be announced. robust: a mail server
    # that is down is logged, and does not turn a recorded decision into an error page.
    transaction.on_commit(
        lambda: send_application_status_email(
            application=application, to_status=to_status, language=language, base_url=base_url
        ),
        robust=True,
    )


def _check_hosts(call, hosts):
    if len(hosts) > MAX_HOST_PREFERENCES:
        raise ApplicationError(
            _("Choose at most %(count)s host institutions."),
            code="too_many_hosts",
            params={"count": MAX_HOST_PREFERENCES},
        )
    if len({host.pk for host in hosts}) != len(hosts):
        raise ApplicationError(_("Choose each host institution only once."), code="duplicate_host")
    allowed = set(call.hosts.values_list("pk", flat=True))
    if any(host.pk not in allowed for host in hosts):
        raise ApplicationError(_("Choose host institutions among those of this call."), code="host_not_in_call")


def _chosen_host(application, host):
    preferences = list(application.preferences.select_related("institution").order_by("rank"))
    if not preferences:
        raise ApplicationError(_("The application names no host institution."), code="no_host")
    if host is None:
        return preferences[0].institution
    for preference in preferences:
        if preference.institution_id == host.pk:
            return preference.institution
    raise ApplicationError(_("The host must be one of the institutions the student chose."), code="host_not_preferred")


def _mobility_period(call) -> tuple[datetime.date, datetime.date, bool]:
    """The call's mobility period; without one, a semester from the day after the deadline."""
    start, end = call.mobility_start, call.mobility_end
    if start and end:
        return start, end, False
    if start is None and end is not None:
        return min(end, call.deadline + datetime.timedelta(days=1)), end, True
    start = start or max(call.deadline + datetime.timedelta(days=1), today())
    return start, start + datetime.timedelta(days=DEFAULT_MOBILITY_DAYS), True


def _delete_files(names):
    for name in names:
        if name:
            private_storage.delete(name)
