"""Foreign experts and guests: professors and specialists a partner sends to teach or work with us.

An expert's stay is also an incoming staff ``Mobility`` (``Expert.mobility``), kept in step by
``mobility.services.expert_save``: the statistics, the annual report and the dashboard count invited
professors as they count every other person exchanged, without a second way of counting. The
expert's e-mail, passport, visa and registration stay on this record, for the office only; the
public page "Foreign experts" shows the name, partner, subject and period of those staff publish.
"""

import datetime

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from intl_office.dates import today
from intl_office.models import Department, Faculty
from intl_office.roles import of_own_faculty
from partners.models import Institution

from .records import Mobility

# What an expert comes to do, in the words the mobility records use, so the stay counts under the same activity.
EXPERT_ACTIVITIES = [
    (Mobility.Activity.TEACHING.value, Mobility.Activity.TEACHING.label),
    (Mobility.Activity.RESEARCH.value, Mobility.Activity.RESEARCH.label),
    (Mobility.Activity.TRAINING.value, Mobility.Activity.TRAINING.label),
]


class ExpertQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Experts a staff member may read: a faculty coordinator only those their faculty hosts."""
        if not (user.is_active and user.is_staff):
            return self.none()
        return of_own_faculty(self, user, field="host_faculty")

    def published(self):
        """Experts the office chose to show on the public page; a cancelled stay never shows."""
        return self.filter(is_public=True).exclude(status=Expert.Status.CANCELLED)

    def staying(self, on=None):
        """Experts whose stay has not ended on ``on`` (here now or still to come), cancelled ones left out."""
        return self.exclude(status=Expert.Status.CANCELLED).filter(end_date__gte=on or today())

    def deadline_within(self, days, on=None):
        """Experts still staying with a visa or registration deadline within ``days`` days of ``on``, or passed.

        A deadline counts only while the stay goes on past it (``Expert.deadlines``).
        """
        on = on or today()
        horizon = on + datetime.timedelta(days=days)
        visa = Q(visa_required=True, visa_valid_until__lte=horizon, visa_valid_until__lt=F("end_date"))
        registration = Q(registered_until__lte=horizon, registered_until__lt=F("end_date"))
        return self.staying(on).filter(visa | registration)


class Expert(models.Model):
    """A foreign professor or expert invited to teach or work with a faculty or department."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")

    class Funding(models.TextChoices):
        HOST = "host", _("Our university")
        SENDING = "sending", _("The expert's home institution")
        PROGRAMME = "programme", _("A grant programme")
        SHARED = "shared", _("Shared between both institutions")

    class Deadline(models.TextChoices):
        VISA = "visa", _("Visa valid until")
        REGISTRATION = "registration", _("Registration due")

    full_name = models.CharField(
        _("full name"), max_length=200, help_text=_("As in the passport; the Russian spelling for the Russian letter.")
    )
    position = models.CharField(
        _("title and position"), max_length=300, blank=True, help_text=_("For example: Professor, Dr. of Engineering.")
    )
    nationality = CountryField(_("nationality"))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("For the office only; never shown on the site."))
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    partner = models.ForeignKey(
        Institution, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="experts"
    )
    activity = models.CharField(
        _("activity"), max_length=20, choices=EXPERT_ACTIVITIES, default=Mobility.Activity.TEACHING
    )
    subject = models.CharField(_("subject"), max_length=300, help_text=_("What they teach or work on with us."))
    host_faculty = models.ForeignKey(
        Faculty,
        verbose_name=_("host faculty"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
    )
    host_department = models.ForeignKey(
        Department,
        verbose_name=_("host department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
        help_text=_("Its faculty becomes the host faculty."),
    )
    start_date = models.DateField(_("arrival"))
    end_date = models.DateField(_("departure"))
    funding = models.CharField(_("who pays"), max_length=20, choices=Funding.choices, default=Funding.HOST)
    visa_required = models.BooleanField(_("visa needed"), default=False)
    visa_number = models.CharField(_("visa number"), max_length=50, blank=True)
    visa_valid_until = models.DateField(_("visa valid until"), null=True, blank=True)
    registered_until = models.DateField(
        _("registration due"),
        null=True,
        blank=True,
        help_text=_("The registration with the migration authorities runs out on this day: register again before."),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts_responsible_for",
        limit_choices_to={"is_staff": True},
        help_text=_("Receives the reminders before the visa and registration deadlines."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    is_public = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public page: name, partner, subject and period.")
    )
    notes = models.TextField(_("notes"), blank=True)
    mobility = models.OneToOneField(
        Mobility,
        verbose_name=_("mobility"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="expert",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "full_name"]
        verbose_name = _("foreign expert")
        verbose_name_plural = _("foreign experts")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="expert_departure_not_before_arrival",
                violation_error_message=_("The departure cannot come before the arrival."),
            ),
            models.CheckConstraint(
                condition=Q(host_faculty__isnull=False) | Q(host_department__isnull=False),
                name="expert_has_host",
                violation_error_message=_("Name the faculty or the department that hosts the expert."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.partner})" if self.partner_id else self.full_name

    def clean(self):
        super().clean()
        department = self.host_department
        if department is not None and department.faculty_id:
            if self.host_faculty_id is None:
                self.host_faculty_id = department.faculty_id
            elif self.host_faculty_id != department.faculty_id:
                raise ValidationError(
                    {"host_department": _("This department belongs to another faculty than the host faculty.")}
                )
        if self.visa_valid_until and not self.visa_required:
            raise ValidationError({"visa_required": _("A visa date is given: tick that a visa is needed.")})

    @property
    def host_unit(self):
        """The department that hosts the expert, else the faculty."""
        return self.host_department or self.host_faculty

    def deadlines(self):
        """The (kind, day) deadlines that fall while the expert is here: a visa or registration running out.

        A deadline on or after the departure needs nothing: the expert has left by then.
        """
        found = []
        if self.visa_required and self.visa_valid_until and self.visa_valid_until < self.end_date:
            found.append((self.Deadline.VISA, self.visa_valid_until))
        if self.registered_until and self.registered_until < self.end_date:
            found.append((self.Deadline.REGISTRATION, self.registered_until))
        return sorted(found, key=lambda deadline: deadline[1])

    def next_deadline(self, on=None):
        """The soonest deadline not passed before ``on``, else the latest passed one; None without deadlines."""
        found = self.deadlines()
        on = on or today()
        ahead = [deadline for deadline in found if deadline[1] >= on]
        return ahead[0] if ahead else (found[-1] if found else None)


class ExpertEvent(models.Model):
    """A step in an expert's record: who did what, when, with a comment."""

    class Action(models.TextChoices):
        RECORDED = "recorded", _("Recorded")
        CHANGED = "changed", _("Changed")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Taken off the site")
        CANCELLED = "cancelled", _("Stay cancelled")
        REMINDED = "reminded", _("Reminder sent")

    expert = models.ForeignKey(Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("step"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    actor_name = models.CharField(_("by"), max_length=200, blank=True)
    note = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["expert", "-created_at", "-pk"]
        verbose_name = _("expert history step")
        verbose_name_plural = _("expert history")

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d})"


class ExpertReminder(models.Model):
    """A reminder sent before one of an expert's deadlines, one row per threshold, so none goes out twice.

    A new date (a visa extended, a registration renewed) is a new deadline with thresholds of its own.
    """

    expert = models.ForeignKey(Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="reminders")
    deadline = models.CharField(_("deadline"), max_length=20, choices=Expert.Deadline.choices)
    due_on = models.DateField(_("due on"))
    days_before = models.PositiveSmallIntegerField(_("days before"))
    recipient = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["expert", "due_on", "-days_before"]
        verbose_name = _("guest reminder")
        verbose_name_plural = _("guest reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "deadline", "due_on", "days_before"], name="expert_reminder_once_per_threshold"
            ),
        ]

    def __str__(self):
        return f"{self.expert}: {self.get_deadline_display()} {self.due_on} (-{self.days_before})"


# Every change to an expert's record is kept with who, when and what changed (django-auditlog).
auditlog.register(Expert, exclude_fields=["created_at", "updated_at"])
