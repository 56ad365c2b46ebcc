"""Admin for partners: institutions with their contacts, cooperation areas and agreements."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Case, Count, IntegerField, Value, When
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
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
    choice_badge,
    translated,
)

from .models import Agreement, Contact, CooperationArea, Institution

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


@admin.register(Institution)
class InstitutionAdmin(AdminExtraMedia, CompactTextareas, TranslationAdmin):
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
    )

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
class AgreementAdmin(AdminExtraMedia, CompactTextareas, TranslationAdmin):
    list_display = ("title", "partner", "kind", "signed_on", "valid_until", "status_badge")
    list_filter = (AgreementStatusFilter, "kind", "is_public", ("partner__country", CountryFilter))
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
    )

    def get_queryset(self, request):
        rank = Case(
            *(When(computed_status=status, then=Value(i)) for i, status in enumerate(AGREEMENT_STATUS_ORDER)),
            output_field=IntegerField(),
        )
        return super().get_queryset(request).with_status().annotate(status_rank=rank)

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
