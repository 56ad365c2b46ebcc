"""The fairness rules on an application's admin page: read-only once submitted, correct, reopen, archive, no delete.

Once submitted, what the student entered and the hosts they chose are read-only; a correction is
its own page with a reason (``services.application_correct``). A decided application is reopened
by Office staff only (``services.application_reopen``). Nothing that reached the office is deleted:
the delete button and the bulk delete leave those out, and staff archive them instead
(``services.application_archive``); the archived ones leave the list unless the filter asks.
"""

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import admin_url

from .. import services
from .application_steps import ArchiveForm, CorrectionForm, ReopenForm, ServiceStep


class ArchivedFilter(admin.SimpleListFilter):
    """Archived applications are out of the list unless asked for."""

    title = _("archived")
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("yes", _("Archived")), ("all", _("All, archived too"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Not archived"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.archived()
        if self.value() == "all":
            return queryset
        return queryset.not_archived()


@admin.action(description=_("Delete the selected drafts"), permissions=["delete"])
def delete_drafts(modeladmin, request, queryset):
    """Django's bulk delete, for the selected applications that never reached the office; the others are named."""
    deletable = queryset.deletable()
    kept_count = queryset.count() - deletable.count()
    if kept_count and request.POST.get("post") != "yes":
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d selected application reached the office and is kept: archive it instead.",
                "%(count)d selected applications reached the office and are kept: archive them instead.",
                kept_count,
            )
            % {"count": kept_count},
            messages.WARNING,
        )
    if not deletable.exists():
        return None
    return delete_selected(modeladmin, request, deletable)


class ApplicationSelectionAdmin(ServiceStep):
    """Mixin of ``ApplicationAdmin``: read-only submitted data, the correct/reopen/archive pages, no delete."""

    def get_urls(self):
        steps = [
            path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(getattr(self, f"{name}_view")),
                name=f"{self.opts.app_label}_{self.opts.model_name}_{name}",
            )
            for name in ("correct", "reopen", "archive")
        ]
        return [*steps, *super().get_urls()]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and not obj.is_draft:
            # Submitted: the student's data is theirs; a correction is its own step, with a reason.
            return (*fields, *(name for name in services.CORRECTABLE_FIELDS if name not in fields))
        return fields

    # Not has_delete_permission(obj): the user admin asks it of a student's applications when deleting the
    # account, and its "protected objects" page names the decided ones that stand in the way.
    def delete_view(self, request, object_id, extra_context=None):
        application = self.get_object(request, unquote(object_id))
        if application is not None and not application.is_deletable:
            raise PermissionDenied
        return super().delete_view(request, object_id, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_object(request, unquote(object_id)) if object_id else None
        if application is not None and not application.is_deletable:
            extra_context = {**(extra_context or {}), "show_delete": False}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            del actions["delete_selected"]
            actions["delete_selected"] = (delete_drafts, "delete_selected", delete_drafts.short_description)
        return actions

    def selection_steps(self, request, application):
        """The step pages the user may open for ``application``, as ``(url, label)``."""
        steps = []
        if not application.is_draft and services.may_correct(request.user, application):
            steps.append((admin_url(self.opts, "correct", application.pk), gettext("Correct the student's data")))
        if application.status in services.DECISIONS and services.may_reopen(request.user):
            steps.append((admin_url(self.opts, "reopen", application.pk), gettext("Reopen the decision")))
        if not (application.is_draft or application.is_archived) and services.may_archive(request.user):
            steps.append((admin_url(self.opts, "archive", application.pk), gettext("Archive")))
        return steps

    def correct_view(self, request, object_id):
        def run(application, form):
            fields, hosts = form.corrections()
            services.application_correct(
                application=application,
                actor=request.user,
                fields=fields,
                hosts=hosts,
                reason=form.cleaned_data["reason"],
            )

        return self.service_step(
            request,
            object_id,
            allowed=lambda user, application: not application.is_draft and services.may_correct(user, application),
            form=lambda application, data: CorrectionForm(data, instance=application, user=request.user),
            run=run,
            title=_("Correct the student's data"),
            intro=_("The history keeps each field's old and new value with your reason. The student is not e-mailed."),
            submit=_("Save the correction"),
            done=gettext("The correction is saved in the history."),
        )

    def reopen_view(self, request, object_id):
        return self.service_step(
            request,
            object_id,
            allowed=lambda user, application: services.may_reopen(user),
            form=lambda application, data: ReopenForm(data),
            run=lambda application, form: services.application_reopen(
                application=application, actor=request.user, reason=form.cleaned_data["reason"]
            ),
            title=_("Reopen the decision"),
            intro=_(
                "The application goes back to the status it was decided from. An acceptance's mobility is "
                "cancelled, a published results list of the call is withdrawn, and the student is told by e-mail."
            ),
            submit=_("Reopen the decision"),
            done=gettext("The decision is reopened; the student is told by e-mail."),
        )

    def archive_view(self, request, object_id):
        return self.service_step(
            request,
            object_id,
            allowed=lambda user, application: services.may_archive(user),
            form=lambda application, data: ArchiveForm(data),
            run=lambda application, form: services.application_archive(
                application=application, actor=request.user, reason=form.cleaned_data["reason"]
            ),
            title=_("Archive the application"),
            intro=_("Nothing is deleted: the application and its history stay, out of the default lists."),
            submit=_("Archive"),
            done=gettext("The application is archived."),
        )
