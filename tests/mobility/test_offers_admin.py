"""The offer in the admin: its state, the "offer" filter, recording a decline and extending, only through services."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.formats import date_format

from mobility import services
from mobility.models import Application, Mobility
from tests.jobs import clear_mail, run_jobs
from tests.mobility.offers import DAY, Status, applicant, offer_call, offered

pytestmark = pytest.mark.django_db

REASON = "She phoned the office: she has accepted a job offer."


def change_url(application):
    return reverse("admin:mobility_application_change", args=[application.pk])


def step_url(application, step):
    return reverse(f"admin:mobility_application_{step}", args=[application.pk])


@pytest.fixture
def call(today):
    return offer_call(places=3)


def test_the_offer_filter_separates_waiting_taken_and_declined(office_client, call, staff):
    waiting = offered(call, actor=staff)
    taken = offered(call, actor=staff)
    services.offer_take(application=taken, actor=taken.student)
    declined = offered(call, actor=staff)
    services.offer_decline(application=declined, actor=declined.student)
    changelist = reverse("admin:mobility_application_changelist")
    for value, expected in (("waiting", waiting), ("taken", taken), ("declined", declined)):
        listed = office_client.get(changelist, {"offer": value}).context["cl"].result_list
        assert [application.pk for application in listed] == [expected.pk]


def test_the_page_shows_the_offer_and_its_two_steps(office_client, call, staff):
    application = offered(call, actor=staff)
    page = office_client.get(change_url(application)).content.decode()
    assert f"Waiting for the answer until {date_format(application.offer_deadline)}" in page
    assert step_url(application, "decline_offer") in page and step_url(application, "extend_offer") in page
    services.offer_take(application=application, actor=application.student)
    page = office_client.get(change_url(application)).content.decode()
    assert "Place taken on" in page
    assert step_url(application, "decline_offer") not in page


def test_recording_a_decline_needs_a_reason_then_promotes_the_waiting_list(office_client, call, staff):
    application = offered(call, actor=staff)
    for _ in range(2):
        offered(call, actor=staff)
    waiting = applicant(call, status=Status.WAITLISTED, score=8)
    response = office_client.post(step_url(application, "decline_offer"), {"reason": ""})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    application.refresh_from_db()
    assert application.offer_pending
    clear_mail()
    response = office_client.post(step_url(application, "decline_offer"), {"reason": REASON})
    assert response.status_code == 302
    application.refresh_from_db()
    waiting.refresh_from_db()
    assert application.status == Status.DECLINED
    assert application.events.get(to_status=Status.DECLINED).note == REASON
    assert Mobility.objects.get(application=application).status == Mobility.Status.CANCELLED
    assert waiting.offer_pending
    run_jobs()
    assert {message.to[0] for message in mail.outbox} == {application.student.email, waiting.student.email}


def test_extending_checks_the_date_and_records_the_reason(office_client, call, staff, today):
    application = offered(call, actor=staff)
    response = office_client.post(
        step_url(application, "extend_offer"), {"until": (today - DAY).isoformat(), "reason": REASON}
    )
    assert response.status_code == 200 and response.context["form"].errors["until"]
    response = office_client.post(step_url(application, "extend_offer"), {"until": "2026-02-30", "reason": REASON})
    assert response.context["form"].errors["until"]
    until = application.offer_deadline + 4 * DAY
    response = office_client.post(step_url(application, "extend_offer"), {"until": until.isoformat(), "reason": REASON})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.offer_deadline == until


def test_the_generic_buttons_cannot_decline(office_client, call, staff):
    application = offered(call, actor=staff)
    office_client.post(
        reverse("admin:mobility_application_transition", args=[application.pk]),
        {"to_status": Status.DECLINED, "note": REASON},
    )
    application.refresh_from_db()
    assert application.offer_pending


def test_a_viewer_cannot_take_the_steps_and_an_answered_offer_has_none(viewer_client, office_client, call, staff):
    application = offered(call, actor=staff)
    for step in ("decline_offer", "extend_offer"):
        assert viewer_client.post(step_url(application, step), {"reason": REASON}).status_code == 403
    services.offer_take(application=application, actor=application.student)
    assert office_client.get(step_url(application, "decline_offer")).status_code == 403
    assert office_client.get(step_url(Application(pk=10**20), "decline_offer")).status_code == 302


def test_a_coordinator_of_another_faculty_does_not_reach_the_offer(coordinator_client, call, staff):
    application = offered(call, actor=staff)  # of a faculty of its own
    response = coordinator_client.get(step_url(application, "decline_offer"))
    assert response.status_code == 302  # as for any record they may not see: "does not exist"
    application.refresh_from_db()
    assert application.offer_pending
