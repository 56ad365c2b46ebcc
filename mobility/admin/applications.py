"""Admin for student applications: where they are read, scored, moved along the workflow and exported.

Staff and faculty coordinators read applications with their documents, score them and move
them with buttons and bulk actions (``application_workflow``) that call ``mobility.services``;
nobody types a status in. What a user sees is ``Application.objects.visible_to(user)``: a
faculty coordinator only their own faculty's.
"""

from django.contrib import admin
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin
from import_export.forms import SelectableFieldsExportForm

from intl_office.admin_helpers import (
    DANGER,
    INFO,
    MUTED,
    SUCCESS,
    WARNING,
    AdminExtraMedia,
    RecordHistory,
    choice_badge,
    translated,
)
from intl_office.admin_imports import TypedExportCells
from intl_office.admin_input import CheckedExport, CheckedInput
from intl_office.dates import today
from intl_office.models import Faculty
from intl_office.pagination import MAX_ROW_ID, parse_int
from intl_office.roles import is_faculty_coordinator
from partners.models import Institution

from .. import services
from ..models import Application, HostPreference, Mobility
from ..resources import FORMATS, ApplicationResource
from .application_inlines import (
    ApplicationDocumentInline,
    ApplicationEventInline,
    ApplicationReviewInline,
    HostPreferenceInline,
    YourReviewInline,
)
from .application_selection import ApplicationSelectionAdmin, ArchivedFilter
from .application_workflow import ApplicationWorkflowAdmin
from .offers import ApplicationOfferAdmin, OfferFilter
from .staff_applications import ApplicationStaffAdmin

Status = Application.Status

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


class HostFilter(admin.SimpleListFilter):
    """Applications naming an institution among their host preferences, whatever its rank."""

    title = _("host preference")
    parameter_name = "host"

    def lookups(self, request, model_admin):
        chosen = HostPreference.objects.filter(application__in=Application.objects.visible_to(request.user))
        hosts = Institution.objects.filter(pk__in=chosen.values("institution")).order_by("name")
        return [(str(host.pk), str(host)) for host in hosts]

    def queryset(self, request, queryset):
        host = parse_int(self.value(), minimum=1, maximum=MAX_ROW_ID)
        if host is not None:
            return queryset.filter(preferences__institution_id=host)
        return queryset


class ColumnExportForm(SelectableFieldsExportForm):
    """The export's field choices named by their column headers ("GPA"), not by attribute names ("Gpa (GPA)")."""

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        return capfirst(str(field.column_name)) if field else super()._get_field_label(resource, field_name)


@admin.register(Application)
class ApplicationAdmin(
    CheckedInput,
    ApplicationStaffAdmin,
    ApplicationOfferAdmin,
    ApplicationSelectionAdmin,
    ApplicationWorkflowAdmin,
    CheckedExport,
    TypedExportCells,
    ExportMixin,
    RecordHistory,
    AdminExtraMedia,
    admin.ModelAdmin,
):
    """Where applications are reviewed: read, score, and move along the workflow; export a call's list.

    The rows are ``Application.objects.visible_to(user)``: a faculty coordinator sees, opens, moves
    and exports only their own faculty's applications; any other reads as a missing record. The
    status is never a form field: buttons on the page and bulk actions call ``mobility.services``.
    """

    # The reference last: sorting links (?o=5) name columns by position, and bookmarks keep working.
    list_display = (
        "applicant",
        "call_title",
        "first_choice",
        "gpa",
        "score",
        "status_badge",
        "submitted",
        "reference",
    )
    list_filter = (
        ArchivedFilter,
        "status",
        OfferFilter,
        ("call", admin.RelatedOnlyFieldListFilter),
        ("faculty", admin.RelatedOnlyFieldListFilter),
        HostFilter,
        "level",
    )
    search_fields = (
        "reference",
        "first_name",
        "last_name",
        "student__username",
        "student__email",
        *translated("call__title"),
    )
    autocomplete_fields = ("call", "student", "faculty")
    list_select_related = ("call", "student", "faculty")
    date_hierarchy = "submitted_at"
    readonly_fields = (
        "reference",
        "archived_at",
        "archived_reason",
        "photo_state",
        "status_badge",
        "review_summary",
        "mobility_link",
        "offer_state",
        "language",
        "submitted_at",
        "decided_at",
        "created_at",
        "updated_at",
    )
    inlines = (
        HostPreferenceInline,
        ApplicationDocumentInline,
        ApplicationReviewInline,
        YourReviewInline,
        ApplicationEventInline,
    )
    fieldsets = (
        (
            _("Applicant"),
            {
                "fields": (
                    "reference",
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
        (
            _("Decision"),
            {
                "fields": (
                    "status_badge",
                    "review_summary",
                    "mobility_link",
                    "offer_state",
                    "submitted_at",
                    "decided_at",
                    "archived_at",
                    "archived_reason",
                    "language",
                    "created_at",
                    "updated_at",
                ),
                "description": _("The status changes only with the workflow buttons at the top of the page."),
            },
        ),
        (_("History"), {"fields": ("audit_history",)}),
    )
    actions = ["start_review", "shortlist", "waitlist", "reject", "accept"]
    resource_classes = [ApplicationResource]
    export_formats = FORMATS
    export_form_class = ColumnExportForm

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            # An application's name is made from its student and call, autocomplete results included.
            .select_related("student", "call", "faculty")
            .with_review_summary()
            .prefetch_related(
                Prefetch("preferences", queryset=HostPreference.objects.select_related("institution").order_by("rank"))
            )
        )

    def get_list_display(self, request):
        # A column that holds one value for every row (one call, one faculty) only takes room from the others.
        columns = list(super().get_list_display(request))
        if "call__id__exact" in request.GET:
            columns.remove("call_title")
        return columns

    def get_ordering(self, request):
        # One call's applications come in the order its places are given (Application.objects.ranked()).
        if "call__id__exact" in request.GET:
            return Application.objects.ranked().query.order_by
        return super().get_ordering(request)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # An application belongs to its student and call for good; moving it would dodge the call's rules.
        return (*fields, "call", "student") if obj is not None else fields

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if obj is None or not services.may_review(request.user, obj):
            inlines.remove(YourReviewInline)
        return inlines

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "faculty" and is_faculty_coordinator(request.user):
            # A coordinator cannot hand an application over to another faculty, nor blank the faculty:
            # either would hide it from its own coordinator and from every other one.
            kwargs["queryset"] = Faculty.objects.filter(pk=request.user.faculty_id)
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- export ---------------------------------------------------------------------------------

    def has_export_permission(self, request):
        # What a user may read they may take away as a spreadsheet: a coordinator, their faculty's rows.
        return self.has_view_or_change_permission(request)

    def get_export_filename(self, request, queryset, file_format):
        slugs = list(queryset.order_by().values_list("call__slug", flat=True).distinct()[:2])
        name = f"applications-{slugs[0]}" if len(slugs) == 1 else "applications"
        return f"{name}-{today().isoformat()}.{file_format.get_extension()}"

    # --- columns and read-only fields -----------------------------------------------------------

    @admin.display(description=_("applicant"), ordering="last_name")
    def applicant(self, obj):
        # The faculty under the name: one column less in a list that has to fit beside two sidebars.
        if obj.faculty_id is None:
            return obj.full_name
        return format_html('{}<br><small class="io-faculty">{}</small>', obj.full_name, obj.faculty)

    @admin.display(description=_("call"), ordering="call")
    def call_title(self, obj):
        # Not the foreign key itself: the admin keeps those on one line, and call titles are long.
        return str(obj.call)

    @admin.display(description=_("submitted"), ordering="submitted_at")
    def submitted(self, obj):
        if obj.submitted_at is None:
            return "—"
        return format_html('<span class="io-nowrap">{}</span>', date_format(localtime(obj.submitted_at)))

    @admin.display(description=_("first choice"))
    def first_choice(self, obj):
        first = next(iter(obj.preferences.all()), None)  # prefetched in rank order
        return str(first.institution) if first else "—"

    @admin.display(description=_("average score"), ordering="average_score")
    def score(self, obj):
        average = getattr(obj, "average_score", None)
        if average is None:
            return "—"
        reviews = ngettext("%(count)d review", "%(count)d reviews", obj.review_count) % {"count": obj.review_count}
        return format_html(
            '<span class="io-nowrap">{} <small>({})</small></span>',
            number_format(average, 1),
            reviews,
        )

    @admin.display(description=_("average score"))
    def review_summary(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        if not hasattr(obj, "review_count"):
            summary = Application.objects.with_review_summary().values("average_score", "review_count").get(pk=obj.pk)
            obj.average_score, obj.review_count = summary["average_score"], summary["review_count"]
        if obj.average_score is None:
            return _("No reviews yet")
        return self.score(obj)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        if obj is None or obj.pk is None:
            return choice_badge(Status.DRAFT, Application.Status, APPLICATION_TONES)
        return choice_badge(obj.status, Application.Status, APPLICATION_TONES)

    @admin.display(description=_("mobility"))
    def mobility_link(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        mobility = Mobility.objects.filter(application=obj).first()
        if mobility is None:
            return _("Made when the application is accepted.")
        url = reverse("admin:mobility_mobility_change", args=[mobility.pk])
        return format_html('<a href="{}">{}</a>', url, mobility)

    @admin.display(description=_("photo"))
    def photo_state(self, obj):
        if obj is None or not obj.photo:
            return _("No photo uploaded")
        # Private storage has no URL: the photo is served by the staff view, which checks who asks.
        url = reverse("mobility:staff-application-photo", kwargs={"pk": obj.pk})
        return format_html(
            '<a href="{}"><img class="io-thumb io-photo" src="{}" alt="{}"></a> <a href="{}">{}</a>',
            url,
            url,
            gettext("Photo of %(name)s") % {"name": obj.full_name},
            url,
            obj.photo.name.rsplit("/", 1)[-1],
        )
