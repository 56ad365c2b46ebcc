"""People say who they are: a student or a member of staff and their department, at sign-up and on their profile."""

import pytest
from django.urls import reverse

from intl_office.models import User
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

EMPLOYEE, STUDENT = User.Affiliation.EMPLOYEE, User.Affiliation.STUDENT
PROFILE = reverse("my-profile")
PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def chemistry(faculty):
    return DepartmentFactory(faculty=faculty, name="Department of Chemistry")


def profile_data(**changes):
    data = {
        "first_name": "Bahodir",
        "last_name": "Toshmatov",
        "affiliation": EMPLOYEE,
        "department": "",
        "position": "Associate professor",
        "academic_degree": "PhD",
        "language": "en",
    }
    return {**data, **changes}


def errors(response):
    return response.context["form"].errors


# --- the profile page ---------------------------------------------------------------------------


def test_an_anonymous_visitor_is_asked_to_sign_in(client):
    response = client.get(PROFILE)

    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_person_sees_their_own_details_and_the_link_in_the_header(client, student):
    student.first_name, student.last_name = "Dilnoza", "Karimova"
    student.save()
    client.force_login(student)

    page = client.get(PROFILE).content.decode()
    applications = client.get(reverse("mobility:my-applications")).content.decode()

    assert 'value="Dilnoza"' in page and 'value="Karimova"' in page and "I study here" in page
    assert f'href="{PROFILE}"' in applications and "My profile" in applications


def test_a_member_of_staff_saves_their_department_position_and_degree(client, student, chemistry):
    client.force_login(student)

    response = client.post(PROFILE, profile_data(department=chemistry.pk))

    assert response.status_code == 302 and response["Location"] == PROFILE
    student.refresh_from_db()
    assert (student.get_full_name(), student.affiliation, student.department, student.position) == (
        "Bahodir Toshmatov",
        EMPLOYEE,
        chemistry,
        "Associate professor",
    )
    assert student.academic_degree == "PhD"
    assert "Your profile is saved." in client.get(PROFILE).content.decode()


def test_a_member_of_staff_without_a_department_is_told_and_nothing_changes(client, student, chemistry):
    client.force_login(student)
    before = (student.first_name, student.affiliation, student.department_id)

    response = client.post(PROFILE, profile_data(first_name="Changed"))

    assert response.status_code == 200
    assert errors(response) == {"department": ["Choose the department you work in."]}
    assert 'class="invalid-feedback' in response.content.decode()
    student.refresh_from_db()
    assert (student.first_name, student.affiliation, student.department_id) == before


def test_a_student_keeps_no_department(client, chemistry):
    person = UserFactory(affiliation=EMPLOYEE, department=chemistry)
    client.force_login(person)

    client.post(PROFILE, profile_data(affiliation=STUDENT, department=chemistry.pk))

    person.refresh_from_db()
    assert (person.affiliation, person.department) == (STUDENT, None)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"last_name": "  "}, "last_name"),
        ({"first_name": "Ali\x00"}, "first_name"),
        ({"position": "x" * 201}, "position"),
        ({"affiliation": "rector"}, "affiliation"),
        ({"department": "99999999999999999999999"}, "department"),
        ({"department": "١٢"}, "department"),
        ({"department": "12\x00"}, "department"),
    ],
)
def test_invalid_input_is_refused_next_to_its_field_and_changes_nothing(client, student, chemistry, changes, field):
    client.force_login(student)
    before = (student.first_name, student.last_name, student.affiliation, student.department_id, student.position)

    response = client.post(PROFILE, profile_data(**{"department": chemistry.pk, **changes}))

    assert response.status_code == 200 and field in errors(response)
    student.refresh_from_db()
    assert (student.first_name, student.last_name, student.affiliation, student.department_id, student.position) == (
        before
    )


def test_a_typed_value_comes_back_as_text(client, student, chemistry):
    client.force_login(student)

    client.post(PROFILE, profile_data(department=chemistry.pk, position='<script>alert("x")</script>'))
    page = client.get(PROFILE).content.decode()

    assert '<script>alert("x")</script>' not in page and "&lt;script&gt;" in page


def test_the_profile_speaks_uzbek_and_russian(client, student, chemistry):
    chemistry.name_uz, chemistry.name_ru = "Kimyo kafedrasi", "Кафедра химии"
    chemistry.save()
    client.force_login(student)

    assert "Kimyo kafedrasi" in client.get("/uz/my/profile/").content.decode()
    assert "Кафедра химии" in client.get("/ru/my/profile/").content.decode()


# --- sign-up --------------------------------------------------------------------------------------


def sign_up(client, email, **fields):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD, **fields}
    )


def test_sign_up_asks_whether_one_studies_or_works_here(client, chemistry):
    page = client.get(reverse("account_signup")).content.decode()

    assert "I study here" in page and "I work here" in page and "Department of Chemistry" in page


def test_a_member_of_staff_signs_up_with_their_department(client, chemistry):
    response = sign_up(client, "bahodir@example.org", affiliation=EMPLOYEE, department=chemistry.pk)

    assert response.status_code == 302
    person = User.objects.get(email="bahodir@example.org")
    assert (person.affiliation, person.department) == (EMPLOYEE, chemistry)


def test_a_member_of_staff_who_names_no_department_is_told_and_no_account_is_made(client, chemistry):
    response = sign_up(client, "bahodir@example.org", affiliation=EMPLOYEE)

    assert response.status_code == 200
    assert response.context["form"].errors["department"] == ["Choose the department you work in."]
    assert not User.objects.filter(email="bahodir@example.org").exists()


def test_a_student_signs_up_without_a_department(client, chemistry):
    sign_up(client, "dilnoza@example.org", affiliation=STUDENT, department=chemistry.pk)

    person = User.objects.get(email="dilnoza@example.org")
    assert (person.affiliation, person.department) == (STUDENT, None)


def test_a_sign_up_that_does_not_say_is_a_student(client):
    sign_up(client, "dilnoza@example.org")

    assert User.objects.get(email="dilnoza@example.org").affiliation == STUDENT
