"""Admin for grant programmes, projects with their consortium, joint programmes and calls."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from intl_office.admin_helpers import (
    INFO,
    MUTED,
    SUCCESS,
    AdminExtraMedia,
    CompactTextareas,
    RecordHistory,
    badge,
    choice_badge,
    translated,
)
from intl_office.admin_input import CheckedAutocomplete, CheckedInput
from intl_office.admin_translations import TranslationStatus

from .models import Call, DocumentType, GrantProgram, JointProgramme, Project, ProjectMember

CALL_TONES = {
    Call.Status.OPEN: SUCCESS,
    Call.Status.UPCOMING: INFO,
    Call.Status.CLOSED: MUTED,
}

# Staff also see the calls visitors do not see at all: one more state than ``Call.Status`` has.
UNPUBLISHED = "unpublished"
UNPUBLISHED_LABEL = _("Not published")


class CallStateFilter(admin.SimpleListFilter):
    """The states visitors see, with the same QuerySet methods the site uses, and the unpublished calls."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*Call.Status.choices, (UNPUBLISHED, UNPUBLISHED_LABEL)]

    def queryset(self, request, queryset):
        methods = {
            Call.Status.OPEN: queryset.open,
            Call.Status.UPCOMING: queryset.upcoming,
            Call.Status.CLOSED: queryset.closed,
            UNPUBLISHED: lambda: queryset.filter(is_published=False),
        }
        method = methods.get(self.value())
        return method() if method else queryset


@admin.register(GrantProgram)
class GrantProgramAdmin(TranslationStatus, CheckedInput, CompactTextareas, TranslationAdmin):
    list_display = ("name", "short_name", "kind", "funder", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = (*translated("name"), "short_name", *translated("funder__name"))
    autocomplete_fields = ("funder",)
    list_select_related = ("funder",)
    fieldsets = (
        (_("Programme"), {"fields": ("name", "short_name", "kind", "funder", "website", "logo")}),
        (_("For visitors"), {"fields": ("summary", "description", "eligibility")}),
        (
            _("Publishing"),
            {
                "fields": ("is_active", "slug"),
                "description": _("The slug is the programme's web address; left empty, it is made from the name."),
            },
        ),
    )


class ProjectMemberInline(CheckedAutocomplete, admin.TabularInline):
    model = ProjectMember
    extra = 1
    fields = ("institution", "role")
    autocomplete_fields = ("institution",)


@admin.register(Project)
class ProjectAdmin(TranslationStatus, CheckedInput, CompactTextareas, TranslationAdmin):
    list_display = ("acronym", "title", "program", "our_role", "start_date", "end_date", "member_count")
    list_filter = ("program", "our_role")
    search_fields = ("acronym", "reference_number", *translated("title"))
    autocomplete_fields = ("program",)
    list_select_related = ("program",)
    date_hierarchy = "start_date"
    inlines = (ProjectMemberInline,)
    fieldsets = (
        (_("Project"), {"fields": ("program", "acronym", "title", "reference_number", "our_role")}),
        (_("Period and budget"), {"fields": (("start_date", "end_date"), ("budget_eur", "our_budget_eur"))}),
        (_("For visitors"), {"fields": ("summary", "website", "slug")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("consortium"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count


@admin.register(JointProgramme)
class JointProgrammeAdmin(TranslationStatus, CheckedInput, CompactTextareas, TranslationAdmin):
    list_display = ("name", "scheme", "partner", "kind", "level", "started_in", "is_active")
    list_filter = ("kind", "level", "is_active")
    search_fields = (*translated("name", "field_of_study", "partner__name"), "partner__short_name")
    autocomplete_fields = ("partner", "agreement")
    list_select_related = ("partner",)
    fieldsets = (
        (_("Programme"), {"fields": ("name", "partner", "agreement", "kind", "level", "field_of_study")}),
        (
            _("Scheme"),
            {
                "fields": (("years_home", "years_partner"), "started_in", "is_active"),
                "description": _("Years at home and at the partner make the scheme, e.g. 3+1."),
            },
        ),
        (_("For visitors"), {"fields": ("description", "slug")}),
    )

    @admin.display(description=_("scheme"))
    def scheme(self, obj):
        return obj.scheme


@admin.register(DocumentType)
class DocumentTypeAdmin(CheckedInput, TranslationAdmin):
    list_display = ("name", "slug", "description")
    search_fields = (*translated("name", "description"), "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Call)
class CallAdmin(TranslationStatus, CheckedInput, RecordHistory, AdminExtraMedia, CompactTextareas, TranslationAdmin):
    list_display = (
        "title",
        "program",
        "places",
        "opens_on",
        "deadline",
        "state_badge",
        "application_count",
    )
    list_filter = (CallStateFilter, "program", "audience", "is_published")
    search_fields = (*translated("title"), *translated("program__name"), "program__short_name")
    autocomplete_fields = ("program", "hosts", "required_documents")
    list_select_related = ("program",)
    date_hierarchy = "deadline"
    readonly_fields = ("state_badge", "created_at")
    fieldsets = (
        (_("Call"), {"fields": ("program", "title", "places", "hosts")}),
        (
            _("Who may apply"),
            {
                "fields": (
                    "audience",
                    ("for_bachelor", "for_master", "for_doctorate"),
                    ("min_year_of_study", "max_year_of_study"),
                ),
                "description": _(
                    "Students apply online and the form refuses those of other levels or years; "
                    "the levels and years are not asked of a staff call."
                ),
            },
        ),
        (
            _("Dates"),
            {"fields": (("opens_on", "deadline"), ("mobility_start", "mobility_end"), "state_badge")},
        ),
        (_("For applicants"), {"fields": ("description", "eligibility", "required_documents")}),
        (_("Publishing"), {"fields": ("is_published", "slug", "created_at")}),
        (_("History"), {"fields": ("audit_history",)}),
    )

    def get_queryset(self, request):
        # distinct: a filter across hosts would otherwise multiply the count.
        return super().get_queryset(request).annotate(application_count=Count("applications", distinct=True))

    @admin.display(description=_("state"), ordering="deadline")
    def state_badge(self, obj):
        if obj.pk is None:
            return "—"
        if not obj.is_published:
            return badge(UNPUBLISHED_LABEL, MUTED)
        return choice_badge(obj.status, Call.Status, CALL_TONES)

    @admin.display(description=_("applications"), ordering="application_count")
    def application_count(self, obj):
        url = reverse("admin:mobility_application_changelist") + f"?call__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.application_count)
