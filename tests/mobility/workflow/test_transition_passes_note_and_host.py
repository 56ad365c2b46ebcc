"""The office's one entry point, ``application_transition``, hands the note, host and language on to each step."""

import datetime

import pytest
from django.core import mail

from intl_office.dates import today
from mobility import services
from mobility.models import Mobility
from tests.applications import past_deadline
from tests.jobs import clear_mail, run_jobs
from tests.mobility.workflow.helpers import Status, at_status

pytestmark = pytest.mark.django_db


def test_a_withdrawal_for_the_student_keeps_the_office_s_note(call, student, staff):
    application = at_status(call, student, Status.SUBMITTED)

    services.application_transition(
        application=application, to_status=Status.WITHDRAWN, actor=staff, note="Asked at the front desk."
    )

    assert application.status == Status.WITHDRAWN
    assert application.events.last().note == "Asked at the front desk."


def test_an_acceptance_keeps_the_note_the_host_and_offers_the_place_in_one_email(call, student, staff, hosts):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)
    clear_mail()

    services.application_transition(
        application=application, to_status=Status.ACCEPTED, actor=staff, host=hosts[1], note="Interview: excellent."
    )
    run_jobs()

    assert Mobility.objects.get().partner == hosts[1]
    assert application.events.last().note == "Interview: excellent."
    assert application.offer_deadline == today() + datetime.timedelta(days=call.offer_response_days)
    (offer,) = mail.outbox
    assert hosts[1].name in offer.body
