"""Admin for delegation visits: the story for the site, both sides' members and photos, in every language."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from intl_office.admin_helpers import AdminExtraMedia, CompactTextareas, period, translated
from intl_office.admin_input import CheckedInput
from intl_office.admin_translations import TranslationStatus

from ..models import Visit, VisitMember, VisitPhoto
from ..resources import VisitResource
from .records import MobilityImportExport


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
class VisitAdmin(
    TranslationStatus, CheckedInput, MobilityImportExport, AdminExtraMedia, CompactTextareas, TranslationAdmin
):
    list_display = ("title", "direction", "partner", "dates", "member_count", "is_public")
    list_filter = ("direction", "is_public", ("partner__country", CountryFilter))
    search_fields = (*translated("title", "purpose", "city", "partner__name"), "partner__short_name")
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

    resource_classes = [VisitResource]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count
