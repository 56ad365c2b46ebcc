"""The printable learning agreement: the approved version only, with rows, totals, both approvals and names."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from mobility.models import LearningAgreementVersion
from tests.factories import FacultyFactory
from tests.mobility.learning_agreements import ROW, accepted_mobility, approve_by_both, submitted
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert(1)</script> (x) \\) Tj ET BT /F1 99 Tf"


@pytest.fixture
def approved(student, faculty, coordinator, home_institution):
    application, mobility = accepted_mobility(student=student, faculty=faculty)
    rows = [ROW, {**ROW, "host_code": "CS302", "host_title": HOSTILE, "host_credits": "4.5", "home_title": ""}]
    rows[1].update(home_code="", home_credits=None)
    version = approve_by_both(submitted(mobility, student, rows=rows), coordinator)
    return application, version


def pdf_url(application, number=1):
    return reverse("mobility:learning-agreement-pdf", kwargs={"pk": application.pk, "number": number})


def text_of(response):
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response) if response.streaming else response.content
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_student_downloads_the_approved_version(client, student, approved):
    application, version = approved
    client.force_login(student)
    response = client.get(pdf_url(application))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    text = text_of(response)
    assert "Дилноза Каримова" in text
    assert "Middle East Technical University" in text
    assert "Distributed Systems" in text and "Taqsimlangan tizimlar" in text
    assert "10.5" in text and "5.0" in text  # totals: 6 + 4.5 ECTS at the host, 5 at home
    assert "Ayşe Demir, Erasmus coordinator" in text  # the host's approval, by name
    assert "Faculty coordinator" in text and "Host coordinator" in text


def test_hostile_course_title_is_plain_text_in_the_pdf(client, student, approved):
    application, _version = approved
    client.force_login(student)
    text = text_of(client.get(pdf_url(application)))
    assert "<script>alert(1)</script>" in text.replace("\n", "")  # drawn as typed, nothing interpreted
    assert "99 Tf" in text.replace("\n", " ")


def test_no_pdf_for_a_version_not_approved(client, student, faculty):
    application, mobility = accepted_mobility(student=student, faculty=faculty)
    submitted(mobility, student)
    client.force_login(student)
    assert client.get(pdf_url(application)).status_code == 404
    assert client.get(pdf_url(application, number=2)).status_code == 404


def test_another_student_gets_404(approved, outsider):
    application, _version = approved
    assert signed_in(outsider).get(pdf_url(application)).status_code == 404


def test_staff_pdf_for_own_faculty_only(approved, coordinator_client):
    _application, version = approved
    url = reverse("mobility:staff-learning-agreement-pdf", kwargs={"pk": version.agreement_id, "number": 1})
    assert "Дилноза Каримова" in text_of(coordinator_client.get(url))
    other = member_of("Faculty coordinator", username="law", faculty=FacultyFactory(name="Faculty of Law"))
    assert signed_in(other).get(url).status_code == 404
    assert version.state == LearningAgreementVersion.State.APPROVED
