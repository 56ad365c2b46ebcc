"""What the site search finds, kind by kind: only what visitors may already see, through each app's QuerySets."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from intl_office.i18n import localized
from intl_office.models import Page
from mobility.models import Visit
from partners.models import Institution
from programs.models import Call, GrantProgram, JointProgramme, Project

from .search import Kind


def _facts(*parts):
    return " · ".join(str(part) for part in parts if part)


def _place(country, city):
    return ", ".join(str(part) for part in (country.name if country else "", city) if part)


def _years(record):
    return f"{record.start_date.year}–{record.end_date.year}"


def _partner_list(query):
    return reverse("partners:institution-list") + "?" + urlencode({"q": query})


KINDS = (
    Kind(
        key="partners",
        label=_("Partner institutions"),
        queryset=lambda: Institution.objects.public(),
        names=("name", "short_name"),
        texts=("description",),
        country="country",
        cities=("city",),
        title=lambda record: record.name,
        context=lambda record: _facts(record.get_kind_display(), _place(record.country, record.city)),
        context_texts=("description",),
        list_url=_partner_list,
        sort=lambda: localized("name"),
    ),
    Kind(
        key="programmes",
        label=_("Grant programmes"),
        queryset=lambda: GrantProgram.objects.public(),
        names=("name", "short_name"),
        texts=("summary", "description", "eligibility"),
        title=lambda record: record.name,
        context=lambda record: record.get_kind_display(),
        context_texts=("summary", "description", "eligibility"),
        sort=lambda: localized("name"),
    ),
    Kind(
        key="joint-programmes",
        label=_("Joint programmes"),
        queryset=lambda: JointProgramme.objects.public().select_related("partner"),
        names=("name",),
        texts=("field_of_study", "description", "partner__name"),
        country="partner__country",
        cities=("partner__city",),
        title=lambda record: f"{record.scheme} {record.name}",
        context=lambda record: _facts(record.get_kind_display(), record.partner.name),
        context_texts=("field_of_study", "description"),
        sort=lambda: localized("name"),
    ),
    Kind(
        key="projects",
        label=_("Projects"),
        queryset=lambda: Project.objects.select_related("program"),
        names=("acronym", "title"),
        texts=("summary",),
        title=lambda record: f"{record.acronym}: {record.title}",
        context=lambda record: _facts(record.program, _years(record)),
        context_texts=("summary",),
        sort=lambda: "acronym",
    ),
    Kind(
        key="calls",
        label=_("Calls for applications"),
        queryset=lambda: Call.objects.published().select_related("program"),
        names=("title",),
        texts=("description", "eligibility"),
        title=lambda record: record.title,
        context=lambda record: _facts(
            record.program, _("Deadline: %(date)s") % {"date": date_format(record.deadline, "DATE_FORMAT")}
        ),
        context_texts=("description", "eligibility"),
        sort=lambda: localized("title"),
    ),
    Kind(
        key="visits",
        label=_("Visits"),
        queryset=lambda: Visit.objects.public().select_related("partner"),
        names=("title",),
        texts=(
            "purpose",
            "summary",
            "story",
            "topics",
            "outcomes",
            "partner__name",
        ),
        country="partner__country",
        cities=("city", "partner__city"),
        title=lambda record: record.title,
        context=lambda record: _facts(record.partner.name, date_format(record.start_date, "DATE_FORMAT")),
        context_texts=("summary", "purpose", "story"),
        sort=lambda: localized("title"),
    ),
    Kind(
        key="pages",
        label=_("Pages"),
        queryset=lambda: Page.objects.published(),
        names=("title",),
        texts=("body",),
        title=lambda record: record.title,
        context_texts=("body",),
        sort=lambda: localized("title"),
    ),
)

KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
