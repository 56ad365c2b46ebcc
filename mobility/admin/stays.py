"""The stay in the mobility admin: real dates, transcript, recognised credits, and the steps that record them.

``StayAdmin`` is mixed into ``MobilityAdmin`` (``records.py``). It adds the follow-up filter
("arrival not confirmed after start", "transcript missing after return", "credits not
recognised"), the stay's box and history on a mobility's page, the office's steps (ask the host,
confirm a day, upload the transcript) and the recognition page, where a coordinator of the
student's faculty or Office staff records the credits. Every step calls ``mobility.services.stays``.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import ReadOnlyInline, admin_url
from intl_office.dates import today

from .. import services
from ..models import Mobility, StayEvent, recognised_totals
from ..stay_emails import ARRIVAL, DEPARTURE, stay_link_url
from ..stay_forms import ConfirmDayForm, RecognitionFormSet, TranscriptForm

STEP_TEMPLATE = "admin/mobility/mobility/stay_step.html"
RECOGNITION_TEMPLATE = "admin/mobility/mobility/recognition.html"
ARRIVAL_MISSING, TRANSCRIPT_MISSING, NOT_RECOGNISED = "arrival_missing", "transcript_missing", "not_recognised"


class StayFollowUpFilter(admin.SimpleListFilter):
    """Stays the office has to chase, as the dashboard counts them (``MobilityQuerySet``)."""

    title = _("stay follow-up")
    parameter_name = "stay"

    def lookups(self, request, model_admin):
        return [
            (ARRIVAL_MISSING, _("Arrival not confirmed after start")),
            (TRANSCRIPT_MISSING, _("Transcript missing after return")),
            (NOT_RECOGNISED, _("Credits not recognised")),
        ]

    def queryset(self, request, queryset):
        on = today()
        if self.value() == ARRIVAL_MISSING:
            return queryset.arrival_not_confirmed(on)
        if self.value() == TRANSCRIPT_MISSING:
            return queryset.transcript_missing(on)
        if self.value() == NOT_RECOGNISED:
            return queryset.credits_not_recognised(on)
        return queryset


class StayEventInline(ReadOnlyInline):
    model = StayEvent
    fields = ("created_at", "step", "on", "actor_name", "note")
    readonly_fields = fields
    verbose_name = _("step")
    verbose_name_plural = _("stay history")


class StayAdmin:
    """Mixed into ``MobilityAdmin`` before ``admin.ModelAdmin``."""

    def get_list_filter(self, request):
        return (StayFollowUpFilter, *super().get_list_filter(request))

    def get_inlines(self, request, obj):
        return (*super().get_inlines(request, obj), StayEventInline)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if services.may_manage_stay(request.user):
            for name in ("ask_hosts_arrival", "ask_hosts_departure"):
                actions[name] = self.get_action(name)
        return actions

    @admin.action(description=_("Ask the hosts to confirm the arrival"))
    def ask_hosts_arrival(self, request, queryset):
        self._ask_hosts(request, queryset, ARRIVAL)

    @admin.action(description=_("Ask the hosts to confirm the departure"))
    def ask_hosts_departure(self, request, queryset):
        self._ask_hosts(request, queryset, DEPARTURE)

    def _ask_hosts(self, request, queryset, step):
        asked, refused = 0, []
        for mobility in queryset.select_related("partner"):
            try:
                services.stay_request_host(mobility=mobility, step=step, actor=request.user)
            except ValidationError as error:
                refused.append(f"{mobility.participant_name}: {' '.join(error.messages)}")
            else:
                asked += 1
        if asked:
            text = ngettext("%(count)d host asked by e-mail.", "%(count)d hosts asked by e-mail.", asked)
            messages.success(request, text % {"count": asked})
        for line in refused:
            messages.warning(request, line)

    # --- the mobility's page -----------------------------------------------------------------

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        views = [
            ("<path:object_id>/stay/ask/<slug:step>/", self.ask_view, "stay_ask"),
            ("<path:object_id>/stay/confirm/<slug:step>/", self.confirm_view, "stay_confirm"),
            ("<path:object_id>/stay/transcript/", self.transcript_view, "stay_transcript"),
            ("<path:object_id>/recognition/", self.recognition_view, "recognition"),
        ]
        urls = [path(route, self.admin_site.admin_view(view), name=f"{info}_{name}") for route, view, name in views]
        return [*urls, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        mobility = self.get_object(request, unquote(object_id)) if object_id else None
        if mobility is not None:
            extra_context["stay"] = self._box(request, mobility)
        return super().change_view(request, object_id, form_url, extra_context)

    def _box(self, request, mobility):
        going = Mobility.objects.place_taken().outgoing().filter(pk=mobility.pk).exists()
        manage = going and services.may_manage_stay(request.user)
        info = self.opts
        steps = []
        if manage:
            open_step = DEPARTURE if mobility.arrival_confirmed else ARRIVAL
            if not mobility.departure_confirmed:
                steps = [
                    (admin_url(info, "stay_confirm", mobility.pk, open_step), _confirm_label(open_step)),
                ]
                ask_url = admin_url(info, "stay_ask", mobility.pk, open_step)
                link = stay_link_url(mobility, open_step)
            else:
                ask_url = link = ""
        else:
            ask_url = link = ""
        may_recognise = going and services.may_record_recognition(request.user, mobility)
        return {
            "mobility": mobility,
            "going": going,
            "steps": steps,
            "ask_url": ask_url,
            "host_link": link,
            "transcript_url": (
                reverse("mobility:staff-stay-transcript", kwargs={"pk": mobility.pk}) if mobility.transcript else ""
            ),
            "upload_url": admin_url(info, "stay_transcript", mobility.pk) if manage else "",
            "recognition_url": admin_url(info, "recognition", mobility.pk) if may_recognise else "",
            "recognitions": list(mobility.recognitions.order_by("position", "pk")),
            "totals": recognised_totals(mobility),
        }

    def ask_view(self, request, object_id, step):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        mobility = self._stay_object(request, object_id, _may_manage)
        try:
            email = services.stay_request_host(mobility=mobility, step=step, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, gettext("The host has been asked by e-mail (%(email)s).") % {"email": email})
        return redirect(admin_url(self.opts, "change", mobility.pk))

    def confirm_view(self, request, object_id, step):
        mobility = self._stay_object(request, object_id, _may_manage)
        if step not in (ARRIVAL, DEPARTURE):
            return redirect(admin_url(self.opts, "change", mobility.pk))
        planned = mobility.end_date if step == DEPARTURE else mobility.start_date
        form = ConfirmDayForm(request.POST or None, initial={"on": planned})
        return self._step(
            request,
            mobility,
            form,
            run=lambda data: services.stay_confirm(mobility=mobility, step=step, on=data["on"], actor=request.user),
            title=_confirm_label(step),
            intro=_("The day becomes the mobility's real date in every count and report; the planned one is kept."),
            done=gettext("The day is confirmed and kept in the stay's history."),
        )

    def transcript_view(self, request, object_id):
        mobility = self._stay_object(request, object_id, _may_manage)
        form = TranscriptForm(request.POST or None, request.FILES or None)
        return self._step(
            request,
            mobility,
            form,
            run=lambda data: services.stay_upload_transcript(
                mobility=mobility, upload=data["transcript"], actor=request.user
            ),
            title=_("Upload the transcript of records"),
            intro=_("A PDF; it replaces the transcript kept so far, which stays in the history."),
            done=gettext("The transcript of records is kept."),
        )

    def _stay_object(self, request, object_id, allowed):
        """The mobility ``object_id`` if ``allowed(user, mobility)``; refused (403) otherwise, or when it is missing."""
        mobility = self.get_object(request, unquote(object_id))
        if mobility is None or not allowed(request.user, mobility):
            raise PermissionDenied
        return mobility

    def _step(self, request, mobility, form, *, run, title, intro, done):
        if request.method == "POST" and form.is_valid():
            try:
                run(form.cleaned_data)
            except ValidationError as error:
                field = next(iter(form.fields))
                for message in error.messages:
                    form.add_error(field, message)
            else:
                messages.success(request, done)
                return redirect(admin_url(self.opts, "change", mobility.pk))
        return self._render(request, mobility, STEP_TEMPLATE, {"title": title, "intro": intro, "form": form})

    def recognition_view(self, request, object_id):
        """The home faculty's recognition: per course of the approved learning agreement, or added by hand."""
        mobility = self._stay_object(request, object_id, services.may_record_recognition)
        initial = services.recognition_rows_initial(mobility)
        formset = RecognitionFormSet(request.POST or None, initial=initial, prefix="rows")
        error = None
        if request.method == "POST" and formset.is_valid():
            try:
                services.recognition_record(mobility=mobility, actor=request.user, rows=formset.rows())
            except ValidationError as refusal:
                error = refusal.messages
            else:
                done = gettext("The recognised credits are recorded; the student is told by e-mail.")
                messages.success(request, done)
                return redirect(admin_url(self.opts, "change", mobility.pk))
        context = {
            "title": _("Recognised credits"),
            "formset": formset,
            "service_errors": error,
            "has_agreement": any(row.get("agreement_row") for row in initial),
        }
        return self._render(request, mobility, RECOGNITION_TEMPLATE, context)

    def _render(self, request, mobility, template, context):
        context = {
            **self.admin_site.each_context(request),
            **context,
            "subtitle": str(mobility),
            "opts": self.opts,
            "original": mobility,
            "change_url": admin_url(self.opts, "change", mobility.pk),
            "has_view_permission": True,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, template, context)


def _may_manage(user, mobility):
    return services.may_manage_stay(user)


def _confirm_label(step):
    return _("Confirm the departure") if step == DEPARTURE else _("Confirm the arrival")
