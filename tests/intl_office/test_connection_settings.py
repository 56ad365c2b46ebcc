"""Production keeps each worker's database connection, checked before use; development opens one per request."""

import json
import socket

import pytest

from tests.settings_probe import BASE_DIR, SITE, run_python

pytestmark = pytest.mark.slow

PRINT_DATABASE = """
import json
import socket
from django.conf import settings
database = settings.DATABASES["default"]
print(json.dumps({"age": database["CONN_MAX_AGE"], "health": database["CONN_HEALTH_CHECKS"]}))
"""


@pytest.fixture(autouse=True)
def _no_local_env_file():
    if (BASE_DIR / ".env").exists():
        pytest.skip("a local .env file sets variables these cases expect to be unset")


def database_settings(**environment):
    result = run_python(PRINT_DATABASE, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_connections_a_minute_with_health_checks():
    production = {"DEBUG": "False", "SECRET_KEY": "a-long-random-production-key", "SITE_URL": SITE}

    assert database_settings(**production) == {"age": 60, "health": True}
    assert database_settings(**production, CONN_MAX_AGE="0") == {"age": 0, "health": True}


def test_development_opens_a_connection_per_request():
    assert database_settings()["age"] == 0


CONNECT = """
import time
import django
django.setup()
from django.db import connection
connection.settings_dict  # settings read and the driver imported before the clock starts
started = time.monotonic()
try:
    connection.ensure_connection()
except Exception as error:
    print(type(error).__name__, time.monotonic() - started)
"""


@pytest.fixture
def silent_server():
    """A port that accepts TCP connections and never answers, like a database host that hangs."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


def test_a_database_that_never_answers_fails_within_the_connect_timeout(silent_server):
    url = f"postgres://postgres@127.0.0.1:{silent_server}/intl_office"

    name, seconds = run_python(CONNECT, DATABASE_URL=url).stdout.split()
    assert name == "OperationalError"
    # Five seconds, not the minutes of the operating system's TCP timeout (with room for a loaded machine).
    assert 5 <= float(seconds) < 20

    name, shorter = run_python(CONNECT, DATABASE_URL=f"{url}?connect_timeout=2").stdout.split()
    assert name == "OperationalError"
    assert 2 <= float(shorter) < float(seconds)
