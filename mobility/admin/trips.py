"""Business trips in the admin: the approval chain the office configures, every request, the rector's order.

The chain is one page (``TripChain``, a single row) with its ordered steps inline and the days the
traveller has to file the report. A request is read here, never edited: its steps and history are
inline and read-only; the "Record the rector's order" button on a request whose current step is the
order calls ``mobility.services.trip_record_order``. ``MobilityTripReport`` is mixed into the
mobility admin (``records.py``): a staff mobility that came from a trip shows the trip report.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from intl_office.admin_helpers import (
    DANGER,
    INFO,
    MUTED,
    SUCCESS,
    AdminExtraMedia,
    ReadOnlyInline,
    admin_url,
    choice_badge,
    period,
    person,
)
from intl_office.admin_input import CheckedInput
from intl_office.dates import today

from .. import services
from ..models import TripChain, TripChainStep, TripEvent, TripRequest, TripStep
from ..trip_forms import RectorOrderForm
from ..trip_order import ORDER_LANGUAGES

STEP_TEMPLATE = "admin/mobility/mobility/stay_step.html"
TONES = {
    TripRequest.Status.DRAFT: MUTED,
    TripRequest.Status.SUBMITTED: INFO,
    TripRequest.Status.APPROVED: SUCCESS,
    TripRequest.Status.REFUSED: DANGER,
}
WAITING_ORDER, REPORT_OVERDUE, REPORT_MISSING, REPORT_FILED = "order", "overdue", "missing", "filed"


class TripChainStepInline(TranslationTabularInline):
    model = TripChainStep
    extra = 0
    fields = ("position", "title", "holder", "person")
    autocomplete_fields = ("person",)


@admin.register(TripChain)
class TripChainAdmin(CheckedInput, TranslationAdmin):
    """One row (its save keeps it the one): the steps in order, the report's deadline, the travellers' guidance.

    A request already submitted keeps its own copy of the steps.
    """

    fields = ("report_days", "guidance")
    inlines = (TripChainStepInline,)


class TripStepInline(ReadOnlyInline):
    model = TripStep
    fields = ("position", "title", "holder", "decision", "decided_by", "decided_at", "comment", "order")
    readonly_fields = fields
    verbose_name_plural = _("approval chain")

    @admin.display(description=_("rector's order"))
    def order(self, obj):
        if not obj.order_number:
            return ""
        return format_html("{} · {}", obj.order_number, obj.order_date.isoformat() if obj.order_date else "")


class TripEventInline(ReadOnlyInline):
    model = TripEvent
    fields = ("created_at", "kind", "step", "actor", "comment")
    readonly_fields = fields
    verbose_name_plural = _("history")


class WaitingFilter(admin.SimpleListFilter):
    """What the office follows: orders to record, reports overdue or missing, reports filed."""

    title = _("to follow")
    parameter_name = "follow"

    def lookups(self, request, model_admin):
        return [
            (WAITING_ORDER, _("Waiting for the rector's order")),
            (REPORT_OVERDUE, _("Trip report overdue")),
            (REPORT_MISSING, _("Trip report not filed yet")),
            (REPORT_FILED, _("Trip report filed")),
        ]

    def queryset(self, request, queryset):
        if self.value() == WAITING_ORDER:
            return queryset.waiting_for_order()
        if self.value() == REPORT_OVERDUE:
            return queryset.report_overdue(today())
        if self.value() == REPORT_MISSING:
            return queryset.report_missing()
        if self.value() == REPORT_FILED:
            return queryset.filter(report_filed_at__isnull=False)
        return queryset


@admin.register(TripRequest)
class TripRequestAdmin(CheckedInput, AdminExtraMedia, admin.ModelAdmin):
    list_display = ("traveller_column", "destination", "country", "dates", "purpose", "funding", "status_badge")
    list_filter = ("status", WaitingFilter, ("country", CountryFilter), "purpose", "funding")
    search_fields = ("traveller__first_name", "traveller__last_name", "institution_name", "city")
    list_select_related = ("traveller", "institution")
    date_hierarchy = "start_date"
    inlines = (TripStepInline, TripEventInline)
    fieldsets = (
        (
            _("Request"),
            {
                "fields": (
                    "traveller",
                    ("institution", "institution_name"),
                    ("country", "city"),
                    ("start_date", "end_date"),
                    ("purpose", "funding", "program"),
                    "description",
                    "invitation_link",
                    "status",
                    ("submitted_at", "decided_at"),
                    "mobility",
                )
            },
        ),
        (
            _("Trip report"),
            {"fields": ("report_due", "report_filed_at", "report_done", "report_agreements", "report_contacts")},
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        return list(_flat(self.fieldsets))

    def has_add_permission(self, request):
        return False  # a trip is requested by its traveller on the site

    def has_change_permission(self, request, obj=None):
        return False  # read here; the rector's order goes through its button, the rest through the chain

    def has_delete_permission(self, request, obj=None):
        return bool(obj is None or obj.is_draft) and super().has_delete_permission(request, obj)

    @admin.display(description=_("traveller"), ordering="traveller__last_name")
    def traveller_column(self, obj):
        return person(obj.traveller)

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return choice_badge(obj.status, TripRequest.Status, TONES)

    @admin.display(description=_("invitation letter"))
    def invitation_link(self, obj):
        if not obj.invitation:
            return "—"
        url = reverse("mobility:staff-trip-invitation", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, gettext("Download (PDF)"))

    # --- the request's page: the order button and the summary's PDF ------------------------------

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        urls = [path("<path:object_id>/order/", self.admin_site.admin_view(self.order_view), name=f"{info}_order")]
        return [*urls, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        trip = self.get_object(request, unquote(object_id)) if object_id else None
        if trip is not None:
            current = services.current_step(trip)
            if current is not None and current.is_order and services.may_record_order(request.user):
                extra_context["order_url"] = admin_url(self.opts, "order", trip.pk)
            if trip.is_approved:
                extra_context["order_pdfs"] = [
                    (code, reverse("mobility:staff-trip-order", kwargs={"pk": trip.pk, "language": code}))
                    for code in ORDER_LANGUAGES
                ]
        return super().change_view(request, object_id, form_url, extra_context)

    def order_view(self, request, object_id):
        trip = self.get_object(request, unquote(object_id))
        if trip is None or not services.may_record_order(request.user):
            raise PermissionDenied
        step = services.current_step(trip)
        change_url = admin_url(self.opts, "change", trip.pk)
        if step is None or not step.is_order:
            messages.warning(request, gettext("The rector's order is not the step waiting on this trip."))
            return redirect(change_url)
        form = RectorOrderForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.trip_record_order(
                    step=step, actor=request.user, number=data["number"], date=data["date"], comment=data["comment"]
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, gettext("The rector's order is recorded."))
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Record the rector's order"),
            "intro": _("The order's number and date go onto the trip order summary; the trip is then approved."),
            "form": form,
            "subtitle": str(trip),
            "opts": self.opts,
            "original": trip,
            "change_url": change_url,
            "has_view_permission": True,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, STEP_TEMPLATE, context)


def _flat(fieldsets):
    for _name, options in fieldsets:
        for field in options["fields"]:
            yield from field if isinstance(field, tuple) else (field,)


class MobilityTripReport:
    """Mixed into ``MobilityAdmin``: the box of the trip a staff mobility came from, with its report."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        key = unquote(object_id) if object_id else ""
        trip = None
        if key.isascii() and key.isdigit() and len(key) < 12:
            trip = TripRequest.objects.filter(mobility_id=int(key)).prefetch_related("report_files").first()
        if trip is not None:
            extra_context["trip"] = trip
            extra_context["trip_url"] = admin_url(TripRequest._meta, "change", trip.pk)
        return super().change_view(request, object_id, form_url, extra_context)
