"""Admin for partners: institutions with their contacts, cooperation areas and agreements.

Staff also import and export institutions and agreements (CSV, XLSX, preview first, all rows or
none), renew an agreement in an updated form, and read each record's history from the audit log.
Dormant agreements are spotted in ``mobility.admin.agreements``, which extends ``AgreementAdmin``
with last year's mobility: partners know nothing of mobility.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, Count, IntegerField, Value, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin

from intl_office.admin_helpers import (
    DANGER,
    MUTED,
    SUCCESS,
    WARNING,
    AdminExtraMedia,
    CompactTextareas,
    PrivateFileWidget,
    ReadOnlyInline,
    RecordHistory,
    admin_url,
    choice_badge,
    translated,
)
from intl_office.admin_imports import OfficeImportExport
from intl_office.admin_input import CheckedInput
from intl_office.admin_translations import TranslationStatus

from .forms import RenewalForm
from .models import Agreement, AgreementReminder, Contact, CooperationArea, Institution
from .resources import AgreementResource, InstitutionResource
from .services import agreement_renew, renewal_refusals

AGREEMENT_TONES = {
    Agreement.Status.DRAFT: MUTED,
    Agreement.Status.ACTIVE: SUCCESS,
    Agreement.Status.EXPIRING_SOON: WARNING,
    Agreement.Status.EXPIRED: DANGER,
}

# Sorting the status column follows an agreement's life, not the alphabet of the codes.
AGREEMENT_STATUS_ORDER = [
    Agreement.Status.DRAFT,
    Agreement.Status.ACTIVE,
    Agreement.Status.EXPIRING_SOON,
    Agreement.Status.EXPIRED,
]


def agreement_document_url(document):
    """Where staff open a signed document: a view that checks their permission, never a media URL."""
    return reverse("partners:agreement-document", args=[document.instance.pk])


def agreement_badge(agreement):
    """The status badge, from the ``computed_status`` annotation when the queryset has it."""
    status = getattr(agreement, "computed_status", None) or agreement.status
    return choice_badge(status, Agreement.Status, AGREEMENT_TONES)


class AgreementStatusFilter(admin.SimpleListFilter):
    """Status derived from the dates, filtered with the same QuerySet methods the site uses."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("in_force", _("In force (active or expiring soon)")),
            (Agreement.Status.ACTIVE, Agreement.Status.ACTIVE.label),
            (Agreement.Status.EXPIRING_SOON, Agreement.Status.EXPIRING_SOON.label),
            (Agreement.Status.EXPIRED, Agreement.Status.EXPIRED.label),
            (Agreement.Status.DRAFT, Agreement.Status.DRAFT.label),
        ]

    def queryset(self, request, queryset):
        methods = {
            "in_force": queryset.in_force,
            Agreement.Status.ACTIVE: queryset.active,
            Agreement.Status.EXPIRING_SOON: queryset.expiring_soon,
            Agreement.Status.EXPIRED: queryset.expired,
            Agreement.Status.DRAFT: queryset.drafts,
        }
        method = methods.get(self.value())
        return method() if method else queryset


@admin.register(CooperationArea)
class CooperationAreaAdmin(CheckedInput, TranslationAdmin):
    list_display = ("name", "slug", "institution_count")
    search_fields = translated("name")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(institution_count=Count("institutions"))

    @admin.display(description=_("institutions"), ordering="institution_count")
    def institution_count(self, obj):
        return obj.institution_count


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ("full_name", "position", "email", "phone", "is_primary", "notes")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}}


class AgreementInline(admin.TabularInline):
    """The partner's agreements at a glance; the link by each title opens it for editing."""

    model = Agreement
    fk_name = "partner"
    extra = 0
    can_delete = False
    show_change_link = True
    # The public page of an agreement is a fragment of this partner's page: no use here.
    view_on_site = False
    fields = ("kind", "signed_on", "valid_until", "status_badge")
    readonly_fields = fields
    verbose_name_plural = _("agreements")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("status"))
    def status_badge(self, obj):
        return agreement_badge(obj)


class AgreementReminderInline(ReadOnlyInline):
    """The expiry reminders ``notify_expiring_agreements`` sent for this agreement: a record, not for editing."""

    model = AgreementReminder
    fields = ("days_before", "valid_until", "sent_to", "sent_at")
    readonly_fields = fields
    verbose_name_plural = _("expiry reminders sent")


@admin.register(Institution)
class InstitutionAdmin(
    TranslationStatus,
    CheckedInput,
    OfficeImportExport,
    RecordHistory,
    AdminExtraMedia,
    CompactTextareas,
    TranslationAdmin,
):
    list_display = ("name", "short_name", "kind", "country", "city", "has_agreement_in_force", "is_active")
    list_filter = ("kind", ("country", CountryFilter), "is_active", "cooperation_areas")
    search_fields = (*translated("name", "city"), "short_name", "website")
    autocomplete_fields = ("cooperation_areas",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (ContactInline, AgreementInline)
    fieldsets = (
        (_("Institution"), {"fields": ("name", "short_name", "kind", "logo")}),
        (_("Where"), {"fields": ("country", "city", "website")}),
        (
            _("Cooperation"),
            {"fields": ("cooperation_areas", "cooperating_since", "description", "is_active")},
        ),
        (
            _("Record"),
            {
                "fields": ("slug", "created_at", "updated_at"),
                "classes": ("collapse",),
                "description": _("The slug is the partner's web address; left empty, it is made from the name."),
            },
        ),
        (_("History"), {"fields": ("audit_history",)}),
    )
    resource_classes = [InstitutionResource]

    def get_queryset(self, request):
        return super().get_queryset(request).with_agreement_in_force()

    @admin.display(description=_("agreement in force"), boolean=True, ordering="has_agreement_in_force")
    def has_agreement_in_force(self, obj):
        return obj.has_agreement_in_force


@admin.register(Contact)
class ContactAdmin(CheckedInput, admin.ModelAdmin):
    list_display = ("full_name", "institution", "position", "email", "phone", "is_primary")
    list_filter = ("is_primary", ("institution__country", CountryFilter))
    search_fields = ("full_name", "position", "email", "phone", *translated("institution__name"))
    autocomplete_fields = ("institution",)
    list_select_related = ("institution",)

    def get_queryset(self, request):
        # The institution is part of a contact's name wherever it is shown, autocomplete included.
        return super().get_queryset(request).select_related("institution")


@admin.register(Agreement)
class AgreementAdmin(
    TranslationStatus,
    CheckedInput,
    OfficeImportExport,
    RecordHistory,
    AdminExtraMedia,
    CompactTextareas,
    TranslationAdmin,
):
    list_display = ("title", "partner", "kind", "signed_on", "valid_until", "status_badge")
    list_filter = (AgreementStatusFilter, "kind", "is_public", ("partner__country", CountryFilter))
    search_fields = (*translated("title", "partner__name"), "reference_number", "partner__short_name")
    autocomplete_fields = ("partner", "renews", "responsible")
    list_select_related = ("partner",)
    date_hierarchy = "signed_on"
    readonly_fields = ("status_badge", "renewal_chain", "document_link", "created_at", "updated_at")
    fieldsets = (
        (_("Agreement"), {"fields": ("partner", "kind", "title", "reference_number")}),
        (
            _("Validity"),
            {
                "fields": (("signed_on", "valid_until"), "status_badge"),
                "description": format_lazy(
                    _("The status follows from the dates: draft until signed, expiring soon in its last {days} days."),
                    days=Agreement.EXPIRING_SOON_DAYS,
                ),
            },
        ),
        (
            _("Scope and places per year"),
            {
                "fields": (
                    "scope",
                    ("student_places_out", "student_places_in"),
                    ("staff_places_out", "staff_places_in"),
                )
            },
        ),
        (_("Document and publishing"), {"fields": ("document", "is_public")}),
        (_("Renewal"), {"fields": ("renews", "renewal_chain")}),
        (_("Office"), {"fields": ("responsible", "notes", "created_at", "updated_at")}),
        (_("History"), {"fields": ("audit_history",)}),
    )
    resource_classes = [AgreementResource]
    inlines = (AgreementReminderInline,)
    actions = ["renew_selected"]

    def get_queryset(self, request):
        rank = Case(
            *(When(computed_status=status, then=Value(i)) for i, status in enumerate(AGREEMENT_STATUS_ORDER)),
            output_field=IntegerField(),
        )
        return super().get_queryset(request).with_status().annotate(status_rank=rank)

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).select_related("partner", "renews", "responsible")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "document":
            kwargs["widget"] = PrivateFileWidget(
                download_url=agreement_document_url, attrs={"accept": ".pdf,application/pdf"}
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only, the admin would render the file field with file.url, which private storage refuses.
        return [
            (name, {**options, "fields": tuple("document_link" if f == "document" else f for f in options["fields"])})
            for name, options in fieldsets
        ]

    def get_urls(self):
        renew = path(
            "<path:object_id>/renew/",
            self.admin_site.admin_view(self.renew_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_renew",
        )
        return [renew, *super().get_urls()]

    def renew_url(self, agreement):
        return admin_url(self.opts, "renew", agreement.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        agreement = self.get_object(request, unquote(object_id)) if object_id else None
        if agreement is not None and self.has_add_permission(request) and not renewal_refusals(agreement):
            extra_context["renew_url"] = self.renew_url(agreement)
        return super().change_view(request, object_id, form_url, extra_context)

    def renew_view(self, request, object_id):
        """The Renew page: signed on, valid until and reference number of the successor; nothing made on bad input."""
        agreement = self.get_object(request, unquote(object_id))
        if agreement is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (self.has_view_or_change_permission(request, agreement) and self.has_add_permission(request)):
            raise PermissionDenied
        refusals = renewal_refusals(agreement)
        form = RenewalForm(request.POST or None)
        if request.method == "POST" and not refusals and form.is_valid():
            try:
                successor = agreement_renew(agreement=agreement, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                self.log_addition(
                    request, successor, gettext("Renewed “%(title)s” in an updated form.") % {"title": agreement}
                )
                messages.success(
                    request,
                    format_html(
                        gettext("“{}” renews “{}”. Check its title, scope and places, and attach the signed document."),
                        successor,
                        agreement,
                    ),
                )
                return redirect(admin_url(self.opts, "change", successor.pk))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Renew an agreement in an updated form"),
            "subtitle": str(agreement),
            "opts": self.opts,
            "original": agreement,
            "form": form,
            "refusals": refusals,
            "successor": agreement.renewals.order_by("pk").first(),
            "change_url": admin_url(self.opts, "change", agreement.pk),
            "has_view_permission": self.has_view_permission(request, agreement),
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/partners/agreement/renew.html", context)

    @admin.action(description=_("Renew the selected agreement in an updated form"), permissions=["add"])
    def renew_selected(self, request, queryset):
        agreements = list(queryset[:2])
        if len(agreements) != 1:
            # Each successor has its own dates and reference number: one form per agreement.
            self.message_user(
                request, _("Select one agreement to renew: each renewal has its own dates."), messages.WARNING
            )
            return None
        return redirect(self.renew_url(agreements[0]))

    @admin.display(description=_("status"), ordering="status_rank")
    def status_badge(self, obj):
        return agreement_badge(obj)

    @admin.display(description=_("signed document"))
    def document_link(self, obj):
        if obj is None or not obj.document:
            return "—"
        return format_html('<a href="{}">{}</a>', agreement_document_url(obj.document), _("Download the PDF"))

    @admin.display(description=_("renewal chain"))
    def renewal_chain(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        chain = obj.renewal_chain()
        if len(chain) == 1:
            return _("This agreement neither renews nor was renewed by another.")
        items = []
        for agreement in chain:
            if agreement.pk == obj.pk:
                label = format_html("<strong>{} ({})</strong>", agreement.title, _("this agreement"))
            else:
                url = admin_url(self.opts, "change", agreement.pk)
                label = format_html('<a href="{}">{}</a>', url, agreement.title)
            dates = agreement.signed_on.isoformat() if agreement.signed_on else _("not signed")
            items.append((label, dates, agreement_badge(agreement)))
        return format_html('<ol class="io-chain">{}</ol>', format_html_join("", "<li>{}, {}{}</li>", items))
