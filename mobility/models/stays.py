"""The stay itself: arrival and departure confirmed, the transcript of records, the credits recognised at home.

The real dates and the transcript are fields of ``Mobility`` (``records.py``): every count reads
``start_date`` and ``end_date``, which become the real days when the host or the office confirms
them, while ``planned_start_date`` and ``planned_end_date`` keep the plan. Here live the dated
history of each step (``StayEvent``) and the credits the home faculty recognises, one
``Recognition`` per course: a row of the approved learning agreement, or one added by hand. They
change only through ``mobility.services.stays``.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from intl_office.dates import academic_year_expression

from .learning_agreements import LearningAgreementRow
from .records import Mobility

CREDITS = {"max_digits": 5, "decimal_places": 1, "validators": [MinValueValidator(Decimal("0"))]}
ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=9, decimal_places=1))


class RecognitionQuerySet(models.QuerySet):
    def counted(self):
        """Recognitions of mobilities that count (not cancelled)."""
        return self.filter(mobility__in=Mobility.objects.counted())

    def per_academic_year(self):
        """Credits earned and recognised per academic year of the stay's real start, newest first, in one query.

        Rows are dicts of ``academic_year``, ``earned``, ``recognised`` and ``students`` (mobilities).
        """
        return (
            self.counted()
            .annotate(academic_year=academic_year_expression("mobility__start_date"))
            .values("academic_year")
            .order_by("-academic_year")
            .annotate(
                earned=Coalesce(Sum("credits_earned"), ZERO),
                recognised=Coalesce(Sum("credits_recognised"), ZERO),
                students=models.Count("mobility", distinct=True),
            )
        )


class Recognition(models.Model):
    """One course taken at the host: the credits earned there, the grade, and the credits recognised at home."""

    mobility = models.ForeignKey(
        Mobility, verbose_name=_("mobility"), on_delete=models.CASCADE, related_name="recognitions"
    )
    agreement_row = models.ForeignKey(
        LearningAgreementRow,
        verbose_name=_("learning agreement course"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recognitions",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    host_code = models.CharField(_("course code at the host"), max_length=40, blank=True)
    host_title = models.CharField(_("course title at the host"), max_length=200)
    credits_earned = models.DecimalField(_("credits earned"), **CREDITS)
    grade = models.CharField(_("grade"), max_length=20, blank=True)
    home_code = models.CharField(_("home course code"), max_length=40, blank=True)
    home_title = models.CharField(_("home course title"), max_length=200, blank=True)
    credits_recognised = models.DecimalField(_("credits recognised"), **CREDITS)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = RecognitionQuerySet.as_manager()

    class Meta:
        ordering = ["mobility", "position", "pk"]
        verbose_name = _("recognised course")
        verbose_name_plural = _("recognised courses")
        constraints = [
            models.CheckConstraint(
                condition=Q(credits_earned__gte=0) & Q(credits_recognised__gte=0),
                name="recognition_credits_not_negative",
            ),
            models.UniqueConstraint(
                fields=["mobility", "agreement_row"],
                condition=Q(agreement_row__isnull=False),
                name="recognition_one_per_agreement_row",
            ),
        ]

    def __str__(self):
        return f"{self.host_code} {self.host_title}".strip()


def recognised_totals(mobility):
    """Credits earned and recognised for one mobility, in one query."""
    return mobility.recognitions.aggregate(
        earned=Coalesce(Sum("credits_earned"), ZERO), recognised=Coalesce(Sum("credits_recognised"), ZERO)
    )


class StayEvent(models.Model):
    """One dated step of a stay: a host asked, the arrival or departure confirmed, the transcript, the recognition."""

    class Step(models.TextChoices):
        ARRIVAL_REQUESTED = "arrival_asked", _("Host asked to confirm the arrival")
        DEPARTURE_REQUESTED = "departure_asked", _("Host asked to confirm the departure")
        ARRIVED = "arrived", _("Arrival confirmed")
        DEPARTED = "departed", _("Departure confirmed")
        TRANSCRIPT = "transcript", _("Transcript of records uploaded")
        RECOGNISED = "recognised", _("Credits recognised")

    mobility = models.ForeignKey(
        Mobility, verbose_name=_("mobility"), on_delete=models.CASCADE, related_name="stay_events"
    )
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    on = models.DateField(_("day"), null=True, blank=True)
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
        ordering = ["mobility", "created_at", "pk"]
        verbose_name = _("stay step")
        verbose_name_plural = _("stay history")

    def __str__(self):
        return str(self.get_step_display())
