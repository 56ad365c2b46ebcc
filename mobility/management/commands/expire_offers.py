"""``manage.py expire_offers``: decline the offers nobody answered by their deadline, and move the waiting list up.

Run it once a day from cron, soon after midnight in the office's time zone, for example::

    10 0 * * *  cd /srv/portal && .venv/bin/python manage.py expire_offers

An offer may be answered until the end of its deadline day; from the next day on this command
declines it for the student and offers the place to the best-ranked application on the call's
waiting list (``mobility.services.offers_expire``). Running it twice, or two at once, declines and
promotes nothing twice; the e-mails leave with the jobs worker.
"""

from django.core.management.base import BaseCommand

from mobility.services import offers_expire


class Command(BaseCommand):
    help = "Decline offers unanswered after their deadline and offer each freed place to the waiting list."

    def handle(self, *args, **options):
        expired = offers_expire()
        for application in expired:
            self.stdout.write(
                f"Declined {application.reference or application.pk} (no answer by {application.offer_deadline})."
            )
        self.stdout.write(self.style.SUCCESS(f"{len(expired)} offer(s) expired; the worker sends the e-mails."))
