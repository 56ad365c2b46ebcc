"""Admin for mobility records, student applications and delegation visits."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from intl_office.admin_helpers import (
    DANGER,
    INFO,
    MUTED,
    SUCCESS,
    WARNING,
    AdminExtraMedia,
    CompactTextareas,
    choice_badge,
    period,
    translated,
)

from .models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationReview,
    HostPreference,
    Mobility,
    Visit,
    VisitMember,
    VisitPhoto,
)

MOBILITY_TONES = {
    Mobility.Status.PLANNED: INFO,
    Mobility.Status.CONFIRMED: SUCCESS,
    Mobility.Status.COMPLETED: MUTED,
    Mobility.Status.CANCELLED: DANGER,
}

APPLICATION_TONES = {
    Application.Status.DRAFT: MUTED,
    Application.Status.SUBMITTED: INFO,
    Application.Status.UNDER_REVIEW: WARNING,
    Application.Status.SHORTLISTED: INFO,
    Application.Status.ACCEPTED: SUCCESS,
    Application.Status.WAITLISTED: WARNING,
    Application.Status.REJECTED: DANGER,
    Application.Status.WITHDRAWN: MUTED,
}


@admin.register(Mobility)
class MobilityAdmin(AdminExtraMedia, CompactTextareas, admin.ModelAdmin):
    list_display = ("participant_name", "direction", "activity", "partner", "dates", "status_badge")
    list_filter = (
        "status",
        "direction",
        "participant_kind",
        "activity",
        "program",
        ("faculty", admin.RelatedOnlyFieldListFilter),
        ("partner__country", CountryFilter),
    )
    search_fields = ("participant_name", "participant_email", *translated("partner__name"), "partner__short_name")
    autocomplete_fields = ("faculty", "partner", "program", "project", "agreement", "call", "application")
    list_select_related = ("partner",)
    date_hierarchy = "start_date"
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (
            _("Participant"),
            {"fields": ("direction", "participant_kind", "participant_name", "participant_email", "faculty")},
        ),
        (_("Activity"), {"fields": ("activity", "partner", ("start_date", "end_date"), "status")}),
        (
            _("Funding and framework"),
            {
                "fields": ("program", "project", "agreement", "call", "application"),
                "description": _("What made the mobility possible; fill in what applies."),
            },
        ),
        (_("Office"), {"fields": ("notes", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        # A mobility's name includes its partner, autocomplete results included.
        return super().get_queryset(request).select_related("partner")

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return choice_badge(obj.status, Mobility.Status, MOBILITY_TONES)


class ReadOnlyInline(admin.TabularInline):
    """Rows another part of the portal writes (the review workflow); the admin shows them as they are."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class HostPreferenceInline(admin.TabularInline):
    model = HostPreference
    extra = 0
    fields = ("rank", "institution")
    autocomplete_fields = ("institution",)
    ordering = ("rank",)


class ApplicationDocumentInline(ReadOnlyInline):
    """What the student uploaded. No file link: documents are private and get their own checked views."""

    model = ApplicationDocument
    fields = ("document_type", "original_name", "uploaded_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document_type")


class ApplicationEventInline(ReadOnlyInline):
    model = ApplicationEvent
    fields = ("created_at", "from_status", "to_status", "actor", "note")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ApplicationReviewInline(ReadOnlyInline):
    model = ApplicationReview
    fields = ("reviewer", "score", "comment", "created_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reviewer")


@admin.register(Application)
class ApplicationAdmin(AdminExtraMedia, admin.ModelAdmin):
    list_display = ("applicant", "call", "faculty", "gpa", "status_badge", "submitted_at")
    list_filter = (
        "status",
        ("call", admin.RelatedOnlyFieldListFilter),
        ("faculty", admin.RelatedOnlyFieldListFilter),
        "level",
    )
    search_fields = (
        "first_name",
        "last_name",
        "student__username",
        "student__email",
        *translated("call__title"),
    )
    autocomplete_fields = ("call", "student", "faculty")
    list_select_related = ("call", "student", "faculty")
    date_hierarchy = "submitted_at"
    readonly_fields = ("photo_state", "submitted_at", "decided_at", "created_at", "updated_at")
    inlines = (HostPreferenceInline, ApplicationDocumentInline, ApplicationReviewInline, ApplicationEventInline)
    fieldsets = (
        (
            _("Applicant"),
            {
                "fields": (
                    "call",
                    "student",
                    ("first_name", "last_name"),
                    "date_of_birth",
                    "nationality",
                    "phone",
                    "photo_state",
                )
            },
        ),
        (
            _("Studies and language"),
            {
                "fields": (
                    "faculty",
                    ("level", "year_of_study"),
                    "gpa",
                    ("language_certificate", "language_score"),
                )
            },
        ),
        (_("Motivation"), {"fields": ("motivation_letter",)}),
        (_("Decision"), {"fields": ("status", "submitted_at", "decided_at", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        # An application's name is made from its student and call, autocomplete results included.
        return super().get_queryset(request).select_related("student", "call")

    @admin.display(description=_("applicant"), ordering="last_name")
    def applicant(self, obj):
        return obj.full_name

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return choice_badge(obj.status, Application.Status, APPLICATION_TONES)

    @admin.display(description=_("photo"))
    def photo_state(self, obj):
        # The photo sits in private storage, which has no public URL to link to.
        return obj.photo.name.rsplit("/", 1)[-1] if obj.photo else _("No photo uploaded")


class VisitMemberInline(TranslationStackedInline):
    """One block per person with a line per language: name and position as the guest list gives them.

    A table with a column for each language of name and position runs off the screen.
    """

    model = VisitMember
    extra = 1
    fields = (("side", "is_head", "order"), *zip(translated("full_name"), translated("position"), strict=True))


class VisitPhotoInline(TranslationStackedInline):
    model = VisitPhoto
    extra = 1
    fields = (("preview", "image", "order"), *translated("caption"))
    readonly_fields = ("preview",)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.image:
            return "—"
        return format_html('<img class="io-thumb" src="{}" alt="">', obj.image.url)


@admin.register(Visit)
class VisitAdmin(AdminExtraMedia, CompactTextareas, TranslationAdmin):
    list_display = ("title", "direction", "partner", "dates", "member_count", "is_public")
    list_filter = ("direction", "is_public", ("partner__country", CountryFilter))
    search_fields = (*translated("title", "purpose", "partner__name"), "partner__short_name", "city")
    autocomplete_fields = ("partner", "agreements_signed")
    list_select_related = ("partner",)
    date_hierarchy = "start_date"
    inlines = (VisitMemberInline, VisitPhotoInline)
    fieldsets = (
        (_("Visit"), {"fields": ("title", "direction", "partner", ("start_date", "end_date"), "city")}),
        (_("Purpose and results"), {"fields": ("purpose", "topics", "outcomes", "agreements_signed")}),
        (_("Story for the site"), {"fields": ("summary", "story")}),
        (
            _("Publishing"),
            {
                "fields": ("is_public", "slug"),
                "description": _(
                    "The slug is the visit's web address; left empty, it is made from the date and partner."
                ),
            },
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count
