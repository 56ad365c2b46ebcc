"""Staff apply with their own form: the same drafts, uploads, checks, reference and history as students."""

import pytest
from django.urls import reverse

from intl_office.models import User
from mobility import services
from mobility.models import Application, StaffApplication
from tests.files import pdf_bytes, upload
from tests.mobility.staff_calls import Status, department, employee, staff_call, staff_draft

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def create_url(call):
    return reverse("mobility:application-create", kwargs={"slug": call.slug})


def form(call, dept, *, action="save", **overrides):
    data = {
        "action": action,
        "first_name": "Дилшод",
        "last_name": "Раҳимов",
        "phone": "+998 90 000 00 01",
        "position": "Dotsent",
        "department": dept.pk,
        "academic_degree": "PhD",
        "years_of_service": "12",
        "publications": "Water losses in irrigation canals, 2024.",
        "language_certificate": "ielts",
        "language_score": "7.0",
        "motivation_letter": "To learn how partner universities teach water engineering.",
        "host_1": call.hosts.get().pk,
        f"document_{call.required_documents.get().pk}": upload("CV.pdf", pdf_bytes(), "application/pdf"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_member_of_staff_submits_the_staff_form(client):
    call, dept, person = staff_call(), department(), employee()
    client.force_login(person)
    response = client.post(create_url(call), form(call, dept, action="submit"))
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == Status.SUBMITTED
    assert application.reference
    assert application.faculty_id == dept.faculty_id  # the department's faculty's coordinators see it
    part = application.staff
    assert (part.position, part.department, part.years_of_service) == ("Dotsent", dept, 12)
    assert application.documents.get().original_name == "CV.pdf"
    assert list(application.events.values_list("to_status", flat=True)) == [Status.DRAFT, Status.SUBMITTED]


def test_submission_flags_each_missing_staff_field_and_changes_nothing(client):
    call, dept, person = staff_call(), department(), employee()
    client.force_login(person)
    data = form(call, dept, action="submit", position="", department="", years_of_service="")
    data.pop(f"document_{call.required_documents.get().pk}")
    response = client.post(create_url(call), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"position", "department", "years_of_service", f"document_{call.required_documents.get().pk}"} <= set(errors)
    assert not Application.objects.exists()


def test_years_of_service_are_checked_next_to_the_field(client):
    call, dept, person = staff_call(), department(), employee()
    client.force_login(person)
    for value in ("61", "-1", "twelve", "1\x00", "99999999999999999999"):
        response = client.post(create_url(call), form(call, dept, years_of_service=value))
        assert response.status_code == 200, value
        assert "years_of_service" in response.context["form"].errors
    assert not Application.objects.exists()


def test_a_draft_is_saved_without_the_required_fields_and_continued(client):
    call, dept, person = staff_call(), department(), employee()
    client.force_login(person)
    response = client.post(create_url(call), {"action": "save", "first_name": "Дилшод", "department": dept.pk})
    application = Application.objects.get()
    assert response.status_code == 302
    assert application.status == Status.DRAFT
    assert application.staff.department == dept
    detail = reverse("mobility:application-detail", kwargs={"pk": application.pk})
    page = client.get(detail).content.decode()
    assert "Fill in: position." in page
    response = client.post(detail, form(call, dept, action="submit"))
    assert Application.objects.get().status == Status.SUBMITTED


def test_the_application_keeps_what_was_stated_and_fills_the_empty_profile():
    call, dept = staff_call(), department()
    person = employee(academic_degree="DSc")
    application = staff_draft(call, person, dept, position="Dotsent", academic_degree="PhD")
    services.application_submit(application=application, actor=person)
    person.refresh_from_db()
    # Empty profile fields are filled; what the profile said stays.
    assert (person.position, person.department, person.academic_degree) == ("Dotsent", dept, "DSc")
    User.objects.filter(pk=person.pk).update(position="Professor")
    assert StaffApplication.objects.get().position == "Dotsent"


def test_the_staff_fields_are_shown_on_the_applicants_page(client):
    call, dept, person = staff_call(), department(), employee()
    application = staff_draft(call, person, dept)
    services.application_submit(application=application, actor=person)
    client.force_login(person)
    page = client.get(reverse("mobility:application-detail", kwargs={"pk": application.pk})).content.decode()
    assert "Associate professor" in page
    assert "Department of Hydraulics" in page
    assert "Waiting for the head of department" in page
    assert "GPA" not in page
