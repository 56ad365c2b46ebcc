"""The dashboard's learning agreements waiting for the faculty coordinator, per faculty; what a coordinator counts."""

import datetime

import pytest
from django.urls import reverse

from intl_office.dates import today
from mobility.models import LearningAgreementApproval
from mobility.services import learning_agreement_decide
from tests.factories import FacultyFactory, MobilityFactory, UserFactory
from tests.mobility.learning_agreements import accepted_mobility, submitted

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

URL = reverse("staff:dashboard")
Party = LearningAgreementApproval.Party
Decision = LearningAgreementApproval.Decision


def waiting_agreement(faculty, *, name):
    student = UserFactory(username=name)
    _application, mobility = accepted_mobility(student=student, faculty=faculty, partner_name=f"Host of {name}")
    return submitted(mobility, student)


def test_each_faculty_shows_how_many_agreements_wait_for_its_coordinator(client, staff, faculty):
    other = FacultyFactory(name="Faculty of Energy Engineering", slug="energy")
    waiting_agreement(faculty, name="aziz")
    waiting_agreement(faculty, name="bobur")
    waiting_agreement(other, name="dilnoza")
    answered = waiting_agreement(other, name="elyor")
    learning_agreement_decide(version=answered, party=Party.FACULTY, decision=Decision.APPROVE, actor=staff)
    client.force_login(staff)

    response = client.get(URL)

    rows = [(str(row.faculty), row.count) for row in response.context["learning_agreements"]]
    assert rows == [("Faculty of Chemical Engineering", 2), ("Faculty of Energy Engineering", 1)]
    assert response.context["learning_agreements_total"] == 3
    changelist = reverse("admin:mobility_learningagreement_changelist")
    link = f"{changelist}?waiting=faculty&amp;mobility__faculty__id__exact={faculty.pk}"
    assert link in response.content.decode()


def test_the_link_opens_the_admin_list_of_that_faculty_waiting_agreements(client, staff, faculty):
    waiting_agreement(faculty, name="aziz")
    waiting_agreement(FacultyFactory(name="Faculty of Energy Engineering", slug="energy"), name="dilnoza")
    client.force_login(staff)

    changelist = client.get(
        reverse("admin:mobility_learningagreement_changelist"),
        {"waiting": "faculty", "mobility__faculty__id__exact": faculty.pk},
    )

    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count == 1


def test_a_faculty_coordinator_counts_only_their_own_faculty(client, coordinator, faculty):
    waiting_agreement(faculty, name="aziz")
    waiting_agreement(FacultyFactory(name="Faculty of Energy Engineering", slug="energy"), name="dilnoza")
    client.force_login(coordinator)

    response = client.get(URL)

    assert [(row.faculty, row.count) for row in response.context["learning_agreements"]] == [(faculty, 1)]


def test_nothing_waiting_says_so(client, staff):
    client.force_login(staff)

    response = client.get(URL)

    assert response.context["learning_agreements"] == []
    assert "No learning agreement is waiting for a faculty coordinator." in response.content.decode()


def test_a_faculty_coordinator_counts_only_their_own_faculty_transcripts_missing(client, coordinator, faculty):
    back = {"start_date": today() - datetime.timedelta(days=120), "end_date": today() - datetime.timedelta(days=3)}
    MobilityFactory(faculty=faculty, **back)
    MobilityFactory(faculty=FacultyFactory(name="Faculty of Energy Engineering", slug="energy"), **back)
    client.force_login(coordinator)

    assert client.get(URL).context["transcripts_missing"] == 1
