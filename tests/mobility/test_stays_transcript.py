"""The transcript of records: a checked PDF the student adds on their application page, served only to those allowed."""

import pytest
import time_machine
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import StayEvent
from mobility.services import stay_upload_transcript
from tests.factories import FacultyFactory, UserFactory
from tests.files import pdf_bytes, png_bytes, upload
from tests.mobility.stays import AFTER, reload, taken_stay
from tests.users import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _after_the_stay():
    with time_machine.travel(AFTER, tick=False):
        yield


@pytest.fixture
def stay(student, faculty):
    return taken_stay(student=student, faculty=faculty)


def upload_url(application):
    return reverse("mobility:stay-transcript-upload", kwargs={"pk": application.pk})


def pdf():
    return upload("transcript.pdf", pdf_bytes(), "application/pdf")


def test_the_student_adds_their_transcript_and_downloads_it(client, student, stay):
    application, mobility = stay
    client.force_login(student)
    page = client.get(reverse("mobility:application-detail", kwargs={"pk": application.pk}))
    assert "Add your transcript of records" in page.content.decode()

    response = client.post(upload_url(application), {"transcript": pdf()})

    assert response.status_code == 302
    mobility = reload(mobility)
    assert mobility.transcript and mobility.stay_events.get().step == StayEvent.Step.TRANSCRIPT
    download = client.get(reverse("mobility:stay-transcript", kwargs={"pk": application.pk}))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("content", "message"),
    [(png_bytes(), "must be a PDF"), (b"%PDF-1.4 broken", "damaged"), (b"", "empty")],
)
def test_a_file_that_is_not_a_clean_pdf_is_refused(client, student, stay, content, message):
    application, mobility = stay
    client.force_login(student)
    response = client.post(upload_url(application), {"transcript": upload("t.pdf", content)}, follow=True)
    assert message in response.content.decode()
    assert not reload(mobility).transcript


def test_the_student_cannot_replace_a_transcript_the_office_has(client, student, staff, stay):
    application, mobility = stay
    stay_upload_transcript(mobility=mobility, upload=pdf(), actor=staff)
    first = reload(mobility).transcript.name
    client.force_login(student)
    response = client.post(upload_url(application), {"transcript": pdf()}, follow=True)
    assert "already has your transcript" in response.content.decode()
    assert reload(mobility).transcript.name == first


def test_someone_elses_transcript_is_404(client, outsider, staff, stay):
    application, mobility = stay
    stay_upload_transcript(mobility=mobility, upload=pdf(), actor=staff)
    client.force_login(outsider)
    assert client.get(reverse("mobility:stay-transcript", kwargs={"pk": application.pk})).status_code == 404
    assert client.post(upload_url(application), {"transcript": pdf()}).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, stay):
    application, _mobility = stay
    response = client.get(reverse("mobility:stay-transcript", kwargs={"pk": application.pk}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_staff_download_and_a_coordinator_only_of_their_own_faculty(client, staff, stay):
    _application, mobility = stay
    stay_upload_transcript(mobility=mobility, upload=pdf(), actor=staff)
    url = reverse("mobility:staff-stay-transcript", kwargs={"pk": mobility.pk})
    client.force_login(staff)
    assert client.get(url).status_code == 200
    stranger = member_of(FACULTY_COORDINATOR, username="other-coordinator", faculty=FacultyFactory(name="Physics"))
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(username="plain"))
    assert client.get(url).status_code == 302  # to the admin's sign-in
