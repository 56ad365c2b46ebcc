"""The place an acceptance offers: the student takes it or declines it by the call's deadline.

``application_accept`` makes the offer (``offer_deadline`` = the office's today plus the call's
``offer_response_days``; the student's e-mail names the host, the deadline and what follows). Then:

- ``offer_take``: the student takes the place before the end of the deadline day; the mobility goes ahead.
- ``offer_decline``: the student declines (a reason is optional), or the office records their decline
  (a reason is required). The status becomes ``DECLINED``; the mobility is cancelled but kept.
- ``offers_expire(on=...)``: every offer still unanswered after its deadline day is declined for
  the student ("no answer by the deadline"); run daily by ``manage.py expire_offers``.
- ``offer_extend``: the office gives a pending offer a later deadline, with a reason.

Every freed place is offered at once to the best-ranked waiting-list application of the same call
(``Application.objects.ranked()``, not archived) through ``application_accept``, so it is a new offer
with its own deadline and e-mail. Its host: the freed place's host when the student named it among
their choices (the place an agreement's quota gave is kept where it is), else their first choice
among the call's hosts. Each step locks the call's row first, then the application's, as
``application_accept`` does: a decline racing the expiry, two runs of the expiry, or two clicks find
the offer already answered, so one freed place promotes one student, once. With nobody waiting, the
place stays free (the admin's "accepted in this call" shows it).
"""

import datetime

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from programs.models import Call

from ..models import Application, ApplicationEvent, HostPreference, Mobility
from ..offer_emails import queue_offer_email
from .applications import ApplicationError, application_accept, call_places_taken, lock_application
from .selection import clean_reason

Status = Application.Status

# The furthest an extension may push an offer's deadline from today.
MAX_EXTENSION_DAYS = 60


def may_answer_for_student(user) -> bool:
    """Whether ``user`` may record a student's decline or extend an offer: staff who change applications."""
    return bool(user.is_active and user.is_staff and user.has_perm("mobility.change_application"))


def offer_take(*, application: Application, actor) -> Application:
    """The student takes the offered place; refused after the deadline day or once answered."""
    with transaction.atomic():
        _lock_call(application)
        locked = lock_application(application)
        if getattr(actor, "pk", None) != locked.student_id:
            raise ApplicationError(_("Only the student takes the offered place."), code="not_student")
        _ensure_pending(locked, student=True)
        locked.offer_answered_at = timezone.now()
        locked.save(update_fields=["offer_answered_at", "updated_at"])
        ApplicationEvent.objects.create(
            application=locked,
            kind=ApplicationEvent.Kind.OFFER_TAKEN,
            from_status=locked.status,
            to_status=locked.status,
            actor=actor,
        )
        queue_offer_email(application=locked, kind="taken", host=_host(locked))
    application.refresh_from_db()
    return application


def offer_decline(*, application: Application, actor, reason="") -> Application:
    """Decline the offered place and offer it to the waiting list.

    The student may decline until the end of the deadline day, with or without a reason; staff record
    a student's decline (told in person, by letter) with the reason, also after the deadline.
    """
    by_student = getattr(actor, "pk", None) == application.student_id
    if not by_student and not may_answer_for_student(actor):
        raise ApplicationError(_("Only the student or the office may decline the place."), code="not_allowed")
    reason = (reason or "").strip() if by_student else clean_reason(reason)
    with transaction.atomic():
        call = _lock_call(application)
        locked = lock_application(application)
        _ensure_pending(locked, student=by_student)
        _decline(locked, call, actor=actor, note=reason, kind="declined")
    application.refresh_from_db()
    return application


def offers_expire(*, on: datetime.date | None = None) -> list[Application]:
    """Decline every offer unanswered after its deadline day (before ``on``, the office's today); promote for each.

    Returns the applications it declined. Harmless to run twice: a second run finds them answered.
    """
    on = on or today()
    expired = []
    due = Application.objects.offers_waiting().filter(offer_deadline__lt=on).order_by("call_id", "pk")
    for application in due.only("pk", "call_id", "student_id"):
        with transaction.atomic():
            call = _lock_call(application)
            locked = lock_application(application)
            # Answered, extended or archived since the list was read: the lock shows it.
            if not locked.offer_pending or locked.is_archived or locked.offer_deadline >= on:
                continue
            _decline(locked, call, actor=None, note=str(_("No answer by the deadline.")), kind="expired")
        expired.append(locked)
    return expired


def offer_extend(*, application: Application, actor, until: datetime.date, reason) -> Application:
    """Give a pending offer a later deadline (the office's, with a reason); the student is told."""
    if not may_answer_for_student(actor):
        raise ApplicationError(_("Only the office extends an offer's deadline."), code="not_allowed")
    reason = clean_reason(reason)
    with transaction.atomic():
        _lock_call(application)
        locked = lock_application(application)
        _ensure_pending(locked, student=False)
        latest = today() + datetime.timedelta(days=MAX_EXTENSION_DAYS)
        if until is None or until <= max(locked.offer_deadline, today() - datetime.timedelta(days=1)) or until > latest:
            message = _("Choose a day after %(date)s and at most %(days)s days from today.") % {
                "date": date_format(max(locked.offer_deadline, today())),
                "days": MAX_EXTENSION_DAYS,
            }
            raise ApplicationError({"until": [message]}, code="bad_deadline")
        previous = locked.offer_deadline
        locked.offer_deadline = until
        locked.save(update_fields=["offer_deadline", "updated_at"])
        ApplicationEvent.objects.create(
            application=locked,
            kind=ApplicationEvent.Kind.OFFER_EXTENDED,
            from_status=locked.status,
            to_status=locked.status,
            actor=actor,
            note=reason,
            changes={"offer_deadline": [previous.isoformat(), until.isoformat()]},
        )
        queue_offer_email(application=locked, kind="extended", host=_host(locked), note=reason)
    application.refresh_from_db()
    return application


# --- helpers ---------------------------------------------------------------------------------


def _lock_call(application) -> Call:
    # The call first, as application_accept locks them, so that two steps cannot wait on each other.
    return Call.objects.select_for_update(of=("self",)).select_related("program").get(pk=application.call_id)


def _ensure_pending(application, *, student):
    if application.is_archived:
        raise ApplicationError(_("An archived application does not move any more."), code="archived")
    if not application.offer_pending:
        raise ApplicationError(_("This offer has already been answered."), code="answered")
    if student and application.offer_deadline is not None and application.offer_deadline < today():
        raise ApplicationError(
            _("The offer could be answered until the end of %(date)s; contact the International Office."),
            code="deadline_passed",
            params={"date": date_format(application.offer_deadline)},
        )


def _host(application):
    mobility = Mobility.objects.filter(application=application).select_related("partner").first()
    return mobility.partner if mobility is not None else None


def _decline(application, call, *, actor, note, kind):
    """Decline the locked, pending ``application``: history, mobility cancelled, e-mail, then promote."""
    now = timezone.now()
    application.status = Status.DECLINED
    application.offer_answered_at = now
    application.save(update_fields=["status", "offer_answered_at", "updated_at"])
    ApplicationEvent.objects.create(
        application=application, from_status=Status.ACCEPTED, to_status=Status.DECLINED, actor=actor, note=note
    )
    host = None
    for mobility in Mobility.objects.select_for_update().filter(application=application).select_related("partner"):
        host = mobility.partner
        cancelled = (
            _("Cancelled: the student declined the place.")
            if kind == "declined"
            else _("Cancelled: the student did not answer the offer by the deadline.")
        )
        mobility.status = Mobility.Status.CANCELLED
        mobility.notes = f"{mobility.notes}\n{cancelled}".strip()
        mobility.save(update_fields=["status", "notes", "updated_at"])
    # The office's reason goes to the student; their own, or the expiry's, does not need repeating.
    by_office = actor is not None and actor.pk != application.student_id
    queue_offer_email(application=application, kind=kind, host=host, note=note if by_office else "")
    _promote(call, freed_host=host)


def _promote(call, *, freed_host):
    """Offer the freed place to the best-ranked waiting-list application of ``call``, if a place is free."""
    if call_places_taken(call) >= call.places:
        return None
    waiting = (
        Application.objects.filter(call=call, status=Status.WAITLISTED)
        .not_archived()
        .select_related("student")
        .prefetch_related(Prefetch("preferences", queryset=HostPreference.objects.select_related("institution")))
        .ranked()
    )
    note = str(_("Offered from the waiting list: a place became free."))
    call_hosts = set(call.hosts.values_list("pk", flat=True))
    for candidate in waiting:
        chosen = {preference.institution_id for preference in candidate.preferences.all()}
        if freed_host is not None and freed_host.pk in chosen:
            host = freed_host
        else:
            ranked = sorted(candidate.preferences.all(), key=lambda preference: preference.rank)
            host = next((p.institution for p in ranked if p.institution_id in call_hosts), None)
        if host is None:
            continue  # none of its choices is a host of the call any more: the next one gets the place
        return application_accept(application=candidate, actor=None, host=host, note=note)
    return None
