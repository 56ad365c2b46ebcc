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
