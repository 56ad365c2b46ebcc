"""The form guides the student: required fields marked up front, a summary of what failed, earlier data offered."""

import re

import pytest

from mobility.models import Application
from tests.factories import ApplicationFactory, CallFactory, FacultyFactory
from tests.mobility.applying.helpers import create_url, detail_url, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def field_tag(html, name):
    """The opening tag of the form control named ``name``."""
    match = re.search(rf'<(input|select|textarea)\b[^>]*\bname="{name}"[^>]*>', html)
    assert match, f"no control named {name}"
    return match[0]


def label_of(html, name):
    match = re.search(rf'<label[^>]*for="id_{name}"[^>]*>(.*?)</label>', html, re.S)
    assert match, f"no label for {name}"
    return match[1]


# --- required fields ---------------------------------------------------------------------------------


def test_required_fields_are_marked_before_the_first_submit(client, student, call, transcript):
    client.force_login(student)
    html = client.get(create_url(call)).content.decode()
    for name in ("first_name", "date_of_birth", "faculty", "level", "year_of_study", "motivation_letter", "host_1"):
        assert " required" in field_tag(html, name), name
        assert "*" in label_of(html, name), name
    for name in (f"document_{transcript.pk}", "photo"):
        assert " required" in field_tag(html, name), name
    for name in ("language_certificate", "language_score", "host_2"):
        assert " required" not in field_tag(html, name), name
        assert "*" not in label_of(html, name), name
    assert "Fields marked with * are needed to submit" in html
    # The marks do not stop a draft: the browser leaves the checks to the server.
    assert re.search(r"<form [^>]*novalidate", html)


def test_an_uploaded_document_is_no_longer_marked_required(client, student, draft, transcript):
    client.force_login(student)
    html = client.get(detail_url(draft)).content.decode()
    assert " required" not in field_tag(html, f"document_{transcript.pk}")
    assert " required" not in field_tag(html, "photo")
    assert " required" in field_tag(html, "first_name")


def test_a_half_filled_draft_is_still_saved(client, student, call):
    client.force_login(student)
    response = client.post(create_url(call), {"action": "save", "first_name": "Aziza"})
    assert response.status_code == 302
    assert Application.objects.get().first_name == "Aziza"


# --- error summary -------------------------------------------------------------------------------------


def test_a_failed_submit_lists_every_problem_at_the_top_linking_to_its_field(
    client, student, call, transcript, hosts, faculty_choice
):
    client.force_login(student)
    data = form_data(
        call, transcript, hosts, faculty_choice, action="submit", last_name="", gpa="9", host_1=None, host_2=None
    )
    data.pop("photo")
    response = client.post(create_url(call), data)
    assert response.status_code == 200
    assert not Application.objects.exists()  # nothing stored
    html = response.content.decode()
    summary = re.search(r'<div class="alert alert-danger application-error-summary".*?</div>', html, re.S)
    assert summary, "no error summary"
    summary = summary[0]
    assert html.index("application-error-summary") < html.index('name="first_name"')  # at the top
    assert 'role="alert"' in summary
    assert "correct 4 problems" in summary
    for field_id, text in (
        ("id_last_name", "Last name"),
        ("id_gpa", "GPA"),
        ("id_host_1", "First choice"),
        ("id_photo", "Photo"),
    ):
        assert f'href="#{field_id}">{text}</a>' in summary
    assert "Upload your photo." in summary
    # ... and each message stays by its field as well.
    assert html.count("Upload your photo.") == 2


def test_a_hostile_value_stays_inert_in_the_summary(client, student, call, transcript, hosts, faculty_choice):
    client.force_login(student)
    data = {**form_data(call, transcript, hosts, faculty_choice), "faculty": "<script>x</script>"}
    html = client.post(create_url(call), data).content.decode()
    assert "application-error-summary" in html
    assert "<script>x</script>" not in html


# --- prefill -------------------------------------------------------------------------------------------


def test_the_next_application_offers_what_the_student_entered_before(client, student, draft, faculty_choice):
    other_call = CallFactory(title="KOICA summer school", slug="koica-summer-school")
    client.force_login(student)
    response = client.get(create_url(other_call))
    form = response.context["form"]
    assert form["first_name"].value() == "Aziza"
    assert form["last_name"].value() == "Karimova"
    assert str(form["date_of_birth"].value()) == "2003-04-12"
    assert form["nationality"].value() == "UZ"
    assert form["phone"].value() == "+998 90 123 45 67"
    assert form["faculty"].value() == faculty_choice.pk
    assert form["level"].value() == "bachelor"
    assert form["year_of_study"].value() == 3
    # What belongs to one application is asked afresh.
    assert not form["motivation_letter"].value()
    assert not form["gpa"].value()
    html = response.content.decode()
    assert 'value="+998 90 123 45 67"' in html
    assert not Application.objects.filter(call=other_call).exists()  # offered, not stored


def test_the_latest_application_is_the_one_offered(client, student, draft):
    newer_faculty = FacultyFactory(name="Faculty of Energy")
    ApplicationFactory(student=student, first_name="Aziza", last_name="Karimova-Rashidova", faculty=newer_faculty)
    client.force_login(student)
    form = client.get(create_url(CallFactory())).context["form"]
    assert form["last_name"].value() == "Karimova-Rashidova"
    assert form["faculty"].value() == newer_faculty.pk


def test_nobody_is_offered_another_students_data(client, outsider, draft):
    client.force_login(outsider)
    html = client.get(create_url(CallFactory())).content.decode()
    assert "Karimova" not in html
    assert 'value="+998 90 123 45 67"' not in html
