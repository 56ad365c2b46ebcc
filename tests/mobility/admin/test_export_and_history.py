"""Exporting a call's applications, and the history of records edited in the admin."""

import csv
import datetime
import io

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from intl_office.dates import today
from mobility.models import Application, ApplicationReview, Mobility
from programs.models import Call
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import CallFactory, FacultyFactory, MobilityFactory, UserFactory
from tests.files import CSV_FORMAT, XLSX_FORMAT
from tests.mobility.admin.helpers import Status, application_at, press

pytestmark = pytest.mark.django_db


# --- export --------------------------------------------------------------------------------------


def export(client, call, file_format, **params):
    url = admin_url(Application, "export") + f"?call__id__exact={call.pk}"
    form = client.get(url).context["form"]
    fields = {name: "on" for name in form.fields if name.startswith("applicationresource_")}
    return client.post(url, {**fields, "format": file_format, "resource": "0"})


@pytest.fixture
def reviewed_call(call, hosts, staff):
    """Two applications of the call, one of another call."""
    faculty = FacultyFactory(name="Faculty of Energy Engineering", slug="energy")
    first = application_at(
        call,
        Status.SHORTLISTED,
        hosts=[hosts[1], hosts[0]],
        first_name="Aziza",
        last_name="Karimova",
        faculty=faculty,
        level="bachelor",
        year_of_study=3,
        gpa="4.20",
        language_certificate="ielts",
        language_score="6.5",
        submitted_at=datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC),
    )
    ApplicationReview.objects.create(application=first, reviewer=staff, score=8)
    ApplicationReview.objects.create(application=first, reviewer=UserFactory(is_staff=True), score=7)
    application_at(call, Status.SUBMITTED, first_name="Bekzod", last_name="Tursunov")
    application_at(CallFactory(title="Another call"), Status.SUBMITTED, first_name="Other", last_name="Call")
    return call


def test_csv_export_of_one_call_has_readable_columns(staff_client, reviewed_call):
    response = export(staff_client, reviewed_call, CSV_FORMAT)

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="applications-erasmus-2026-{today()}.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["name"] for row in rows] == ["Aziza Karimova", "Bekzod Tursunov"]
    aziza = rows[0]
    assert aziza["call"] == "Erasmus+ semester exchange 2026/27"
    assert aziza["faculty"] == "Faculty of Energy Engineering"
    assert (aziza["level of study"], aziza["year of study"], aziza["GPA"]) == ("Bachelor", "3", "4.20")
    assert (aziza["language certificate"], aziza["language score"]) == ("IELTS", "6.5")
    assert aziza["host preferences"] == "1. Kyungpook National University; 2. Gazi University"
    assert (aziza["status"], aziza["average score"], aziza["reviews"]) == ("Shortlisted", "7.5", "2")
    assert aziza["submitted"] == "2026-03-02 14:30"  # Tashkent time
    assert aziza["e-mail"].endswith("@example.org")
    assert rows[1]["average score"] == ""


def test_xlsx_export_of_one_call(staff_client, reviewed_call):
    response = export(staff_client, reviewed_call, XLSX_FORMAT)

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.values)
    assert header[:3] == ("call", "name", "e-mail")
    assert [row[1] for row in rows] == ["Aziza Karimova", "Bekzod Tursunov"]
    assert rows[0][header.index("average score")] == 7.5


def test_csv_export_keeps_a_students_formula_as_text(staff_client, call):
    application_at(call, Status.SUBMITTED, first_name="=HYPERLINK(", last_name='"http://evil.example")')

    response = export(staff_client, call, CSV_FORMAT)

    (row,) = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert row["name"].startswith("'=")


@pytest.mark.usefixtures("home_institution")
def test_the_export_needs_no_more_queries_for_more_applications(staff_client, staff, call, django_assert_num_queries):
    def add(count):
        for _ in range(count):
            application = application_at(call, Status.UNDER_REVIEW, faculty=FacultyFactory())
            ApplicationReview.objects.create(application=application, reviewer=staff, score=7)

    # The form: session, user, the call, faculty and host filters' choices, the home institution. The
    # file: session, user, the three filters' choices, the count, the applications, their host
    # preferences, and the call's slug for the file name.
    add(2)
    with django_assert_num_queries(6 + 9):
        assert export(staff_client, call, CSV_FORMAT).status_code == 200
    add(20)
    with django_assert_num_queries(6 + 9):
        assert export(staff_client, call, CSV_FORMAT).status_code == 200


# --- history -------------------------------------------------------------------------------------


def test_an_edit_of_a_mobility_in_the_admin_shows_in_its_history(staff_client, staff):
    mobility = MobilityFactory(participant_name="Aziza Karimova", notes="")
    url = admin_url(Mobility, "change", mobility.pk)
    data = form_data(staff_client.get(url), Mobility)
    data["notes"] = "Visa received"

    assert staff_client.post(url, data).status_code == 302
    page = staff_client.get(url).content.decode()

    entry = LogEntry.objects.get_for_object(mobility).latest("timestamp")
    assert entry.actor == staff
    assert "Visa received" in page
    assert reverse("admin:mobility_mobility_auditlog", args=[mobility.pk]) in page
    assert staff_client.get(reverse("admin:mobility_mobility_auditlog", args=[mobility.pk])).status_code == 200


def test_a_status_change_shows_in_the_applications_audit_history(staff_client, staff, call):
    application = application_at(call, Status.SUBMITTED)

    press(staff_client, application, Status.UNDER_REVIEW)
    page = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    assert "Status: Submitted → Under review" in page  # choice labels, not the stored codes
    assert f"<td>{staff.get_full_name()}</td><td>Update</td>" in page
    assert reverse("admin:mobility_application_auditlog", args=[application.pk]) in page


def test_an_edit_of_a_call_in_the_admin_shows_in_its_history(staff_client, staff, call):
    url = admin_url(Call, "change", call.pk)
    data = form_data(staff_client.get(url), Call)
    data["places"] = "12"

    assert staff_client.post(url, data).status_code == 302, form_errors(staff_client.post(url, data))
    page = staff_client.get(url).content.decode()

    assert LogEntry.objects.get_for_object(call).latest("timestamp").actor == staff
    assert "2 → 12" in page


def test_the_audit_log_page_of_a_missing_record_redirects_with_a_message(staff_client):
    response = staff_client.get(reverse("admin:programs_call_auditlog", args=[999999]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:index")
