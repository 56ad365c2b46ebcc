"""Submitting and withdrawing an application, whoever calls the services."""

import pytest
from django.core import mail

from intl_office.dates import today
from mobility import services
from mobility.models import Application
from mobility.services import ApplicationError
from programs.models import Call
from tests.jobs import run_jobs
from tests.mobility.workflow.helpers import DAY, Status, at_status, complete_draft, submitted

pytestmark = pytest.mark.django_db


# --- submitting --------------------------------------------------------------------------------


def test_a_complete_draft_is_submitted_recorded_and_announced(call, student, settings):
    settings.SITE_URL = "https://portal.example.org"
    application = complete_draft(call, student)
    services.application_submit(application=application, actor=student)
    run_jobs()
    assert application.status == Status.SUBMITTED
    assert application.submitted_at is not None
    event = application.events.last()
    assert (event.from_status, event.to_status, event.actor) == (Status.DRAFT, Status.SUBMITTED, student)
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert "Erasmus+ semester exchange 2025/26" in message.subject
    assert "https://portal.example.org/my/applications/" in message.body


def test_missing_required_document_is_refused(call, student, passport):
    application = complete_draft(call, student)
    application.documents.filter(document_type=passport).delete()
    with pytest.raises(ApplicationError) as excinfo:
        services.application_submit(application=application, actor=student)
    assert excinfo.value.code == "incomplete"
    assert "Upload the required document: Passport copy." in excinfo.value.messages
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_an_empty_draft_lists_everything_missing(call, student):
    application, _ = services.application_start(call=call, student=student)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_submit(application=application, actor=student)
    messages = excinfo.value.messages
    assert "Choose at least one host institution." in messages
    assert "Upload your photo." in messages
    assert "Fill in: motivation letter." in messages
    assert "Upload the required document: Transcript of records." in messages


def test_submit_after_the_deadline_is_refused(call, student):
    application = complete_draft(call, student)
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_submit(application=application, actor=student)
    assert excinfo.value.code == "call_closed"
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_the_deadline_day_itself_still_counts(call, student):
    application = complete_draft(call, student)
    Call.objects.filter(pk=call.pk).update(deadline=today())
    services.application_submit(application=application, actor=student)
    assert application.status == Status.SUBMITTED


def test_submitting_twice_submits_once(call, student):
    application = complete_draft(call, student)
    stale_tab = Application.objects.get(pk=application.pk)
    services.application_submit(application=application, actor=student)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_submit(application=stale_tab, actor=student)
    run_jobs()
    assert excinfo.value.code == "already_submitted"
    assert application.events.filter(to_status=Status.SUBMITTED).count() == 1
    assert len(mail.outbox) == 1


# --- withdrawing -------------------------------------------------------------------------------


def test_withdraw_while_the_call_is_open(call, student):
    application = submitted(call, student)
    services.application_withdraw(application=application, actor=student)
    assert application.status == Status.WITHDRAWN
    assert application.events.last().actor == student


def test_no_withdrawal_after_the_call_has_closed(call, student):
    application = submitted(call, student)
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_withdraw(application=application, actor=student)
    assert excinfo.value.code == "call_closed"
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_after_the_call_has_closed_the_office_can_still_withdraw_it(call, student, staff):
    application = submitted(call, student)
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    services.application_transition(application=application, to_status=Status.WITHDRAWN, actor=staff)
    assert application.status == Status.WITHDRAWN
    assert application.events.last().actor == staff


def test_a_decided_application_cannot_be_withdrawn(call, student):
    application = at_status(call, student, Status.REJECTED)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_withdraw(application=application, actor=student)
    assert excinfo.value.code == "not_allowed"
