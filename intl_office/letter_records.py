"""The letter templates staff edit in the admin; ``intl_office.letters`` renders them as PDF.

``VARIABLES`` says, for each kind, which values the code that prints it puts in the context: the
admin lists them beside the template, the preview fills them with samples (``letter_samples``),
and the code that builds a kind's context (in mobility) follows it.
"""

from dataclasses import dataclass

from auditlog.registry import auditlog
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


@dataclass(frozen=True)
class Variable:
    """A value a kind of letter offers its template: ``{{ name }}``; a list offers ``items`` for each row."""

    name: str
    description: str
    items: tuple = ()


Kind = LetterTemplate.Kind

VARIABLES = {
    Kind.VISA_INVITATION: (
        Variable("expert_name", _("the expert's full name as in the passport")),
        Variable("position", _("the expert's position")),
        Variable("nationality", _("the expert's nationality")),
        Variable("passport_number", _("the passport number, if recorded")),
        Variable("partner", _("the partner institution the expert comes from")),
        Variable("partner_country", _("its country")),
        Variable("purpose", _("the purpose of the visit: what the expert teaches or does")),
        Variable("subject", _("the subject the expert teaches or works on")),
        Variable("host_unit", _("the faculty or department that hosts the expert")),
        Variable("host_faculty", _("the hosting department's faculty, if a department hosts")),
        Variable("start", _("the first day of the stay (a date)")),
        Variable("end", _("the last day of the stay (a date)")),
        Variable("funding", _("who pays for the stay")),
        Variable("university", _("the name of the university")),
        Variable("university_address", _("the university's address")),
        Variable("department", _("the name of the international department")),
    ),
    Kind.NOMINATION_SHEET: (
        Variable("name", _("the nominated person's full name")),
        Variable("partner", _("the host institution")),
        Variable("reference", _("the application's reference number")),
        Variable(
            "rows",
            _("the sheet's lines, as in its XLSX"),
            (Variable("label", _("what the line gives")), Variable("value", _("its value"))),
        ),
    ),
    Kind.RECOMMENDATION_LIST: (
        Variable("call", _("the call's title")),
        Variable("programme", _("the grant programme")),
        Variable("deadline", _("the call's deadline (a date)")),
        Variable("made_on", _("the day the list was made (a date)")),
        Variable(
            "candidates",
            _("the recommended candidates, in order"),
            (
                Variable("position", _("the candidate's place on the list (1, 2, ...)")),
                Variable("name", _("full name")),
                Variable("department", _("department")),
                Variable("job", _("the candidate's position at work")),
                Variable("degree", _("academic degree and title")),
                Variable("years_of_service", _("years of service")),
                Variable("language_certificate", _("language certificate")),
                Variable("reference", _("the application's reference number")),
                Variable("approved", _("whether the rector's order approved the candidate (once recorded)")),
            ),
        ),
        Variable("order_number", _("the rector's order number, once recorded")),
        Variable("order_date", _("the rector's order date (a date), once recorded")),
    ),
    Kind.TRIP_ORDER: (
        Variable("traveller", _("the traveller's full name")),
        Variable("position", _("the traveller's position")),
        Variable("academic_degree", _("the traveller's academic degree and title")),
        Variable("department", _("the traveller's department")),
        Variable("faculty", _("the department's faculty")),
        Variable("destination", _("the institution visited")),
        Variable("country", _("its country")),
        Variable("city", _("its city")),
        Variable("start", _("the first day of the trip (a date)")),
        Variable("end", _("the last day of the trip (a date)")),
        Variable("days", _("the number of days")),
        Variable("purpose", _("the purpose of the trip")),
        Variable("funding", _("the source of funding")),
        Variable("programme", _("the grant programme that pays, if any")),
        Variable(
            "approvals",
            _("the approvals, in order"),
            (
                Variable("title", _("the step (head of department, dean...)")),
                Variable("by", _("who approved")),
                Variable("date", _("when (a date)")),
                Variable("comment", _("their comment")),
                Variable("order_number", _("the order's number, on the rector's order step")),
                Variable("order_date", _("the order's date, on the rector's order step")),
            ),
        ),
        Variable("order_number", _("the rector's order number")),
        Variable("order_date", _("the rector's order date (a date)")),
        Variable("report_due", _("the day the trip report is due (a date)")),
    ),
}

# Who changed a letter's text and when, on its admin page.
auditlog.register(LetterTemplate, exclude_fields=["updated_at"])
