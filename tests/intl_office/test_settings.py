"""Settings come from the environment: each case starts a fresh interpreter with only the variables it names."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.settings_probe import BASE_DIR, SITE, run_python

# Prints the settings the tests look at, as JSON.
PRINT_SETTINGS = """
import json
import django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SECRET_KEY": settings.SECRET_KEY,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "ENGINE": db["ENGINE"],
    "NAME": str(db["NAME"]),
    "HOST": db.get("HOST", ""),
    "PORT": db.get("PORT", ""),
    "USER": db.get("USER", ""),
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "EMAIL_HOST": settings.EMAIL_HOST,
    "EMAIL_PORT": settings.EMAIL_PORT,
    "EMAIL_USE_TLS": settings.EMAIL_USE_TLS,
    "EMAIL_HOST_USER": settings.EMAIL_HOST_USER,
    "STATICFILES_STORAGE": settings.STORAGES["staticfiles"]["BACKEND"],
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
    "SESSION_ENGINE": settings.SESSION_ENGINE,
    "SITE_URL": settings.SITE_URL,
}))
"""


@pytest.fixture(autouse=True)
def _no_local_env_file(request):
    # settings.py also reads <project>/.env, which would fill in whatever a case leaves unset.
    if "slow" in request.keywords and (BASE_DIR / ".env").exists():
        pytest.skip("a local .env file sets variables these cases expect to be unset")


def settings_with(**environment):
    result = run_python(PRINT_SETTINGS, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_production_without_secret_key_refuses_to_start_naming_secret_key():
    result = run_python("import django; django.setup()", DEBUG="False")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.slow
def test_production_with_secret_key_starts():
    # The other half of the refusal above: the secret key, and nothing else, was missing.
    values = settings_with(DEBUG="False", SECRET_KEY="a-long-random-production-key", SITE_URL=SITE)
    assert values["DEBUG"] is False
    assert values["SECRET_KEY"] == "a-long-random-production-key"


@pytest.mark.slow
def test_production_without_site_url_refuses_to_start_naming_site_url():
    result = run_python("import django; django.setup()", DEBUG="False", SECRET_KEY="a-long-random-production-key")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SITE_URL is not set" in result.stderr


@pytest.mark.slow
def test_a_site_url_that_is_not_a_web_address_refuses_to_start():
    result = run_python("import django; django.setup()", SITE_URL="intl.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SITE_URL must be a web address" in result.stderr


@pytest.mark.slow
def test_site_url_is_kept_without_its_trailing_slash():
    values = settings_with(DEBUG="False", SECRET_KEY="key", SITE_URL="https://intl.example.org/")
    assert values["SITE_URL"] == "https://intl.example.org"


@pytest.mark.slow
def test_nothing_set_runs_debug_on_sqlite_in_the_project_folder_with_console_email():
    values = settings_with()
    assert values["DEBUG"] is True
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(values["NAME"]) == BASE_DIR / "db.sqlite3"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert "localhost" in values["ALLOWED_HOSTS"]
    assert values["SECRET_KEY"]
    assert values["SITE_URL"] == "http://127.0.0.1:8000"


@pytest.mark.slow
def test_database_url_selects_postgresql():
    values = settings_with(DATABASE_URL="postgres://portal:secret@db.example.org:5433/portal")
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["NAME"] == "portal"
    assert values["HOST"] == "db.example.org"
    assert values["PORT"] == 5433
    assert values["USER"] == "portal"


@pytest.mark.slow
def test_email_url_selects_smtp_with_tls():
    values = settings_with(EMAIL_URL="smtp+tls://office:secret@smtp.example.org:587")
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["EMAIL_HOST"] == "smtp.example.org"
    assert values["EMAIL_PORT"] == 587
    assert values["EMAIL_USE_TLS"] is True
    assert values["EMAIL_HOST_USER"] == "office"


@pytest.mark.slow
def test_production_serves_hashed_static_files_and_secure_cookies():
    values = settings_with(DEBUG="False", SECRET_KEY="a-long-random-production-key", SITE_URL=SITE)
    assert values["STATICFILES_STORAGE"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    # No host is trusted by default in production: ALLOWED_HOSTS must be set.
    assert values["ALLOWED_HOSTS"] == []


@pytest.mark.slow
def test_allowed_hosts_come_from_a_comma_separated_list():
    values = settings_with(
        DEBUG="False", SECRET_KEY="key", SITE_URL=SITE, ALLOWED_HOSTS="intl.example.edu,www.intl.example.edu"
    )
    assert values["ALLOWED_HOSTS"] == ["intl.example.edu", "www.intl.example.edu"]


@pytest.mark.slow
def test_redis_url_moves_cache_and_sessions_to_redis():
    values = settings_with(REDIS_URL="redis://127.0.0.1:6379/1")
    assert values["CACHE_BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_test_settings_use_the_fast_hasher_and_keep_mail_in_memory():
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


def test_test_settings_need_no_collectstatic_and_keep_uploads_out_of_the_project_media():
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        assert root.parent == settings.TEST_MEDIA_DIR
        assert not root.is_relative_to(settings.BASE_DIR)
