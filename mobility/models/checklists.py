"""The pre-departure checklist: what a student must do before leaving (visa, insurance, grant agreement, tickets).

Staff keep a list of ``ChecklistTemplateItem`` per grant programme; the items with no programme
are the office's default list, for mobilities without one. A mobility whose place is taken gets
its own ``MobilityChecklist`` the first time it is needed (``mobility_checklist_start``): the
programme's items are copied then, so a later change to the programme's list does not rewrite a
running checklist, and staff add or remove items on one mobility without touching the list.

Each ``ChecklistItem`` moves from "to do" to "submitted" (the student's upload, or "done"), then
to "accepted" or "sent back" with a comment (staff). Each step is in ``ChecklistEvent``, whose
rows outlive an item staff remove. The states move only through ``mobility.services.checklists``.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_office.roles import of_own_faculty
from intl_office.status import StatusTones
from intl_office.storage import get_private_storage
from programs.models import GrantProgram

from .records import Mobility

# No checklist item is due more than a year before departure.
MAX_DAYS_BEFORE = 365
# The dashboard's and the admin filter's "leaving soon": departure within this many days.
DEPARTING_SOON_DAYS = 30
# The mobility changelist's filter value for them (``?checklist=leaving-soon``), which the dashboard links to.
LEAVING_SOON = "leaving-soon"


class ChecklistTemplateItem(models.Model):
    """One step of a programme's checklist, as staff configure it; copied to each mobility when its checklist starts."""

    program = models.ForeignKey(
        GrantProgram,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checklist_items",
        help_text=_("Left empty: the item is on the default list, for mobilities without a programme."),
    )
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    requires_file = models.BooleanField(
        _("student uploads a file"),
        default=False,
        help_text=_("The student uploads a PDF, JPEG or PNG; otherwise they mark the item done."),
    )
    due_days_before = models.PositiveSmallIntegerField(
        _("due days before departure"), default=14, validators=[MaxValueValidator(MAX_DAYS_BEFORE)]
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["program", "position", "pk"]
        verbose_name = _("checklist item of a programme")
        verbose_name_plural = _("checklist items of programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_days_before__lte=MAX_DAYS_BEFORE), name="checklisttemplateitem_due_in_range"
            ),
        ]

    def __str__(self):
        return self.title


class MobilityChecklistQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Checklists a staff member may read: a faculty coordinator only those of their own faculty."""
        if not (user.is_active and user.is_staff and user.has_perm("mobility.view_mobilitychecklist")):
            return self.none()
        return of_own_faculty(self, user, field="mobility__faculty")


class MobilityChecklist(models.Model):
    """One mobility's checklist; its existence says the programme's items have been copied."""

    mobility = models.OneToOneField(
        Mobility, verbose_name=_("mobility"), on_delete=models.CASCADE, related_name="checklist"
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)

    objects = MobilityChecklistQuerySet.as_manager()

    class Meta:
        verbose_name = _("pre-departure checklist")
        verbose_name_plural = _("pre-departure checklists")

    def __str__(self):
        return str(_("Checklist: %(name)s") % {"name": self.mobility.participant_name})


class ChecklistItem(StatusTones, models.Model):
    """One step of one mobility's checklist, with the student's file and the office's answer."""

    class State(models.TextChoices):
        TODO = "todo", pgettext_lazy("checklist item state", "To do")
        SUBMITTED = "submitted", pgettext_lazy("checklist item state", "Submitted")
        ACCEPTED = "accepted", pgettext_lazy("checklist item state", "Accepted")
        RETURNED = "returned", pgettext_lazy("checklist item state", "Sent back")

    # The badge reads ``status``; the model's word is ``state``.
    Status = State
    status_tones = {
        State.TODO: "secondary",
        State.SUBMITTED: "warning",
        State.ACCEPTED: "success",
        State.RETURNED: "danger",
    }

    checklist = models.ForeignKey(
        MobilityChecklist, verbose_name=_("checklist"), on_delete=models.CASCADE, related_name="items"
    )
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    requires_file = models.BooleanField(_("student uploads a file"), default=False)
    due_days_before = models.PositiveSmallIntegerField(
        _("due days before departure"), default=14, validators=[MaxValueValidator(MAX_DAYS_BEFORE)]
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.TODO)
    file = models.FileField(_("file"), storage=get_private_storage, upload_to="checklists/", blank=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    staff_comment = models.TextField(_("office's comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The office's date of the last reminder that named this item: not named again within three days.
    reminded_on = models.DateField(_("last reminded"), null=True, blank=True)

    class Meta:
        ordering = ["checklist", "position", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        indexes = [models.Index(fields=["checklist", "state"], name="checklistitem_state_idx")]

    def __str__(self):
        return self.title

    @property
    def status(self):
        return self.state

    @property
    def is_done(self):
        return self.state == self.State.ACCEPTED

    @property
    def student_may_submit(self):
        return self.state != self.State.ACCEPTED

    def due_date(self, departure: datetime.date) -> datetime.date:
        return departure - datetime.timedelta(days=self.due_days_before)


class ChecklistEvent(models.Model):
    """One dated step of a checklist: an item submitted, accepted, sent back, added or removed."""

    class Action(models.TextChoices):
        ADDED = "added", pgettext_lazy("checklist step", "Added")
        SUBMITTED = "submitted", pgettext_lazy("checklist step", "Submitted")
        ACCEPTED = "accepted", pgettext_lazy("checklist step", "Accepted")
        RETURNED = "returned", pgettext_lazy("checklist step", "Sent back")
        REMOVED = "removed", pgettext_lazy("checklist step", "Removed")

    checklist = models.ForeignKey(
        MobilityChecklist, verbose_name=_("checklist"), on_delete=models.CASCADE, related_name="events"
    )
    item = models.ForeignKey(
        ChecklistItem,
        verbose_name=_("checklist item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    item_title = models.CharField(_("item"), max_length=200)
    action = models.CharField(_("step"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["checklist", "created_at", "pk"]
        verbose_name = _("checklist step")
        verbose_name_plural = _("checklist history")

    def __str__(self):
        return f"{self.item_title}: {self.get_action_display()}"
