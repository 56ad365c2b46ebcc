"""``manage.py send_checklist_reminders``: remind students of pre-departure checklist items due soon or overdue.

Run it once a day from cron, for example::

    30 8 * * *  cd /srv/portal && .venv/bin/python manage.py send_checklist_reminders

Each student gets at most one e-mail a day, in their language, naming the items due within a
week or overdue and not accepted; an item is not named again within three days. The items named
are marked in the transaction that queues the e-mail, so a second run the same day sends
nothing; the jobs worker sends the e-mail. See ``mobility.services.checklist_send_reminders``.
"""

from django.core.management.base import BaseCommand

from mobility.services import checklist_send_reminders


class Command(BaseCommand):
    help = "E-mail students about pre-departure checklist items due within a week or overdue, once a day at most."

    def handle(self, *args, **options):
        run = checklist_send_reminders()
        for email, titles in run.queued:
            self.stdout.write(f"Queued a reminder to {email}: {', '.join(titles)}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(run.queued)} reminder(s) queued, {run.skipped} student(s) already reminded today; "
                "the worker sends them."
            )
        )
