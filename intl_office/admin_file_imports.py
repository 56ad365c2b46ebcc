"""Imports written by a background job, in the admin: their page shows how each one goes and ends.

The person who confirmed an import sees it (the admin sends them to its page, the e-mail links it);
superusers and whoever holds ``intl_office.view_fileimport`` see every one. Nobody adds, edits or
deletes one by hand. While an import waits or runs its page reloads itself every few seconds with a
``<meta http-equiv="refresh">``: the Content-Security-Policy allows no inline script.
"""

from django.apps import apps
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus

from .admin_input import CheckedInput
from .admin_jobs import last_error
from .import_jobs import ERRORS_SHOWN
from .models import FileImport

SEE_ALL = "intl_office.view_fileimport"
REFRESH_SECONDS = 5


def import_state(file_import):
    """What the person waiting reads: waiting, in progress, stopped by an error, or how it ended."""
    if file_import.is_finished:
        return file_import.get_status_display()
    job = file_import.job
    if job is not None and job.status == TaskResultStatus.FAILED:
        return gettext("Stopped by an error: nothing was imported yet")
    if job is not None and job.status == TaskResultStatus.RUNNING:
        return gettext("Being imported")
    return gettext("Waiting for its turn")


@admin.register(FileImport)
class FileImportAdmin(CheckedInput, admin.ModelAdmin):
    list_display = ("original_name", "records", "rows", "state", "user", "created_at")
    list_filter = ("status",)
    list_select_related = ("user", "job")
    fields = ("original_name", "records", "user", "rows", "state", "outcome", "job_error", "created_at", "finished_at")
    readonly_fields = fields
    change_form_template = "admin/intl_office/fileimport/change_form.html"

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user", "job")
        if request.user.is_superuser or request.user.has_perm(SEE_ALL):
            return queryset
        return queryset.filter(user=request.user)

    def has_view_permission(self, request, obj=None):
        if request.user.is_superuser or request.user.has_perm(SEE_ALL):
            return True
        # Everybody else sees their own imports only; get_queryset gives them no other.
        return request.user.is_staff and (obj is None or obj.user_id == request.user.pk)

    def has_module_permission(self, request):
        return request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        # Only what is known: no outcome while it waits, no error unless its job stopped on one.
        hidden = set()
        if obj is not None and not obj.is_finished:
            hidden.add("outcome")
        if obj is not None and not self.job_error(obj):
            hidden.add("job_error")
        return [name for name in self.fields if name not in hidden]

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and not obj.is_finished:
            context["refresh_seconds"] = REFRESH_SECONDS
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @admin.display(description=_("records"))
    def records(self, file_import):
        try:
            return apps.get_model(file_import.model)._meta.verbose_name_plural
        except LookupError:
            return file_import.model

    @admin.display(description=_("state"))
    def state(self, file_import):
        return import_state(file_import)

    @admin.display(description=_("outcome"))
    def outcome(self, file_import):
        if not file_import.is_finished:
            return ""
        totals = file_import.totals
        summary = gettext("%(new)d new, %(updated)d updated, %(skipped)d unchanged.") % {
            "new": totals.get("new", 0),
            "updated": totals.get("update", 0),
            "skipped": totals.get("skip", 0),
        }
        if not file_import.errors:
            return summary
        shown = file_import.errors[:ERRORS_SHOWN]
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td></tr>",
            (
                (
                    gettext("Row %(row)d") % {"row": error["row"]} if error["row"] else gettext("The file"),
                    "; ".join(error["messages"]),
                )
                for error in shown
            ),
        )
        left = len(file_import.errors) - len(shown)
        more = (
            ngettext("… and %(count)d more row.", "… and %(count)d more rows.", left) % {"count": left} if left else ""
        )
        return format_html(
            "<p>{}</p><table class='import-errors'><thead><tr><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table><p>{}</p>",
            gettext(
                "Nothing was imported: a file is imported whole or not at all. Correct these rows and import it again."
            ),
            gettext("Row"),
            gettext("What is wrong"),
            rows,
            more,
        )

    @admin.display(description=_("error"))
    def job_error(self, file_import):
        """Why the job stopped, if it did; Office staff run it again from Background jobs."""
        job = file_import.job
        if file_import.is_finished or job is None or not job.traceback:
            return ""
        return last_error(job)
