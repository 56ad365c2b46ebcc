"""Pre-departure checklists in the admin: the programmes' lists, and each mobility's checklist to answer.

Staff configure a programme's items on the programme's page (an inline this app adds to the
programme admin by re-registering a subclass: ``programs`` knows nothing of mobility) or in
"Checklist items of programmes", where the default list (no programme) lives too. On a
mobility's page, the checklist box lists its items with their files and history; Office staff
accept an item, send it back with a comment, add or remove one, each through
``mobility.services``. A faculty coordinator reads the box of their own faculty's mobilities.
The mobility changelist filters by checklist: complete, incomplete, incomplete and leaving soon.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from intl_office.admin_helpers import CompactTextareas, admin_url
from intl_office.admin_input import CheckedInput
from intl_office.dates import today
from programs.admin import GrantProgramAdmin as ProgramsGrantProgramAdmin
from programs.models import GrantProgram

from .. import services
from ..checklist_forms import ChecklistAddForm, ChecklistAnswerForm
from ..models import ChecklistTemplateItem, Mobility, MobilityChecklist
from ..models.checklists import DEPARTING_SOON_DAYS, LEAVING_SOON
from .records import MobilityAdmin as RecordsMobilityAdmin

COMPLETE, INCOMPLETE = "complete", "incomplete"
ACCEPT, RETURN, REMOVE = "accept", "return", "remove"


class ChecklistTemplateItemInline(CompactTextareas, TranslationStackedInline):
    model = ChecklistTemplateItem
    extra = 0
    fields = ("position", "title", "instructions", "requires_file", "due_days_before")
    verbose_name = _("pre-departure checklist item")
    verbose_name_plural = _("pre-departure checklist")


class GrantProgramAdmin(ProgramsGrantProgramAdmin):
    inlines = (*ProgramsGrantProgramAdmin.inlines, ChecklistTemplateItemInline)


admin.site.unregister(GrantProgram)
admin.site.register(GrantProgram, GrantProgramAdmin)


class DefaultListFilter(admin.SimpleListFilter):
    title = _("programme")
    parameter_name = "list"

    def lookups(self, request, model_admin):
        return [("default", _("Default list (no programme)"))]

    def queryset(self, request, queryset):
        return queryset.filter(program__isnull=True) if self.value() == "default" else queryset


@admin.register(ChecklistTemplateItem)
class ChecklistTemplateItemAdmin(CheckedInput, CompactTextareas, TranslationAdmin):
    list_display = ("title", "program", "requires_file", "due_days_before", "position")
    list_filter = (DefaultListFilter, "program", "requires_file")
    list_editable = ("position",)
    list_select_related = ("program",)
    search_fields = ("title",)
    autocomplete_fields = ("program",)
    fields = ("program", "title", "instructions", "requires_file", "due_days_before", "position")


class ChecklistFilter(admin.SimpleListFilter):
    """Mobilities by their pre-departure checklist (``Mobility.objects.checklist_complete`` / ``_incomplete``)."""

    title = _("checklist")
    parameter_name = "checklist"

    def lookups(self, request, model_admin):
        return [
            (COMPLETE, _("Complete")),
            (INCOMPLETE, _("Incomplete before departure")),
            (LEAVING_SOON, _("Incomplete, leaving within %(days)s days") % {"days": DEPARTING_SOON_DAYS}),
        ]

    def queryset(self, request, queryset):
        if self.value() == COMPLETE:
            return queryset.filter(pk__in=Mobility.objects.checklist_complete().values("pk"))
        if self.value() == INCOMPLETE:
            return queryset.filter(pk__in=Mobility.objects.checklist_incomplete(today()).values("pk"))
        if self.value() == LEAVING_SOON:
            soon = Mobility.objects.checklist_incomplete(today(), departing_within=DEPARTING_SOON_DAYS)
            return queryset.filter(pk__in=soon.values("pk"))
        return queryset


class MobilityAdmin(RecordsMobilityAdmin):
    list_filter = (ChecklistFilter, *RecordsMobilityAdmin.list_filter)
    change_form_template = "admin/mobility/mobility/checklist_change_form.html"

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        urls = [
            path(
                "<path:object_id>/checklist/<int:item_pk>/<str:action>/",
                self.admin_site.admin_view(self.checklist_item_view),
                name=f"{name}_checklist_item",
            ),
            path(
                "<path:object_id>/checklist/add/",
                self.admin_site.admin_view(self.checklist_add_view),
                name=f"{name}_checklist_add",
            ),
        ]
        return [*urls, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        mobility = self.get_object(request, unquote(object_id)) if object_id else None
        if mobility is not None:
            extra_context["checklist_box"] = self._checklist_box(request, mobility)
        return super().change_view(request, object_id, form_url, extra_context)

    def _visible_checklist(self, request, mobility):
        """The mobility's checklist, started if it takes one, when ``request.user`` may read it; else None."""
        if not services.may_read_checklist(request.user, mobility):
            return None
        if not Mobility.objects.taking_checklists().filter(pk=mobility.pk).exists():
            return None
        return services.mobility_checklist_start(mobility=mobility)

    def _checklist_box(self, request, mobility):
        checklist = self._visible_checklist(request, mobility)
        if checklist is None:
            return None
        may_manage = services.may_manage_checklist(request.user)
        items = list(checklist.items.select_related("decided_by").order_by("position", "pk"))
        on = today()
        for item in items:
            item.due = item.due_date(mobility.start_date)
            item.overdue = not item.is_done and item.due < on
            item.file_url = (
                reverse("mobility:staff-checklist-item-file", kwargs={"item_pk": item.pk}) if item.file else ""
            )
            item.actions = (
                {
                    action: admin_url(self.opts, "checklist_item", mobility.pk, item.pk, action)
                    for action in (ACCEPT, RETURN, REMOVE)
                }
                if may_manage
                else {}
            )
        return {
            "items": items,
            "done": sum(1 for item in items if item.is_done),
            "may_manage": may_manage,
            "answer_form": ChecklistAnswerForm() if may_manage else None,
            "add_form": ChecklistAddForm() if may_manage else None,
            "add_url": admin_url(self.opts, "checklist_add", mobility.pk) if may_manage else "",
            "events": checklist.events.order_by("-created_at", "-pk")[:100],
        }

    def _managed_checklist(self, request, object_id):
        if request.method != "POST":
            return None, HttpResponseNotAllowed(["POST"])
        mobility = self.get_object(request, unquote(object_id))
        if mobility is None:
            return None, self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not services.may_manage_checklist(request.user):
            raise PermissionDenied
        checklist = MobilityChecklist.objects.filter(mobility=mobility).first()
        if checklist is None:
            raise Http404
        return checklist, None

    def checklist_item_view(self, request, object_id, item_pk, action):
        """Accept, send back or remove one item of the mobility's checklist."""
        checklist, response = self._managed_checklist(request, object_id)
        if response is not None:
            return response
        item = checklist.items.filter(pk=item_pk).first()
        if item is None or action not in (ACCEPT, RETURN, REMOVE):
            raise Http404
        form = ChecklistAnswerForm(request.POST)
        change_url = admin_url(self.opts, "change", checklist.mobility_id) + "#checklist"
        if not form.is_valid():
            self._report(request, [error for errors in form.errors.values() for error in errors])
            return redirect(change_url)
        comment = form.cleaned_data["comment"]
        try:
            if action == ACCEPT:
                services.checklist_item_accept(item=item, actor=request.user, comment=comment)
                done = gettext("“%(item)s” accepted.")
            elif action == RETURN:
                services.checklist_item_return(item=item, actor=request.user, comment=comment)
                done = gettext("“%(item)s” sent back; the student is told by e-mail.")
            else:
                services.checklist_item_remove(item=item, actor=request.user)
                done = gettext("“%(item)s” removed from this checklist.")
        except ValidationError as error:
            self._report(request, error.messages)
        else:
            messages.success(request, done % {"item": item.title})
        return redirect(change_url)

    def checklist_add_view(self, request, object_id):
        """Add an item to this mobility's checklist only."""
        checklist, response = self._managed_checklist(request, object_id)
        if response is not None:
            return response
        change_url = admin_url(self.opts, "change", checklist.mobility_id) + "#checklist"
        form = ChecklistAddForm(request.POST)
        if not form.is_valid():
            self._report(
                request,
                [f"{form.fields[name].label}: {error}" for name, errors in form.errors.items() for error in errors],
            )
            return redirect(change_url)
        try:
            item = services.checklist_item_add(checklist=checklist, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            self._report(request, error.messages)
        else:
            messages.success(request, gettext("“%(item)s” added to this checklist.") % {"item": item.title})
        return redirect(change_url)

    def _report(self, request, errors):
        for error in errors:
            messages.error(request, error)


admin.site.unregister(Mobility)
admin.site.register(Mobility, MobilityAdmin)
