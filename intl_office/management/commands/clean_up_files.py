"""``manage.py clean_up_files``: remove the files nobody will ask for again; run daily from cron.

- an import previewed and never confirmed: its file after a day (one whose import waits for its job
  is kept);
- the annual report's XLSX: the rows of files prepared more than ``REPORT_FILE_DAYS`` days ago (and
  of files whose job gave up), whose files then go by the clean-up job of ``intl_office.file_cleanup``;
- a report file no row names (a build whose transaction was rolled back), after a day.

Files of deleted or replaced records need no run of this: their own job deletes them.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from intl_office.import_jobs import remove_stale_imports
from intl_office.models import ReportFile
from intl_office.storage import private_storage

REPORTS_FOLDER = "reports"
ORPHAN_AGE = datetime.timedelta(days=1)


def remove_old_report_files(now) -> int:
    """Delete the rows of report files older than ``REPORT_FILE_DAYS``; their files follow by job."""
    limit = now - datetime.timedelta(days=settings.REPORT_FILE_DAYS)
    removed = 0
    with transaction.atomic():
        for report_file in ReportFile.objects.filter(requested_at__lt=limit):
            report_file.delete()
            removed += 1
    return removed


def remove_orphan_report_files(now) -> int:
    try:
        _folders, names = private_storage.listdir(REPORTS_FOLDER)
    except FileNotFoundError:
        return 0
    named = set(ReportFile.objects.exclude(file="").values_list("file", flat=True))
    removed = 0
    for name in names:
        path = f"{REPORTS_FOLDER}/{name}"
        try:
            if path not in named and private_storage.get_modified_time(path) < now - ORPHAN_AGE:
                private_storage.delete(path)
                removed += 1
        except FileNotFoundError:
            pass  # deleted meanwhile by another host
    return removed


class Command(BaseCommand):
    help = "Remove abandoned import files and old files of the annual report (run daily)."

    def handle(self, *args, **options):
        now = timezone.now()
        imports = remove_stale_imports()
        reports = remove_old_report_files(now)
        orphans = remove_orphan_report_files(now)
        self.stdout.write(
            f"Removed {imports} abandoned import file(s); {reports} old report file(s) go by job; "
            f"{orphans} report file(s) no record named."
        )
