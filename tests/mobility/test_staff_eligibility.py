"""A staff call takes members of staff only, a students' call students only: on the page, the form and the services."""

import pytest
from django.urls import reverse

from mobility import services
from mobility.models import Application
from tests.factories import CallFactory
from tests.mobility.staff_calls import employee, staff_call

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def create_url(call):
    return reverse("mobility:application-create", kwargs={"slug": call.slug})


def test_a_staff_call_refuses_students_in_the_services(student):
    with pytest.raises(services.ApplicationError) as refused:
        services.application_start(call=staff_call(), student=student)
    assert refused.value.code == "not_eligible"
    assert not Application.objects.exists()


def test_a_student_call_refuses_staff_in_the_services():
    with pytest.raises(services.ApplicationError) as refused:
        services.application_start(call=CallFactory(), student=employee())
    assert refused.value.code == "not_eligible"
    assert "members of staff apply to the staff calls" in refused.value.messages[0]


def test_a_staff_call_refuses_a_student_on_the_form_and_says_why_on_its_page(client, student):
    call = staff_call()
    client.force_login(student)
    page = client.get(call.get_absolute_url()).content.decode()
    assert "You cannot apply to this call:" in page
    assert "This call is for the university&#x27;s staff, not for students." in page
    response = client.post(create_url(call), {"action": "save", "first_name": "Aziza"})
    assert response.status_code == 302
    assert not Application.objects.exists()


def test_a_student_call_refuses_a_member_of_staff_on_the_form_and_says_why(client):
    call = CallFactory(slug="erasmus")
    person = employee()
    client.force_login(person)
    page = client.get(call.get_absolute_url()).content.decode()
    assert "This call is for students; members of staff apply to the staff calls." in page
    assert create_url(call) not in page
    response = client.post(create_url(call), {"action": "save", "first_name": "Dilshod"}, follow=True)
    assert "This call is for students" in response.content.decode()
    assert not Application.objects.exists()


def test_a_member_of_staff_is_offered_the_staff_form(client):
    call = staff_call()
    person = employee(position="Senior lecturer")
    client.force_login(person)
    page = client.get(call.get_absolute_url()).content.decode()
    assert create_url(call) in page
    assert "the head of your department is asked to endorse" in page
    form = client.get(create_url(call)).content.decode()
    for name in ("position", "department", "academic_degree", "years_of_service", "publications"):
        assert f'name="{name}"' in form
    for name in ("gpa", "level", "year_of_study", "date_of_birth", "photo"):
        assert f'name="{name}"' not in form
    assert 'value="Senior lecturer"' in form  # from the profile


def test_a_visitor_is_offered_the_way_in(client):
    call = staff_call()
    page = client.get(call.get_absolute_url()).content.decode()
    assert create_url(call) in page
    assert "You cannot apply" not in page
