"""The applications the role tests act on: one of the coordinator's faculty, one of another."""

import pytest

from mobility.models import Application
from tests.factories import ApplicationDocumentFactory, ApplicationFactory, FacultyFactory, HostPreferenceFactory

Status = Application.Status


@pytest.fixture
def physics(db):
    return FacultyFactory(name="Faculty of Physics", slug="physics")


@pytest.fixture
def own(faculty):
    """An application from the coordinator's faculty, with a host and a document."""
    application = ApplicationFactory(status=Status.SUBMITTED, faculty=faculty, first_name="Own", last_name="Faculty")
    HostPreferenceFactory(application=application)
    ApplicationDocumentFactory(application=application)
    return application


@pytest.fixture
def other(physics):
    """An application from another faculty."""
    application = ApplicationFactory(status=Status.SUBMITTED, faculty=physics, first_name="Other", last_name="Faculty")
    HostPreferenceFactory(application=application)
    ApplicationDocumentFactory(application=application)
    return application
