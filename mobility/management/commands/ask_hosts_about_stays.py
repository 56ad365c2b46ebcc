"""``manage.py ask_hosts_about_stays``: e-mail hosts to confirm arrivals and departures due in the last days.

Run it once a day from cron, for example::

    30 8 * * *  cd /srv/portal && .venv/bin/python manage.py ask_hosts_about_stays

Each host is asked once per stay and step (the request is in the stay's history), from the
planned day to three days after it; the worker (``manage.py jobs_worker``) sends the e-mails.
A stay whose partner has no contact with an address is left to the office, which finds it under
"arrival not confirmed after start". See ``mobility.services.stays.stays_ask_hosts``.
"""

from django.core.management.base import BaseCommand

from intl_office.dates import today
from mobility.services import stays_ask_hosts


class Command(BaseCommand):
    help = "Ask the hosts, once each, to confirm the arrivals and departures due in the last three days."

    def handle(self, *args, **options):
        asked = stays_ask_hosts(on=today())
        self.stdout.write(self.style.SUCCESS(f"{asked} host request(s) queued; the worker sends them."))
