"""The parts of a student application besides its history: reviews, host choices, documents, reference counters.

``mobility.models.applications`` holds the application, its workflow rules and its history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from intl_office.storage import get_private_storage
from partners.models import Institution
from programs.models import DocumentType


class LanguageCertificate(models.TextChoices):
    """The language certificates an applicant may name (``Application.LanguageCertificate``)."""

    NONE = "", _("None")
    IELTS = "ielts", "IELTS"
    TOEFL = "toefl", "TOEFL iBT"
    DUOLINGO = "duolingo", "Duolingo English Test"
    CEFR = "cefr", _("CEFR certificate")
    TOPIK = "topik", "TOPIK"
    HSK = "hsk", "HSK"
    OTHER = "other", _("Other")


class ReferenceCounter(models.Model):
    """The last reference number given under a prefix (``JIZPI-2026``); its row is locked while the next is taken.

    A number taken by a transaction that rolls back is lost: references may have gaps, never doubles.
    """

    prefix = models.CharField(_("prefix"), max_length=30, unique=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")
        default_permissions = ()

    def __str__(self):
        return f"{self.prefix}: {self.last_number}"


class ApplicationReview(models.Model):
    """A reviewer's score and comment on an application; one per reviewer."""

    MAX_SCORE = 10

    application = models.ForeignKey(
        "mobility.Application", verbose_name=_("application"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("score"), help_text=_("From 0 to 10."))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("reviewed"), auto_now_add=True)

    class Meta:
        ordering = ["application", "created_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="applicationreview_one_per_reviewer"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=10),
                name="applicationreview_score_range",
                violation_error_message=_("The score is between 0 and 10."),
            ),
        ]

    def __str__(self):
        return f"{self.reviewer}: {self.score}"


class HostPreference(models.Model):
    """One ranked choice of host institution in an application (1 = first choice)."""

    application = models.ForeignKey(
        "mobility.Application", verbose_name=_("application"), on_delete=models.CASCADE, related_name="preferences"
    )
    institution = models.ForeignKey(Institution, verbose_name=_("host"), on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        ordering = ["application", "rank"]
        verbose_name = _("host preference")
        verbose_name_plural = _("host preferences")
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="hostpreference_unique_rank"),
            models.UniqueConstraint(fields=["application", "institution"], name="hostpreference_unique_host"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="hostpreference_rank_positive"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.institution}"


class ApplicationDocument(models.Model):
    """A file a student uploaded for one of the call's required documents."""

    application = models.ForeignKey(
        "mobility.Application", verbose_name=_("application"), on_delete=models.CASCADE, related_name="documents"
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("file"), storage=get_private_storage, upload_to="documents/")
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["application", "document_type__name"]
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        constraints = [
            models.UniqueConstraint(fields=["application", "document_type"], name="applicationdocument_one_per_type"),
        ]

    def __str__(self):
        return f"{self.document_type}: {self.original_name or self.file.name}"
