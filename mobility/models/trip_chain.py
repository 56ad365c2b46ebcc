"""The office's approval chain for business trips: its ordered steps and who holds each, and the report's deadline.

``mobility.models.trips`` copies the chain onto each request when it is submitted.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

DEFAULT_REPORT_DAYS = 10


class Holder(models.TextChoices):
    """Who takes a step of the chain."""

    HEAD = "head", _("Head of the traveller's department")
    DEAN = "dean", _("Dean of the traveller's faculty")
    PERSON = "person", _("A named person")
    RECTOR_ORDER = "rector_order", _("Rector's order, recorded by the office")


class TripChain(models.Model):
    """The office's approval chain for business trips, and the trip report's deadline; exactly one row."""

    SINGLETON_ID = 1

    report_days = models.PositiveSmallIntegerField(
        _("days to file the trip report"),
        default=DEFAULT_REPORT_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("After the last day of the trip; the traveller is reminded before, on and after the deadline."),
    )
    guidance = models.TextField(
        _("guidance for travellers"),
        blank=True,
        help_text=_("Shown above the request form: what to prepare, how long before departure to ask."),
    )

    class Meta:
        verbose_name = _("business trip approval chain")
        verbose_name_plural = _("business trip approval chain")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="tripchain_single_row")]

    def __str__(self):
        return str(_("Business trip approval chain"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        obj, _created = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return obj


class TripChainStep(models.Model):
    """One step of the configured chain: its title and who holds it."""

    chain = models.ForeignKey(TripChain, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200, help_text=_("For example: Vice-rector's approval."))
    holder = models.CharField(_("taken by"), max_length=20, choices=Holder.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Only for a step taken by a named person."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        constraints = [
            models.CheckConstraint(
                condition=Q(holder=Holder.PERSON, person__isnull=False) | (~Q(holder=Holder.PERSON) & Q(person=None)),
                name="tripchainstep_person_only_for_person_steps",
                violation_error_message=_("Name the person for a step taken by a named person, and only then."),
            ),
        ]

    def __str__(self):
        return self.title
