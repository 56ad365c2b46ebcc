"""``manage.py seed_demo``: load the demo international office; running it twice changes nothing."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intl_office.demo import profiles
from intl_office.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load demo data drawn from real international office pages: partners, agreements, programmes, projects, "
        "calls, mobility and visits, for one seed office (--profile). Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--profile",
            choices=sorted(profiles.PROFILES),
            default=profiles.DEFAULT,
            help=(
                "Which seed office the demo shows as its home institution, with only that seed's facts: "
                "jizpi (Jizzakh Polytechnic Institute), jspu (Jizzakh State Pedagogical University) or tict "
                "(Tashkent Institute of Chemical Technology). Loading another profile replaces the first one's "
                f"facts. Default: {profiles.DEFAULT}."
            ),
        )
        parser.add_argument(
            "--force", action="store_true", help="Load the demo even with DEBUG off (a staging server, say)."
        )

    def handle(self, *args, **options):
        # Demo partners and agreements on a production database would be published to visitors.
        if not settings.DEBUG and not options["force"]:
            raise CommandError("DEBUG is off: this looks like production. Pass --force to load demo data anyway.")
        started = time.perf_counter()
        result = load_demo(profile=options["profile"])
        seconds = time.perf_counter() - started
        created, updated, deleted, links = (
            sum(counter.values()) for counter in (result.created, result.updated, result.deleted, result.links)
        )
        if result.changes:
            summary = f"{created} rows created, {updated} updated, {deleted} deleted, {links} link sets replaced"
        else:
            summary = "already up to date, nothing changed"
        self.stdout.write(self.style.SUCCESS(f"Demo data ({options['profile']}) loaded in {seconds:.1f} s: {summary}."))
        if options["verbosity"] >= 1:
            width = max(len(name) for name in result.totals)
            for name, total in result.totals.items():
                changes = [
                    f"{counter[name]} {label}"
                    for counter, label in (
                        (result.created, "new"),
                        (result.updated, "updated"),
                        (result.deleted, "deleted"),
                    )
                    if counter[name]
                ]
                self.stdout.write(f"  {name:<{width}} {total:>5}" + (f"  ({', '.join(changes)})" if changes else ""))
