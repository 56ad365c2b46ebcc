"""Admin for mobility records: who went where, when and under which programme; imported and exported as CSV or XLSX."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from intl_office.admin_helpers import (
    DANGER,
    INFO,
    MUTED,
    SUCCESS,
    AdminExtraMedia,
    CompactTextareas,
    RecordHistory,
    choice_badge,
    period,
    translated,
)
from intl_office.admin_imports import OfficeImportExport
from intl_office.admin_input import CheckedInput

from ..models import Expert, Mobility
from ..resources import FORMATS, MobilityResource
from .nominations import MobilityNominations
from .stays import StayAdmin
from .trips import MobilityTripReport

MOBILITY_TONES = {
    Mobility.Status.PLANNED: INFO,
    Mobility.Status.CONFIRMED: SUCCESS,
    Mobility.Status.COMPLETED: MUTED,
    Mobility.Status.CANCELLED: DANGER,
}


# What ``expert_save`` writes on an expert's mobility: read-only here, so the two never disagree.
EXPERT_KEPT_FIELDS = (
    "direction",
    "participant_kind",
    "participant_name",
    "participant_email",
    "faculty",
    "activity",
    "partner",
    "start_date",
    "end_date",
    "status",
)


class MobilityImportExport(OfficeImportExport):
    """The import and export partners have: preview, all or nothing, no cell that starts a formula."""

    import_formats = FORMATS
    export_formats = FORMATS


@admin.register(Mobility)
class MobilityAdmin(
    MobilityTripReport,
    StayAdmin,
    MobilityNominations,
    CheckedInput,
    MobilityImportExport,
    RecordHistory,
    AdminExtraMedia,
    CompactTextareas,
    admin.ModelAdmin,
):
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
        (_("History"), {"fields": ("audit_history",)}),
    )
    resource_classes = [MobilityResource]

    def get_readonly_fields(self, request, obj=None):
        """What the services decide stays theirs: a stay that came from an application keeps that application and
        its status (accepting, declining, reopening, the arrival and the departure set it, with their history);
        a confirmed arrival or departure keeps its day. A stay the office typed in stays the office's to edit."""
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            if obj.application_id:
                fields += ["application", "status"]
            if obj.arrival_confirmed_at:
                fields.append("start_date")
            if obj.departure_confirmed_at:
                fields.append("end_date")
            if Expert.objects.filter(mobility=obj).exists():
                # A foreign expert's stay: kept in step with the expert's record (``expert_save``), edited there.
                fields += [name for name in EXPERT_KEPT_FIELDS if name not in fields]
        return fields

    def get_queryset(self, request):
        # A mobility's name includes its partner, autocomplete results included.
        return super().get_queryset(request).select_related("partner")

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).select_related("faculty", "program", "agreement")

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return choice_badge(obj.status, Mobility.Status, MOBILITY_TONES)
