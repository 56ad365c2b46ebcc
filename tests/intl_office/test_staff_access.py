"""Who may open the staff workspace: staff only, as in the admin; everybody else goes to the admin's login.

The calendar feed opens with a token instead of a session: its access is tested in test_calendar.py.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URLS = [
    reverse("staff:dashboard"),
    reverse("staff:report"),
    reverse("staff:report") + "?year=2024&period=calendar",
]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitor_is_sent_to_the_admin_login_and_back(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=/staff/")


@pytest.mark.parametrize("url", URLS)
def test_signed_in_student_is_sent_to_the_admin_login(client, student, url):
    client.force_login(student)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")


@pytest.mark.parametrize("url", URLS)
def test_faculty_coordinator_opens_the_workspace(client, coordinator, url):
    client.force_login(coordinator)

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_office_staff_opens_the_workspace(client, staff, url):
    client.force_login(staff)

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_former_staff_member_is_sent_to_the_admin_login(client, staff, url):
    client.force_login(staff)
    staff.is_staff = False
    staff.save()

    response = client.get(url)

    assert response.status_code == 302


def test_admin_index_leads_to_the_staff_dashboard(client, staff):
    client.force_login(staff)

    html = client.get(reverse("admin:index")).content.decode()

    assert f'href="{reverse("staff:dashboard")}"' in html
    assert "Open the staff dashboard" in html
    assert "app-partners" in html  # the admin's own list of records is still there


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_staff_pages_only_answer_get(client, staff, method):
    client.force_login(staff)

    assert getattr(client, method)(reverse("staff:dashboard")).status_code == 405


def test_the_dashboard_in_uzbek_lives_under_the_language_prefix(client, staff):
    client.force_login(staff)

    response = client.get("/uz/staff/")

    assert response.status_code == 200
    assert response["Content-Language"] == "uz"
