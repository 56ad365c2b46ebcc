"""``manage.py notify_expiring_agreements``: e-mail staff 90, 30 and 7 days before an agreement expires.

Run it once a day from cron, for example::

    15 8 * * *  cd /srv/portal && .venv/bin/python manage.py notify_expiring_agreements

Each reminder is recorded, with the job that e-mails it, so running it twice (or missing a day) sends
nothing twice; the worker (``manage.py jobs_worker``) sends it, and tries again while the mail server
is down. See ``partners.services.agreement_send_expiry_reminders`` for who gets what. The link to the
agreement in the admin starts with the ``SITE_URL`` setting, as every link in the portal's e-mail does.
The command exits with an error when a reminder is due but has nobody to go to, so that cron reports it.
"""

from django.core.management.base import BaseCommand, CommandError

from intl_office.mail import site_url
from partners.services import agreement_send_expiry_reminders


class Command(BaseCommand):
    help = "E-mail the responsible staff member of each agreement 90, 30 and 7 days before it expires, once each."

    def add_arguments(self, parser):
        # Kept so that crontab lines written for earlier versions still run; SITE_URL is the one source now.
        parser.add_argument(
            "--base-url",
            help="Deprecated and ignored: links in the e-mails start with the SITE_URL setting.",
        )

    def handle(self, *args, **options):
        if options["base_url"] is not None:
            self.stderr.write(
                f"--base-url is deprecated and ignored: links start with the SITE_URL setting ({site_url()}). "
                "Remove the option from the crontab."
            )
        result = agreement_send_expiry_reminders()
        for reminder in result.queued:
            self.stdout.write(
                f"Queued the {reminder.days_before}-day reminder for “{reminder.agreement}” "
                f"(valid until {reminder.valid_until.isoformat()}) to {reminder.sent_to}."
            )
        for agreement, reason in result.unsent:
            self.stderr.write(
                f"Not sent for “{agreement}” (valid until {agreement.valid_until.isoformat()}): {reason}."
            )
        self.stdout.write(self.style.SUCCESS(f"{len(result.queued)} reminder(s) queued; the worker sends them."))
        if result.unsent:
            raise CommandError(f"{len(result.unsent)} reminder(s) could not be sent; the next run tries again.")
