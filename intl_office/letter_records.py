"""The letter templates staff edit in the admin; ``intl_office.letters`` renders them as PDF."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterTemplate(models.Model):
    """The text of a letter or document the portal prints as PDF, as staff edited it in the admin.

    Without a row for a kind and language the default in ``templates/letters/`` is used; the
    letterhead and the signature come from ``HomeInstitution``. ``intl_office.letters`` renders it.
    """

    class Kind(models.TextChoices):
        VISA_INVITATION = "visa_invitation", _("Invitation letter for a visa")
        NOMINATION_SHEET = "nomination_sheet", _("Nomination sheet")
        RECOMMENDATION_LIST = "recommendation_list", _("Recommendation list for the rector")
        TRIP_ORDER = "trip_order", _("Business trip order summary")

    kind = models.CharField(_("document"), max_length=40, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["kind", "language"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [
            models.UniqueConstraint(fields=["kind", "language"], name="letter_template_one_per_language"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language})"
