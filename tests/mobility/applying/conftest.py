"""The call, hosts and draft the tests of the student's application pages share."""

import datetime

import pytest

from intl_office.dates import today
from mobility import services, uploads
from tests.factories import CallFactory, DocumentTypeFactory, FacultyFactory, InstitutionFactory
from tests.files import pdf_bytes, png_bytes, upload
from tests.mobility.applying.helpers import DAY


@pytest.fixture
def hosts():
    return [
        InstitutionFactory(name="Gazi University", country="TR", city="Ankara"),
        InstitutionFactory(name="Kyungpook National University", country="KR", city="Daegu"),
    ]


@pytest.fixture
def transcript():
    return DocumentTypeFactory(name="Transcript of records", slug="transcript")


@pytest.fixture
def call(hosts, transcript):
    call = CallFactory(
        title="Erasmus+ semester exchange",
        slug="erasmus-semester-exchange",
        opens_on=today() - 10 * DAY,
        deadline=today() + 10 * DAY,
        hosts=hosts,
    )
    call.required_documents.set([transcript])
    return call


@pytest.fixture
def faculty_choice():
    return FacultyFactory(name="Faculty of Food Technology", slug="food-technology")


@pytest.fixture
def draft(call, student, transcript, hosts, faculty_choice):
    """A complete draft of ``student``, saved through the services."""
    application, _ = services.application_start(call=call, student=student)
    services.application_save_draft(
        application=application,
        actor=student,
        fields={
            "first_name": "Aziza",
            "last_name": "Karimova",
            "date_of_birth": datetime.date(2003, 4, 12),
            "nationality": "UZ",
            "phone": "+998 90 123 45 67",
            "faculty": faculty_choice,
            "level": "bachelor",
            "year_of_study": 3,
            "gpa": "4.20",
            "motivation_letter": "To study process engineering abroad.",
        },
        hosts=hosts,
        documents={transcript: uploads.check_document(upload("My transcript.pdf", pdf_bytes(), "application/pdf"))},
        photo=uploads.check_photo(upload("me.png", png_bytes(), "image/png")),
    )
    return application
