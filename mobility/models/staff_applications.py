"""Staff applications: what a member of staff tells about their work, their head's endorsement, the rector's list.

A staff call (``Call.for_staff``) is applied to with the same ``Application`` as a students' call
(drafts, documents, reference number, history); ``StaffApplication`` holds the rest, as the person
stated it when applying (later profile changes do not rewrite it), and the endorsement of the head of
their department. ``RecommendationList`` is what the office puts before the rector for one call: the
shortlisted people in order, and then the rector's order (number, date, who it approves).
The services in ``mobility.services.staff_applications`` and ``recommendation_lists`` move them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from intl_office.models import Department
from programs.models import Call

from .applications import Application

# The longest working life a form accepts, in years.
MAX_YEARS_OF_SERVICE = 60


class Endorsement(models.TextChoices):
    PENDING = "pending", _("Waiting for the head of department")
    ENDORSED = "endorsed", _("Endorsed by the head of department")
    DECLINED = "declined", _("Not endorsed by the head of department")


class StaffApplication(models.Model):
    """The staff part of an application to a staff call: the applicant's work, and their head's word on it."""

    Endorsement = Endorsement

    application = models.OneToOneField(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, primary_key=True, related_name="staff"
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_applications",
        help_text=_("Its head endorses the application."),
    )
    academic_degree = models.CharField(
        _("academic degree and title"),
        max_length=200,
        blank=True,
        help_text=_("For example: PhD, associate professor."),
    )
    years_of_service = models.PositiveSmallIntegerField(_("years of service"), null=True, blank=True)
    publications = models.TextField(
        _("publications"), blank=True, help_text=_("Your main publications of the last five years, one per line.")
    )
    endorsement = models.CharField(
        _("endorsement"), max_length=20, choices=Endorsement.choices, default=Endorsement.PENDING
    )
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    endorsed_at = models.DateTimeField(_("decided"), null=True, blank=True)
    endorsement_comment = models.TextField(_("comment"), blank=True)
    # The department had no head: the office recorded the endorsement itself, with a note.
    endorsed_by_office = models.BooleanField(_("recorded by the office"), default=False)

    class Meta:
        verbose_name = _("staff application")
        verbose_name_plural = _("staff applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(years_of_service__isnull=True) | Q(years_of_service__lte=MAX_YEARS_OF_SERVICE),
                name="staff_application_years_of_service_range",
                violation_error_message=_("Years of service are between 0 and 60."),
            ),
        ]

    def __str__(self):
        return str(self.application)

    @property
    def is_endorsed(self) -> bool:
        return self.endorsement == Endorsement.ENDORSED

    @property
    def is_pending(self) -> bool:
        return self.endorsement == Endorsement.PENDING


class RecommendationListQuerySet(models.QuerySet):
    def with_entries(self):
        """With the call and every entry's person, in order: what the admin and the PDF show."""
        return self.select_related("call", "call__program", "made_by", "decided_by").prefetch_related(
            models.Prefetch(
                "entries",
                queryset=RecommendationEntry.objects.select_related(
                    "application", "application__staff", "application__staff__department"
                ).order_by("position"),
            )
        )


class RecommendationList(models.Model):
    """The office's list of recommended staff for one call, put before the rector, and the rector's order."""

    call = models.OneToOneField(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="recommendation_list"
    )
    made_at = models.DateTimeField(_("made"), auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("made by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    order_number = models.CharField(_("order number"), max_length=50, blank=True)
    order_date = models.DateField(_("order date"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decision recorded"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = RecommendationListQuerySet.as_manager()

    class Meta:
        ordering = ["-made_at"]
        verbose_name = _("recommendation list")
        verbose_name_plural = _("recommendation lists")

    def __str__(self):
        return str(self.call)

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None


class RecommendationEntry(models.Model):
    """One person on a recommendation list, at their place; ``approved`` once the rector's order is recorded."""

    recommendation_list = models.ForeignKey(
        RecommendationList, verbose_name=_("recommendation list"), on_delete=models.CASCADE, related_name="entries"
    )
    application = models.OneToOneField(
        Application, verbose_name=_("application"), on_delete=models.PROTECT, related_name="recommendation"
    )
    position = models.PositiveSmallIntegerField(_("place"))
    approved = models.BooleanField(_("approved by the rector's order"), null=True, blank=True)

    class Meta:
        ordering = ["recommendation_list", "position"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [
            models.UniqueConstraint(fields=["recommendation_list", "position"], name="recommendation_one_per_place"),
        ]

    def __str__(self):
        return f"{self.position}. {self.application.full_name}"
