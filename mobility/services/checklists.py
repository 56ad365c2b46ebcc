"""The pre-departure checklist: the student submits each item, the office accepts it or sends it back.

Views, the admin and ``manage.py send_checklist_reminders`` change a checklist only through
these functions, so every rule holds whoever acts:

- a mobility takes a checklist once its place is taken (``Mobility.objects.taking_checklists``);
  ``mobility_checklist_start`` copies its programme's items (the default list without a
  programme) the first time the checklist is needed, once: later changes to the programme's
  list leave a running checklist alone;
- only the student of the mobility's application submits, with a checked file when the item
  asks for one; an accepted item is closed;
- only Office staff (the right to change checklist items) accept, send back with a comment
  (the student is told by e-mail in their language), add an item or remove one; a faculty
  coordinator reads their faculty's checklists;
- every step is in the dated history (``ChecklistEvent``), which outlives a removed item.

A refusal raises ``ChecklistError`` (a ``ValidationError``) whose message can be shown.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.roles import serves_faculty
from intl_office.storage import get_private_storage

from ..checklist_emails import queue_reminder_email, queue_returned_email
from ..models import ChecklistEvent, ChecklistItem, ChecklistTemplateItem, Mobility, MobilityChecklist
from ..uploads import CheckedFile

State = ChecklistItem.State
Action = ChecklistEvent.Action
TRANSLATED = ("title", "instructions")
MAX_ITEMS = 40
# Reminders: items due within this many days, or overdue; an item is named again after REMIND_AGAIN_DAYS.
REMIND_WITHIN_DAYS = 7
REMIND_AGAIN_DAYS = 3


class ChecklistError(ValidationError):
    """A rule of the checklist refused the change; the message is meant for people."""

    def __init__(self, message, code=None, params=None):
        super().__init__(message, code=code, params=params)
        self.code = code


# --- who may do what -------------------------------------------------------------------------


def may_manage_checklist(user) -> bool:
    """Office staff: those who may change checklist items (a coordinator or a viewer only reads)."""
    return bool(user.is_active and user.is_staff and user.has_perm("mobility.change_checklistitem"))


def may_read_checklist(user, mobility) -> bool:
    """Staff who may read checklists; a faculty coordinator only those of their own faculty's mobilities."""
    if not (user.is_active and user.is_staff and user.has_perm("mobility.view_mobilitychecklist")):
        return False
    return serves_faculty(user, mobility.faculty_id)


def checklist_mobility_of(application):
    """The mobility of ``application`` that takes a checklist (the student took the place), or None."""
    if application is None:
        return None
    return Mobility.objects.taking_checklists().filter(application=application).select_related("program").first()


# --- starting ---------------------------------------------------------------------------------


def mobility_checklist_start(*, mobility: Mobility) -> MobilityChecklist:
    """The mobility's checklist, made the first time with a copy of its programme's items; harmless to call again."""
    existing = MobilityChecklist.objects.filter(mobility=mobility).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            checklist = MobilityChecklist.objects.create(mobility=mobility)
            templates = ChecklistTemplateItem.objects.filter(program_id=mobility.program_id)
            if mobility.program_id is None:
                templates = ChecklistTemplateItem.objects.filter(program__isnull=True)
            ChecklistItem.objects.bulk_create(
                ChecklistItem(
                    checklist=checklist,
                    requires_file=template.requires_file,
                    due_days_before=template.due_days_before,
                    position=template.position,
                    **_translated_values(template),
                )
                for template in templates.order_by("position", "pk")
            )
    except IntegrityError:  # another request started it first: theirs is the checklist
        return MobilityChecklist.objects.get(mobility=mobility)
    return checklist


def _translated_values(source):
    """Every language's title and instructions of ``source`` (modeltranslation's ``title_uz``, ...)."""
    values = {}
    for name in TRANSLATED:
        for attname in [f.attname for f in source._meta.concrete_fields if f.attname.startswith(f"{name}_")]:
            values[attname] = getattr(source, attname)
        values[name] = getattr(source, name)
    return values


# --- the student's side ----------------------------------------------------------------------


def checklist_item_submit(*, item: ChecklistItem, actor, upload: CheckedFile | None = None) -> ChecklistItem:
    """The student hands ``item`` in: with a checked file when it asks for one, or marks it done."""
    storage = get_private_storage()
    stored = ""
    try:
        with transaction.atomic():
            locked = _lock(item)
            application = locked.checklist.mobility.application
            if application is None or application.student_id != getattr(actor, "pk", None):
                raise ChecklistError(_("Only the student of this exchange hands in its checklist."), code="not_owner")
            if locked.state == State.ACCEPTED:
                raise ChecklistError(_("This item has been accepted and is closed."), code="accepted")
            if locked.requires_file and upload is None:
                raise ChecklistError(_("Choose the file to upload."), code="no_file")
            if upload is not None and not locked.requires_file:
                raise ChecklistError(_("This item takes no file: mark it done."), code="no_file_asked")
            if upload is not None:
                # The file it replaces goes by the clean-up job this save enqueues (intl_office.file_cleanup).
                locked.file.save(upload.storage_name(), ContentFile(upload.content), save=False)
                stored = locked.file.name
                locked.original_name = upload.original_name
            previous = locked.state
            locked.state = State.SUBMITTED
            locked.submitted_at = timezone.now()
            locked.save()
            note = upload.original_name if upload is not None else ""
            if previous == State.SUBMITTED and upload is not None:
                note = str(_("File replaced: %(name)s") % {"name": upload.original_name})
            _record(locked, Action.SUBMITTED, actor=actor, note=note)
    except BaseException:
        if stored:
            storage.delete(stored)
        raise
    item.refresh_from_db()
    return item


# --- the office's side -----------------------------------------------------------------------


def checklist_item_accept(*, item: ChecklistItem, actor, comment="") -> ChecklistItem:
    """The office accepts ``item``: handed in, or received another way (then say how in ``comment``)."""
    with transaction.atomic():
        locked = _lock(item)
        _check_staff(actor)
        if locked.state == State.ACCEPTED:
            raise ChecklistError(_("This item has already been accepted."), code="accepted")
        locked.state = State.ACCEPTED
        locked.staff_comment = (comment or "").strip()
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.save()
        _record(locked, Action.ACCEPTED, actor=actor, note=locked.staff_comment)
    item.refresh_from_db()
    return item


def checklist_item_return(*, item: ChecklistItem, actor, comment) -> ChecklistItem:
    """The office sends a submitted ``item`` back with what to change; the student hears by e-mail."""
    comment = (comment or "").strip()
    if not comment:
        raise ChecklistError(_("Say what should change when you send it back."), code="no_comment")
    with transaction.atomic():
        locked = _lock(item)
        _check_staff(actor)
        if locked.state != State.SUBMITTED:
            raise ChecklistError(_("Only an item the student has handed in can be sent back."), code="not_submitted")
        locked.state = State.RETURNED
        locked.staff_comment = comment
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.save()
        _record(locked, Action.RETURNED, actor=actor, note=comment)
        queue_returned_email(item=locked)
    item.refresh_from_db()
    return item


def checklist_item_add(
    *, checklist: MobilityChecklist, actor, title, instructions="", requires_file=False, due_days_before=14
) -> ChecklistItem:
    """Add an item to one mobility's checklist only; the programme's list is left as it is."""
    with transaction.atomic():
        locked = MobilityChecklist.objects.select_for_update().get(pk=checklist.pk)
        _check_staff(actor)
        if locked.items.count() >= MAX_ITEMS:
            raise ChecklistError(
                _("A checklist has at most %(max)s items."), code="too_many", params={"max": MAX_ITEMS}
            )
        last = locked.items.order_by("-position").values_list("position", flat=True).first()
        item = ChecklistItem(
            checklist=locked,
            title=(title or "").strip(),
            instructions=(instructions or "").strip(),
            requires_file=bool(requires_file),
            due_days_before=due_days_before,
            position=(last or 0) + 1,
        )
        item.full_clean()
        item.save()
        _record(item, Action.ADDED, actor=actor)
    return item


def checklist_item_remove(*, item: ChecklistItem, actor) -> None:
    """Remove an item from one mobility's checklist; its file goes, its history stays."""
    with transaction.atomic():
        locked = _lock(item)
        _check_staff(actor)
        _record(locked, Action.REMOVED, actor=actor)
        locked.delete()


# --- reminders -------------------------------------------------------------------------------


@dataclass
class ReminderRun:
    queued: list = field(default_factory=list)  # (student e-mail, [item titles])
    skipped: int = 0  # students already reminded today


def checklist_send_reminders(*, on: datetime.date | None = None) -> ReminderRun:
    """E-mail each student about items due within a week, or overdue, and not accepted.

    At most one e-mail per student a day, and an item is not named again within three days
    (``ChecklistItem.reminded_on``). Running it twice a day sends nothing twice: the items named
    are marked in the transaction that queues the e-mail.
    """
    on = on or today()
    run = ReminderRun()
    mobilities = (
        Mobility.objects.taking_checklists()
        .filter(start_date__gte=on, application__isnull=False)
        .select_related("application", "application__student")
    )
    for mobility in mobilities:
        mobility_checklist_start(mobility=mobility)
    by_student = {}
    for mobility in mobilities:
        by_student.setdefault(mobility.application.student_id, []).append(mobility)
    for student_mobilities in by_student.values():
        with transaction.atomic():
            items = list(
                ChecklistItem.objects.select_for_update()
                .filter(checklist__mobility__in=student_mobilities)
                .exclude(state=State.ACCEPTED)
                .select_related("checklist__mobility")
                .order_by("checklist__mobility__start_date", "position", "pk")
            )
            if any(item.reminded_on == on for item in items):
                run.skipped += 1
                continue
            due = [item for item in items if _due_for_reminder(item, on)]
            if not due:
                continue
            mobility = due[0].checklist.mobility
            if not queue_reminder_email(mobility=mobility, items=due, on=on):
                continue
            ChecklistItem.objects.filter(pk__in=[item.pk for item in due]).update(reminded_on=on)
            run.queued.append((mobility.application.student.email, [str(item.title) for item in due]))
    return run


def _due_for_reminder(item, on):
    if item.state == State.SUBMITTED:
        return False  # handed in: waiting for the office, not for the student
    if item.reminded_on is not None and item.reminded_on > on - datetime.timedelta(days=REMIND_AGAIN_DAYS):
        return False
    return item.due_date(item.checklist.mobility.start_date) <= on + datetime.timedelta(days=REMIND_WITHIN_DAYS)


# --- helpers ---------------------------------------------------------------------------------


def _check_staff(actor):
    if actor is None or not may_manage_checklist(actor):
        raise ChecklistError(_("Only the International Office answers checklist items."), code="not_allowed")


def _lock(item):
    return (
        ChecklistItem.objects.select_for_update(of=("self",))
        .select_related("checklist", "checklist__mobility", "checklist__mobility__application")
        .get(pk=item.pk)
    )


def _record(item, action, *, actor, note=""):
    actor_name = ""
    if actor is not None:
        actor_name = actor.get_full_name() or actor.get_username()
    ChecklistEvent.objects.create(
        checklist_id=item.checklist_id,
        item=item,
        item_title=str(item.title)[:200],
        action=action,
        actor=actor,
        actor_name=actor_name[:200],
        note=str(note),
    )
