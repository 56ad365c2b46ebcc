"""``manage.py notify_expiring_agreements``: e-mail staff 90, 30 and 7 days before an agreement expires.

Run it once a day from cron, for example::

    15 8 * * *  cd /srv/portal && .venv/bin/python manage.py notify_expiring_agreements \
        --base-url https://international.example.uz

Each reminder is recorded, so running it twice (or missing a day) sends nothing twice; see
``partners.services.agreement_send_expiry_reminders`` for who gets what. ``--base-url`` is
the portal's public address, used for the link to the agreement in the admin; it defaults
to the development server, http://127.0.0.1:8000. The command exits with an error when a
reminder is due but could not be sent (no address, or the mail server refused), so that
cron reports it.
"""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from partners.services import DEFAULT_BASE_URL, agreement_send_expiry_reminders


def base_url(value):
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(value)
    return value.rstrip("/")


class Command(BaseCommand):
    help = "E-mail the responsible staff member of each agreement 90, 30 and 7 days before it expires, once each."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            type=base_url,
            default=DEFAULT_BASE_URL,
            help=f"The portal's address for the links in the e-mails, like https://portal.example.org "
            f"(default: {DEFAULT_BASE_URL}).",
        )

    def handle(self, *args, **options):
        result = agreement_send_expiry_reminders(base_url=options["base_url"])
        for reminder in result.sent:
            self.stdout.write(
                f"Sent the {reminder.days_before}-day reminder for “{reminder.agreement}” "
                f"(valid until {reminder.valid_until.isoformat()}) to {reminder.sent_to}."
            )
        for agreement, reason in result.unsent:
            self.stderr.write(
                f"Not sent for “{agreement}” (valid until {agreement.valid_until.isoformat()}): {reason}."
            )
        self.stdout.write(self.style.SUCCESS(f"{len(result.sent)} reminder(s) sent."))
        if result.unsent:
            raise CommandError(f"{len(result.unsent)} reminder(s) could not be sent; the next run tries again.")
