"""A production deployment for the tests that start one: a throw-away database, the production
environment, collectstatic and migrate (fixtures), and the helpers to run and reach its servers.

A pytest plugin (``pytest_plugins`` in tests/conftest.py), so that tests/test_production.py and
tests/intl_office/test_https_server.py share one deployment without importing each other.
"""

import http.client
import os
import socket
import subprocess
import time
import urllib.parse
import uuid
from contextlib import closing
from pathlib import Path

import environ
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = BASE_DIR / ".venv" / "bin"
POSTGRES_SCHEMES = ("postgres://", "postgresql://", "pgsql://", "psql://")
STARTUP_TIMEOUT = 20  # seconds


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_checked(args, env, timeout=120):
    result = subprocess.run(args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    """A database nobody else uses, dropped afterwards."""
    test_run_url = os.environ.get("DATABASE_URL", "")
    if not test_run_url.startswith(POSTGRES_SCHEMES):
        yield f"sqlite:///{tmp_path_factory.mktemp('database') / 'portal.sqlite3'}"
        return

    import psycopg
    from psycopg import sql

    config = environ.Env.db_url_config(test_run_url)
    name = f"intl_office_production_{uuid.uuid4().hex[:10]}"
    server = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urllib.parse.urlsplit(test_run_url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**server) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def production_env(tmp_path_factory, database_url):
    """The environment a production host sets; nothing leaks in from the test run."""
    folder = tmp_path_factory.mktemp("production")
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "DEBUG": "False",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://intl.example.org",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(folder / "staticfiles"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        "CACHE_DIR": str(folder / "cache"),
        # These tests talk plain HTTP to gunicorn; in production the TLS proxy in front of it
        # answers http:// (tests/intl_office/test_https_server.py goes through a proxy's headers).
        "SECURE_SSL_REDIRECT": "False",
    }


@pytest.fixture(scope="module")
def deployed(production_env):
    """collectstatic and migrate, as the deployment does before starting the server."""
    run_checked([BIN / "python", "manage.py", "collectstatic", "--no-input"], production_env)
    migrated = run_checked([BIN / "python", "manage.py", "migrate", "--no-input"], production_env)
    # A fresh database: every migration runs, so the server below talks to the throw-away one.
    assert "Applying intl_office.0001_initial... OK" in migrated.stdout
    return production_env


def start_gunicorn(env, request, log_path):
    """One gunicorn process with one worker on a free port, stopped when the test or module ends.

    Returns the port once the server answers ``/robots.txt``; fails the test with its log otherwise.
    """
    port = free_port()
    log = log_path.open("w")
    process = subprocess.Popen(
        [BIN / "gunicorn", "intl_office.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def stop():
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()

    request.addfinalizer(stop)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=2)) as connection:
                connection.request("GET", "/robots.txt")
                connection.getresponse().read()
            return port
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not answer within {STARTUP_TIMEOUT} s:\n{log_path.read_text()}")
            time.sleep(0.1)
