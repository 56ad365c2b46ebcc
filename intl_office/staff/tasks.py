"""The staff workspace's background job: the annual report's XLSX, built into private storage.

``report_file_request`` (``intl_office.staff.report_files``) writes the ``ReportFile`` and this job in
one transaction. The job locks its row and builds only while it is being prepared, so a second run
(its worker died after building) finds it ready and builds nothing; once ready, the files of that
period's earlier XLSX go (their rows are deleted, ``intl_office.file_cleanup`` deletes the files).
"""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from intl_office import dates
from intl_office.file_cleanup import STORAGE_RETRY, StorageUnavailable, is_storage_failure
from intl_office.jobs import job
from intl_office.models import ReportFile
from intl_office.staff import reports


def _describe_report(job_row):
    files = list(job_row.reports.all())  # prefetched by the admin
    return f"{files[0].kind} {files[0].year} ({files[0].language})" if files else ""


def report_file_name(period: reports.Period) -> str:
    return f"annual-report-{period.kind}-{period.label.replace('/', '-')}.xlsx"


@job(label=_("Prepare the annual report's XLSX"), retry=STORAGE_RETRY, describe=_describe_report)
def build_report_file(report_file_id: int) -> str:
    with transaction.atomic():
        report_file = ReportFile.objects.select_for_update().filter(pk=report_file_id).first()
        if report_file is None:
            return "gone"
        if report_file.status == ReportFile.Status.READY:
            return "already ready"
        period = reports.Period(report_file.kind, report_file.year)
        now = timezone.now()
        with translation.override(report_file.language):
            workbook = reports.report_workbook(reports.annual_report(period, on=dates.today()), generated_at=now)
        buffer = io.BytesIO()
        workbook.save(buffer)
        try:
            report_file.file.save(report_file_name(period), ContentFile(buffer.getvalue()), save=False)
        except Exception as error:
            if is_storage_failure(error):
                raise StorageUnavailable(f"{type(error).__name__}: {error}") from error
            raise
        report_file.status = ReportFile.Status.READY
        report_file.finished_at = now
        report_file.save()
        # The period's earlier files are out of date: their rows go, and with them (by a job) their files.
        ReportFile.objects.filter(
            kind=report_file.kind,
            year=report_file.year,
            language=report_file.language,
            status=ReportFile.Status.READY,
            requested_at__lt=report_file.requested_at,
        ).delete()
    return "ready"
