"""The recommendation list for the rector: the office's shortlisted staff for a call, then the rector's order.

``recommendation_list_make`` puts a staff call's shortlisted applications on its list, best ranked
first (``Application.objects.ranked()``); made again before the rector decides, it is made afresh.
``recommendation_list_pdf`` prints it (``intl_office.letters``, the office's template or the default
``templates/letters/recommendation_list.<language>.html``) in English, Uzbek or Russian.
``recommendation_list_decide`` records the rector's order (number and date) and which candidates it
approves: they are accepted (an offer, and the staff mobility it becomes, as any acceptance), the others
are not; each is told in their language, with an event in each history.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.letter_records import LetterTemplate
from intl_office.letters import letter_pdf
from programs.models import Call

from ..models import Application, ApplicationEvent, RecommendationEntry, RecommendationList
from ..staff_emails import queue_not_approved_email
from .applications import ApplicationError, _move, application_accept, lock_application

Status = Application.Status

ORDER_NUMBER_MAX_LENGTH = 50


def may_manage_recommendation_lists(user) -> bool:
    """The office (Office staff, superusers); not faculty coordinators, who review their faculty's applications only."""
    return bool(user.is_active and user.is_staff and user.has_perm("mobility.add_recommendationlist"))


def recommendation_list_make(*, call: Call, actor) -> RecommendationList:
    """The call's list for the rector, with its shortlisted staff applications in ranked order."""
    if not may_manage_recommendation_lists(actor):
        raise ApplicationError(_("Only the office makes a recommendation list."), code="not_allowed")
    with transaction.atomic():
        locked = Call.objects.select_for_update().get(pk=call.pk)
        if not locked.for_staff:
            raise ApplicationError(_("Recommendation lists are for staff calls."), code="not_staff_call")
        existing = RecommendationList.objects.select_for_update().filter(call=locked).first()
        if existing is not None and existing.is_decided:
            raise ApplicationError(_("The rector has decided on this list already."), code="decided")
        shortlisted = list(Application.objects.filter(call=locked, status=Status.SHORTLISTED).not_archived().ranked())
        if not shortlisted:
            raise ApplicationError(
                _("No shortlisted application: shortlist the endorsed applications first."), code="empty"
            )
        listed_before = set()
        if existing is None:
            existing = RecommendationList.objects.create(call=locked, made_by=actor)
        else:
            listed_before = set(existing.entries.values_list("application_id", flat=True))
            existing.entries.all().delete()
            existing.made_at, existing.made_by = timezone.now(), actor
            existing.save(update_fields=["made_at", "made_by"])
        RecommendationEntry.objects.bulk_create(
            RecommendationEntry(recommendation_list=existing, application=application, position=position)
            for position, application in enumerate(shortlisted, start=1)
        )
        ApplicationEvent.objects.bulk_create(
            ApplicationEvent(
                application=application,
                kind=ApplicationEvent.Kind.RECOMMENDED,
                from_status=application.status,
                to_status=application.status,
                actor=actor,
                note=gettext("Place %(position)s on the list.") % {"position": position},
            )
            for position, application in enumerate(shortlisted, start=1)
            if application.pk not in listed_before
        )
    return RecommendationList.objects.with_entries().get(pk=existing.pk)


def recommendation_list_context(recommendation_list: RecommendationList) -> dict:
    """What the list's letter prints, as plain values, read in the active language."""
    call = recommendation_list.call
    candidates = []
    for entry in recommendation_list.entries.all():
        application = entry.application
        part = getattr(application, "staff", None)
        certificate = ""
        if application.language_certificate:
            certificate = str(application.get_language_certificate_display())
            if application.language_score:
                certificate = f"{certificate} {application.language_score}"
        candidates.append(
            {
                "position": entry.position,
                "name": application.full_name,
                "department": part.department.name if part and part.department else "",
                "job": part.position if part else "",
                "degree": part.academic_degree if part else "",
                "years_of_service": part.years_of_service if part and part.years_of_service is not None else "",
                "language_certificate": certificate,
                "reference": application.reference or "",
                "approved": entry.approved,
            }
        )
    return {
        "call": call.title,
        "programme": call.program.name if call.program_id else "",
        "deadline": call.deadline,
        "made_on": timezone.localdate(recommendation_list.made_at),
        "candidates": candidates,
        "order_number": recommendation_list.order_number,
        "order_date": recommendation_list.order_date,
    }


def recommendation_list_pdf(recommendation_list: RecommendationList, *, language: str) -> bytes:
    """The list as a PDF in ``language`` (English, Uzbek or Russian), for the rector's approval."""
    from django.utils import translation

    with translation.override(language):
        context = recommendation_list_context(recommendation_list)
    return letter_pdf(LetterTemplate.Kind.RECOMMENDATION_LIST, language=language, context=context)


def clean_order(order_number, order_date) -> tuple[str, datetime.date]:
    """The order's number and date, checked; each refusal names its field (``ApplicationError.error_dict``)."""
    errors = {}
    order_number = (order_number or "").strip()
    if not order_number:
        errors["order_number"] = _("Give the number of the rector's order.")
    elif len(order_number) > ORDER_NUMBER_MAX_LENGTH:
        errors["order_number"] = _("The order number is at most %(max)s characters.") % {"max": ORDER_NUMBER_MAX_LENGTH}
    if not isinstance(order_date, datetime.date):
        errors["order_date"] = _("Give the date of the rector's order.")
    elif order_date > today():
        errors["order_date"] = _("The order's date cannot be in the future.")
    if errors:
        raise ApplicationError({name: [message] for name, message in errors.items()}, code="bad_order")
    return order_number, order_date


def recommendation_list_decide(
    *, recommendation_list: RecommendationList, actor, order_number, order_date, approved
) -> RecommendationList:
    """Record the rector's order: the candidates in ``approved`` (applications or their ids) are accepted, the rest not.

    All or nothing: a candidate who cannot be accepted (no place left, no host chosen, before the
    call's deadline) refuses the whole decision, and nothing is recorded.
    """
    if not may_manage_recommendation_lists(actor):
        raise ApplicationError(_("Only the office records the rector's decision."), code="not_allowed")
    order_number, order_date = clean_order(order_number, order_date)
    approved_ids = {getattr(item, "pk", item) for item in approved}
    with transaction.atomic():
        locked = RecommendationList.objects.select_for_update().get(pk=recommendation_list.pk)
        if locked.is_decided:
            raise ApplicationError(_("The rector's decision on this list is recorded already."), code="decided")
        entries = list(locked.entries.select_related("application").order_by("position"))
        if not approved_ids <= {entry.application_id for entry in entries}:
            raise ApplicationError(_("Approve only candidates on the list."), code="not_on_list")
        note = gettext("Rector's order No. %(number)s of %(date)s.") % {
            "number": order_number,
            "date": order_date.isoformat(),
        }
        for entry in entries:
            entry.approved = entry.application_id in approved_ids
            if entry.approved:
                application_accept(application=entry.application, actor=actor, note=note)
            else:
                application = lock_application(entry.application)
                _move(application, Status.REJECTED, actor=actor, note=note, email=False)
                queue_not_approved_email(application=application, order_number=order_number, order_date=order_date)
            entry.save(update_fields=["approved"])
        locked.order_number, locked.order_date = order_number, order_date
        locked.decided_at, locked.decided_by = timezone.now(), actor
        locked.save(update_fields=["order_number", "order_date", "decided_at", "decided_by"])
    return RecommendationList.objects.with_entries().get(pk=locked.pk)
