"""``manage.py send_trip_report_reminders``: remind travellers of the trip report before, on and after its deadline.

Run it once a day from cron, for example::

    40 8 * * *  cd /srv/portal && .venv/bin/python manage.py send_trip_report_reminders

Each trip whose report is missing gets one e-mail per threshold, in the traveller's language:
three days before the deadline, on it, and once overdue. Each is recorded in the trip's history
in the transaction that queues it, so a second run sends nothing. See
``mobility.services.trip_send_report_reminders``.
"""

from django.core.management.base import BaseCommand

from intl_office.dates import today
from mobility.services import trip_send_report_reminders


class Command(BaseCommand):
    help = "E-mail travellers whose trip report is due in three days, due today or overdue; each threshold once."

    def handle(self, *args, **options):
        sent = trip_send_report_reminders(on=today())
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder(s) queued; the worker sends them."))
