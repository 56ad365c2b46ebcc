"""The workflow buttons on an application's admin page."""

import datetime

import pytest
from django.core import mail

from intl_office.dates import today
from mobility import services
from mobility.models import Application, ApplicationEvent, Direction, Mobility
from programs.models import Call
from tests.admin_helpers import admin_url
from tests.applications import PERSONAL, checked_photo, open_call
from tests.factories import FacultyFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.admin.helpers import Status, application_at, press, shown, transition_url

pytestmark = pytest.mark.django_db


DAY = datetime.timedelta(days=1)


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
    staff_client, staff, student, call, settings
):
    settings.SITE_URL = "https://intl.example.org"
    # The student applied in Uzbek; the staff member works in English.
    open_call(call)
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
    clear_mail()

    response = press(staff_client, application, Status.UNDER_REVIEW, note="Documents complete")
    run_jobs()

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
    assert "https://intl.example.org/uz/my/applications/" in message.body
    assert any("Under review" in text for text in shown(response))


def test_a_disallowed_transition_is_refused_with_a_message_and_changes_nothing(staff_client, call):
    application = application_at(call, Status.SUBMITTED)
    events = ApplicationEvent.objects.count()

    response = press(staff_client, application, Status.ACCEPTED)
    run_jobs()

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
