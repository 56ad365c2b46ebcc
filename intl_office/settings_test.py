"""Test settings: the real settings with the slow or noisy parts swapped out."""

import tempfile
from pathlib import Path

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test run gets its own media folders, so parallel runs never delete each other's files;
# tests/conftest.py removes them at the end of the session.
TEST_MEDIA_DIR = Path(tempfile.mkdtemp(prefix="intl-office-test-media-"))
MEDIA_ROOT = TEST_MEDIA_DIR / "public"
PRIVATE_MEDIA_ROOT = TEST_MEDIA_DIR / "private"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# pytest-django runs with DEBUG off, where allauth refuses the demo's bypass code: tests sign
# staff in with real codes computed from the secret they enrolled (tests/mfa.py).
MFA_TOTP_INSECURE_BYPASS_CODE = None
# Each run keeps its own cache (login counters, used codes), emptied before and after every test.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": TEST_MEDIA_DIR / "cache",
    }
}
