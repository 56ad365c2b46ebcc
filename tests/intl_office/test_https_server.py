"""The production server behind its TLS proxy: two gunicorn processes sharing one database and cache.

The proxy is played by the test: requests come from 127.0.0.1 (named in TRUSTED_PROXIES) with
``X-Forwarded-Proto: https`` and ``X-Forwarded-For: <client>``, as nginx or a load balancer sends them.
"""

import http.client
import re
import urllib.parse
from contextlib import closing
from http.cookies import SimpleCookie

import pytest

from tests.deployment import BIN, run_checked, start_gunicorn

pytestmark = pytest.mark.slow

PASSWORD = "a long and correct passphrase"
WRONG = "not the passphrase"
TOO_MANY = "Too many failed login attempts"
CREATE_ACCOUNTS = f"""
from allauth.account.models import EmailAddress
from intl_office.models import User
from intl_office.second_factor import totp_enroll
officer = User.objects.create_superuser("officer", "officer@example.org", {PASSWORD!r})
totp_enroll(user=officer)
for name in ("aziza", "bekzod"):
    student = User.objects.create_user(name, f"{{name}}@example.org", {PASSWORD!r})
    EmailAddress.objects.create(user=student, email=student.email, verified=True, primary=True)
"""


@pytest.fixture(scope="module")
def behind_proxy(deployed):
    env = {**deployed, "SECURE_SSL_REDIRECT": "True", "TRUSTED_PROXIES": "127.0.0.1"}
    run_checked([BIN / "python", "manage.py", "shell", "-c", CREATE_ACCOUNTS], env)
    return env


@pytest.fixture(scope="module")
def workers(request, behind_proxy, tmp_path_factory):
    """Two gunicorn processes on two ports: one shared database, one shared cache folder."""
    folder = tmp_path_factory.mktemp("gunicorn")
    return [start_gunicorn(behind_proxy, request, folder / f"worker-{n}.log") for n in (1, 2)]


class Visitor:
    """One browser behind the proxy: its cookies, its address, and no redirect followed."""

    def __init__(self, client_address):
        self.client_address = client_address
        self.cookies = {}

    def request(self, port, method, path, form=None, https=True):
        headers = {"X-Forwarded-For": self.client_address, "Host": f"127.0.0.1:{port}"}
        if https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{port}"
        with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=20)) as connection:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers, content

    def log_in(self, port, path, login_field, login, password):
        _, _, page = self.request(port, "GET", path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        form = {"csrfmiddlewaretoken": token, login_field: login, "password": password}
        return self.request(port, "POST", path, form)


def test_headers_of_the_three_pages_over_https(workers):
    visitor = Visitor("203.0.113.10")
    for path in ("/", "/accounts/login/", "/accounts/signup/"):
        status, headers, page = visitor.request(workers[0], "GET", path)
        assert status == 200, path
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        csp = headers["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]+)", csp)[1]
        assert "'unsafe-inline'" not in script_src and "'self'" in script_src
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        for nonce in re.findall(r"<script nonce=\"([^\"]+)\"", page):
            assert f"'nonce-{nonce}'" in script_src
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in headers["Permissions-Policy"]
        for cookie in headers.get_all("Set-Cookie") or []:
            assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie


def test_plain_http_is_sent_to_https(workers):
    status, headers, _ = Visitor("203.0.113.11").request(workers[0], "GET", "/partners/", https=False)
    assert status == 301
    assert headers["Location"] == f"https://127.0.0.1:{workers[0]}/partners/"


def test_admin_login_locks_after_5_wrong_passwords_across_two_workers(workers):
    attacker = Visitor("198.51.100.7")
    for attempt in range(5):
        status, _, page = attacker.log_in(workers[attempt % 2], "/accounts/login/", "login", "officer", WRONG)
        assert status == 200 and TOO_MANY not in page, f"attempt {attempt + 1}"
        assert "Please enter a correct username and password" in page or "not correct" in page
    # The 6th, with the right password, from the other worker and from another address: refused.
    status, _, page = Visitor("198.51.100.99").log_in(workers[1], "/accounts/login/", "login", "officer", PASSWORD)
    assert status == 200
    assert TOO_MANY in page
    # The same account by e-mail at the student login counts too: it is one account.
    status, _, page = Visitor("198.51.100.98").log_in(
        workers[0], "/accounts/login/", "login", "officer@example.org", PASSWORD
    )
    assert TOO_MANY in page


def test_the_lock_is_per_account_another_account_signs_in(workers):
    status, _, _ = Visitor("192.0.2.40").log_in(workers[0], "/accounts/login/", "login", "bekzod@example.org", PASSWORD)
    assert status == 302


def test_student_login_is_refused_from_the_6th_try_whatever_the_worker(workers):
    for attempt in range(5):
        status, _, page = Visitor(f"192.0.2.{attempt + 1}").log_in(
            workers[attempt % 2], "/accounts/login/", "login", "aziza@example.org", WRONG
        )
        assert status == 200 and TOO_MANY not in page, f"attempt {attempt + 1}"
    status, _, page = Visitor("192.0.2.77").log_in(
        workers[1], "/accounts/login/", "login", "aziza@example.org", PASSWORD
    )
    assert status == 200
    assert TOO_MANY in page
