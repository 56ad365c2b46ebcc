"""Departments with their heads, faculties with their deans, and who a person is, as the office sets them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intl_office.models import Department, Faculty, User
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import DepartmentFactory, FacultyFactory, UserFactory

pytestmark = pytest.mark.django_db

EMPLOYEE = User.Affiliation.EMPLOYEE


def test_the_office_adds_a_department_in_three_languages_with_its_head(office_client, faculty):
    head = UserFactory(first_name="Bahodir", last_name="Toshmatov", affiliation=EMPLOYEE)
    url = admin_url(Department, "add")
    data = form_data(office_client.get(url), Department)
    data.update(
        faculty=faculty.pk,
        name_en="Department of Chemistry",
        name_uz="Kimyo kafedrasi",
        name_ru="Кафедра химии",
        head=head.pk,
    )

    response = office_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    department = Department.objects.get()
    assert (department.name_uz, department.name_ru, department.head, department.faculty) == (
        "Kimyo kafedrasi",
        "Кафедра химии",
        head,
        faculty,
    )


def test_the_head_is_found_by_name_in_the_autocomplete(office_client):
    head = UserFactory(first_name="Bahodir", last_name="Toshmatov")
    UserFactory(first_name="Dilnoza", last_name="Karimova")

    response = office_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "intl_office", "model_name": "department", "field_name": "head", "term": "Toshm"},
    )

    assert [result["id"] for result in response.json()["results"]] == [str(head.pk)]


def test_the_list_counts_each_departments_members_in_a_fixed_number_of_queries(office_client, faculty):
    chemistry = DepartmentFactory(faculty=faculty, name="Department of Chemistry")
    UserFactory.create_batch(3, department=chemistry, affiliation=EMPLOYEE)
    url = admin_url(Department, "changelist")
    office_client.get(url)  # the session's first request also checks the second factor

    with CaptureQueriesContext(connection) as few:
        page = office_client.get(url).content.decode()
    for _n in range(30):
        UserFactory(department=DepartmentFactory(faculty=FacultyFactory()), affiliation=EMPLOYEE)
    with CaptureQueriesContext(connection) as many:
        assert office_client.get(url).status_code == 200

    assert 'class="field-member_count">3<' in page
    # The members are counted in the page's one query (tests/admin/test_pages.py names them all).
    assert len(many) == len(few)


def test_the_faculty_names_its_dean(office_client, faculty):
    dean = UserFactory(first_name="Nodira", last_name="Yusupova")
    url = admin_url(Faculty, "change", faculty.pk)
    data = form_data(office_client.get(url), Faculty)
    data["dean"] = dean.pk

    response = office_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    faculty.refresh_from_db()
    assert faculty.dean == dean
    assert "Yusupova" in office_client.get(admin_url(Faculty, "changelist")).content.decode()


def test_the_user_admin_shows_and_sets_who_a_person_is(staff_client, faculty):
    chemistry = DepartmentFactory(faculty=faculty, name="Department of Chemistry")
    person = UserFactory()
    url = admin_url(User, "change", person.pk)
    data = form_data(staff_client.get(url), User)
    data.update(affiliation=EMPLOYEE, department=chemistry.pk, position="Associate professor", academic_degree="PhD")

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    person.refresh_from_db()
    assert (person.affiliation, person.department, person.position, person.academic_degree) == (
        EMPLOYEE,
        chemistry,
        "Associate professor",
        "PhD",
    )


def test_the_user_list_filters_by_affiliation_and_department(staff_client, faculty):
    chemistry = DepartmentFactory(faculty=faculty, name="Department of Chemistry")
    UserFactory(username="chemist", department=chemistry, affiliation=EMPLOYEE)
    UserFactory(username="physicist", department=DepartmentFactory(faculty=faculty), affiliation=EMPLOYEE)
    UserFactory(username="learner")
    url = admin_url(User, "changelist")

    staff_members = staff_client.get(url, {"affiliation__exact": EMPLOYEE}).context["cl"].result_list
    chemists = staff_client.get(url, {"department__id__exact": chemistry.pk}).context["cl"].result_list

    assert {user.username for user in staff_members} == {"chemist", "physicist"}
    assert [user.username for user in chemists] == ["chemist"]


@pytest.mark.parametrize("value", ["99999999999999999999999", "١٢", "x\x00"])
def test_a_department_filter_no_row_matches_is_no_error(staff_client, value):
    response = staff_client.get(admin_url(User, "changelist"), {"department__id__exact": value})

    assert response.status_code in (200, 302, 400)


def test_a_viewer_reads_departments_but_changes_nothing(viewer_client, faculty):
    department = DepartmentFactory(faculty=faculty, name="Department of Chemistry")
    url = admin_url(Department, "change", department.pk)

    assert viewer_client.get(url).status_code == 200
    assert viewer_client.post(url, {"faculty": faculty.pk, "name_en": "Renamed"}).status_code == 403
    department.refresh_from_db()
    assert department.name == "Department of Chemistry"
