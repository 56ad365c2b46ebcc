"""Admin for foreign experts: who, from which partner, what they do, the stay, visa and registration, the letters.

Saving and deleting go through ``mobility.services`` (``expert_save``, ``expert_delete``), which keep the
expert's incoming staff mobility in step and write the history. Only the office edits; a faculty
coordinator reads the experts their faculty hosts, a viewer reads all. The invitation letter for a
visa is a download per language on the expert's page.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import formats
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin

from intl_office.admin_helpers import (
    DANGER,
    INFO,
    SUCCESS,
    WARNING,
    AdminExtraMedia,
    CompactTextareas,
    ReadOnlyInline,
    RecordHistory,
    admin_url,
    badge,
    choice_badge,
    period,
    translated,
)
from intl_office.admin_input import CheckedInput
from intl_office.admin_translations import TranslationStatus
from intl_office.dates import today

from .. import services
from ..models import Expert, ExpertEvent, ExpertReminder

EXPERT_TONES = {Expert.Status.PLANNED: INFO, Expert.Status.CONFIRMED: SUCCESS, Expert.Status.CANCELLED: DANGER}
# Days before a deadline from which the list marks it.
DEADLINE_WARNING_DAYS = 14
LETTER_LANGUAGES = (("en", _("Invitation letter (English)")), ("ru", _("Invitation letter (Russian)")))


class ExpertEventInline(ReadOnlyInline):
    model = ExpertEvent
    fields = ("created_at", "action", "actor_name", "note")
    readonly_fields = fields
    verbose_name = _("step")
    verbose_name_plural = _("steps taken")


class ExpertReminderInline(ReadOnlyInline):
    model = ExpertReminder
    fields = ("deadline", "due_on", "days_before", "recipient", "sent_at")
    readonly_fields = fields
    verbose_name_plural = _("reminders sent")


class DeadlineFilter(admin.SimpleListFilter):
    """Guests with a visa or registration deadline within two weeks (or passed), as the dashboard lists them."""

    title = _("deadlines")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("soon", _("Visa or registration due within 14 days"))]

    def queryset(self, request, queryset):
        if self.value() == "soon":
            return queryset.deadline_within(DEADLINE_WARNING_DAYS, today())
        return queryset


@admin.register(Expert)
class ExpertAdmin(TranslationStatus, CheckedInput, RecordHistory, AdminExtraMedia, CompactTextareas, TranslationAdmin):
    change_form_template = "admin/mobility/expert/change_form.html"
    list_display = ("full_name", "partner", "subject", "dates", "next_deadline", "status_badge", "is_public")
    list_filter = (
        DeadlineFilter,
        "status",
        "is_public",
        "activity",
        ("host_faculty", admin.RelatedOnlyFieldListFilter),
        ("partner__country", CountryFilter),
    )
    search_fields = (*translated("full_name", "subject", "partner__name"), "partner__short_name", "email")
    autocomplete_fields = ("partner", "host_faculty", "host_department", "responsible")
    list_select_related = ("partner",)
    date_hierarchy = "start_date"
    readonly_fields = ("mobility_link", "created_at", "updated_at")
    inlines = (ExpertReminderInline, ExpertEventInline)
    fieldsets = (
        (_("Who"), {"fields": ("full_name", "position", "nationality", "email", "passport_number")}),
        (
            _("The stay"),
            {
                "fields": (
                    "partner",
                    "activity",
                    "subject",
                    ("host_faculty", "host_department"),
                    ("start_date", "end_date"),
                    "funding",
                    "status",
                )
            },
        ),
        (
            _("Visa and registration"),
            {
                "fields": (("visa_required", "visa_number", "visa_valid_until"), "registered_until", "responsible"),
                "description": _(
                    "The responsible staff member is reminded 14, 7, 3 and 1 days before each deadline that falls "
                    "before the departure."
                ),
            },
        ),
        (_("Publishing"), {"fields": ("is_public",)}),
        (_("Office"), {"fields": ("notes", "mobility_link", "created_at", "updated_at")}),
        (_("History"), {"fields": ("audit_history",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).select_related("partner")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and services.may_edit_experts(request.user)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and services.may_edit_experts(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and services.may_edit_experts(request.user)

    def save_model(self, request, obj, form, change):
        try:
            services.expert_save(expert=obj, actor=request.user)
        except ValidationError as error:  # the form checked it already; a race may still refuse
            messages.error(request, " ".join(error.messages))

    def delete_model(self, request, obj):
        services.expert_delete(expert=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for expert in queryset:
            services.expert_delete(expert=expert, actor=request.user)

    # --- columns --------------------------------------------------------------------------------

    @admin.display(description=_("stay"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return choice_badge(obj.status, Expert.Status, EXPERT_TONES)

    @admin.display(description=_("next deadline"))
    def next_deadline(self, obj):
        on = today()
        deadline = obj.next_deadline(on) if obj.status != Expert.Status.CANCELLED and obj.end_date >= on else None
        if deadline is None:
            return "—"
        kind, day = deadline
        days_left = (day - on).days
        tone = DANGER if days_left < 0 else WARNING if days_left <= DEADLINE_WARNING_DAYS else INFO
        return badge(f"{Expert.Deadline(kind).label}: {formats.date_format(day, 'SHORT_DATE_FORMAT')}", tone)

    @admin.display(description=_("mobility"))
    def mobility_link(self, obj):
        if obj is None or not obj.mobility_id:
            return _("Made when the expert is saved: the stay counts as incoming staff mobility.")
        return format_html(
            '<a href="{}">{}</a>', admin_url(obj.mobility._meta, "change", obj.mobility_id), obj.mobility
        )

    # --- the invitation letter for a visa -------------------------------------------------------

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        letter = path(
            "<path:object_id>/letter/<str:language>/",
            self.admin_site.admin_view(self.letter_view),
            name=f"{info}_letter",
        )
        return [letter, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id and services.may_edit_experts(request.user):
            pk = unquote(object_id)
            extra_context["letters"] = [
                (admin_url(self.opts, "letter", pk, code), label) for code, label in LETTER_LANGUAGES
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    def letter_view(self, request, object_id, language):
        """The visa invitation as PDF, for the office only; in English or Russian, as consulates read them."""
        if not services.may_edit_experts(request.user):
            raise PermissionDenied
        if language not in dict(LETTER_LANGUAGES):
            raise Http404
        expert = self.get_object(request, unquote(object_id))
        if expert is None:
            raise Http404
        content = services.expert_letter_pdf(expert=expert, language=language)
        name = slugify(f"visa-invitation {expert.full_name_en or expert.full_name} {language}") or "visa-invitation"
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        return response
