"""Admin for delegation visits: the story for the site, both sides' members and photos, in every language,
and the programme planned before the visit (agenda items, rooms, participants), printable for staff."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Count, Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from intl_office.admin_helpers import AdminExtraMedia, CompactTextareas, admin_url, period, translated
from intl_office.admin_input import CheckedInput
from intl_office.admin_translations import TranslationStatus

from ..models import Visit, VisitAgendaItem, VisitMember, VisitPhoto
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


class VisitAgendaInline(CompactTextareas, TranslationStackedInline):
    """The programme before the visit: one block per item, the guests ticked from the visit's delegation."""

    model = VisitAgendaItem
    extra = 0
    fields = (
        ("date", "start_time", "end_time"),
        *zip(translated("title"), translated("room"), strict=True),
        "guests",
        "hosts",
        "other_hosts",
    )
    autocomplete_fields = ("hosts",)
    classes = ("collapse",)

    def get_formset(self, request, obj=None, **kwargs):
        request._agenda_visit = obj  # the guests offered are this visit's delegation
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "guests":
            visit = getattr(request, "_agenda_visit", None)
            members = VisitMember.objects.filter(side=VisitMember.Side.GUEST)
            kwargs["queryset"] = members.filter(visit=visit) if visit is not None else members.none()
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


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
    change_form_template = "admin/mobility/visit/change_form.html"
    inlines = (VisitMemberInline, VisitAgendaInline, VisitPhotoInline)
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

    # --- the printable programme ----------------------------------------------------------------

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        programme = path(
            "<path:object_id>/programme/", self.admin_site.admin_view(self.programme_view), name=f"{info}_programme"
        )
        return [programme, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            extra_context["programme_url"] = admin_url(self.opts, "programme", unquote(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def programme_view(self, request, object_id):
        """The visit's programme to print, in the language the staff member reads the admin in."""
        visit = self.get_object(request, unquote(object_id))
        if visit is None or not self.has_view_or_change_permission(request, visit):
            raise Http404
        items = VisitAgendaItem.objects.filter(visit=visit).prefetch_related(
            Prefetch("guests", queryset=VisitMember.objects.order_by("-is_head", "order", "full_name")),
            "hosts",
        )
        members = list(visit.members.all())
        days = {}
        for item in items:
            days.setdefault(item.date, []).append(item)
        context = {
            **self.admin_site.each_context(request),
            "title": visit.title,
            "opts": self.opts,
            "visit": visit,
            "days": list(days.items()),
            "guests": [member for member in members if member.side == VisitMember.Side.GUEST],
            "hosts": [member for member in members if member.side == VisitMember.Side.HOST],
            "change_url": admin_url(self.opts, "change", visit.pk),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/mobility/visit/programme.html", context)
