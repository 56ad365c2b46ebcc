"""The annual report's XLSX as a file prepared by a background job (``intl_office.staff.tasks``).

Staff ask for it on the report's page; the page shows it being prepared, then a download that
checks the same right as the report. Asking again while one is being prepared gives that one: the
database allows one file in preparation per period and language.
"""

from django.db import IntegrityError, transaction
from django_tasks import TaskResultStatus

from intl_office.models import ReportFile
from intl_office.staff import reports

from .tasks import build_report_file


def report_file_for(period: reports.Period, *, language: str) -> ReportFile | None:
    """The latest file asked for ``period`` in ``language`` (ready or being prepared), with its job."""
    return (
        ReportFile.objects.filter(kind=period.kind, year=period.year, language=language)
        .select_related("job")
        .order_by("-requested_at", "-pk")
        .first()
    )


def report_file_failed(report_file: ReportFile) -> bool:
    """True when the file's job gave up (shown in Background jobs): asking again starts a new one."""
    job = report_file.job
    return report_file.status == ReportFile.Status.PENDING and job is not None and job.status == TaskResultStatus.FAILED


def report_file_request(*, period: reports.Period, user, language: str) -> ReportFile:
    """Enqueue the XLSX of ``period`` in ``language`` unless one is being prepared; returns the file's row."""
    pending = {"kind": period.kind, "year": period.year, "language": language, "status": ReportFile.Status.PENDING}
    try:
        with transaction.atomic():
            existing = (
                ReportFile.objects.select_for_update(of=("self",)).filter(**pending).select_related("job").first()
            )
            if existing is not None and not report_file_failed(existing):
                return existing
            if existing is not None:
                existing.delete()  # its job gave up (shown in Background jobs): this request starts afresh
            report_file = ReportFile.objects.create(**pending, requested_by=user)
            result = build_report_file.enqueue(report_file_id=report_file.pk)
            ReportFile.objects.filter(pk=report_file.pk).update(job_id=result.id)
            report_file.job_id = result.id
            return report_file
    except IntegrityError:
        # Another request created it between our look and our insert: that one is the file.
        return ReportFile.objects.get(**pending)
