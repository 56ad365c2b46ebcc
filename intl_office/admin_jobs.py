"""Background jobs in the admin: what waits, what failed and why, and "Run again" for Office staff.

Office staff (``intl_office.view_job`` and ``intl_office.rerun_job``, given by migration 0007) and
superusers see the jobs; nobody adds, edits or deletes one. The page shows whom an e-mail is for and
its subject, never its body: a password reset link in it would open the account to whoever reads it.
"""

from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus as Status
from django_tasks_db.models import DBTaskResult, get_date_max

from .admin_helpers import AdminExtraMedia
from .admin_input import CheckedInput
from .jobs import declared
from .models import Job

# django-tasks-db's own page shows every job to anyone with its view right, arguments and all.
admin.site.unregister(DBTaskResult)

WAITING, RETRYING, RUNNING, FAILED, DONE = "waiting", "retrying", "running", "failed", "done"
STATES = {
    WAITING: (_("Waiting"), Q(status=Status.READY, traceback="")),
    RETRYING: (_("Waiting to try again"), Q(status=Status.READY) & ~Q(traceback="")),
    RUNNING: (_("In progress"), Q(status=Status.RUNNING)),
    FAILED: (_("Failed"), Q(status=Status.FAILED)),
    DONE: (_("Done"), Q(status=Status.SUCCESSFUL)),
}


def job_state(job):
    if job.status == Status.READY:
        return RETRYING if job.traceback else WAITING
    return {Status.RUNNING: RUNNING, Status.FAILED: FAILED}.get(job.status, DONE)


def last_error(job):
    """The last line of the job's traceback, which names the error: ``smtplib.SMTPServerDisconnected: ...``."""
    lines = [line for line in job.traceback.splitlines() if line.strip()]
    return lines[-1] if lines else ""


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _condition) in STATES.items()]

    def queryset(self, request, queryset):
        if self.value() in STATES:
            return queryset.filter(STATES[self.value()][1])
        return queryset


@admin.register(Job)
class JobAdmin(AdminExtraMedia, CheckedInput, admin.ModelAdmin):
    list_display = ("kind", "about", "state", "attempts", "next_attempt", "error_summary", "enqueued_at")
    list_filter = (StateFilter,)
    ordering = ("-enqueued_at",)
    fields = ("kind", "about", "state", "attempts", "enqueued_at", "started_at", "finished_at", "next_attempt", "error")
    readonly_fields = fields
    actions = ("run_again",)

    def get_queryset(self, request):
        # Whom an e-mail job writes to, which file an import reads, for the whole page in a query each.
        return super().get_queryset(request).prefetch_related("messages", "imports", "reports")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_rerun_permission(self, request):
        return request.user.has_perm("intl_office.rerun_job")

    @admin.display(description=_("job"))
    def kind(self, job):
        return declared(job.task_path).label or job.task_path

    @admin.display(description=_("about"))
    def about(self, job):
        describe = declared(job.task_path).describe
        return describe(job) if describe else ""

    @admin.display(description=_("state"))
    def state(self, job):
        return STATES[job_state(job)][0]

    @admin.display(description=_("attempts"))
    def attempts(self, job):
        return len(job.worker_ids)

    @admin.display(description=_("next attempt"))
    def next_attempt(self, job):
        if job.status != Status.READY:
            return ""
        return job.enqueued_at if job.run_after == get_date_max() else job.run_after

    @admin.display(description=_("last error"))
    def error_summary(self, job):
        # A traceback's last line may hold a long word (a path, a host): it wraps instead of widening the list.
        return format_html('<span class="io-wrap-anywhere">{}</span>', last_error(job)[:200])

    @admin.display(description=_("error"))
    def error(self, job):
        return format_html("<pre>{}</pre>", job.traceback) if job.traceback else ""

    @admin.action(description=_("Run again now"), permissions=["rerun"])
    def run_again(self, request, queryset):
        """Put failed and waiting jobs back at the head of the queue with their attempts counted afresh."""
        chosen = list(queryset.filter(status__in=[Status.FAILED, Status.READY]).only("pk", "task_path"))
        # Only rows still failed or waiting: a job a worker has just taken is left to it.
        again = DBTaskResult.objects.filter(pk__in=[job.pk for job in chosen], status__in=[Status.FAILED, Status.READY])
        count = again.update(status=Status.READY, run_after=timezone.now(), finished_at=None, worker_ids=[])
        for job in chosen:
            self.log_change(request, job, gettext("Ran again"))
        skipped = queryset.count() - count
        if count:
            self.message_user(
                request,
                ngettext("%(count)d job will run again.", "%(count)d jobs will run again.", count) % {"count": count},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d job was running or done and was left alone.",
                    "%(count)d jobs were running or done and were left alone.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
