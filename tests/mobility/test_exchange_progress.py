"""The student's exchange, step by step, on their application page: each step's state follows the records."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intl_office.dates import today
from mobility.exchange_progress import ATTENTION, CURRENT, DONE, TODO, exchange_steps
from mobility.models import ChecklistItem, LearningAgreementApproval, NominationState
from mobility.services import (
    checklist_item_accept,
    checklist_item_return,
    checklist_item_submit,
    learning_agreement_decide,
    mobility_checklist_start,
    nominate,
    nomination_answer,
    recognition_record,
    stay_confirm,
    stay_upload_transcript,
)
from tests.files import pdf_bytes
from tests.mobility.checklists import checked_pdf, taken_mobility
from tests.mobility.learning_agreements import ROW, submitted

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 9, 1)
Party = LearningAgreementApproval.Party
Decision = LearningAgreementApproval.Decision


@pytest.fixture
def stay(student, faculty, home_institution):
    """A student who took a place at a host with a contact, leaving on 1 September 2026 for 121 days."""
    application, mobility = taken_mobility(student=student, faculty=faculty, start=START)
    mobility.partner.contacts.create(full_name="Ayşe Demir", email="ayse@host.example.org", is_primary=True)
    return application, mobility


def states(application, on):
    return {step.key: step.state for step in exchange_steps(application, on=on)}


def step(application, key, on):
    return next(step for step in exchange_steps(application, on=on) if step.key == key)


def test_nothing_until_the_place_is_taken(student, faculty):
    application, _mobility = taken_mobility(student=student, faculty=faculty, answered=False)

    assert exchange_steps(application, on=today()) == []


def test_a_place_just_taken_lists_every_step_with_what_comes_first(stay):
    application, _mobility = stay
    on = START - datetime.timedelta(days=60)

    assert states(application, on) == {
        "place": DONE,
        "nomination": TODO,
        "learning_agreement": CURRENT,
        "checklist": TODO,
        "arrival": TODO,
        "departure": TODO,
        "transcript": TODO,
        "recognition": TODO,
    }
    agreement = step(application, "learning_agreement", on)
    assert agreement.url == reverse("mobility:learning-agreement", kwargs={"pk": application.pk})
    assert step(application, "arrival", on).detail == "Planned for 1 September 2026; the host confirms your arrival."


def test_the_nomination_step_follows_the_host_answer(stay, office_user):
    application, mobility = stay
    [outcome] = nominate(mobilities=[mobility], actor=office_user)
    assert step(application, "nomination", today()).state == CURRENT

    nomination_answer(round_=outcome.round, state=NominationState.REFUSED, name="Ayşe", comment="No places left")
    refused = step(application, "nomination", today())

    assert refused.state == ATTENTION
    assert "No places left" in refused.detail


def test_the_learning_agreement_step_waits_for_the_parties_not_yet_answered(stay, student, staff):
    application, mobility = stay
    version = submitted(mobility, student, rows=[ROW])
    learning_agreement_decide(version=version, party=Party.FACULTY, decision=Decision.APPROVE, actor=staff)

    waiting = step(application, "learning_agreement", today())
    assert waiting.state == CURRENT
    assert waiting.detail == "Version 1 waits for approval by: host coordinator."

    learning_agreement_decide(version=version, party=Party.HOST, decision=Decision.APPROVE, name="Ayşe Demir")
    assert step(application, "learning_agreement", today()).state == DONE


def test_the_checklist_step_counts_accepted_items_and_flags_one_sent_back(stay, student, office_user):
    application, mobility = stay
    first, second, third = mobility_checklist_start(mobility=mobility).items.order_by("position")
    checklist_item_submit(item=first, actor=student, upload=checked_pdf())
    checklist_item_accept(item=first, actor=office_user)
    checklist_item_submit(item=second, actor=student)

    assert step(application, "checklist", today()).detail == "1 of 3 items accepted by the International Office."
    checklist_item_return(item=second, actor=office_user, comment="Take the test again.")
    assert step(application, "checklist", today()).state == ATTENTION

    checklist_item_submit(item=ChecklistItem.objects.get(pk=second.pk), actor=student)
    for item in (second, third):
        item.refresh_from_db()
        if item.state != ChecklistItem.State.SUBMITTED:
            checklist_item_submit(item=item, actor=student, upload=checked_pdf())
            item.refresh_from_db()
        checklist_item_accept(item=item, actor=office_user)
    assert step(application, "checklist", today()).state == DONE


def test_arrival_departure_transcript_and_credits_in_turn(stay, staff):
    application, mobility = stay
    with time_machine.travel(datetime.datetime(2026, 9, 3, 12), tick=False):
        assert step(application, "arrival", today()).state == CURRENT  # due: the host has not confirmed yet
        stay_confirm(mobility=mobility, step="arrival", on=datetime.date(2026, 9, 2), actor=staff)
        assert step(application, "arrival", today()).detail == "You arrived on 2 September 2026; the host confirmed it."

    with time_machine.travel(datetime.datetime(2027, 1, 5, 12), tick=False):
        mobility.refresh_from_db()
        stay_confirm(mobility=mobility, step="departure", on=datetime.date(2026, 12, 30), actor=staff)
        assert states(application, today())["transcript"] == CURRENT
        mobility.refresh_from_db()
        transcript = SimpleUploadedFile("transcript.pdf", pdf_bytes(), content_type="application/pdf")
        stay_upload_transcript(mobility=mobility, upload=transcript, actor=staff)
        assert states(application, today())["recognition"] == CURRENT
        row = {"host_code": "CS301", "host_title": "Distributed Systems", "credits_earned": Decimal("6")}
        recognition_record(mobility=mobility, actor=staff, rows=[{**row, "grade": "A", "credits_recognised": 5}])

        steps = exchange_steps(application, on=today())
    assert [(step.key, step.state) for step in steps[-4:]] == [
        ("arrival", DONE),
        ("departure", DONE),
        ("transcript", DONE),
        ("recognition", DONE),
    ]
    assert steps[-1].detail == "5.0 credits recognised of 6.0 earned."


def test_the_page_shows_the_steps_in_a_bounded_number_of_queries(stay, client, student, django_assert_max_num_queries):
    application, mobility = stay
    submitted(mobility, student, rows=[ROW] * 5)
    client.force_login(student)
    url = reverse("mobility:application-detail", kwargs={"pk": application.pk})
    client.get(url)  # the checklist starts on the first visit

    with django_assert_max_num_queries(40):
        page = client.get(url).content.decode()

    assert "Your exchange, step by step" in page
    assert 'href="#checklist"' in page
