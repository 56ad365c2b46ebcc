"""Who may apply to a call: students or staff, which levels of study, which years.

``Eligibility`` is the part of ``Call`` that says it (its fields and what pages and forms ask of them);
the constraints that keep it sensible are on ``Call``. Students state their level and year on the
application form, which ``Call.eligibility_refusal`` judges.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyLevel(models.TextChoices):
    """The levels a student studies at; a call says which of them may apply."""

    BACHELOR = "bachelor", _("Bachelor")
    MASTER = "master", _("Master")
    DOCTORATE = "doctorate", _("Doctorate")


# The years of study an application may name (the application's own check constraint repeats them).
YEARS_OF_STUDY = (1, 7)


class Eligibility(models.Model):
    """Who may apply: the audience, the levels of study and the years of study."""

    class Audience(models.TextChoices):
        STUDENTS = "students", _("Students")
        STAFF = "staff", _("Academic and administrative staff")

    # Which level each "open to" flag stands for, in the order pages name them.
    LEVEL_FIELDS = {
        StudyLevel.BACHELOR: "for_bachelor",
        StudyLevel.MASTER: "for_master",
        StudyLevel.DOCTORATE: "for_doctorate",
    }

    audience = models.CharField(
        _("who may apply"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.STUDENTS,
        help_text=_("Students apply online with the student form, staff with the staff form."),
    )
    for_bachelor = models.BooleanField(_("bachelor students"), default=True)
    for_master = models.BooleanField(_("master students"), default=True)
    for_doctorate = models.BooleanField(_("doctoral students"), default=True)
    min_year_of_study = models.PositiveSmallIntegerField(
        _("from year of study"), null=True, blank=True, help_text=_("Empty: from the first year.")
    )
    max_year_of_study = models.PositiveSmallIntegerField(
        _("to year of study"), null=True, blank=True, help_text=_("Empty: up to the last year.")
    )

    class Meta:
        abstract = True

    @property
    def for_staff(self) -> bool:
        return self.audience == self.Audience.STAFF

    @property
    def study_levels(self) -> list:
        """The levels of study the call is open to, in order; none for a staff call."""
        if self.for_staff:
            return []
        return [level for level, field in self.LEVEL_FIELDS.items() if getattr(self, field)]

    @property
    def who_may_apply(self) -> str:
        """Who may apply, in one line for a call's page and card: "Students: Master · years of study 2–3"."""
        if self.for_staff:
            return str(self.Audience.STAFF.label)
        if len(self.study_levels) == len(self.LEVEL_FIELDS):
            who = str(_("Students of every level"))
        else:
            who = _("Students: %(levels)s") % {"levels": self.levels_text}
        if not self.years_range:
            return who
        years = _("years of study %(years)s") % {"years": self.years_range}
        return f"{who} · {years}"

    @property
    def levels_text(self) -> str:
        return ", ".join(str(level.label) for level in self.study_levels)

    @property
    def years_range(self) -> str:
        """The years of study the call asks for: "2–3", "from 2", "up to 3", "2"; "" for any."""
        low, high = self.min_year_of_study, self.max_year_of_study
        if low and high:
            return str(low) if low == high else f"{low}–{high}"
        if low:
            return _("from %(year)s") % {"year": low}
        if high:
            return _("up to %(year)s") % {"year": high}
        return ""

    def eligibility_refusal(self, *, level=None, year=None, affiliation=None) -> dict:
        """Why a person may not apply, by field ("audience", "level", "year_of_study"); empty when they may.

        ``affiliation`` is the person's ``User.affiliation`` ("student" or "employee"): a staff call takes
        employees only, a students' call students only. A student states ``level`` and ``year`` of study.
        What is not known yet (None, "") is not held against them.
        """
        if self.for_staff:
            if affiliation == "employee":
                return {}
            return {"audience": _("This call is for the university's staff, not for students.")}
        if affiliation == "employee":
            return {"audience": _("This call is for students; members of staff apply to the staff calls.")}
        refusals = {}
        if level and level not in self.study_levels:
            refusals["level"] = _("This call is not open to your level of study; it is open to: %(levels)s.") % {
                "levels": self.levels_text
            }
        if year is not None and year != "":
            low, high = self.min_year_of_study, self.max_year_of_study
            if (low and year < low) or (high and year > high):
                refusals["year_of_study"] = _(
                    "This call is not open to your year of study; it asks for years of study %(years)s."
                ) % {"years": self.years_range}
        return refusals
