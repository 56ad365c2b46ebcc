"""Least privilege in the staff workspace: the annual report, its XLSX and the calendar feed ask for a right.

Staff status opens the door (anybody else goes to the admin's login); reading needs a role. Each URL is
tried three ways: anonymous, a staff account with no role (the wrong user), and a member of each role.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from intl_office.models import ReportFile
from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF, ROLES, VIEWER
from intl_office.staff import calendar
from tests.factories import UserFactory
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db

REPORT_URLS = ["page", "xlsx"]
EXPORT_URL = reverse("staff:report-export")


@pytest.fixture
def urls(db):
    """The report's page and a prepared XLSX file's download."""
    report_file = ReportFile.objects.create(kind="academic", year=2024, language="en", status=ReportFile.Status.READY)
    report_file.file.save("annual-report.xlsx", ContentFile(b"PK\x03\x04 a workbook"))
    return {"page": reverse("staff:report"), "xlsx": reverse("staff:report-file", args=[report_file.pk])}


def feed_url(user):
    return f"{reverse('staff:calendar')}?token={calendar.calendar_token(user)}"


@pytest.fixture
def roleless():
    """Staff, so past the admin's door, but in no group and with no permission of their own."""
    return UserFactory(username="roleless", is_staff=True)


# --- the report and its XLSX -----------------------------------------------------------------------


@pytest.mark.parametrize("url", REPORT_URLS)
def test_anonymous_visitor_is_sent_to_the_login_for_the_report(client, urls, url):
    response = client.get(urls[url])

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", REPORT_URLS)
def test_staff_account_without_a_role_gets_403_for_the_report(roleless, urls, url):
    response = signed_in(roleless).get(urls[url])

    assert response.status_code == 403
    assert "Content-Disposition" not in response


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", REPORT_URLS)
def test_every_role_reads_the_report(role, urls, url):
    assert signed_in(member_of(role)).get(urls[url]).status_code == 200


def test_the_right_alone_opens_the_report_to_a_staff_account(roleless, urls):
    roleless.user_permissions.add(
        Permission.objects.get(content_type__app_label="intl_office", codename="view_reports")
    )

    assert signed_in(roleless).get(urls["xlsx"]).status_code == 200


def test_asking_for_the_xlsx_needs_the_right_too(client, roleless):
    query = {"year": 2024, "period": "academic"}

    anonymous = client.post(EXPORT_URL, query)
    refused = signed_in(roleless).post(EXPORT_URL, query)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))
    assert refused.status_code == 403
    assert not ReportFile.objects.exists()


def test_a_file_not_ready_is_not_found(roleless):
    pending = ReportFile.objects.create(kind="academic", year=2024, language="en")
    viewer = signed_in(member_of(ROLES[0]))

    assert viewer.get(reverse("staff:report-file", args=[pending.pk])).status_code == 404
    assert viewer.get(reverse("staff:report-file", args=[pending.pk + 1])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_migration_gives_every_role_the_report(role):
    group = Group.objects.get(name=role)

    assert group.permissions.filter(content_type__app_label="intl_office", codename="view_reports").exists()


# --- the calendar feed ----------------------------------------------------------------------------


def test_the_feed_without_a_token_is_not_found(client):
    assert client.get(reverse("staff:calendar")).status_code == 404


def test_staff_account_without_a_role_gets_403_for_the_feed(client, roleless):
    response = client.get(feed_url(roleless))

    assert response.status_code == 403
    assert b"BEGIN:VCALENDAR" not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_feed(client, role):
    response = client.get(feed_url(member_of(role)))

    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" in response.content


def test_reading_visits_without_calls_is_not_enough_for_the_feed(client, roleless):
    # The feed holds unpublished calls as well as private visits: both rights, or none of it.
    roleless.user_permissions.add(Permission.objects.get(content_type__app_label="mobility", codename="view_visit"))

    assert client.get(feed_url(roleless)).status_code == 403


# --- the dashboard -------------------------------------------------------------------------------


def test_the_dashboard_stays_open_but_offers_a_roleless_account_neither_report_nor_feed(roleless):
    response = signed_in(roleless).get(reverse("staff:dashboard"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Ask the office to give you a role." in html
    assert f'href="{reverse("staff:report")}"' not in html
    assert "feed_url" not in response.context
    assert "calendar.ics" not in html


@pytest.mark.parametrize("role", [OFFICE_STAFF, FACULTY_COORDINATOR, VIEWER])
def test_the_dashboard_offers_every_role_the_report_and_the_feed(role):
    html = signed_in(member_of(role)).get(reverse("staff:dashboard")).content.decode()

    assert f'href="{reverse("staff:report")}"' in html
    assert "calendar.ics?token=" in html
    assert reverse("staff:calendar-rotate") in html


def test_the_admin_index_offers_the_report_only_to_those_who_may_read_it(roleless):
    url = reverse("admin:index")

    assert f'href="{reverse("staff:report")}"' not in signed_in(roleless).get(url).content.decode()
    assert f'href="{reverse("staff:report")}"' in signed_in(member_of(VIEWER)).get(url).content.decode()
