"""Admin for grant programmes, projects with their consortium, joint programmes and calls."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from intl_office.admin_helpers import INFO, MUTED, SUCCESS, AdminExtraMedia, CompactTextareas, badge, translated
from intl_office.dates import today
from partners.admin import RecordHistory as PartnersRecordHistory

from .models import Call, DocumentType, GrantProgram, JointProgramme, Project, ProjectMember

# What a call shows staff: the three states visitors see, plus the calls visitors do not see at all.
CALL_OPEN = "open"
CALL_UPCOMING = "upcoming"
CALL_CLOSED = "closed"
CALL_UNPUBLISHED = "unpublished"

CALL_STATES = {
    CALL_OPEN: (_("Open"), SUCCESS),
    CALL_UPCOMING: (_("Upcoming"), INFO),
    CALL_CLOSED: (_("Closed"), MUTED),
    CALL_UNPUBLISHED: (_("Not published"), MUTED),
}


class RecordHistory(PartnersRecordHistory):
    """The audit log of a record, as partners show it; a record the user may not see has no audit log page.

    ``get_object`` answers None for a missing record and, where ``get_queryset`` narrows the rows
    (a coordinator's applications), for one outside it: the admin's usual redirect with a message
    follows, as for the change page, and nothing tells the two apart.
    """

    def auditlog_history_view(self, request, object_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().auditlog_history_view(request, object_id, extra_context)


def call_state(call, on):
    """Which of ``CALL_STATES`` a call is in on the day; agrees with ``Call.objects.open()`` and friends."""
    if not call.is_published:
        return CALL_UNPUBLISHED
    if call.is_open_on(on):
        return CALL_OPEN
    if call.opens_on > on:
        return CALL_UPCOMING
    return CALL_CLOSED


class CallStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [(state, label) for state, (label, _tone) in CALL_STATES.items()]

    def queryset(self, request, queryset):
        value = self.value()
        if value == CALL_OPEN:
            return queryset.open()
        if value == CALL_UPCOMING:
            return queryset.upcoming()
        if value == CALL_CLOSED:
            return queryset.closed()
        if value == CALL_UNPUBLISHED:
            return queryset.filter(is_published=False)
        return queryset


@admin.register(GrantProgram)
class GrantProgramAdmin(CompactTextareas, TranslationAdmin):
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


class ProjectMemberInline(admin.TabularInline):
    model = ProjectMember
    extra = 1
    fields = ("institution", "role")
    autocomplete_fields = ("institution",)


@admin.register(Project)
class ProjectAdmin(CompactTextareas, TranslationAdmin):
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
class JointProgrammeAdmin(CompactTextareas, TranslationAdmin):
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
class DocumentTypeAdmin(TranslationAdmin):
    list_display = ("name", "slug", "description")
    search_fields = (*translated("name", "description"), "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Call)
class CallAdmin(RecordHistory, AdminExtraMedia, CompactTextareas, TranslationAdmin):
    list_display = (
        "title",
        "program",
        "places",
        "opens_on",
        "deadline",
        "state_badge",
        "application_count",
    )
    list_filter = (CallStateFilter, "program", "target_group", "is_published")
    search_fields = (*translated("title"), *translated("program__name"), "program__short_name")
    autocomplete_fields = ("program", "hosts", "required_documents")
    list_select_related = ("program",)
    date_hierarchy = "deadline"
    readonly_fields = ("state_badge", "created_at")
    fieldsets = (
        (_("Call"), {"fields": ("program", "title", "target_group", "places", "hosts")}),
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
        label, tone = CALL_STATES[call_state(obj, today())]
        return badge(label, tone)

    @admin.display(description=_("applications"), ordering="application_count")
    def application_count(self, obj):
        url = reverse("admin:mobility_application_changelist") + f"?call__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.application_count)
