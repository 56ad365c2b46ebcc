"""The production way, as README shows it: collectstatic, migrate, gunicorn with DEBUG off.

The server runs the real settings module (never ``settings_test``) in its own processes, on a
free port, against a throw-away database: a fresh PostgreSQL database when the test run itself
uses PostgreSQL, otherwise an SQLite file in a temporary folder.
"""

import gzip
import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.deployment import start_gunicorn

pytestmark = pytest.mark.slow

ONE_YEAR = 365 * 24 * 60 * 60


@pytest.fixture(scope="module")
def server(request, deployed, tmp_path_factory):
    """A gunicorn master and one worker, stopped whatever happens to the tests."""
    port = start_gunicorn(deployed, request, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log")
    return f"http://127.0.0.1:{port}"


def fetch(url, headers=None):
    """(status, headers, body) for a GET, without raising on 4xx/5xx."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def hashed_name(production_env, name):
    manifest = json.loads((Path(production_env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    return manifest["paths"][name]


def test_sign_in_page_is_served_with_its_form(server):
    status, headers, body = fetch(f"{server}/accounts/login/")
    page = body.decode()
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert 'name="login"' in page
    assert 'name="password"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_static_file_is_served_by_whitenoise(server):
    status, headers, body = fetch(f"{server}/static/admin/css/base.css")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert body


def test_pages_link_the_hashed_static_names_from_the_manifest(server, deployed):
    hashed = hashed_name(deployed, "css/site.css")
    assert hashed != "css/site.css"
    _, _, body = fetch(f"{server}/accounts/login/")
    assert f"/static/{hashed}" in body.decode()


def test_hashed_static_file_is_cached_for_a_long_time(server, deployed):
    status, headers, _ = fetch(f"{server}/static/{hashed_name(deployed, 'admin/css/base.css')}")
    assert status == 200
    cache_control = [part.strip() for part in headers["Cache-Control"].split(",")]
    max_age = int(next(part for part in cache_control if part.startswith("max-age=")).split("=")[1])
    assert max_age >= ONE_YEAR
    assert "immutable" in cache_control


def test_static_file_is_sent_compressed_to_browsers_that_accept_it(server, deployed):
    url = f"{server}/static/{hashed_name(deployed, 'admin/css/base.css')}"
    status, headers, body = fetch(url, headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == fetch(url)[2]


def test_unknown_page_is_a_plain_404_without_debug_details(server):
    status, _, body = fetch(f"{server}/no-such-page-{uuid.uuid4().hex}/")
    assert status == 404
    assert b"URLconf" not in body
