"""The call admin with the selection steps only mobility can judge: close a call early, publish its results.

Programs sit below mobility and know nothing of applications, so ``programs.admin.CallAdmin`` has
no such buttons; this subclass adds them and takes the registration over (as ``agreements`` does).
Both steps go through ``mobility.services`` and need the right to change calls (Office staff).
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from intl_office.admin_helpers import admin_url, person
from programs.admin import CallAdmin as ProgramsCallAdmin
from programs.models import Call

from .. import services
from .application_steps import ReasonForm, ServiceErrors, ServiceStep, reason_field


class CloseEarlyForm(ReasonForm):
    reason = reason_field(
        _(
            "Shown on the call's public page in every language as you write it; "
            "translate it afterwards on the call's page."
        )
    )


class PublishResultsForm(ServiceErrors, forms.Form):
    pass


class SelectionCallAdmin(ServiceStep, ProgramsCallAdmin):
    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "closed_early", "results_link")

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fields = ["closed_early", "results_link"]
            if obj.is_closed_early:
                # Written once when the call was closed; translated here.
                fields[1:1] = [
                    build_localized_fieldname("closed_early_reason", code) for code, _name in settings.LANGUAGES
                ]
            fieldsets.insert(-1, (_("Selection"), {"fields": fields}))
        return fieldsets

    @admin.display(description=_("closed early"))
    def closed_early(self, obj):
        if not obj.is_closed_early:
            return "—"
        when = date_format(localtime(obj.closed_early_at), "DATETIME_FORMAT")
        return format_html("{} ({}): {}", when, person(obj.closed_early_by), obj.closed_early_reason)

    @admin.display(description=_("results"))
    def results_link(self, obj):
        if not obj.results_published:
            return _("Not published")
        url = reverse("programs:call-results", kwargs={"slug": obj.slug})
        return format_html('<a href="{}">{}</a>', url, url)

    def get_urls(self):
        steps = [
            path(
                f"<path:object_id>/{name.replace('_', '-')}/",
                self.admin_site.admin_view(getattr(self, f"{name}_view")),
                name=f"{self.opts.app_label}_{self.opts.model_name}_{name}",
            )
            for name in ("close_early", "publish_results")
        ]
        return [*steps, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        call = self.get_object(request, unquote(object_id)) if object_id else None
        if call is not None and self.has_change_permission(request, call):
            steps = []
            if not call.is_closed_early and call.status != Call.Status.CLOSED:
                steps.append((admin_url(self.opts, "close_early", call.pk), gettext("Close early")))
            if not call.results_published and services.call_results_final(call):
                steps.append((admin_url(self.opts, "publish_results", call.pk), gettext("Publish the results")))
            extra_context["selection_steps"] = steps
        return super().change_view(request, object_id, form_url, extra_context)

    def close_early_view(self, request, object_id):
        return self.service_step(
            request,
            object_id,
            allowed=lambda user, call: self.has_change_permission(request, call),
            form=lambda call, data: CloseEarlyForm(data),
            run=lambda call, form: services.call_close_early(
                call=call, actor=request.user, reason=form.cleaned_data["reason"]
            ),
            title=_("Close the call early"),
            intro=_(
                "Nobody can apply any more, and the office may decide on the applications at once. "
                "The reason and the time are shown on the call's public page."
            ),
            submit=_("Close the call now"),
            done=gettext("The call is closed; its applications may be decided."),
        )

    def publish_results_view(self, request, object_id):
        return self.service_step(
            request,
            object_id,
            allowed=lambda user, call: self.has_change_permission(request, call),
            form=lambda call, data: PublishResultsForm(data),
            run=lambda call, form: services.call_publish_results(call=call, actor=request.user),
            title=_("Publish the results"),
            intro=_(
                "A public page lists the reference numbers of the call's applications with their outcome: "
                "accepted, on the waiting list with its rank, or not selected. No names."
            ),
            submit=_("Publish the results"),
            done=gettext("The results are published."),
        )


admin.site.unregister(Call)
admin.site.register(Call, SelectionCallAdmin)
