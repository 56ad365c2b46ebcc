"""Named users every test can ask for: staff, coordinator, student, outsider."""

import shutil

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from intl_office.roles import FACULTY_COORDINATOR
from tests.factories import FacultyFactory, UserFactory
from tests.mfa import enrolled


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(settings.TEST_MEDIA_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request to /ru/ leaves Russian active in the thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages (the sitemap) and rate-limit counters must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(db):
    """A member of the office with every right (a superuser, as the demo admin is), with an authenticator."""
    return enrolled(UserFactory(username="staff", is_staff=True, is_superuser=True))


@pytest.fixture
def faculty(db):
    return FacultyFactory(name="Faculty of Chemical Engineering", slug="chemical-engineering")


@pytest.fixture
def coordinator(db, faculty):
    """A faculty coordinator: staff, in the coordinators' group, serving one faculty."""
    user = UserFactory(username="coordinator", is_staff=True, faculty=faculty)
    group, _created = Group.objects.get_or_create(name=FACULTY_COORDINATOR)
    user.groups.add(group)
    return user


@pytest.fixture
def student(db):
    return UserFactory(username="student")


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider")
