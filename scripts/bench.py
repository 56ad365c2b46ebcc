"""Benchmark the public pages: median and 95th-percentile time and query count per page.

    make bench                     # SQLite in a temporary folder
    DATABASE_URL=postgres://... make bench

It builds a throw-away database, loads the demo, adds ``--extra-partners`` more
institutions with agreements so lists are long, then requests every public page
``--repeat`` times through Django's test client (no network, no server: the figures
are the application's own time, views, templates and queries included).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--extra-partners", type=int, default=1000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="intl-office-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "intl_office.settings"
    os.environ["DEBUG"] = "True"  # the demo loads only with DEBUG on; queries are counted below
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["PRIVATE_MEDIA_ROOT"] = str(workdir / "private")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    engine = connection.vendor
    if engine == "postgresql":
        # Never touch a real database: work in a fresh one on the same server.
        from django.test.utils import get_runner

        runner = get_runner(settings)(verbosity=0, interactive=False)
        old_config = runner.setup_databases()
    else:
        old_config = None
    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("seed_demo", "--force", verbosity=0)
        grow(args.extra_partners)
        print(f"database: {engine}; setup {time.perf_counter() - started:.1f} s", file=sys.stderr)
        report(Client(), args.repeat, CaptureQueriesContext, connection)
    finally:
        if old_config is not None:
            runner.teardown_databases(old_config)


def grow(count):
    """``count`` more partners in 40 countries, each with an agreement in force."""
    import datetime

    from partners.models import Agreement, Institution

    countries = ["TR", "RU", "CN", "KR", "DE", "FR", "IT", "PL", "HU", "KZ", "MY", "IN", "JP", "GB", "US", "ES",
                 "LT", "LV", "BY", "AZ", "KG", "TJ", "EG", "IR", "PK", "ID", "TH", "VN", "CZ", "SK", "RO", "BG",
                 "GR", "PT", "NL", "BE", "AT", "CH", "SE", "FI"]  # fmt: skip
    today = datetime.date.today()
    institutions = Institution.objects.bulk_create(
        Institution(
            name=f"Benchmark University {n}",
            name_en=f"Benchmark University {n}",
            slug=f"benchmark-university-{n}",
            country=countries[n % len(countries)],
            city="City",
        )
        for n in range(count)
    )
    Agreement.objects.bulk_create(
        Agreement(
            partner=institution,
            title=f"Memorandum {institution.pk}",
            title_en=f"Memorandum {institution.pk}",
            signed_on=today - datetime.timedelta(days=400),
            valid_until=today + datetime.timedelta(days=700),
        )
        for institution in institutions
    )


def report(client, repeat, capture, connection):
    from mobility.models import Visit
    from partners.models import Institution
    from programs.models import Call, GrantProgram, Project

    shandong = Institution.objects.get(name="Shandong Jianshu University")
    pages = {
        "home": "/",
        "partners": "/partners/",
        "partners?country=CN": "/partners/?country=CN",
        "partners?q=university&page=3": "/partners/?q=university&page=3",
        "partner detail": shandong.get_absolute_url(),
        "partners data.csv": "/partners/data.csv",
        "partners data.json": "/partners/data.json",
        "programmes": "/programs/",
        "programme detail": GrantProgram.objects.get(slug="erasmus-plus-cbhe").get_absolute_url(),
        "project detail": Project.objects.first().get_absolute_url(),
        "joint programmes": "/joint-programmes/",
        "calls": "/calls/",
        "call detail": Call.objects.open().first().get_absolute_url(),
        "visits": "/visits/",
        "visit detail": Visit.objects.get(start_date="2024-12-03").get_absolute_url(),
        "statistics": "/statistics/",
        "about": "/about/",
        "uz home": "/uz/",
        "ru partners": "/ru/partners/",
        "sitemap.xml (cached)": "/sitemap.xml",
        "sitemap.xml (cold)": "/sitemap.xml?cold",
    }
    from django.db import reset_queries

    print(f"{'page':<30} {'status':>6} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    for name, url in pages.items():
        reset_queries()  # the log holds at most 9,000 queries and the set-up filled it
        with capture(connection) as queries:
            response = fetch(client, url)
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            fetch(client, url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(f"{name:<30} {response.status_code:>6} {len(queries):>7} {statistics.median(timings):>10.1f} {p95:>8.1f}")


def fetch(client, url):
    """The whole response, streamed bodies (the CSV exports) included; "?cold" empties the cache first."""
    from django.core.cache import cache

    if url.endswith("?cold"):
        cache.clear()
        url = url.removesuffix("?cold")
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


if __name__ == "__main__":
    main()
