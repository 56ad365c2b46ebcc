"""Import and export of mobility records and visits, and the export of applications (django-import-export).

Imports work as those of partners (``intl_office.resources``): a dry run shows every row as new,
updated, skipped or invalid with its errors by column and writes nothing; the real import runs
in one transaction that is rolled back if any row fails. Rows are matched by a natural key, so
importing the same file again updates the rows it finds instead of adding them twice:

- a mobility by its participant's name, the partner (name in English and country) and the
  first day: one person does not start two stays with the same partner on the same day;
- a visit by its first day and the partner: the office does not receive or send two
  delegations of one partner on the same day.

Applications are exported only: they are made by students and moved by the review workflow.
"""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from intl_office.models import Faculty
from intl_office.resources import (
    FORMATS,  # noqa: F401 (the admin's import and export formats, for mobility and visits as for partners)
    AllOrNothingResource,
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    LookupWidget,
    RequiredTextWidget,
    TextWidget,
    YesNoWidget,
)
from partners.models import Agreement
from partners.resources import PartnerWidget
from programs.models import GrantProgram

from .models import Application, Direction, Mobility, Visit


class ProgrammeWidget(widgets.ForeignKeyWidget):
    """A grant programme by its name in English or its short name ("Erasmus+ ICM"), in any letter case."""

    def __init__(self, **kwargs):
        super().__init__(GrantProgram, "name_en", **kwargs)

    def clean(self, value, row=None, **kwargs):
        text = TextWidget().clean(value)
        if not text:
            return None
        by_name = list(GrantProgram.objects.filter(name_en__iexact=text)[:2])
        if len(by_name) == 1:
            return by_name[0]
        by_short_name = list(GrantProgram.objects.filter(short_name__iexact=text)[:2])
        if len(by_short_name) == 1:
            return by_short_name[0]
        if by_short_name:
            raise ValueError(
                gettext("Several programmes are called “%(value)s”: give the programme's full name.") % {"value": text}
            )
        raise ValueError(
            gettext("No programme “%(value)s”: give its name or short name as in the list of programmes.")
            % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        return value.name_en if value is not None else ""


class FacultyWidget(widgets.ForeignKeyWidget):
    """One of the home institution's faculties, by its name in English or its slug."""

    def __init__(self, **kwargs):
        super().__init__(Faculty, "name_en", **kwargs)

    def clean(self, value, row=None, **kwargs):
        text = TextWidget().clean(value)
        if not text:
            return None
        faculty = (
            Faculty.objects.filter(name_en__iexact=text).first() or Faculty.objects.filter(slug__iexact=text).first()
        )
        if faculty is None:
            raise ValueError(gettext("No faculty “%(value)s” in the list of faculties.") % {"value": text})
        return faculty

    def render(self, value, obj=None, **kwargs):
        return value.name_en if value is not None else ""


class MobilityResource(AllOrNothingResource):
    """Mobility records, matched on participant's name, partner and first day."""

    participant_name = fields.Field(
        attribute="participant_name", column_name="participant_name", widget=RequiredTextWidget()
    )
    participant_email = fields.Field(
        attribute="participant_email", column_name="participant_email", widget=TextWidget()
    )
    participant_kind = fields.Field(
        attribute="participant_kind",
        column_name="participant_kind",
        widget=ChoiceWidget(Mobility.ParticipantKind),
        default=Mobility.ParticipantKind.STUDENT,
    )
    direction = fields.Field(attribute="direction", column_name="direction", widget=ChoiceWidget(Direction))
    activity = fields.Field(attribute="activity", column_name="activity", widget=ChoiceWidget(Mobility.Activity))
    partner = fields.Field(attribute="partner", column_name="partner", widget=PartnerWidget())
    partner_country = fields.Field(
        attribute="partner__country", column_name="partner_country", widget=CountryWidget(), readonly=True
    )
    start_date = fields.Field(attribute="start_date", column_name="start_date", widget=DateWidget())
    end_date = fields.Field(attribute="end_date", column_name="end_date", widget=DateWidget())
    status = fields.Field(
        attribute="status",
        column_name="status",
        widget=ChoiceWidget(Mobility.Status),
        default=Mobility.Status.PLANNED,
    )
    faculty = fields.Field(attribute="faculty", column_name="faculty", widget=FacultyWidget())
    program = fields.Field(attribute="program", column_name="programme", widget=ProgrammeWidget())
    agreement = fields.Field(
        attribute="agreement",
        column_name="agreement",
        widget=LookupWidget(Agreement, "reference_number", _("No agreement has the reference number “%(value)s”.")),
    )
    notes = fields.Field(attribute="notes", column_name="notes", widget=TextWidget())

    COLUMNS = (
        ("participant_name", _("the person's full name (required); with partner and start_date it finds the record")),
        ("participant_email", _("the person's e-mail address")),
        ("participant_kind", _("student (the default) or staff")),
        ("direction", _("outgoing (our people abroad) or incoming (guests with us) (required)")),
        ("activity", _("semester, degree, short_term, internship, training, teaching, research or conference")),
        ("partner", _("the host or home institution's name in English, as in the list of institutions (required)")),
        ("partner_country", _("the partner's country: ISO code or name in English (required)")),
        ("start_date", _("first day, YYYY-MM-DD (required)")),
        ("end_date", _("last day, YYYY-MM-DD (required)")),
        ("status", _("planned (the default), confirmed, completed or cancelled")),
        ("faculty", _("our faculty, by its name in English")),
        ("programme", _("the grant programme's name or short name")),
        ("agreement", _("reference number of the agreement it comes under")),
        ("notes", _("anything else the office keeps")),
    )

    class Meta:
        model = Mobility
        name = _("Mobility")
        fields = (
            "participant_name",
            "participant_email",
            "participant_kind",
            "direction",
            "activity",
            "partner",
            "partner_country",
            "start_date",
            "end_date",
            "status",
            "faculty",
            "program",
            "agreement",
            "notes",
        )
        import_id_fields = ("participant_name", "partner", "start_date")

    def get_queryset(self):
        return Mobility.objects.select_related("partner", "faculty", "program", "agreement").order_by(
            "start_date", "participant_name", "pk"
        )


class VisitResource(AllOrNothingResource):
    """Delegation visits, matched on first day and partner; texts in English (translate them in the admin)."""

    start_date = fields.Field(attribute="start_date", column_name="start_date", widget=DateWidget())
    partner = fields.Field(attribute="partner", column_name="partner", widget=PartnerWidget())
    partner_country = fields.Field(
        attribute="partner__country", column_name="partner_country", widget=CountryWidget(), readonly=True
    )
    end_date = fields.Field(attribute="end_date", column_name="end_date", widget=DateWidget())
    direction = fields.Field(
        attribute="direction", column_name="direction", widget=ChoiceWidget(Direction), default=Direction.INCOMING
    )
    title = fields.Field(attribute="title_en", column_name="title", widget=RequiredTextWidget())
    city = fields.Field(attribute="city", column_name="city", widget=TextWidget())
    purpose = fields.Field(attribute="purpose_en", column_name="purpose", widget=TextWidget())
    summary = fields.Field(attribute="summary_en", column_name="summary", widget=TextWidget())
    topics = fields.Field(attribute="topics_en", column_name="topics", widget=widgets.CharWidget())
    outcomes = fields.Field(attribute="outcomes_en", column_name="outcomes", widget=widgets.CharWidget())
    is_public = fields.Field(attribute="is_public", column_name="is_public", widget=YesNoWidget(), default=True)
    slug = fields.Field(attribute="slug", column_name="slug", readonly=True)

    COLUMNS = (
        ("start_date", _("first day, YYYY-MM-DD (required); with the partner it finds the visit")),
        ("partner", _("the partner's name in English, as in the list of institutions (required)")),
        ("partner_country", _("the partner's country: ISO code or name in English (required)")),
        ("end_date", _("last day, YYYY-MM-DD; empty for a one-day visit")),
        ("direction", _("incoming (a delegation we received, the default) or outgoing (one we sent)")),
        ("title", _("the title in English (required)")),
        ("city", _("where it took place")),
        ("purpose", _("the purpose in English")),
        ("summary", _("one or two sentences for the list of visits, in English")),
        ("topics", _("topics discussed, one per line")),
        ("outcomes", _("outcomes, one per line")),
        ("is_public", _("1 or 0: shown on the site or not (1 when empty)")),
        ("slug", _("exported only: the visit's web address")),
    )

    class Meta:
        model = Visit
        name = _("Visits")
        fields = (
            "start_date",
            "partner",
            "partner_country",
            "end_date",
            "direction",
            "title",
            "city",
            "purpose",
            "summary",
            "topics",
            "outcomes",
            "is_public",
            "slug",
        )
        import_id_fields = ("start_date", "partner")

    def get_queryset(self):
        return Visit.objects.select_related("partner").order_by("start_date", "pk")


def _text(value):
    return "" if value is None else str(value)


class ApplicationResource(resources.ModelResource):
    """A call's applications as the selection committee reads them: one row per applicant.

    Expects the queryset of ``ApplicationAdmin.get_export_queryset``: student, faculty and call
    joined, host preferences prefetched in rank order, ``average_score`` and ``review_count``
    annotated (``Application.objects.with_review_summary()``). Headers are in the language of the
    staff member who exports.
    """

    call = fields.Field(column_name=_("call"))
    name = fields.Field(column_name=_("name"))
    email = fields.Field(column_name=_("e-mail"))
    faculty = fields.Field(column_name=_("faculty"))
    level = fields.Field(column_name=_("level of study"))
    year_of_study = fields.Field(column_name=_("year of study"))
    gpa = fields.Field(column_name=_("GPA"))
    language_certificate = fields.Field(column_name=_("language certificate"))
    language_score = fields.Field(column_name=_("language score"))
    hosts = fields.Field(column_name=_("host preferences"))
    status = fields.Field(column_name=_("status"))
    average_score = fields.Field(column_name=_("average score"))
    review_count = fields.Field(column_name=_("reviews"))
    submitted_at = fields.Field(column_name=_("submitted"))

    class Meta:
        model = Application
        name = _("Applications")
        fields = (
            "call",
            "name",
            "email",
            "faculty",
            "level",
            "year_of_study",
            "gpa",
            "language_certificate",
            "language_score",
            "hosts",
            "status",
            "average_score",
            "review_count",
            "submitted_at",
        )

    def dehydrate_call(self, application):
        return _text(application.call)

    def dehydrate_name(self, application):
        return application.full_name

    def dehydrate_email(self, application):
        return application.student.email

    def dehydrate_faculty(self, application):
        return _text(application.faculty)

    def dehydrate_level(self, application):
        return application.get_level_display()

    def dehydrate_year_of_study(self, application):
        return application.year_of_study

    def dehydrate_gpa(self, application):
        return application.gpa

    def dehydrate_language_certificate(self, application):
        return application.get_language_certificate_display() if application.language_certificate else ""

    def dehydrate_language_score(self, application):
        return application.language_score

    def dehydrate_hosts(self, application):
        # all(): the prefetched preferences, already in rank order.
        return "; ".join(f"{preference.rank}. {preference.institution}" for preference in application.preferences.all())

    def dehydrate_status(self, application):
        return application.get_status_display()

    def dehydrate_average_score(self, application):
        average = getattr(application, "average_score", None)
        return None if average is None else round(float(average), 1)

    def dehydrate_review_count(self, application):
        return getattr(application, "review_count", 0)

    def dehydrate_submitted_at(self, application):
        if application.submitted_at is None:
            return ""
        return timezone.localtime(application.submitted_at).strftime("%Y-%m-%d %H:%M")
