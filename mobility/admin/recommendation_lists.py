"""Recommendation lists for the rector: made from a staff call's shortlist, printed, then the rector's order.

"Make the recommendation list" makes a call's list (``services.recommendation_list_make``); a list's
page shows the candidates in order, links to its PDF in each language, and the step that records the
rector's order (number, date, the candidates it approves: ``services.recommendation_list_decide``).
Nothing is typed in.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import admin_url
from intl_office.admin_input import CheckedInput
from programs.models import Call

from .. import services
from ..models import Application, RecommendationEntry, RecommendationList
from .application_steps import STEP_TEMPLATE, ServiceErrors


class MakeListForm(ServiceErrors, forms.Form):
    call = forms.ModelChoiceField(
        label=_("Call"),
        queryset=Call.objects.filter(
            audience=Call.Audience.STAFF, applications__status=Application.Status.SHORTLISTED
        ).distinct(),
        help_text=_("A staff call with shortlisted applications; they go on the list in ranked order."),
    )


class DecisionForm(ServiceErrors, forms.Form):
    order_number = forms.CharField(label=_("Order number"), max_length=50)
    order_date = forms.DateField(
        label=_("Order date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    approved = forms.ModelMultipleChoiceField(
        label=_("Approved by the order"),
        queryset=Application.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Those approved are offered their place; the others are told the order does not approve them."),
    )

    def __init__(self, *args, recommendation_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved"].queryset = Application.objects.filter(
            recommendation__recommendation_list=recommendation_list
        ).order_by("recommendation__position")
        self.fields["approved"].label_from_instance = lambda application: (
            f"{application.recommendation.position}. {application.full_name}"
        )


class RecommendationEntryInline(admin.TabularInline):
    model = RecommendationEntry
    extra = 0
    can_delete = False
    fields = ("position", "application", "approved")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RecommendationList)
class RecommendationListAdmin(CheckedInput, admin.ModelAdmin):
    list_display = ("call", "made_at", "made_by", "candidates", "order")
    list_select_related = ("call", "made_by")
    readonly_fields = ("call", "made_at", "made_by", "downloads", "order", "decided_by", "decided_at")
    fields = readonly_fields
    inlines = (RecommendationEntryInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("entries"))

    change_list_template = "admin/mobility/recommendationlist/change_list.html"

    # Nothing is typed in: a list is made from a call's shortlist (``make_view``) and decided by a step.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        may_make = services.may_manage_recommendation_lists(request.user)
        extra_context = {**(extra_context or {}), "make_url": admin_url(self.opts, "make") if may_make else None}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<int:pk>/pdf/<str:language>/", self.admin_site.admin_view(self.pdf_view), name=f"{info}_pdf"),
            path("<int:pk>/decide/", self.admin_site.admin_view(self.decide_view), name=f"{info}_decide"),
            path("make/", self.admin_site.admin_view(self.make_view), name=f"{info}_make"),
            *super().get_urls(),
        ]

    @admin.display(description=_("candidates"))
    def candidates(self, obj):
        return obj.entry_count

    @admin.display(description=_("rector's order"))
    def order(self, obj):
        if not obj.is_decided:
            return gettext("Not recorded yet")
        return gettext("No. %(number)s of %(date)s") % {"number": obj.order_number, "date": date_format(obj.order_date)}

    @admin.display(description=_("document"))
    def downloads(self, obj):
        links = format_html_join(
            " · ",
            '<a href="{}">{}</a>',
            ((admin_url(self.opts, "pdf", obj.pk, language), f"PDF ({name})") for language, name in settings.LANGUAGES),
        )
        if obj.is_decided:  # the step itself checks who may record the decision
            return links
        return format_html(
            '{}<br><a class="button" href="{}">{}</a>',
            links,
            admin_url(self.opts, "decide", obj.pk),
            gettext("Record the rector's decision"),
        )

    # --- steps ----------------------------------------------------------------------------------

    def make_view(self, request):
        """Make a call's list from its shortlist (again, before the rector decides)."""
        if not services.may_manage_recommendation_lists(request.user):
            raise PermissionDenied
        form = MakeListForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                made = services.recommendation_list_make(call=form.cleaned_data["call"], actor=request.user)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, gettext("The recommendation list is made."))
                return redirect(admin_url(self.opts, "change", made.pk))
        return self._step(
            request,
            form,
            title=_("Make the recommendation list"),
            intro=_(
                "The call's shortlisted staff go on the list in ranked order; "
                "print it for the rector, then record the order."
            ),
            submit=_("Make the list"),
            original=None,
        )

    def decide_view(self, request, pk):
        recommendation_list = get_object_or_404(RecommendationList.objects.with_entries(), pk=pk)
        if not services.may_manage_recommendation_lists(request.user) or recommendation_list.is_decided:
            raise PermissionDenied
        form = DecisionForm(request.POST or None, recommendation_list=recommendation_list)
        if request.method == "POST" and form.is_valid():
            try:
                services.recommendation_list_decide(
                    recommendation_list=recommendation_list,
                    actor=request.user,
                    order_number=form.cleaned_data["order_number"],
                    order_date=form.cleaned_data["order_date"],
                    approved=form.cleaned_data["approved"],
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, gettext("The rector's decision is recorded; each candidate is told."))
                return redirect(admin_url(self.opts, "change", recommendation_list.pk))
        return self._step(
            request,
            form,
            title=_("Record the rector's decision"),
            intro=_("The order's number and date, and the candidates it approves."),
            submit=_("Record the decision"),
            original=recommendation_list,
        )

    def pdf_view(self, request, pk, language):
        if language not in dict(settings.LANGUAGES) or not self.has_view_permission(request):
            raise PermissionDenied
        recommendation_list = get_object_or_404(RecommendationList.objects.with_entries(), pk=pk)
        pdf = services.recommendation_list_pdf(recommendation_list, language=language)
        response = HttpResponse(pdf, content_type="application/pdf")
        name = slugify(recommendation_list.call.slug)[:60] or "call"
        response["Content-Disposition"] = f'attachment; filename="recommendation-list-{name}-{language}.pdf"'
        return response

    def _step(self, request, form, *, title, intro, submit, original):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "intro": intro,
            "submit": submit,
            "opts": self.opts,
            "original": original or title,
            "form": form,
            "change_url": admin_url(self.opts, "change", original.pk)
            if original
            else admin_url(self.opts, "changelist"),
            "has_view_permission": True,
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, STEP_TEMPLATE, context)
