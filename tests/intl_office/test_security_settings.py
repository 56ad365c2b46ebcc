"""Secure by default with DEBUG off: HTTPS, HSTS, cookies, the proxy, the shared cache, Django's deploy checks.

Each case starts a fresh interpreter with only the variables it names (as test_settings.py does).
"""

import json
import socket

import pytest

from tests.settings_probe import SITE, run_python

pytestmark = pytest.mark.slow

ONE_YEAR = 365 * 24 * 60 * 60
PRODUCTION = {
    "DEBUG": "False",
    "SECRET_KEY": "a-production-key-" + "x7Qp9Lm2" * 8,  # long and varied enough for check --deploy
    "SITE_URL": SITE,
    "ALLOWED_HOSTS": "intl.example.org",
}

PRINT_SECURITY = """
import json
import django
from django.conf import settings
django.setup()
names = [
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE",
    "TRUSTED_PROXIES", "PERMISSIONS_POLICY",
]
values = {name: getattr(settings, name) for name in names}
values["CSP"] = {k: [str(v) for v in vs] for k, vs in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items()}
values["CACHE"] = settings.CACHES["default"]["BACKEND"]
values["CACHE_LOCATION"] = str(settings.CACHES["default"]["LOCATION"])
values["MFA_BYPASS"] = getattr(settings, "MFA_TOTP_INSECURE_BYPASS_CODE", None)
print(json.dumps(values))
"""


def security_settings(**environment):
    result = run_python(PRINT_SECURITY, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_passes_with_production_settings():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_still_warns_when_https_is_switched_off():
    # The test above must be able to fail: the same check, HSTS and the redirect switched off.
    result = run_python(
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION,
        SECURE_HSTS_SECONDS="0",
        SECURE_SSL_REDIRECT="False",
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_production_defaults_are_https_only_with_a_year_of_hsts_and_locked_cookies():
    values = security_settings(**PRODUCTION)
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == ONE_YEAR
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False  # asked for, never assumed
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    for cookie in ("SESSION", "CSRF"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True
        assert values[f"{cookie}_COOKIE_HTTPONLY"] is True
        assert values[f"{cookie}_COOKIE_SAMESITE"] == "Lax"
    assert "camera=()" in values["PERMISSIONS_POLICY"]
    assert values["MFA_BYPASS"] is None  # the demo's code exists only with DEBUG on


def test_no_proxy_is_trusted_unless_named():
    assert security_settings(**PRODUCTION)["SECURE_PROXY_SSL_HEADER"] is None
    values = security_settings(**PRODUCTION, TRUSTED_PROXIES="127.0.0.1,10.0.0.0/8")
    assert values["TRUSTED_PROXIES"] == ["127.0.0.1", "10.0.0.0/8"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_hsts_preload_is_an_option():
    assert security_settings(**PRODUCTION, SECURE_HSTS_PRELOAD="True")["SECURE_HSTS_PRELOAD"] is True


def test_the_csp_allows_no_inline_script_without_the_responses_nonce():
    csp = security_settings(**PRODUCTION)["CSP"]
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'", "csp.constants.NONCE"]
    # Inline event handlers: only the one import-export's export page needs, by its hash.
    assert csp["script-src-attr"][0] == "'unsafe-hashes'"
    assert len(csp["script-src-attr"]) == 2 and csp["script-src-attr"][1].startswith("'sha256-")
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]


def test_debug_keeps_http_for_the_development_server():
    values = security_settings()
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["MFA_BYPASS"] == "000000"


def test_embedded_default_cache_is_files_every_worker_shares(tmp_path):
    values = security_settings(**PRODUCTION, CACHE_DIR=str(tmp_path / "cache"))
    assert values["CACHE"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert values["CACHE_LOCATION"] == str(tmp_path / "cache")
    # One process writes, another reads: what a login counter needs across gunicorn workers.
    write = "import django; django.setup(); from django.core.cache import cache; cache.set('shared', 'yes', 60)"
    read = "import django; django.setup(); from django.core.cache import cache; print(cache.get('shared'))"
    assert run_python(write, **PRODUCTION, CACHE_DIR=str(tmp_path / "cache")).returncode == 0
    assert run_python(read, **PRODUCTION, CACHE_DIR=str(tmp_path / "cache")).stdout.strip() == "yes"


def redis_is_running():
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_redis_url_works_for_real():
    code = (
        "import django, uuid; django.setup(); from django.core.cache import caches; cache = caches['default']; "
        "key = uuid.uuid4().hex; cache.set(key, 'from redis', 10); print(cache.get(key), type(cache).__name__); "
        "cache.delete(key)"
    )
    result = run_python(code, **PRODUCTION, REDIS_URL="redis://127.0.0.1:6379/15")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["from", "redis", "RedisCache"]
