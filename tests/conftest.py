"""Named users every test can ask for: staff, coordinator, student, outsider."""

import shutil

import pytest
from django.conf import settings

from tests.factories import FacultyFactory, UserFactory


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT.parent, ignore_errors=True)


@pytest.fixture
def staff(db):
    """A member of the office with every right (a superuser, as the demo admin is)."""
    return UserFactory(username="staff", is_staff=True, is_superuser=True)


@pytest.fixture
def faculty(db):
    return FacultyFactory(name="Faculty of Chemical Engineering", slug="chemical-engineering")


@pytest.fixture
def coordinator(db, faculty):
    return UserFactory(username="coordinator", is_staff=True, faculty=faculty)


@pytest.fixture
def student(db):
    return UserFactory(username="student")


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider")
