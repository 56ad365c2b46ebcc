"""Foreign experts: recording an expert (and the incoming staff mobility their stay is), reminders, the visa letter.

``expert_save`` is the one way an expert's record changes: it validates, saves, keeps exactly one
incoming staff ``Mobility`` in step with the stay (so statistics and reports count the expert) and
writes a history step. ``experts_send_reminders`` e-mails the responsible staff member before each
visa or registration deadline, once per threshold. ``expert_letter_pdf`` prints the invitation for a
visa through ``intl_office.letters``.
"""

import dataclasses
import datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.letters import letter_pdf
from intl_office.models import HomeInstitution, LetterTemplate

from ..expert_emails import guest_reminder_message
from ..models import Direction, Expert, ExpertEvent, ExpertReminder, Mobility

# Days before a deadline on which the responsible staff member hears of it.
REMINDER_DAYS = (14, 7, 3, 1)

# The stay's status as the mobility records spell it.
MOBILITY_STATUS = {
    Expert.Status.PLANNED: Mobility.Status.PLANNED,
    Expert.Status.CONFIRMED: Mobility.Status.CONFIRMED,
    Expert.Status.CANCELLED: Mobility.Status.CANCELLED,
}

# Fields whose change the history names; the rest are in the audit log.
WATCHED_FIELDS = (
    "full_name",
    "partner_id",
    "subject",
    "host_faculty_id",
    "host_department_id",
    "start_date",
    "end_date",
    "visa_required",
    "visa_valid_until",
    "registered_until",
    "responsible_id",
    "status",
)


def may_edit_experts(user) -> bool:
    """Only the office edits experts; coordinators and viewers read them."""
    return user.is_active and user.is_staff and user.has_perm("mobility.change_expert")


def expert_save(*, expert: Expert, actor, note: str = "") -> Expert:
    """Validate and save ``expert``, keep their incoming staff mobility in step, and write the history.

    Raises ``ValidationError`` (nothing saved) when the record is not valid, ``PermissionDenied`` when
    ``actor`` may not edit experts (``actor=None``: the system, for the demo and imports).
    """
    if actor is not None and not may_edit_experts(actor):
        raise PermissionDenied
    with transaction.atomic():
        before = None
        if expert.pk is not None:
            before = Expert.objects.select_for_update().filter(pk=expert.pk).first()
        expert.full_clean()
        expert.save()
        _keep_mobility(expert)
        for action, comment in _steps(before, expert, note):
            _record(expert, action, actor=actor, note=comment)
    return expert


def expert_delete(*, expert: Expert, actor) -> None:
    """Delete ``expert`` and the mobility that was only ever their stay."""
    if actor is not None and not may_edit_experts(actor):
        raise PermissionDenied
    with transaction.atomic():
        mobility_id = expert.mobility_id
        expert.delete()
        if mobility_id:
            Mobility.objects.filter(pk=mobility_id).delete()


def expert_mobility_sync(*, expert: Expert) -> None:
    """Bring the mobility of an expert already saved in step, without a history step: for the demo and imports."""
    with transaction.atomic():
        _keep_mobility(expert)


def _keep_mobility(expert):
    """Create the expert's mobility, or bring it in step: exactly one per expert, never a second."""
    values = {
        "direction": Direction.INCOMING,
        "participant_kind": Mobility.ParticipantKind.STAFF,
        "participant_name": expert.full_name_en or expert.full_name,
        "participant_email": expert.email,
        "faculty_id": expert.host_faculty_id,
        "activity": expert.activity,
        "partner_id": expert.partner_id,
        "start_date": expert.start_date,
        "end_date": expert.end_date,
        "status": MOBILITY_STATUS[expert.status],
    }
    mobility = (
        Mobility.objects.select_for_update().filter(pk=expert.mobility_id).first() if expert.mobility_id else None
    )
    if mobility is None:
        mobility = Mobility(
            **values, notes=str(_("The stay of a foreign expert; kept in step with the expert's record."))
        )
        mobility.full_clean()
        mobility.save()
        expert.mobility = mobility
        Expert.objects.filter(pk=expert.pk).update(mobility=mobility)
        return
    changed = [name for name, value in values.items() if getattr(mobility, name) != value]
    if changed:
        for name in changed:
            setattr(mobility, name, values[name])
        mobility.full_clean()
        mobility.save()


def _steps(before, expert, note):
    if before is None:
        steps = [(ExpertEvent.Action.RECORDED, note)]
        if expert.is_public and expert.status != Expert.Status.CANCELLED:
            steps.append((ExpertEvent.Action.PUBLISHED, ""))
        return steps
    steps = []
    changed = [name for name in WATCHED_FIELDS if getattr(before, name) != getattr(expert, name)]
    if expert.status == Expert.Status.CANCELLED and before.status != Expert.Status.CANCELLED:
        steps.append((ExpertEvent.Action.CANCELLED, note))
        changed.remove("status")
        note = ""
    if changed or note:
        labels = ", ".join(str(Expert._meta.get_field(name.removesuffix("_id")).verbose_name) for name in changed)
        steps.append((ExpertEvent.Action.CHANGED, "\n".join(part for part in (labels, note) if part)))
    if expert.is_public != before.is_public:
        steps.append((ExpertEvent.Action.PUBLISHED if expert.is_public else ExpertEvent.Action.UNPUBLISHED, ""))
    return steps


def _record(expert, action, *, actor=None, note=""):
    actor_name = (actor.get_full_name() or actor.get_username()) if actor is not None else ""
    ExpertEvent.objects.create(expert=expert, action=action, actor=actor, actor_name=actor_name[:200], note=str(note))


# --- reminders before the visa and registration deadlines -----------------------------------------


@dataclasses.dataclass
class GuestReminders:
    """What one run did: the reminders queued (expert, deadline, day, threshold, address), and those with no address."""

    queued: list[tuple] = dataclasses.field(default_factory=list)
    unsent: list[Expert] = dataclasses.field(default_factory=list)


def reminder_threshold(days_left: int) -> int | None:
    """The tightest threshold ``days_left`` has reached (3 rather than 7 at 2 days left); None before 14 or after."""
    if days_left < 0:
        return None
    reached = [days for days in REMINDER_DAYS if days_left <= days]
    return min(reached) if reached else None


def experts_send_reminders(*, on: datetime.date | None = None) -> GuestReminders:
    """E-mail the responsible staff member before each of a guest's visa and registration deadlines.

    At 14, 7, 3 and 1 days before (the deadline day itself counts as 1), the tightest threshold reached
    is sent once: an ``ExpertReminder`` row per expert, deadline, day and threshold, written in the
    transaction that queues the e-mail, so a second run sends nothing. A looser threshold is never sent
    after a tighter one. A new date (renewed registration, extended visa) is a new deadline with its
    own thresholds; the old date's reminders stop, as the old date is no longer the expert's. The
    address is the responsible staff member's, else the office's; with neither nothing is recorded.
    """
    on = on or today()
    run = GuestReminders()
    experts = list(
        Expert.objects.deadline_within(max(REMINDER_DAYS), on).select_related("partner", "responsible").order_by("pk")
    )
    if not experts:
        return run
    sent = {}
    for row in ExpertReminder.objects.filter(expert__in=experts).values("expert", "deadline", "due_on", "days_before"):
        key = (row["expert"], row["deadline"], row["due_on"])
        sent[key] = min(sent.get(key, row["days_before"]), row["days_before"])
    office_email = HomeInstitution.load().email
    for expert in experts:
        for deadline, due_on in expert.deadlines():
            threshold = reminder_threshold((due_on - on).days)
            already = sent.get((expert.pk, deadline, due_on))
            if threshold is None or (already is not None and already <= threshold):
                continue
            recipient = _recipient(expert, office_email)
            if not recipient:
                run.unsent.append(expert)
                continue
            if _remind(expert, deadline=deadline, due_on=due_on, threshold=threshold, recipient=recipient, on=on):
                run.queued.append((expert, deadline, due_on, threshold, recipient))
    return run


def _recipient(expert, office_email):
    responsible = expert.responsible
    if responsible is not None and responsible.is_active and responsible.email:
        return responsible.email
    return office_email


def _remind(expert, *, deadline, due_on, threshold, recipient, on):
    from intl_office.mail import queue_email

    try:
        with transaction.atomic():
            ExpertReminder.objects.create(
                expert=expert, deadline=deadline, due_on=due_on, days_before=threshold, recipient=recipient
            )
            message = guest_reminder_message(
                expert=expert, deadline=deadline, due_on=due_on, days_left=(due_on - on).days, recipient=recipient
            )
            queue_email(message)
            label = Expert.Deadline(deadline).label
            _record(expert, ExpertEvent.Action.REMINDED, note=f"{label}: {due_on.isoformat()} → {recipient}")
    except IntegrityError:
        return False  # a parallel run sent this one
    return True


# --- the invitation letter for a visa -----------------------------------------------------------------


def expert_letter_context(expert: Expert, *, language: str) -> dict:
    """The plain values the visa invitation prints, read in ``language``: names, dates, the host and who pays."""
    with translation.override(language):
        home = HomeInstitution.load()
        host = expert.host_unit
        faculty = expert.host_faculty if expert.host_department_id and expert.host_faculty_id else None
        return {
            "expert_name": expert.full_name,
            "position": expert.position,
            "nationality": str(expert.nationality.name),
            "passport_number": expert.passport_number,
            "partner": expert.partner.name,
            "partner_country": str(expert.partner.country.name),
            "purpose": str(expert.get_activity_display()),
            "subject": expert.subject,
            "host_unit": str(host) if host else "",
            "host_faculty": str(faculty) if faculty else "",
            "start": expert.start_date,
            "end": expert.end_date,
            "funding": str(expert.get_funding_display()),
            "university": home.name,
            "university_address": home.address,
            "department": home.department_name,
        }


def expert_letter_pdf(*, expert: Expert, language: str) -> bytes:
    """The invitation letter for ``expert``'s visa in ``language`` (English or Russian), as PDF."""
    if language not in ("en", "ru"):
        raise ValueError(f"the visa invitation is written in English or Russian, not {language}")
    context = expert_letter_context(expert, language=language)
    return letter_pdf(LetterTemplate.Kind.VISA_INVITATION, language=language, context=context)
