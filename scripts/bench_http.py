"""Load-test the public pages over HTTP: gunicorn (DEBUG off, 2 sync workers) driven by wrk.

    make bench-http                     # SQLite in a temporary folder
    DATABASE_URL=postgres://... make bench-http   # a throw-away database on that server

For the demo data (plus 1,100 partners with an agreement each, as `make bench` adds) and for
ten times that (partners, their agreements and the mobility records copied nine more times),
it serves the portal with gunicorn on 127.0.0.1 and
runs ``wrk`` (Debian's; ``apt-get install wrk`` when missing) at 8 connections for ``--seconds``
per page, three times: with the page cache on (each page fetched once before, so it is stored),
*uncached*: with it off (``PUBLIC_PAGE_CACHE=False``: every request renders, as a URL not in the
cache does, while the fragments many URLs share stay cached), and *cold*: with the fragment cache
off too (``PUBLIC_FRAGMENT_CACHE=False``: everything is computed, as right after an edit).
Each row gives req/s, p99 and the ratio of its req/s to ``/robots.txt`` measured on the same
server in the same run: robots.txt is the trivial view (no query, no template, a few lines of
text through the same middleware).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
TRIVIAL = "/robots.txt"
EXTRA_PARTNERS = 1100
# (name, PUBLIC_PAGE_CACHE, PUBLIC_FRAGMENT_CACHE)
MODES = (("cached", "True", "True"), ("uncached", "False", "True"), ("cold", "False", "False"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--factors", default="1,10", help="data sizes, in multiples of the demo")
    parser.add_argument("--setup", type=int, help=argparse.SUPPRESS)  # internal: load the data
    args = parser.parse_args()
    if args.setup:
        return load_data(args.setup)

    wrk = shutil.which("wrk")
    if wrk is None:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        wrk = shutil.which("wrk")
    for factor in [int(f) for f in args.factors.split(",")]:
        with throwaway_database() as database_url:
            env = environment(database_url)
            started = time.perf_counter()
            subprocess.run([PYTHON, __file__, "--setup", str(factor)], env={**env, "DEBUG": "True"}, check=True)
            subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
            engine, setup = database_url.split(":")[0], time.perf_counter() - started
            print(f"\n## {factor}x the demo data ({engine}; set up in {setup:.0f} s)")
            pages = page_paths(env)
            results = {}
            for mode, pages_on, fragments_on in MODES:
                with gunicorn({**env, "PUBLIC_PAGE_CACHE": pages_on, "PUBLIC_FRAGMENT_CACHE": fragments_on}) as base:
                    trivial = measure(wrk, base, TRIVIAL, args)
                    results[mode] = {name: (measure(wrk, base, path, args), trivial) for name, path in pages.items()}
            print_table(results)


def measure(wrk, base, path, args):
    urllib.request.urlopen(base + path).read()  # stored in the cache before the run
    output = subprocess.run(
        [wrk, "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", base + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        print(f"  warning: {path}: {errors[1]} error responses", file=sys.stderr)
    return rate, p99


def print_table(results):
    modes = [mode for mode, _pages, _fragments in MODES]
    print("| page | " + " | ".join(f"{mode} req/s | {mode} p99 ms | {mode} ratio" for mode in modes) + " |")
    print("|---|" + "---:|---:|---:|" * len(modes))
    for name in results["cached"]:
        cells = []
        for mode in modes:
            (rate, p99), (trivial_rate, _) = results[mode][name]
            cells += [f"{rate:,.0f}", f"{p99:,.1f}", f"{rate / trivial_rate:.2f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for mode in modes:
        rate, p99 = next(iter(results[mode].values()))[1]
        print(f"trivial view {TRIVIAL} ({mode} server): {rate:,.0f} req/s, p99 {p99:.1f} ms")


def page_paths(env):
    code = (
        "from partners.models import Institution; from programs.models import Call;"
        "print(Institution.objects.public().order_by('pk').first().get_absolute_url());"
        "print(Call.objects.order_by('-deadline').first().get_absolute_url())"
    )
    partner, call = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()[-2:]
    return {
        "`/`": "/",
        "`/partners/`": "/partners/",
        "`/programs/`": "/programs/",
        "`/calls/`": "/calls/",
        "`/visits/`": "/visits/",
        "`/statistics/`": "/statistics/",
        "`/about/`": "/about/",
        "a partner's page": partner,
        "a call's page": call,
        "`/uz/partners/?country=KR`": "/uz/partners/?country=KR",
        "a static file": "/static/css/site.css",
    }


def environment(database_url):
    folder = Path(tempfile.mkdtemp(prefix="intl-office-bench-http-"))
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "DEBUG": "False",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "CACHE_DIR": str(folder / "cache"),
    }


class throwaway_database:
    """SQLite in a temporary folder, or a fresh database on the server DATABASE_URL names."""

    def __enter__(self):
        self.url = os.environ.get("DATABASE_URL", "")
        if not self.url.startswith(("postgres://", "postgresql://")):
            return f"sqlite:///{tempfile.mkdtemp(prefix='intl-office-bench-db-')}/bench.sqlite3"
        import psycopg

        # Named after the database DATABASE_URL names, so that runs of several people never collide.
        self.name = f"{self.url.rsplit('/', 1)[1].split('?')[0]}_bench_{uuid.uuid4().hex[:8]}"
        # The server's maintenance database: the one DATABASE_URL names need not exist (as with make test).
        self.maintenance = self.url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(self.maintenance, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return self.url.rsplit("/", 1)[0] + f"/{self.name}"

    def __exit__(self, *exc):
        if self.url.startswith(("postgres://", "postgresql://")):
            import psycopg

            with psycopg.connect(self.maintenance, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class gunicorn:
    def __init__(self, env):
        self.env = env

    def __enter__(self):
        port = free_port()
        self.process = subprocess.Popen(
            [GUNICORN, "intl_office.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(base + TRIVIAL).read()
                return base
            except OSError:
                time.sleep(0.1)
        raise SystemExit("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_data(factor):
    """Migrate, load the demo and 1,100 more partners, then copy partners (with agreements) and
    mobility ``factor - 1`` more times."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "intl_office.settings"
    import django

    django.setup()
    from django.core.management import call_command

    from mobility.models import Mobility
    from partners.models import Agreement, Institution

    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--force", verbosity=0)
    # The demo has about 130 partners; like `make bench`, add a thousand more so the base is the
    # size of a real office's directory and ten times it is 12,000 partners.
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import grow

    grow(EXTRA_PARTNERS)
    partner_pks = list(Institution.objects.values_list("pk", flat=True))
    agreement_pks = list(Agreement.objects.values_list("pk", flat=True))
    mobility_pks = list(Mobility.objects.values_list("pk", flat=True))
    for copy in range(1, factor):
        twins = {}
        for twin in Institution.objects.filter(pk__in=partner_pks):
            original_pk, twin.pk = twin.pk, None
            twin.slug = f"{twin.slug}-{copy}"
            for field in ("name", "name_en", "name_uz", "name_ru"):
                if getattr(twin, field, None):
                    setattr(twin, field, f"{getattr(twin, field)} {copy}")
            twins[original_pk] = twin
        Institution.objects.bulk_create(twins.values())
        agreements = []
        for twin in Agreement.objects.filter(pk__in=agreement_pks):
            twin.pk, twin.renews = None, None
            twin.partner = twins[twin.partner_id]
            if twin.reference_number:
                twin.reference_number = f"{twin.reference_number}-{copy}"
            agreements.append(twin)
        Agreement.objects.bulk_create(agreements)
        records = []
        for twin in Mobility.objects.filter(pk__in=mobility_pks):
            twin.pk, twin.agreement, twin.application = None, None, None
            if twin.partner_id in twins:
                twin.partner = twins[twin.partner_id]
            records.append(twin)
        Mobility.objects.bulk_create(records)
    from django.db import connection

    if connection.vendor == "postgresql":
        # What autovacuum does on a live database after a bulk load: without statistics the planner
        # takes 12,000 partners for a hundred and picks plans no production database would run.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"data: {Institution.objects.count():,} partners, {Agreement.objects.count():,} agreements, "
        f"{Mobility.objects.count():,} mobility records",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
