"""Admin for partners: institutions with their contacts, cooperation areas and agreements.

Staff also import and export institutions and agreements (CSV, XLSX, preview first, all rows or
none), renew an agreement in an updated form, spot dormant agreements, and read each record's
history from the audit log.
"""

import datetime

from auditlog.mixins import AuditlogHistoryAdminMixin
from auditlog.models import LogEntry
from auditlog.render import get_field_verbose_name
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Subquery, Value, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from import_export.admin import ImportExportMixin
from import_export.tmp_storages import MediaStorage
from modeltranslation.admin import TranslationAdmin

from intl_office.admin_helpers import (
    DANGER,
    MUTED,
    SUCCESS,
    WARNING,
    AdminExtraMedia,
    CompactTextareas,
    badge,
    choice_badge,
    translated,
)
from intl_office.storage import private_storage

from .models import Agreement, AgreementReminder, Contact, CooperationArea, Institution
from .resources import FORMATS, AgreementResource, InstitutionResource
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

# Renewal chains are a handful of agreements long; the cap only guards against a loop in bad data.
MAX_CHAIN_LENGTH = 50


def agreement_badge(agreement):
    """The status badge, from the ``computed_status`` annotation when the queryset has it."""
    status = getattr(agreement, "computed_status", None) or agreement.status
    return choice_badge(status, Agreement.Status, AGREEMENT_TONES)


def renewal_chain(agreement):
    """The agreements before and after this one in its renewal chain, oldest first.

    Follows ``renews`` back to the first agreement and ``renewals`` forward, level by
    level (a renewal may in principle have been renewed twice, as two parallel agreements).
    """
    earlier = []
    seen = {agreement.pk}
    current = agreement
    while current.renews_id and current.renews_id not in seen and len(earlier) < MAX_CHAIN_LENGTH:
        current = current.renews
        seen.add(current.pk)
        earlier.append(current)
    later = []
    frontier = [agreement.pk]
    while frontier and len(later) < MAX_CHAIN_LENGTH:
        level = list(Agreement.objects.filter(renews__in=frontier).exclude(pk__in=seen).order_by("signed_on", "pk"))
        seen.update(a.pk for a in level)
        later.extend(level)
        frontier = [a.pk for a in level]
    return [*reversed(earlier), agreement, *later]


# Audit log entries shown on a record's page; the rest are one click away on its audit log page.
HISTORY_SHOWN = 5
# Bookkeeping columns every save changes: listing them in each entry would hide what staff changed.
HISTORY_HIDDEN_FIELDS = {"created_at", "updated_at"}


def _history_value(value):
    return "—" if value in (None, "", "None") else value


def _history_changes(entry):
    """One line per field an audit log entry changed: "Website: https://old → https://new"."""
    lines = []
    changes = entry.changes_dict
    languages = [code for code, _name in settings.LANGUAGES]
    for field, change in changes.items():
        if field in HISTORY_HIDDEN_FIELDS:
            continue
        if any(f"{field}_{language}" in changes for language in languages):
            continue  # modeltranslation's copy of a language column listed on its own ("City [en]")
        label = get_field_verbose_name(entry, field)
        if isinstance(change, dict) and change.get("type") == "m2m":
            verb = gettext("added") if change.get("operation") == "add" else gettext("removed")
            lines.append(format_html("{}: {} {}", label, verb, ", ".join(map(str, change.get("objects", [])))))
        else:
            old, new = (list(change) + [None, None])[:2]
            lines.append(format_html("{}: {} → {}", label, _history_value(old), _history_value(new)))
    return lines


class RecordHistory(AuditlogHistoryAdminMixin):
    """Who changed a record, when and what, from django-auditlog: the latest entries on its page, all on another.

    The audit log holds every change, made in the admin, by an import, a service or the shell;
    Django's own History button lists only what was done through the admin forms.
    """

    auditlog_history_per_page = 25
    auditlog_history_template = "admin/partners/auditlog.html"

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "audit_history")

    def auditlog_url(self, obj):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_auditlog", args=[obj.pk])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            extra_context["auditlog_url"] = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_auditlog", args=[unquote(object_id)]
            )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("latest changes"))
    def audit_history(self, obj):
        if obj is None or obj.pk is None:
            return _("The history starts when the record is first saved.")
        entries = list(
            LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[: HISTORY_SHOWN + 1]
        )
        if not entries:
            return _("No changes recorded yet.")
        rows = []
        for entry in entries[:HISTORY_SHOWN]:
            when = formats.date_format(timezone.localtime(entry.timestamp), "DATETIME_FORMAT")
            if entry.actor:
                who = entry.actor.get_full_name() or entry.actor.get_username()
            else:
                who = entry.actor_email or _("system")
            if entry.action == LogEntry.Action.UPDATE:
                changes = format_html_join("", "<li>{}</li>", ((line,) for line in _history_changes(entry)))
                changes = format_html('<ul class="io-history__changes">{}</ul>', changes)
            else:
                changes = ""
            rows.append((when, who, capfirst(entry.get_action_display()), changes))
        table = format_html(
            '<table class="io-history"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("when"),
            _("who"),
            _("action"),
            _("changes"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )
        link_text = _("Every change in the audit log") if len(entries) > HISTORY_SHOWN else _("Open the audit log")
        return format_html('{}<p><a href="{}">{}</a></p>', table, self.auditlog_url(obj), link_text)


# Uploaded import files wait for their confirmation here, in private storage, for a day at most.
IMPORTS_FOLDER = "imports"
STALE_IMPORT_AGE = datetime.timedelta(days=1)


class PrivateImportStorage(MediaStorage):
    """An uploaded file waits for the confirmation of its import in private storage.

    Shared by every host behind the load balancer (the confirmation may reach another one
    than the preview did) and served by none: django-import-export's default, the local
    temporary folder, is neither.
    """

    def _configure_storage(self):
        self._storage = private_storage


def remove_stale_imports(older_than=STALE_IMPORT_AGE):
    """Delete the files of previews nobody confirmed; a confirmed import deletes its own file."""
    try:
        _folders, names = private_storage.listdir(IMPORTS_FOLDER)
    except FileNotFoundError:
        return
    limit = timezone.now() - older_than
    for name in names:
        path = f"{IMPORTS_FOLDER}/{name}"
        try:
            if private_storage.get_modified_time(path) < limit:
                private_storage.delete(path)
        except FileNotFoundError:
            pass  # removed meanwhile by the confirmation, or by another host


class OfficeImportExport(ImportExportMixin):
    """Import and export in CSV and XLSX with a preview first; all rows or none are written.

    Importing creates and changes records, so it needs both rights; exporting needs the
    right to view. (django-import-export allows both to every staff member by default.)
    """

    import_formats = FORMATS
    export_formats = FORMATS
    tmp_storage_class = PrivateImportStorage
    import_template_name = "admin/partners/import.html"

    def get_tmp_storage_class_kwargs(self):
        return {"MEDIA_FOLDER": IMPORTS_FOLDER}

    def write_to_tmp_storage(self, import_file, input_format):
        remove_stale_imports()
        return super().write_to_tmp_storage(import_file, input_format)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def get_import_context_data(self, **kwargs):
        return {"import_columns": self.resource_classes[0].COLUMNS}

    def _import_url(self):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            # The Confirm button pressed twice, or a preview left open for too long.
            messages.error(request, _("This import was already confirmed, or its file is gone: upload the file again."))
            return redirect(self._import_url())

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between the preview and the confirmation; the transaction was rolled back.
            failed = len(result.invalid_rows) + len(result.row_errors()) + len(result.base_errors)
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: %(count)d row failed when the import was confirmed. "
                    "Upload the file again to see why.",
                    "Nothing was imported: %(count)d rows failed when the import was confirmed. "
                    "Upload the file again to see why.",
                    failed,
                )
                % {"count": failed},
            )
            return redirect(self._import_url())
        return super().process_result(result, request)


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


class DormantFilter(admin.SimpleListFilter):
    """Agreements in force whose partner sent or received fewer people last academic year than the quota."""

    title = _("use of the places")
    parameter_name = "dormant"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Dormant: fewer people than places last academic year")),
            ("no", _("In force, places used")),
        ]

    def queryset(self, request, queryset):
        # ``is_dormant`` is annotated by AgreementAdmin.get_queryset from Agreement.objects.dormant().
        if self.value() == "yes":
            return queryset.filter(is_dormant=True)
        if self.value() == "no":
            return queryset.in_force().filter(is_dormant=False)
        return queryset


class RenewalForm(forms.Form):
    """The three facts of the successor that differ from the agreement it renews."""

    signed_on = forms.DateField(
        label=_("Signed on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day the agreement in its updated form was signed."),
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day it is valid; empty for an agreement without end date."),
    )
    reference_number = forms.CharField(
        label=_("Reference number"),
        max_length=Agreement._meta.get_field("reference_number").max_length,
        required=False,
        help_text=_("The registration number of the new agreement, if any."),
    )

    def add_service_errors(self, error):
        """Put a service's ValidationError by the fields it names; the rest above the form."""
        by_field = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        for field, field_messages in by_field.items():
            self.add_error(field if field in self.fields else None, field_messages)


@admin.register(CooperationArea)
class CooperationAreaAdmin(TranslationAdmin):
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


class AgreementReminderInline(admin.TabularInline):
    """The expiry reminders ``notify_expiring_agreements`` sent for this agreement: a record, not for editing."""

    model = AgreementReminder
    extra = 0
    can_delete = False
    fields = ("days_before", "valid_until", "sent_to", "sent_at")
    readonly_fields = fields
    verbose_name_plural = _("expiry reminders sent")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Institution)
class InstitutionAdmin(OfficeImportExport, RecordHistory, AdminExtraMedia, CompactTextareas, TranslationAdmin):
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
class ContactAdmin(admin.ModelAdmin):
    list_display = ("full_name", "institution", "position", "email", "phone", "is_primary")
    list_filter = ("is_primary", ("institution__country", CountryFilter))
    search_fields = ("full_name", "position", "email", "phone", *translated("institution__name"))
    autocomplete_fields = ("institution",)
    list_select_related = ("institution",)

    def get_queryset(self, request):
        # The institution is part of a contact's name wherever it is shown, autocomplete included.
        return super().get_queryset(request).select_related("institution")


@admin.register(Agreement)
class AgreementAdmin(OfficeImportExport, RecordHistory, AdminExtraMedia, CompactTextareas, TranslationAdmin):
    list_display = ("title", "partner", "kind", "signed_on", "valid_until", "status_badge", "places_used")
    list_filter = (AgreementStatusFilter, DormantFilter, "kind", "is_public", ("partner__country", CountryFilter))
    search_fields = (*translated("title", "partner__name"), "reference_number", "partner__short_name")
    autocomplete_fields = ("partner", "renews", "responsible")
    list_select_related = ("partner",)
    date_hierarchy = "signed_on"
    readonly_fields = ("status_badge", "renewal_chain", "created_at", "updated_at")
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
        # Subqueries over the model's own methods rather than ``with_last_year_mobility()`` on this queryset:
        # its ``yearly_quota`` annotation cannot be set on an instance, where ``yearly_quota`` is a property.
        last_year = Agreement.objects.with_last_year_mobility().filter(pk=OuterRef("pk")).values("last_year_mobility")
        return (
            super()
            .get_queryset(request)
            .with_status()
            .annotate(
                status_rank=rank,
                last_year_mobility=Subquery(last_year),
                is_dormant=Exists(Agreement.objects.dormant().filter(pk=OuterRef("pk"))),
            )
        )

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).select_related("partner", "renews", "responsible")

    def get_urls(self):
        renew = path(
            "<path:object_id>/renew/",
            self.admin_site.admin_view(self.renew_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_renew",
        )
        return [renew, *super().get_urls()]

    def renew_url(self, agreement):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_renew", args=[agreement.pk])

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
                return redirect(
                    reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[successor.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Renew an agreement in an updated form"),
            "subtitle": str(agreement),
            "opts": self.opts,
            "original": agreement,
            "form": form,
            "refusals": refusals,
            "successor": agreement.renewals.order_by("pk").first(),
            "change_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[agreement.pk]),
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

    @admin.display(description=_("last year / places"), ordering="last_year_mobility")
    def places_used(self, obj):
        """Last academic year's mobility with the partner against the yearly places, flagged when dormant."""
        status = getattr(obj, "computed_status", None) or obj.status
        if status not in (Agreement.Status.ACTIVE, Agreement.Status.EXPIRING_SOON):
            return "—"
        used = format_html('<span class="io-nowrap">{} / {}</span>', obj.last_year_mobility, obj.yearly_quota)
        if obj.is_dormant:
            return format_html("{} {}", used, badge(_("Dormant"), WARNING))
        return used

    @admin.display(description=_("status"), ordering="status_rank")
    def status_badge(self, obj):
        return agreement_badge(obj)

    @admin.display(description=_("renewal chain"))
    def renewal_chain(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        chain = renewal_chain(obj)
        if len(chain) == 1:
            return _("This agreement neither renews nor was renewed by another.")
        items = []
        for agreement in chain:
            if agreement.pk == obj.pk:
                label = format_html("<strong>{} ({})</strong>", agreement.title, _("this agreement"))
            else:
                url = reverse("admin:partners_agreement_change", args=[agreement.pk])
                label = format_html('<a href="{}">{}</a>', url, agreement.title)
            dates = agreement.signed_on.isoformat() if agreement.signed_on else _("not signed")
            items.append((label, dates, agreement_badge(agreement)))
        return format_html('<ol class="io-chain">{}</ol>', format_html_join("", "<li>{}, {}{}</li>", items))
