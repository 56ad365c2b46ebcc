"""Files the background jobs work on: an import confirmed past ``IMPORT_BACKGROUND_ROWS`` rows and the report's XLSX.

Models of the ``intl_office`` app, imported by ``intl_office.models``. Both files are private: the
import's rows may name people, the report counts them; each is read only through views that check
who asks. The jobs are in ``intl_office.import_jobs`` and ``intl_office.staff.tasks``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from .storage import get_private_storage


class FileImport(models.Model):
    """An import too long for a request: who confirmed it, which file, how it ended, the rows that failed.

    Its job (``intl_office.import_jobs.run_file_import``) locks the row, imports only while it is
    PENDING and sets the outcome in the same transaction as the rows it writes, so a worker that
    dies after the import and is run again finds it finished and imports nothing twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Nothing imported")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="file_imports",
    )
    model = models.CharField(_("records"), max_length=100, help_text=_("The model imported into, as app.model."))
    resource_path = models.CharField(max_length=200, editable=False)
    original_name = models.CharField(_("file"), max_length=255)
    # The waiting file's name in private storage, kept after the file is gone: confirming it twice is one import.
    upload_name = models.CharField(max_length=255, unique=True, editable=False)
    file = models.FileField(storage=get_private_storage, upload_to="imports/", blank=True, editable=False)
    input_format = models.CharField(_("format"), max_length=10)
    language = models.CharField(_("language"), max_length=10)
    rows = models.PositiveIntegerField(_("rows"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    totals = models.JSONField(_("totals"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    job = models.ForeignKey(DBTaskResult, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("file import")
        verbose_name_plural = _("file imports")
        default_permissions = ("view",)

    def __str__(self):
        return self.original_name

    @property
    def is_finished(self):
        return self.status != self.Status.PENDING


class ReportFile(models.Model):
    """The annual report of one period as an XLSX file, built by a job into private storage."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")

    kind = models.CharField(_("period"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(storage=get_private_storage, upload_to="reports/", blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="report_files"
    )
    language = models.CharField(max_length=10)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    job = models.ForeignKey(DBTaskResult, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports")

    class Meta:
        ordering = ["-requested_at"]
        default_permissions = ()
        constraints = [
            # One file in preparation per period and language: asking twice waits for the same one.
            models.UniqueConstraint(
                fields=["kind", "year", "language"],
                condition=models.Q(status="pending"),
                name="reportfile_one_pending_per_period",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.year}"
