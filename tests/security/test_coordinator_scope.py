"""A faculty coordinator's reach: the people of their own faculty, and applications that stay in it.

Each screen is tried three ways: anonymous, a coordinator reaching outside their faculty (the wrong
user), and the office, who sees everybody.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from intl_office.models import User
from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import Application
from tests.admin_helpers import admin_url, form_data
from tests.factories import ApplicationFactory, FacultyFactory, UserFactory

pytestmark = pytest.mark.django_db

USERS = admin_url(User, "changelist")


def student_autocomplete(client, term):
    return client.get(
        reverse("admin:autocomplete"),
        {"app_label": "mobility", "model_name": "application", "field_name": "student", "term": term},
    )


@pytest.fixture
def physics():
    return FacultyFactory(name="Faculty of Physics", slug="physics")


@pytest.fixture
def ours(faculty):
    return UserFactory(username="dilnoza-chem", last_name="Studentova", faculty=faculty)


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


def test_a_coordinator_lists_only_the_users_of_their_faculty(coordinator_client, ours, theirs, nobodys):
    response = coordinator_client.get(USERS)

    assert response.status_code == 200
    listed = {user.username for user in response.context["cl"].result_list}
    assert listed == {"coordinator", "dilnoza-chem"}


def test_a_coordinator_cannot_open_a_user_of_another_faculty(coordinator_client, theirs):
    response = coordinator_client.get(admin_url(User, "change", theirs.pk))

    # The admin's answer for a record that is not there: back to the list, saying so.
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_coordinator_without_a_faculty_lists_nobody(client, ours, nobodys):
    user = UserFactory(username="unassigned", is_staff=True)
    user.groups.add(Group.objects.get(name=FACULTY_COORDINATOR))
    client.force_login(user)

    response = client.get(USERS)

    assert list(response.context["cl"].result_list) == []


def test_the_office_lists_every_user(office_client, ours, theirs, nobodys):
    listed = {user.username for user in office_client.get(USERS).context["cl"].result_list}

    assert {"dilnoza-chem", "jasur-phys", "no-faculty", "office"} <= listed


# --- the student autocomplete --------------------------------------------------------------------


def test_anonymous_visitor_gets_no_students_from_the_autocomplete(client, ours):
    response = student_autocomplete(client, "Student")

    assert response.status_code == 302


def test_a_coordinator_finds_only_their_facultys_students(coordinator_client, ours, theirs, nobodys):
    response = student_autocomplete(coordinator_client, "Student")

    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(ours.pk)]


def test_the_office_finds_every_student(office_client, ours, theirs, nobodys):
    found = {result["id"] for result in student_autocomplete(office_client, "Student").json()["results"]}

    assert found == {str(ours.pk), str(theirs.pk), str(nobodys.pk)}


# --- an application's faculty --------------------------------------------------------------------


@pytest.fixture
def application(faculty):
    # A draft: its form is editable. A submitted application's faculty changes only through a correction (below).
    return ApplicationFactory(status=Application.Status.DRAFT, faculty=faculty)


def edit_faculty(client, application, faculty_pk):
    url = admin_url(Application, "change", application.pk)
    data = form_data(client.get(url), Application)
    data["faculty"] = faculty_pk
    return client.post(url, data)


def test_anonymous_visitor_cannot_change_an_applications_faculty(client, application):
    response = client.post(admin_url(Application, "change", application.pk), {"faculty": ""})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.faculty.slug == "chemical-engineering"


def test_a_coordinator_cannot_blank_an_applications_faculty(coordinator_client, application):
    response = edit_faculty(coordinator_client, application, "")

    assert response.status_code == 200
    assert "faculty" in response.context["adminform"].form.errors
    application.refresh_from_db()
    assert application.faculty.slug == "chemical-engineering"


def test_a_coordinator_cannot_move_an_application_to_another_faculty(coordinator_client, application, physics):
    response = edit_faculty(coordinator_client, application, str(physics.pk))

    assert response.status_code == 200
    assert "faculty" in response.context["adminform"].form.errors
    application.refresh_from_db()
    assert application.faculty.slug == "chemical-engineering"


def test_a_coordinator_still_saves_the_application_with_its_faculty(coordinator_client, application, faculty):
    response = edit_faculty(coordinator_client, application, str(faculty.pk))

    assert response.status_code == 302


def test_the_office_may_move_an_application_to_another_faculty(office_client, application, physics):
    response = edit_faculty(office_client, application, str(physics.pk))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.faculty == physics


def correct_faculty(client, application, faculty_pk):
    data = {"faculty": faculty_pk, "host_1": str(application.call.hosts.get().pk), "reason": "Wrong faculty chosen"}
    return client.post(admin_url(Application, "correct", application.pk), data)


@pytest.fixture
def submitted(faculty):
    application = ApplicationFactory(status=Application.Status.SUBMITTED, faculty=faculty)
    Application.objects.filter(pk=application.pk).update(submitted_at=application.created_at)
    return application


@pytest.mark.parametrize("target", ["", "physics"])
def test_a_coordinator_cannot_blank_or_move_a_submitted_applications_faculty(
    coordinator_client, submitted, physics, target
):
    response = correct_faculty(coordinator_client, submitted, str(physics.pk) if target else "")

    assert response.status_code == 200
    assert "faculty" in response.context["form"].errors
    submitted.refresh_from_db()
    assert submitted.faculty.slug == "chemical-engineering"


def test_the_office_moves_a_submitted_application_to_another_faculty_with_a_correction(
    office_client, submitted, physics
):
    response = correct_faculty(office_client, submitted, str(physics.pk))

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.faculty == physics
    assert submitted.events.get().changes["faculty"] == ["Faculty of Chemical Engineering", "Faculty of Physics"]
