"""How many public records still lack a language: the dashboard's count, by kind of record.

A record lacks a language when one of its translated fields has English text and nothing in that
language (``intl_office.admin_translations.missing_in_any``, the test the admin's filter applies).
Only what visitors can see is counted; each row links to its admin list filtered the same way.
"""

from dataclasses import dataclass

from django.db.models import Count, Value
from django.urls import reverse

from intl_office.admin_translations import missing_in_any
from intl_office.models import Page, StaffMember
from mobility.models import Expert, Visit
from partners.models import Agreement, Institution
from programs.models import Call, GrantProgram, JointProgramme, Project


@dataclass(frozen=True)
class Missing:
    label: str
    count: int
    url: str


def _public():
    """The records visitors read, as ``(queryset, the admin list's name)``."""
    return [
        (Institution.objects.public(), "admin:partners_institution_changelist"),
        (Agreement.objects.public(), "admin:partners_agreement_changelist"),
        (GrantProgram.objects.public(), "admin:programs_grantprogram_changelist"),
        (Project.objects.all(), "admin:programs_project_changelist"),
        (JointProgramme.objects.public(), "admin:programs_jointprogramme_changelist"),
        (Call.objects.published(), "admin:programs_call_changelist"),
        (Visit.objects.public(), "admin:mobility_visit_changelist"),
        (Expert.objects.published(), "admin:mobility_expert_changelist"),
        (Page.objects.published(), "admin:intl_office_page_changelist"),
        (StaffMember.objects.filter(is_public=True), "admin:intl_office_staffmember_changelist"),
    ]


def missing_translations() -> list[Missing]:
    """Kinds of public record with at least one record lacking a language, most first: one query for all."""
    sources = _public()
    counts = [
        queryset.filter(missing_in_any(queryset.model))
        .order_by()
        .annotate(source_index=Value(index))
        .values("source_index")
        .annotate(count=Count("pk"))
        .values_list("source_index", "count")
        for index, (queryset, _url) in enumerate(sources)
    ]
    rows = dict(counts[0].union(*counts[1:], all=True))
    missing = [
        Missing(str(queryset.model._meta.verbose_name_plural), rows[index], reverse(url) + "?missing_translation=any")
        for index, (queryset, url) in enumerate(sources)
        if rows.get(index)
    ]
    return sorted(missing, key=lambda row: (-row.count, row.label))
