"""Bulk accept and reject ask first: a page with the applications and their count, and nothing changes yet.

Only a second POST with confirm=yes moves them, through the services (status history, e-mail, mobility).
Tried three ways: anonymous, a viewer who may not decide (the wrong user), and the office.
"""

import pytest
from django.core import mail
from django.urls import reverse

from intl_office.roles import OFFICE_STAFF, VIEWER
from mobility.models import Application, ApplicationEvent, Mobility
from tests.admin_helpers import admin_url
from tests.applications import past_deadline
from tests.factories import ApplicationFactory, CallFactory, HostPreferenceFactory, InstitutionFactory
from tests.jobs import run_jobs
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db

Status = Application.Status
CHANGELIST = admin_url(Application, "changelist")
TEMPLATE = "admin/mobility/application/bulk_decision_confirmation.html"


@pytest.fixture
def officer():
    return member_of(OFFICE_STAFF, username="officer")


@pytest.fixture
def office(officer):
    return signed_in(officer)


@pytest.fixture
def call():
    host = InstitutionFactory(name="Gazi University", country="TR")
    # Past its deadline: the office decides only then.
    return past_deadline(CallFactory(title="Erasmus+ semester exchange", places=5, hosts=[host]))


def applications_at(call, status, names):
    made = []
    for first_name in names:
        application = ApplicationFactory(call=call, status=status, first_name=first_name, last_name="Test")
        HostPreferenceFactory(application=application, institution=call.hosts.get(), rank=1)
        made.append(application)
    return made


def act(client, action, applications, **extra):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [a.pk for a in applications], **extra})


def statuses(applications):
    return {a.status for a in Application.objects.filter(pk__in=[a.pk for a in applications])}


@pytest.mark.parametrize(
    ("action", "before", "question"),
    [
        ("reject", Status.UNDER_REVIEW, "Reject 3 applications?"),
        ("accept", Status.SHORTLISTED, "Accept 3 applications?"),
    ],
)
def test_a_bulk_decision_without_confirmation_shows_the_list_and_changes_nothing(
    office, call, action, before, question, django_capture_on_commit_callbacks, home_institution
):
    chosen = applications_at(call, before, ["Aziza", "Bobur", "Dilnoza"])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = act(office, action, chosen)
    run_jobs()

    assert response.status_code == 200
    assert [template.name for template in response.templates][0] == TEMPLATE
    html = response.content.decode()
    assert question in html
    assert "3 applications selected" in html
    for name in ("Aziza Test", "Bobur Test", "Dilnoza Test"):
        assert name in html
    assert html.count('name="_selected_action"') == 3
    assert 'name="confirm" value="yes"' in html
    assert f'name="action" value="{action}"' in html
    assert statuses(chosen) == {before}
    assert not ApplicationEvent.objects.exists()
    assert not Mobility.objects.exists()
    assert callbacks == []
    assert mail.outbox == []


def test_one_application_is_asked_about_in_the_singular(office, call):
    response = act(office, "reject", applications_at(call, Status.UNDER_REVIEW, ["Aziza"]))

    assert "Reject 1 application?" in response.content.decode()


def test_bulk_reject_with_confirmation_moves_them_through_the_service(office, officer, call):
    chosen = applications_at(call, Status.UNDER_REVIEW, ["Aziza", "Bobur"])

    response = act(office, "reject", chosen, confirm="yes")
    run_jobs()  # the worker sends the students' e-mail

    assert response.status_code == 302
    assert statuses(chosen) == {Status.REJECTED}
    events = ApplicationEvent.objects.filter(application__in=chosen)
    assert {(e.from_status, e.to_status, e.actor) for e in events} == {(Status.UNDER_REVIEW, Status.REJECTED, officer)}
    assert events.count() == 2
    assert len(mail.outbox) == 2


def test_bulk_accept_with_confirmation_makes_the_mobilities(office, officer, call):
    chosen = applications_at(call, Status.SHORTLISTED, ["Aziza", "Bobur"])

    act(office, "accept", chosen, confirm="yes")

    assert statuses(chosen) == {Status.ACCEPTED}
    assert Mobility.objects.count() == 2
    assert ApplicationEvent.objects.filter(to_status=Status.ACCEPTED, actor=officer).count() == 2


def test_any_other_answer_than_yes_changes_nothing(office, call):
    chosen = applications_at(call, Status.UNDER_REVIEW, ["Aziza"])

    response = act(office, "reject", chosen, confirm="no")

    assert response.status_code == 200
    assert statuses(chosen) == {Status.UNDER_REVIEW}


def test_the_other_bulk_actions_still_move_at_once(office, call):
    # Starting a review or shortlisting can be undone by the next step; only final decisions ask first.
    chosen = applications_at(call, Status.SUBMITTED, ["Aziza"])

    response = act(office, "start_review", chosen)

    assert response.status_code == 302
    assert statuses(chosen) == {Status.UNDER_REVIEW}


def test_anonymous_visitor_cannot_reject_in_bulk(client, call):
    chosen = applications_at(call, Status.UNDER_REVIEW, ["Aziza"])

    response = act(client, "reject", chosen, confirm="yes")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert statuses(chosen) == {Status.UNDER_REVIEW}


def test_a_viewer_is_neither_asked_nor_obeyed(call):
    chosen = applications_at(call, Status.UNDER_REVIEW, ["Aziza"])
    viewer = signed_in(member_of(VIEWER, username="viewer"))

    for extra in ({}, {"confirm": "yes"}):
        response = act(viewer, "reject", chosen, **extra)
        assert response.status_code in (200, 302, 403)
        assert TEMPLATE not in [template.name for template in response.templates]
    assert statuses(chosen) == {Status.UNDER_REVIEW}
    assert not ApplicationEvent.objects.exists()
