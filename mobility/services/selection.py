"""The fairness of a call's selection: closing a call early, reopening a decision, archiving, the results list.

The office decides on a call's applications only after its deadline (``applications._move``
refuses before), unless Office staff close the call early with a reason the call's page shows.
A mistaken decision is reopened, never edited: only by whoever holds
``mobility.reopen_application`` (Office staff), with a reason kept in the history, and the student
is told. A submitted application is never deleted; staff archive it, with a reason, and it leaves
the default lists. Once every application in the selection is decided, the results list (reference
numbers and outcomes, no names) may be published on ``/calls/<slug>/results/``.

A refusal raises ``ApplicationError`` with a message meant for people.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from intl_office.dates import today
from programs.models import Call

from ..emails import queue_application_reopened_email
from ..models import Application, ApplicationEvent, Mobility
from .applications import DECISIONS, ApplicationError, lock_application

Status = Application.Status

REASON_MAX_LENGTH = 2000

# Settled for the results list: the office's decisions, and a place the student declined (or let expire).
SETTLED = (*DECISIONS, Status.DECLINED)


def clean_reason(reason) -> str:
    """The reason, trimmed; refused when empty, as every one of these steps must say why."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Give the reason; it is kept in the history."), code="no_reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise ApplicationError(
            _("The reason is at most %(max)s characters."), code="reason_too_long", params={"max": REASON_MAX_LENGTH}
        )
    return reason


# --- the call ------------------------------------------------------------------------------------


def call_close_early(*, call: Call, actor, reason) -> Call:
    """Close ``call`` now, before its deadline, so that the office may decide; the reason is shown on its page.

    Only calls still before their deadline's end can be closed early; nobody may submit afterwards.
    """
    reason = clean_reason(reason)
    with transaction.atomic():
        locked = Call.objects.select_for_update().get(pk=call.pk)
        if locked.is_closed_early:
            raise ApplicationError(_("This call is already closed."), code="already_closed")
        if locked.deadline < today():
            raise ApplicationError(
                _("The deadline (%(date)s) has passed; the call is closed already."),
                code="already_closed",
                params={"date": date_format(locked.deadline)},
            )
        locked.closed_early_at = timezone.now()
        # Every language shows the reason as written until staff translate it on the call's admin page.
        reasons = [build_localized_fieldname("closed_early_reason", code) for code, _name in settings.LANGUAGES]
        for field in reasons:
            setattr(locked, field, reason)
        locked.closed_early_by = actor
        locked.save(update_fields=["closed_early_at", "closed_early_by", *reasons])
    call.refresh_from_db()
    return call


def call_results_final(call: Call) -> bool:
    """Whether every application in the call's selection has its decision, after the deadline or an early close."""
    if not call.decisions_allowed_on(today()):
        return False
    selection = Application.objects.filter(call=call).in_selection()
    return selection.exists() and not selection.exclude(status__in=SETTLED).exists()


def call_publish_results(*, call: Call, actor) -> Call:
    """Publish the call's results list; refused while an application of the selection waits for its decision."""
    with transaction.atomic():
        locked = Call.objects.select_for_update().get(pk=call.pk)
        if not locked.is_published:
            raise ApplicationError(_("Publish the call first."), code="call_unpublished")
        if not call_results_final(locked):
            raise ApplicationError(
                _("The results are published once every submitted application of the call is decided."),
                code="not_final",
            )
        if locked.results_published_at is None:
            locked.results_published_at = timezone.now()
            locked.save(update_fields=["results_published_at"])
    call.refresh_from_db()
    return call


@dataclass
class ResultRow:
    reference: str
    outcome: str  # an Application.Status among SETTLED
    waitlist_rank: int | None = None


def call_results(call: Call) -> list[ResultRow]:
    """The results list: accepted, then places declined, the waiting list in ranked order, those not selected.

    Reference numbers and outcomes only: no names, no scores. A place declined (or not answered in
    time) stays on the list as "place declined", so that the list explains why a student further down
    the waiting list was offered a place; it is not a mobility and counts with neither group.
    """
    applications = Application.objects.filter(call=call).in_selection().filter(status__in=SETTLED).ranked()
    rows = {status: [] for status in (Status.ACCEPTED, Status.DECLINED, Status.WAITLISTED, Status.REJECTED)}
    for application in applications.only("reference", "status", "submitted_at"):
        rows[application.status].append(application)
    waitlist = [
        ResultRow(application.reference or "—", Status.WAITLISTED, rank)
        for rank, application in enumerate(rows[Status.WAITLISTED], start=1)
    ]
    by_reference = lambda applications: sorted(application.reference or "" for application in applications)  # noqa: E731
    return [
        *(ResultRow(reference, Status.ACCEPTED) for reference in by_reference(rows[Status.ACCEPTED])),
        *(ResultRow(reference, Status.DECLINED) for reference in by_reference(rows[Status.DECLINED])),
        *waitlist,
        *(ResultRow(reference, Status.REJECTED) for reference in by_reference(rows[Status.REJECTED])),
    ]


# --- one application -----------------------------------------------------------------------------


def may_reopen(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("mobility.reopen_application")


def application_reopen(*, application: Application, actor, reason, language=None) -> Application:
    """Take back the decision on ``application``: it returns to the status it was decided from.

    An acceptance's mobility is cancelled and unlinked (kept for the record); a published results
    list is withdrawn, as it is no longer final. The student is told by e-mail in their language.
    """
    if not may_reopen(actor):
        raise ApplicationError(_("Only Office staff may reopen a decision."), code="not_allowed")
    reason = clean_reason(reason)
    with transaction.atomic():
        # The call first, as application_accept locks them, so that the two cannot wait on each other.
        call = Call.objects.select_for_update().get(pk=application.call_id)
        locked = lock_application(application)
        if locked.status not in DECISIONS:
            raise ApplicationError(
                _("Only a decided application (accepted, waitlisted or rejected) can be reopened."),
                code="not_decided",
            )
        if locked.is_archived:
            raise ApplicationError(_("An archived application does not move any more."), code="archived")
        from_status = locked.status
        back_to = _status_before_decision(locked)
        for mobility in Mobility.objects.select_for_update().filter(application=locked):
            note = _("Cancelled: the acceptance was reopened (%(reason)s).") % {"reason": reason}
            mobility.status = Mobility.Status.CANCELLED
            mobility.application = None
            mobility.notes = f"{mobility.notes}\n{note}".strip()
            mobility.save(update_fields=["status", "application", "notes", "updated_at"])
        locked.status = back_to
        locked.decided_at = None
        locked.save(update_fields=["status", "decided_at", "updated_at"])
        ApplicationEvent.objects.create(
            application=locked,
            kind=ApplicationEvent.Kind.REOPEN,
            from_status=from_status,
            to_status=back_to,
            actor=actor,
            note=reason,
        )
        if call.results_published_at is not None:
            call.results_published_at = None
            call.save(update_fields=["results_published_at"])
        queue_application_reopened_email(application=locked, language=language or locked.language)
    application.refresh_from_db()
    return application


def _status_before_decision(application) -> str:
    """The status the last decision was taken from, if the workflow allows deciding from it again."""
    last = (
        application.events.filter(kind=ApplicationEvent.Kind.STATUS, to_status=application.status)
        .order_by("-created_at", "-pk")
        .first()
    )
    candidate = last.from_status if last else ""
    if candidate in (Status.UNDER_REVIEW, Status.SHORTLISTED):
        return candidate
    return Status.SHORTLISTED


def may_archive(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("mobility.delete_application")


def application_archive(*, application: Application, actor, reason) -> Application:
    """Put a submitted application out of the default lists for good, with the reason; nothing is deleted."""
    if not may_archive(actor):
        raise ApplicationError(_("Only Office staff may archive an application."), code="not_allowed")
    reason = clean_reason(reason)
    with transaction.atomic():
        locked = lock_application(application)
        if locked.is_archived:
            raise ApplicationError(_("This application is archived already."), code="archived")
        if locked.status == Status.DRAFT:
            raise ApplicationError(_("A draft is not archived; the student deletes it."), code="draft")
        locked.archived_at = timezone.now()
        locked.archived_reason = reason
        locked.save(update_fields=["archived_at", "archived_reason", "updated_at"])
        ApplicationEvent.objects.create(
            application=locked,
            kind=ApplicationEvent.Kind.ARCHIVE,
            from_status=locked.status,
            to_status=locked.status,
            actor=actor,
            note=reason,
        )
    application.refresh_from_db()
    return application
