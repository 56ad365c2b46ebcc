"""Reviewing applications in the admin (workflow buttons, bulk actions, reviews, export); mobility and visit imports."""

import csv
import datetime
import io

import openpyxl
import pytest
import tablib
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intl_office.dates import today
from intl_office.models import HomeInstitution
from intl_office.roles import FACULTY_COORDINATOR
from mobility import services
from mobility.models import Application, ApplicationEvent, ApplicationReview, Direction, Mobility, Visit
from mobility.resources import FORMATS, MobilityResource, VisitResource
from programs.models import Call
from tests.admin import admin_url, form_data, form_errors
from tests.factories import (
    AgreementFactory,
    ApplicationDocumentFactory,
    ApplicationFactory,
    ApplicationReviewFactory,
    CallFactory,
    FacultyFactory,
    GrantProgramFactory,
    HostPreferenceFactory,
    InstitutionFactory,
    MobilityFactory,
    UserFactory,
    VisitFactory,
)
from tests.mobility.test_application_services import PERSONAL, checked_pdf, checked_photo

pytestmark = pytest.mark.django_db

Status = Application.Status
DAY = datetime.timedelta(days=1)
CSV_FORMAT, XLSX_FORMAT = (str(FORMATS.index(fmt)) for fmt in FORMATS)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def hosts():
    return [
        InstitutionFactory(name="Gazi University", country="TR"),
        InstitutionFactory(name="Kyungpook National University", country="KR"),
    ]


@pytest.fixture
def call(hosts):
    return CallFactory(
        title="Erasmus+ semester exchange 2026/27",
        slug="erasmus-2026",
        places=2,
        program=GrantProgramFactory(name="Erasmus+ credit mobility"),
        mobility_start=datetime.date(2027, 2, 1),
        mobility_end=datetime.date(2027, 6, 30),
        hosts=hosts,
    )


def application_at(call, status, *, hosts=None, **kwargs):
    """An application of ``call`` already at ``status``, with ranked host preferences."""
    application = ApplicationFactory(call=call, status=status, **kwargs)
    for rank, host in enumerate(hosts if hosts is not None else call.hosts.order_by("name"), start=1):
        HostPreferenceFactory(application=application, institution=host, rank=rank)
    return application


def transition_url(application):
    return reverse("admin:mobility_application_transition", args=[application.pk])


def press(client, application, to_status, **data):
    """A workflow button on the application's page."""
    return client.post(transition_url(application), {"to_status": to_status, **data}, follow=True)


def shown(response):
    """The messages the page the redirect led to showed."""
    return [str(message) for message in response.context["messages"]]


def act(client, action, applications):
    return client.post(
        admin_url(Application, "changelist"),
        # confirm=yes: the answer to the confirmation page that bulk accept and reject show first.
        {"action": action, "_selected_action": [str(application.pk) for application in applications], "confirm": "yes"},
        follow=True,
    )


# --- the workflow buttons ------------------------------------------------------------------------


def test_the_page_offers_the_buttons_of_the_allowed_transitions_only(staff_client, call):
    application = application_at(call, Status.SHORTLISTED)

    html = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    for status in (Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN):
        assert f'name="to_status" value="{status}"' in html
    for status in (Status.UNDER_REVIEW, Status.SHORTLISTED, Status.SUBMITTED, Status.DRAFT):
        assert f'name="to_status" value="{status}"' not in html
    assert f'action="{transition_url(application)}' in html
    assert 'name="status"' not in html


def test_a_button_moves_the_application_records_who_and_mails_the_student_in_their_language(
    staff_client, staff, student, call, django_capture_on_commit_callbacks
):
    # The student applied in Uzbek; the staff member works in English.
    application, _created = services.application_start(call=call, student=student, language="uz")
    services.application_save_draft(
        application=application,
        actor=student,
        fields={**PERSONAL, "faculty": FacultyFactory()},
        hosts=list(call.hosts.all()),
        documents={},
        photo=checked_photo(),
        language="uz",
    )
    services.application_submit(application=application, actor=student, language="uz")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = press(staff_client, application, Status.UNDER_REVIEW, note="Documents complete")

    assert response.redirect_chain[-1][0] == admin_url(Application, "change", application.pk)
    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    event = application.events.last()
    assert (event.from_status, event.to_status, event.actor, event.note) == (
        Status.SUBMITTED,
        Status.UNDER_REVIEW,
        staff,
        "Documents complete",
    )
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert "tanloviga arizangiz" in message.subject
    assert "http://testserver/uz/my/applications/" in message.body
    assert any("Under review" in text for text in shown(response))


def test_a_disallowed_transition_is_refused_with_a_message_and_changes_nothing(
    staff_client, call, django_capture_on_commit_callbacks
):
    application = application_at(call, Status.SUBMITTED)
    events = ApplicationEvent.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = press(staff_client, application, Status.ACCEPTED)

    assert "An application cannot go from submitted to accepted." in shown(response)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert ApplicationEvent.objects.count() == events
    assert not Mobility.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("to_status", [Status.SUBMITTED, Status.DRAFT, "approved", ""])
def test_statuses_staff_do_not_set_are_refused(staff_client, call, to_status):
    application = application_at(call, Status.DRAFT)

    response = press(staff_client, application, to_status)

    assert response.status_code == 200
    assert shown(response)
    application.refresh_from_db()
    assert application.status == Status.DRAFT
    assert not application.events.exists()


@pytest.mark.parametrize("host", ["abc", "999999"])
def test_a_host_the_student_did_not_choose_is_refused(staff_client, call, host):
    application = application_at(call, Status.SHORTLISTED)

    response = press(staff_client, application, Status.ACCEPTED, host=host)

    assert any("valid choice" in text for text in shown(response))
    application.refresh_from_db()
    assert application.status == Status.SHORTLISTED
    assert not Mobility.objects.exists()


def test_the_transition_url_answers_only_post(staff_client, call):
    application = application_at(call, Status.SUBMITTED)

    assert staff_client.get(transition_url(application)).status_code == 405


def test_accepting_makes_the_mobility_with_the_calls_programme_dates_and_the_chosen_host(staff_client, call, hosts):
    application = application_at(call, Status.SHORTLISTED, hosts=hosts, faculty=FacultyFactory())

    press(staff_client, application, Status.ACCEPTED, host=str(hosts[1].pk))

    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    mobility = Mobility.objects.get(application=application)
    assert (mobility.partner, mobility.program, mobility.call) == (hosts[1], call.program, call)
    assert (mobility.start_date, mobility.end_date) == (datetime.date(2027, 2, 1), datetime.date(2027, 6, 30))
    assert (mobility.direction, mobility.participant_name, mobility.faculty) == (
        Direction.OUTGOING,
        application.full_name,
        application.faculty,
    )
    page = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()
    assert admin_url(Mobility, "change", mobility.pk) in page


def test_accepting_past_the_places_is_refused_and_changes_nothing(staff_client, call):
    call.places = 1
    call.save()
    application_at(call, Status.ACCEPTED)
    waiting = application_at(call, Status.SHORTLISTED)

    response = press(staff_client, waiting, Status.ACCEPTED)

    assert "All 1 places of this call are taken; no more applications can be accepted." in shown(response)
    waiting.refresh_from_db()
    assert waiting.status == Status.SHORTLISTED
    assert not Mobility.objects.filter(application=waiting).exists()


def test_the_page_counts_the_places_taken(staff_client, call):
    application_at(call, Status.ACCEPTED)
    application = application_at(call, Status.SHORTLISTED)

    html = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    assert "1 of 2 places" in html


# --- bulk actions --------------------------------------------------------------------------------


def test_bulk_shortlist_moves_what_it_may_and_says_why_not_the_rest(staff_client, call):
    ready = [application_at(call, Status.UNDER_REVIEW) for _ in range(2)]
    early = application_at(call, Status.SUBMITTED, first_name="Aziza", last_name="Karimova")

    response = act(staff_client, "shortlist", [*ready, early])

    messages = shown(response)
    assert "2 applications moved to “Shortlisted”." in messages
    assert (
        "1 application not moved (Aziza Karimova): An application cannot go from submitted to shortlisted."
    ) in messages
    assert {a.status for a in Application.objects.filter(pk__in=[a.pk for a in ready])} == {Status.SHORTLISTED}
    early.refresh_from_db()
    assert early.status == Status.SUBMITTED


def test_bulk_accept_fills_the_places_best_score_first_and_refuses_the_others(staff_client, staff, call):
    scores = {"best": 9, "weakest": 5, "second": 7}
    applications = {}
    for name, score in scores.items():
        applications[name] = application_at(call, Status.SHORTLISTED, first_name=name.title(), last_name="Test")
        ApplicationReview.objects.create(application=applications[name], reviewer=staff, score=score)

    response = act(staff_client, "accept", applications.values())

    statuses = {name: Application.objects.get(pk=a.pk).status for name, a in applications.items()}
    assert statuses == {"best": Status.ACCEPTED, "second": Status.ACCEPTED, "weakest": Status.SHORTLISTED}
    assert Mobility.objects.count() == 2
    messages = shown(response)
    assert "2 applications moved to “Accepted”." in messages
    assert (
        "1 application not moved (Weakest Test): All 2 places of this call are taken; "
        "no more applications can be accepted."
    ) in messages


def test_a_bulk_action_that_moves_nothing_is_an_error(staff_client, call):
    drafts = [application_at(call, Status.DRAFT) for _ in range(2)]

    response = act(staff_client, "reject", drafts)

    (message,) = response.context["messages"]
    assert message.level_tag == "error"
    assert "2 applications not moved" in str(message)
    assert not Application.objects.exclude(status=Status.DRAFT).exists()


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        ("start_review", Status.SUBMITTED, Status.UNDER_REVIEW),
        ("shortlist", Status.UNDER_REVIEW, Status.SHORTLISTED),
        ("waitlist", Status.SHORTLISTED, Status.WAITLISTED),
        ("reject", Status.UNDER_REVIEW, Status.REJECTED),
        ("accept", Status.WAITLISTED, Status.ACCEPTED),
    ],
)
def test_each_bulk_action_records_the_history_with_the_actor(staff_client, staff, call, action, before, after):
    application = application_at(call, before)

    act(staff_client, action, [application])

    application.refresh_from_db()
    assert application.status == after
    assert application.events.get().actor == staff


# --- reviews -------------------------------------------------------------------------------------


def test_a_reviewer_adds_their_own_review_and_saving_again_updates_it(staff_client, staff, call):
    application = application_at(call, Status.UNDER_REVIEW)
    colleague = UserFactory(username="colleague", is_staff=True, first_name="Nodira", last_name="Azimova")
    ApplicationReview.objects.create(application=application, reviewer=colleague, score=6, comment="Average letter")
    url = admin_url(Application, "change", application.pk)

    page = staff_client.get(url)
    html = page.content.decode()
    data = form_data(page, Application)
    data.update({"reviews-2-0-score": "8", "reviews-2-0-comment": "Strong motivation"})
    first = staff_client.post(url, data)

    again = form_data(staff_client.get(url), Application)
    again.update({"reviews-2-0-score": "9"})
    second = staff_client.post(url, again)

    # The colleague's review is shown, not editable; the reviewer has one review, updated.
    assert "Average letter" in html and "Nodira Azimova" in html
    assert 'name="reviews-0-score"' not in html
    assert first.status_code == 302, form_errors(first)
    assert second.status_code == 302, form_errors(second)
    own = ApplicationReview.objects.get(application=application, reviewer=staff)
    assert (own.score, own.comment) == (9, "Strong motivation")
    assert ApplicationReview.objects.filter(application=application).count() == 2


@pytest.mark.parametrize("score", ["11", "-1", "seven"])
def test_a_score_outside_0_to_10_is_refused_by_its_field(staff_client, call, score):
    application = application_at(call, Status.UNDER_REVIEW)
    url = admin_url(Application, "change", application.pk)
    data = form_data(staff_client.get(url), Application)
    data["reviews-2-0-score"] = score

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert not ApplicationReview.objects.exists()


def test_a_draft_has_no_review_form(staff_client, call):
    application = application_at(call, Status.DRAFT)

    html = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    assert "reviews-2-0-score" not in html


def test_a_second_review_by_the_same_reviewer_updates_the_first():
    review = ApplicationReviewFactory(score=4)

    services.application_review(application=review.application, reviewer=review.reviewer, score=7, comment="Better")

    review.refresh_from_db()
    assert (review.score, review.comment) == (7, "Better")
    assert ApplicationReview.objects.count() == 1


def test_the_list_shows_the_average_score_and_sorts_by_it(staff_client, staff, call):
    low = application_at(call, Status.UNDER_REVIEW)
    high = application_at(call, Status.UNDER_REVIEW)
    ApplicationReview.objects.create(application=high, reviewer=staff, score=9)
    ApplicationReview.objects.create(application=high, reviewer=UserFactory(is_staff=True), score=8)
    ApplicationReview.objects.create(application=low, reviewer=staff, score=3)
    unreviewed = application_at(call, Status.SUBMITTED)

    response = staff_client.get(admin_url(Application, "changelist"), {"o": "-6"})

    rows = list(response.context["cl"].result_list)
    assert rows[:2] == [high, low]
    assert unreviewed in rows
    assert "8.5 <small>(2 reviews)</small>" in response.content.decode()


def test_the_list_filters_by_host_preference(staff_client, call, hosts):
    to_gazi = application_at(call, Status.SUBMITTED, hosts=[hosts[0]])
    application_at(call, Status.SUBMITTED, hosts=[hosts[1]])

    response = staff_client.get(admin_url(Application, "changelist"), {"host": str(hosts[0].pk)})

    assert list(response.context["cl"].result_list) == [to_gazi]


# --- documents -----------------------------------------------------------------------------------


def test_document_links_open_the_staff_download_and_a_coordinator_of_another_faculty_gets_404(staff_client, call):
    chemistry, physics = FacultyFactory(slug="chemistry"), FacultyFactory(slug="physics")
    document = ApplicationDocumentFactory(
        application=application_at(call, Status.SUBMITTED, faculty=chemistry), original_name="transcript.pdf"
    )
    link = reverse("mobility:staff-application-document", kwargs={"pk": document.application_id, "doc_pk": document.pk})
    page = staff_client.get(admin_url(Application, "change", document.application_id)).content.decode()

    coordinator = UserFactory(username="physics-coordinator", is_staff=True, faculty=physics)
    coordinator.groups.add(Group.objects.get(name=FACULTY_COORDINATOR))
    client = Client()
    client.force_login(coordinator)

    assert f'<a href="{link}">transcript.pdf</a>' in page
    download = staff_client.get(link)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert client.get(link).status_code == 404
    coordinator.faculty = chemistry
    coordinator.save()
    assert client.get(link).status_code == 200


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


def test_the_export_needs_no_more_queries_for_more_applications(staff_client, staff, call):
    def export_queries():
        with CaptureQueriesContext(connection) as queries:
            assert export(staff_client, call, CSV_FORMAT).status_code == 200
        return len(queries)

    def add(count):
        for _ in range(count):
            application = application_at(call, Status.UNDER_REVIEW, faculty=FacultyFactory())
            ApplicationReview.objects.create(application=application, reviewer=staff, score=7)

    HomeInstitution.load()  # made by the first page otherwise, which would count against the first export
    add(2)
    few = export_queries()
    add(20)

    assert export_queries() == few


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


# --- importing mobility and visits ---------------------------------------------------------------

MOBILITY_HEADERS = (
    "participant_name",
    "participant_kind",
    "direction",
    "activity",
    "partner",
    "partner_country",
    "start_date",
    "end_date",
    "status",
    "programme",
    "agreement",
)


def csv_text(rows, headers):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture
def gazi(db):
    return InstitutionFactory(name="Gazi University", country="TR")


@pytest.fixture
def erasmus(db):
    return GrantProgramFactory(name="Erasmus+ credit mobility", short_name="Erasmus+ ICM")


def mobility_row(**overrides):
    return {
        "participant_name": "Aziza Karimova",
        "participant_kind": "student",
        "direction": "outgoing",
        "activity": "semester",
        "partner": "Gazi University",
        "partner_country": "Turkey",
        "start_date": "2025-09-15",
        "end_date": "2026-01-31",
        "status": "confirmed",
        "programme": "Erasmus+ ICM",
        "agreement": "",
        **overrides,
    }


def upload(name, content):
    return SimpleUploadedFile(name, content.encode())


def test_mobility_import_previews_then_writes_on_confirm_and_reimport_updates(staff_client, gazi, erasmus):
    agreement = AgreementFactory(partner=gazi, reference_number="GAZI-2023-1")
    rows = [mobility_row(agreement="GAZI-2023-1"), mobility_row(participant_name="Bekzod Tursunov")]
    import_url = admin_url(Mobility, "import")

    preview = staff_client.post(
        import_url, {"format": CSV_FORMAT, "import_file": upload("m.csv", csv_text(rows, MOBILITY_HEADERS))}
    )

    assert preview.status_code == 200
    assert {k: v for k, v in preview.context["result"].totals.items() if v} == {"new": 2}
    assert not Mobility.objects.exists()
    done = staff_client.post(
        admin_url(Mobility, "process_import"), preview.context["confirm_form"].initial, follow=True
    )
    assert done.status_code == 200
    aziza = Mobility.objects.get(participant_name="Aziza Karimova")
    assert (aziza.partner, aziza.program, aziza.agreement, aziza.status) == (gazi, erasmus, agreement, "confirmed")

    rows[0]["status"] = "completed"
    again = MobilityResource().import_data(tablib_dataset(rows, MOBILITY_HEADERS))

    assert {k: v for k, v in again.totals.items() if v} == {"update": 1, "skip": 1}
    assert Mobility.objects.count() == 2
    aziza.refresh_from_db()
    assert aziza.status == "completed"


def tablib_dataset(rows, headers):
    return tablib.Dataset().load(csv_text(rows, headers), format="csv")


@pytest.mark.parametrize(
    ("bad", "column", "message"),
    [
        ({"partner": "Narnia University"}, "partner", "No institution “Narnia University”"),
        ({"programme": "Erasmus"}, "programme", "No programme “Erasmus”"),
        ({"direction": "sideways"}, "direction", "Unknown value “sideways”"),
        ({"start_date": "15/13/2025"}, "start_date", "Enter a date as YYYY-MM-DD"),
        ({"end_date": "2025-01-01"}, "__all__", "A mobility cannot end before it starts."),
        ({"agreement": "NOPE-1"}, "agreement", "No agreement has the reference number “NOPE-1”."),
    ],
)
def test_a_bad_mobility_row_is_reported_by_column_and_nothing_is_written(gazi, erasmus, bad, column, message):
    rows = [mobility_row(participant_name="First Student"), mobility_row(**bad)]

    result = MobilityResource().import_data(tablib_dataset(rows, MOBILITY_HEADERS))

    (invalid,) = result.invalid_rows
    assert invalid.number == 2
    assert any(message in text for text in invalid.error_dict[column]), invalid.error_dict
    assert not Mobility.objects.exists()


def test_admin_preview_of_a_mobility_file_with_a_bad_row_shows_it_and_offers_no_confirmation(staff_client, gazi):
    rows = [mobility_row(programme=""), mobility_row(participant_name="Bekzod Tursunov", partner_country="Narnia")]

    preview = staff_client.post(
        admin_url(Mobility, "import"),
        {"format": CSV_FORMAT, "import_file": upload("m.csv", csv_text(rows, MOBILITY_HEADERS))},
    )

    html = preview.content.decode()
    assert "Some rows failed to validate" in html
    assert preview.context.get("confirm_form") is None
    assert not Mobility.objects.exists()


def test_mobility_export_imports_back_unchanged(staff_client, gazi, erasmus):
    MobilityFactory(participant_name="Aziza Karimova", partner=gazi, program=erasmus, faculty=FacultyFactory())
    exported = MobilityResource().export()

    result = MobilityResource().import_data(tablib.Dataset().load(exported.csv, format="csv"))

    assert {k: v for k, v in result.totals.items() if v} == {"skip": 1}


VISIT_HEADERS = ("start_date", "partner", "partner_country", "direction", "title", "city", "topics")


def test_visits_are_matched_by_first_day_and_partner_and_updated(gazi):
    visit = VisitFactory(partner=gazi, start_date=datetime.date(2024, 12, 3), title="Delegation from Gazi")
    rows = [
        {
            "start_date": "2024-12-03",
            "partner": "Gazi University",
            "partner_country": "TR",
            "title": "Delegation of Gazi University",
            "city": "Jizzakh",
            "topics": "Joint degrees\nStaff exchange",
        },
        {"start_date": "2025-04-22", "partner": "Gazi University", "partner_country": "TR", "title": "Return visit"},
    ]

    result = VisitResource().import_data(tablib_dataset(rows, VISIT_HEADERS))

    assert {k: v for k, v in result.totals.items() if v} == {"update": 1, "new": 1}
    visit.refresh_from_db()
    assert (visit.title_en, visit.city, visit.topic_list) == (
        "Delegation of Gazi University",
        "Jizzakh",
        ["Joint degrees", "Staff exchange"],
    )
    assert Visit.objects.get(title_en="Return visit").slug == "2025-04-22-gazi-university"


def test_a_visit_file_with_an_unknown_partner_writes_nothing(gazi):
    rows = [
        {"start_date": "2025-04-22", "partner": "Gazi University", "partner_country": "TR", "title": "Fine"},
        {"start_date": "2025-05-01", "partner": "Nowhere University", "partner_country": "TR", "title": "Bad"},
    ]

    result = VisitResource().import_data(tablib_dataset(rows, VISIT_HEADERS))

    assert result.has_validation_errors()
    assert not Visit.objects.exists()


def test_only_who_may_add_and_change_imports_mobility(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.groups.add(Group.objects.get(name="Viewer"))
    client.force_login(viewer)

    assert client.get(admin_url(Mobility, "import")).status_code == 403
    assert client.get(admin_url(Mobility, "export")).status_code == 200
    assert client.get(admin_url(Visit, "import")).status_code == 403


def test_staff_open_the_import_pages_with_the_column_guide(staff_client):
    for model in (Mobility, Visit):
        html = staff_client.get(admin_url(model, "import")).content.decode()
        assert "What the columns hold" in html
        assert "partner_country" in html


def test_the_open_calls_workflow_keeps_working_after_the_deadline(staff_client, call):
    """Reviews happen after the deadline: staff still move applications of a closed call."""
    application = application_at(call, Status.SUBMITTED)
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 40 * DAY, deadline=today() - DAY)

    press(staff_client, application, Status.UNDER_REVIEW)

    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW


def test_staff_withdraw_at_the_students_request_after_the_deadline(staff_client, staff, call):
    application = application_at(call, Status.SUBMITTED)
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 40 * DAY, deadline=today() - DAY)

    press(staff_client, application, Status.WITHDRAWN, note="Asked at the office on Monday")

    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert application.events.get().note == "Asked at the office on Monday"


def test_documents_uploaded_through_the_services_are_listed_with_download_links(staff_client, student, call):
    application, _created = services.application_start(call=call, student=student)
    document_type = call.required_documents.create(name="Transcript", slug="transcript")
    services.application_save_draft(
        application=application, actor=student, documents={document_type: checked_pdf("grades.pdf")}
    )

    html = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    document = application.documents.get()
    assert "grades.pdf" in html
    assert document.file.name not in html
