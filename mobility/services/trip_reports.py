"""After the trip: the traveller's report, and the daily reminders before, on and after its deadline.

The report is filed once, by the traveller, from the trip's last day on: what was done, the
agreements reached, the contacts met, and PDF files (each checked by ``intl_office.uploads``). The
deadline (``TripRequest.report_due``) is set when the trip is approved, from the days the office
gives in ``TripChain.report_days``. ``trip_send_report_reminders`` e-mails each threshold once per
trip (a ``TripEvent`` with a unique constraint records it), so the command is safe to run twice.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.uploads import check_pdf, looks_like_pdf, read_upload

from ..models import TripEvent, TripReportFile, TripRequest
from ..trip_emails import queue_reminder_email
from .trips import TripError

Kind = TripEvent.Kind
# The first reminder goes this many days before the deadline.
REMIND_BEFORE_DAYS = 3
MAX_REPORT_FILES = 5


def may_file_report(trip, user, on=None) -> bool:
    on = on or today()
    return bool(trip.traveller_id == user.pk and trip.is_approved and not trip.report_filed and trip.end_date <= on)


def trip_file_report(*, trip, traveller, done, agreements="", contacts="", files=()) -> TripRequest:
    """The traveller's report on an approved trip they are back from; once."""
    done = (done or "").strip()
    if not done:
        raise TripError(_("Say what was done during the trip."), code="done_required")
    files = list(files)
    if len(files) > MAX_REPORT_FILES:
        raise TripError(_("Attach at most %(count)d files.") % {"count": MAX_REPORT_FILES}, code="too_many_files")
    checked = []
    for upload in files:
        content = read_upload(upload)
        if not looks_like_pdf(content):
            raise TripError(_("Each file must be a PDF."), code="not_pdf")
        check_pdf(content)
        checked.append(upload)
    with transaction.atomic():
        locked = TripRequest.objects.select_for_update().get(pk=trip.pk)
        if locked.traveller_id != traveller.pk:
            raise TripError(_("Only the traveller files the trip report."), code="not_traveller")
        if not locked.is_approved:
            raise TripError(_("Only an approved trip has a report."), code="not_approved")
        if locked.report_filed:
            raise TripError(_("The report has already been filed."), code="filed")
        if locked.end_date > today():
            raise TripError(_("The report is filed after the trip's last day."), code="too_early")
        locked.report_done = done
        locked.report_agreements = (agreements or "").strip()
        locked.report_contacts = (contacts or "").strip()
        locked.report_filed_at = timezone.now()
        locked.save()
        for upload in checked:
            upload.seek(0)
            report_file = TripReportFile(trip=locked, original_name=upload.name[:200])
            report_file.file.save(upload.name, upload, save=False)
            report_file.save()
        TripEvent.objects.create(trip=locked, kind=Kind.REPORT_FILED, actor=traveller)
    return locked


def _threshold(trip, on):
    if on < trip.report_due - datetime.timedelta(days=REMIND_BEFORE_DAYS):
        return None
    if on < trip.report_due:
        return Kind.REMINDED_BEFORE
    if on == trip.report_due:
        return Kind.REMINDED_ON
    return Kind.REMINDED_OVERDUE


def trip_send_report_reminders(*, on) -> int:
    """E-mail each traveller whose report is missing at the threshold ``on`` reaches; each once; how many sent."""
    sent = 0
    due = TripRequest.objects.report_missing().filter(report_due__lte=on + datetime.timedelta(days=REMIND_BEFORE_DAYS))
    for trip in due.select_related("traveller").order_by("pk"):
        kind = _threshold(trip, on)
        if kind is None or trip.events.filter(kind=kind).exists():
            continue
        try:
            with transaction.atomic():
                TripEvent.objects.create(trip=trip, kind=kind)
                queue_reminder_email(trip=trip, kind=kind)
        except IntegrityError:
            continue  # another run recorded this threshold first
        sent += 1
    return sent
