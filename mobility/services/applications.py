"""The student application workflow: submit, withdraw, review, shortlist, accept or reject.

Views, the admin and management commands call these functions and nothing else to change an
application, so every rule holds whoever acts: status changes only along
``Application.TRANSITIONS``, each one recorded in the dated history with who made it and
announced to the student by an e-mail queued in the same transaction, and no call accepts more
students than it has places, given best average score first. Starting and saving a draft are
in ``mobility.services.application_drafts``.

The student's own actions (start, save, submit, withdraw) store the language they use on the
application; e-mails about the office's actions are written in that language.

A refusal raises ``ApplicationError`` (a ``ValidationError``) whose message can be shown as is.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from programs.models import Call

from ..emails import queue_application_status_email
from ..models import Application, ApplicationEvent, ApplicationReview
from ..offer_emails import queue_offer_email
from .records import mobility_for_application
from .references import application_reference_assign

Status = Application.Status

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

DECISIONS = set(Application.DECIDED)

# What staff may move an application to; submitting is the student's own act.
STAFF_TARGETS = (
    Status.UNDER_REVIEW,
    Status.SHORTLISTED,
    Status.ACCEPTED,
    Status.WAITLISTED,
    Status.REJECTED,
    Status.WITHDRAWN,
)


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


# --- the student's side, once the draft is complete ----------------------------------------------


def application_missing(application: Application) -> list[str]:
    """What still keeps ``application`` from being submitted, one message per missing item.

    A staff call asks for the staff form's fields (``staff_applications.staff_missing``) instead of the
    student's personal and study data and photo; hosts, documents and who may apply are checked alike.
    """
    missing = []
    if application.call.for_staff:
        from .staff_applications import staff_missing

        missing += staff_missing(application)
    else:
        for name in REQUIRED_FOR_SUBMISSION:
            if getattr(application, name) in (None, ""):
                field = Application._meta.get_field(name)
                missing.append(gettext("Fill in: %(field)s.") % {"field": field.verbose_name})
    if application.language_certificate and not application.language_score:
        missing.append(gettext("Give the score of your language certificate."))
    refusals = application.call.eligibility_refusal(
        level=application.level, year=application.year_of_study, affiliation=application.student.affiliation
    )
    missing += [str(refusal) for refusal in refusals.values()]
    if not application.photo and not application.call.for_staff:
        missing.append(gettext("Upload your photo."))
    if not application.preferences.exists():
        missing.append(gettext("Choose at least one host institution."))
    uploaded = set(application.documents.values_list("document_type_id", flat=True))
    for document_type in application.call.required_documents.all():
        if document_type.pk not in uploaded:
            missing.append(gettext("Upload the required document: %(document)s.") % {"document": document_type.name})
    return missing


def application_submit(*, application: Application, actor, language=None) -> Application:
    """Send a complete draft to the office while its call is open (the deadline day included).

    The row is locked, so a second click or a second tab finds it submitted and is refused
    instead of submitting twice. ``language`` (the student's on the site) is stored with it.
    """
    with transaction.atomic():
        locked = lock_application(application)
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
        application_reference_assign(application=locked)
        _move(locked, Status.SUBMITTED, actor=actor, language=language)
        if call.for_staff:
            from .staff_applications import staff_submitted

            staff_submitted(application=locked)
    application.refresh_from_db()
    return application


def application_withdraw(*, application: Application, actor, note="", language=None) -> Application:
    """Take the application back.

    The student may do so only while the call is open; afterwards only the office can, for
    example when the student asks in person.
    """
    with transaction.atomic():
        locked = lock_application(application)
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
        _move(locked, Status.WITHDRAWN, actor=actor, note=note, language=language)
    application.refresh_from_db()
    return application


# --- the office's side -----------------------------------------------------------------------


def application_transition(
    *, application: Application, to_status, actor, note="", language=None, host=None
) -> Application:
    """Move ``application`` to ``to_status`` along ``Application.TRANSITIONS``.

    The one entry point for staff: submitting, withdrawing and accepting carry extra rules, so
    those go through their own services from here (``host`` is for accepting). The student's
    e-mail is in their language unless ``language`` names another.
    """
    to_status = Status(to_status)
    if to_status == Status.SUBMITTED:
        return application_submit(application=application, actor=actor, language=language)
    if to_status == Status.WITHDRAWN:
        return application_withdraw(application=application, actor=actor, note=note, language=language)
    if to_status == Status.ACCEPTED:
        return application_accept(application=application, actor=actor, host=host, note=note, language=language)
    if to_status == Status.DECLINED:
        # A place is declined by its student, or by the office for them with a reason: the waiting list moves up.
        from .offers import offer_decline

        return offer_decline(application=application, actor=actor, reason=note)
    with transaction.atomic():
        locked = lock_application(application)
        _move(locked, to_status, actor=actor, note=note, language=language)
    application.refresh_from_db()
    return application


def application_accept(*, application: Application, actor, host=None, note="", language=None) -> Application:
    """Accept ``application``, that is offer the student a place, and create the outgoing mobility it becomes.

    The student has until the end of the call's ``offer_response_days`` from today to take or decline
    it (``mobility.services.offers``); their e-mail names the host and that deadline. Refused once the
    call's places are all taken: the call's row is locked while the accepted
    applications are counted, so two reviewers accepting at once cannot overfill it. The
    mobility goes to the first-ranked host unless ``host`` names another of the student's
    preferences.
    """
    with transaction.atomic():
        call = Call.objects.select_for_update(of=("self",)).select_related("program").get(pk=application.call_id)
        locked = lock_application(application)
        if not locked.can_move_to(Status.ACCEPTED):
            raise _not_allowed(locked, Status.ACCEPTED)
        ensure_decisions_allowed(call)
        if call_places_taken(call) >= call.places:
            raise ApplicationError(
                _("All %(places)s places of this call are taken; no more applications can be accepted."),
                code="no_places",
                params={"places": call.places},
            )
        partner = _chosen_host(locked, host)
        mobility_for_application(application=locked, call=call, partner=partner)
        _move(locked, Status.ACCEPTED, actor=actor, note=note, language=language, email=False)
        locked.offer_deadline = today() + datetime.timedelta(days=call.offer_response_days)
        locked.offer_answered_at = None
        locked.save(update_fields=["offer_deadline", "offer_answered_at"])
        queue_offer_email(application=locked, kind="made", host=partner, language=language)
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


@dataclass
class TransitionOutcome:
    """What ``application_transition_each`` did: the applications moved, and the others by the reason given."""

    moved: list = field(default_factory=list)
    refused: dict = field(default_factory=lambda: defaultdict(list))


def application_transition_each(*, applications: QuerySet, to_status, actor) -> TransitionOutcome:
    """Move each of ``applications`` to ``to_status``, one by one through ``application_transition``.

    A refusal of one does not stop the others. Accepting takes them in ``Application.objects.ranked()``
    order, so when there are fewer places than applications, the places go to the best average
    score first, then to the earliest submission.
    """
    to_status = Status(to_status)
    if to_status == Status.ACCEPTED:
        applications = Application.objects.filter(pk__in=applications.values("pk")).select_related("student").ranked()
    outcome = TransitionOutcome()
    for application in applications:
        try:
            application_transition(application=application, to_status=to_status, actor=actor)
        except ValidationError as error:
            outcome.refused[" ".join(error.messages)].append(application)
        else:
            outcome.moved.append(application)
    return outcome


def application_staff_targets(application: Application) -> list:
    """The statuses staff may move ``application`` to now, in the workflow's order."""
    return [status for status in STAFF_TARGETS if application.can_move_to(status)]


def call_places_taken(call: Call) -> int:
    """How many of the call's places accepted applications hold."""
    return Application.objects.filter(call=call).accepted().count()


def may_review(user, application: Application | None = None) -> bool:
    """Whether ``user`` may score applications, and ``application`` in particular: drafts have nothing to review."""
    if not (user.has_perm("mobility.add_applicationreview") and user.has_perm("mobility.change_applicationreview")):
        return False
    return application is None or application.status != Status.DRAFT


# --- helpers ---------------------------------------------------------------------------------


def supported_language(language):
    """``language`` if the site is offered in it, else None."""
    return language if language in dict(settings.LANGUAGES) else None


def _remember_language(application, actor, language):
    """The student's own action tells which language they read; the office's actions do not."""
    if getattr(actor, "pk", None) == application.student_id and supported_language(language):
        application.language = supported_language(language)


def lock_application(application: Application) -> Application:
    """The application's row, locked until the transaction ends, with its current status."""
    return Application.objects.select_for_update(of=("self",)).select_related("call", "student").get(pk=application.pk)


def _not_allowed(application, to_status):
    return ApplicationError(
        _("An application cannot go from %(from)s to %(to)s."),
        code="not_allowed",
        params={"from": application.get_status_display().lower(), "to": Status(to_status).label.lower()},
    )


def _move(application, to_status, *, actor, note="", language=None, email=True):
    """Change the status of a locked application, record it and schedule the student's e-mail.

    The e-mail is in ``language`` when given, otherwise in the student's (``application.language``).
    """
    if not application.can_move_to(to_status):
        raise _not_allowed(application, to_status)
    if application.is_archived:
        raise ApplicationError(_("An archived application does not move any more."), code="archived")
    if to_status in DECISIONS:
        ensure_decisions_allowed(application.call)
    if to_status == Status.UNDER_REVIEW:
        from .staff_applications import ensure_endorsed

        ensure_endorsed(application)  # a staff application is reviewed once its head has endorsed it
    language = supported_language(language) or application.language
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
    # In the same transaction: a rolled-back change is not announced, a committed one cannot lose its
    # e-mail, and a mail server that is down delays the e-mail rather than the decision.
    if email:
        queue_application_status_email(application=application, to_status=to_status, language=language)


def ensure_decisions_allowed(call: Call) -> None:
    """Refuse a decision before the end of the call's deadline day (office time), unless it was closed early."""
    if not call.decisions_allowed_on(today()):
        raise ApplicationError(
            _(
                "No decision before the call's deadline: students may apply until the end of %(date)s. "
                "To decide earlier, close the call early with a reason."
            ),
            code="before_deadline",
            params={"date": date_format(call.deadline)},
        )


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
