"""``manage.py send_guest_reminders``: remind the office of foreign experts' visa and registration deadlines.

Run it once a day from cron, for example::

    40 8 * * *  cd /srv/portal && .venv/bin/python manage.py send_guest_reminders

The staff member responsible for each guest (else the office's address) gets an e-mail 14, 7, 3 and 1
days before a visa runs out or a registration with the migration authorities is due, while the guest
is still here then. Each threshold is sent once and recorded, so a second run sends nothing; a renewed
date starts its own thresholds. See ``mobility.services.experts_send_reminders``.
"""

from django.core.management.base import BaseCommand

from mobility.services import experts_send_reminders


class Command(BaseCommand):
    help = "E-mail the responsible staff member before foreign experts' visa and registration deadlines, once each."

    def handle(self, *args, **options):
        run = experts_send_reminders()
        for expert, deadline, due_on, days, recipient in run.queued:
            self.stdout.write(f"Queued a reminder to {recipient}: {expert.full_name}, {deadline} {due_on} ({days}).")
        for expert in run.unsent:
            self.stderr.write(f"No address to remind of {expert.full_name}: name a responsible staff member.")
        self.stdout.write(self.style.SUCCESS(f"{len(run.queued)} reminder(s) queued; the worker sends them."))
