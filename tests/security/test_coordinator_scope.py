"""A faculty coordinator's reach: the people of their own faculty, and applications that stay in it.

Each screen is tried three ways: anonymous, a coordinator reaching outside their faculty (the wrong
user), and the office, who sees everybody.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from intl_office.models import User
from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF
from mobility.models import Application
from tests.admin import admin_url, form_data
from tests.factories import ApplicationFactory, FacultyFactory, UserFactory

pytestmark = pytest.mark.django_db

USERS = admin_url(User, "changelist")


def member_of(group_name, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def student_autocomplete(client, term):
    return client.get(
        reverse("admin:autocomplete"),
        {"app_label": "mobility", "model_name": "application", "field_name": "student", "term": term},
    )


@pytest.fixture
def chemistry():
    return FacultyFactory(name="Faculty of Chemical Technology", slug="chemical-technology")


@pytest.fixture
def physics():
    return FacultyFactory(name="Faculty of Physics", slug="physics")


@pytest.fixture
def coordinator(chemistry):
    return signed_in(member_of(FACULTY_COORDINATOR, username="chem-coordinator", faculty=chemistry))


@pytest.fixture
def office():
    return signed_in(member_of(OFFICE_STAFF, username="office"))


@pytest.fixture
def ours(chemistry):
    return UserFactory(username="dilnoza-chem", last_name="Studentova", faculty=chemistry)


@pytest.fixture
def theirs(physics):
    return UserFactory(username="jasur-phys", last_name="Studentov", faculty=physics)


@pytest.fixture
def nobodys():
    return UserFactory(username="no-faculty", last_name="Studentovna")


# --- the user list -------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_the_login_for_the_user_list(client):
    response = client.get(USERS)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_coordinator_lists_only_the_users_of_their_faculty(coordinator, ours, theirs, nobodys):
    response = coordinator.get(USERS)

    assert response.status_code == 200
    listed = {user.username for user in response.context["cl"].result_list}
    assert listed == {"chem-coordinator", "dilnoza-chem"}


def test_a_coordinator_cannot_open_a_user_of_another_faculty(coordinator, theirs):
    response = coordinator.get(admin_url(User, "change", theirs.pk))

    # The admin's answer for a record that is not there: back to the list, saying so.
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_coordinator_without_a_faculty_lists_nobody(chemistry, ours, nobodys):
    client = signed_in(member_of(FACULTY_COORDINATOR, username="unassigned"))

    response = client.get(USERS)

    assert list(response.context["cl"].result_list) == []


def test_the_office_lists_every_user(office, ours, theirs, nobodys):
    listed = {user.username for user in office.get(USERS).context["cl"].result_list}

    assert {"dilnoza-chem", "jasur-phys", "no-faculty", "office"} <= listed


# --- the student autocomplete --------------------------------------------------------------------


def test_anonymous_visitor_gets_no_students_from_the_autocomplete(client, ours):
    response = student_autocomplete(client, "Student")

    assert response.status_code == 302


def test_a_coordinator_finds_only_their_facultys_students(coordinator, ours, theirs, nobodys):
    response = student_autocomplete(coordinator, "Student")

    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(ours.pk)]


def test_the_office_finds_every_student(office, ours, theirs, nobodys):
    found = {result["id"] for result in student_autocomplete(office, "Student").json()["results"]}

    assert found == {str(ours.pk), str(theirs.pk), str(nobodys.pk)}


# --- an application's faculty --------------------------------------------------------------------


@pytest.fixture
def application(chemistry):
    return ApplicationFactory(status=Application.Status.SUBMITTED, faculty=chemistry)


def edit_faculty(client, application, faculty_pk):
    url = admin_url(Application, "change", application.pk)
    data = form_data(client.get(url), Application)
    data["faculty"] = faculty_pk
    return client.post(url, data)


def test_anonymous_visitor_cannot_change_an_applications_faculty(client, application):
    response = client.post(admin_url(Application, "change", application.pk), {"faculty": ""})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.faculty.slug == "chemical-technology"


def test_a_coordinator_cannot_blank_an_applications_faculty(coordinator, application):
    response = edit_faculty(coordinator, application, "")

    assert response.status_code == 200
    assert "faculty" in response.context["adminform"].form.errors
    application.refresh_from_db()
    assert application.faculty.slug == "chemical-technology"


def test_a_coordinator_cannot_move_an_application_to_another_faculty(coordinator, application, physics):
    response = edit_faculty(coordinator, application, str(physics.pk))

    assert response.status_code == 200
    assert "faculty" in response.context["adminform"].form.errors
    application.refresh_from_db()
    assert application.faculty.slug == "chemical-technology"


def test_a_coordinator_still_saves_the_application_with_its_faculty(coordinator, application, chemistry):
    response = edit_faculty(coordinator, application, str(chemistry.pk))

    assert response.status_code == 302


def test_the_office_may_move_an_application_to_another_faculty(office, application, physics):
    response = edit_faculty(office, application, str(physics.pk))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.faculty == physics
