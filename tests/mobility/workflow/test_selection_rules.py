"""Fair selection in the services: no decision before the deadline, early close, reopen, archive, no delete."""

import pytest
from django.core import mail
from django.db.models import ProtectedError
from django.utils import timezone

from intl_office.dates import today
from mobility import services
from mobility.models import Application, ApplicationEvent, Mobility
from mobility.services import ApplicationError
from programs.models import Call
from tests.applications import past_deadline
from tests.factories import UserFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.workflow.helpers import DAY, Status, at_status, complete_draft, submitted

pytestmark = pytest.mark.django_db

REASON = "The partner confirmed the places early; every eligible student has applied."


@pytest.mark.parametrize("decision", [Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED])
def test_no_decision_before_the_deadline(call, student, staff, decision):
    application = at_status(call, student, Status.SHORTLISTED)
    events = application.events.count()
    with pytest.raises(ApplicationError) as excinfo:
        services.application_transition(application=application, to_status=decision, actor=staff)
    assert excinfo.value.code == "before_deadline"
    assert "close the call early" in excinfo.value.messages[0]
    application.refresh_from_db()
    assert (application.status, application.decided_at) == (Status.SHORTLISTED, None)
    assert application.events.count() == events
    assert not Mobility.objects.exists()


def test_the_deadline_day_itself_is_still_too_early_and_the_next_day_is_not(call, student, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    Call.objects.filter(pk=call.pk).update(deadline=today())
    with pytest.raises(ApplicationError):
        services.application_transition(application=application, to_status=Status.REJECTED, actor=staff)
    Call.objects.filter(pk=call.pk).update(deadline=today() - DAY)
    services.application_transition(application=application, to_status=Status.REJECTED, actor=staff)
    application.refresh_from_db()
    assert application.status == Status.REJECTED


def test_review_and_shortlist_are_not_decisions_and_may_start_before_the_deadline(call, student, staff):
    application = submitted(call, student)
    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    services.application_transition(application=application, to_status=Status.SHORTLISTED, actor=staff)
    assert application.status == Status.SHORTLISTED


def test_closing_early_records_reason_time_and_who_and_allows_decisions(call, student, outsider, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    draft = complete_draft(call, outsider)
    services.call_close_early(call=call, actor=staff, reason=f"  {REASON}  ")
    call.refresh_from_db()
    assert call.closed_early_reason == REASON
    assert call.closed_early_by == staff
    assert abs((timezone.now() - call.closed_early_at).total_seconds()) < 60
    assert call.status == Call.Status.CLOSED and not call.is_open
    assert not Call.objects.open().filter(pk=call.pk).exists()
    assert Call.objects.closed().filter(pk=call.pk).exists()

    services.application_accept(application=application, actor=staff)
    assert application.status == Status.ACCEPTED
    # Nobody applies to a closed call any more.
    with pytest.raises(ApplicationError) as excinfo:
        services.application_submit(application=draft, actor=outsider)
    assert excinfo.value.code == "call_closed"


@pytest.mark.parametrize("reason", ["", "   "])
def test_closing_early_needs_a_reason(call, staff, reason):
    with pytest.raises(ApplicationError) as excinfo:
        services.call_close_early(call=call, actor=staff, reason=reason)
    assert excinfo.value.code == "no_reason"
    call.refresh_from_db()
    assert call.closed_early_at is None and call.is_open


def test_a_call_past_its_deadline_is_not_closed_early(call, staff):
    past_deadline(call)
    with pytest.raises(ApplicationError) as excinfo:
        services.call_close_early(call=call, actor=staff, reason=REASON)
    assert excinfo.value.code == "already_closed"


# --- reopening ---------------------------------------------------------------------------------


def accepted(call, student, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)
    return services.application_accept(application=application, actor=staff, note="Best score")


def test_office_staff_reopen_an_acceptance_with_a_reason_history_and_email(call, student, office_user):
    application = accepted(call, student, office_user)
    Application.objects.filter(pk=application.pk).update(language="uz")
    mobility = Mobility.objects.get(application=application)
    clear_mail()

    services.application_reopen(application=application, actor=office_user, reason="Scores were mixed up.")
    run_jobs()

    application.refresh_from_db()
    assert (application.status, application.decided_at) == (Status.SHORTLISTED, None)
    event = application.events.last()
    assert (event.kind, event.from_status, event.to_status, event.actor, event.note) == (
        ApplicationEvent.Kind.REOPEN,
        Status.ACCEPTED,
        Status.SHORTLISTED,
        office_user,
        "Scores were mixed up.",
    )
    mobility.refresh_from_db()
    assert (mobility.status, mobility.application) == (Mobility.Status.CANCELLED, None)
    assert "Scores were mixed up." in mobility.notes
    [message] = mail.outbox
    assert message.to == [application.student.email]
    assert application.reference in message.body
    assert "/uz/" in message.body  # the student's language
    # Decided again, as any shortlisted application: a new mobility.
    services.application_accept(application=application, actor=office_user)
    assert Mobility.objects.get(application=application).status == Mobility.Status.CONFIRMED


def test_a_rejection_from_review_reopens_to_review(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)
    past_deadline(call)
    services.application_transition(application=application, to_status=Status.REJECTED, actor=staff)
    services.application_reopen(application=application, actor=staff, reason="Wrong application rejected.")
    assert application.status == Status.UNDER_REVIEW


def test_a_faculty_coordinator_cannot_reopen(call, student, staff, coordinator):
    application = accepted(call, student, staff)
    Application.objects.filter(pk=application.pk).update(faculty=coordinator.faculty)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_reopen(application=application, actor=coordinator, reason="Please")
    assert excinfo.value.code == "not_allowed"
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED


def test_only_decisions_are_reopened_and_only_with_a_reason(call, student, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_reopen(application=application, actor=staff, reason="Why not")
    assert excinfo.value.code == "not_decided"
    past_deadline(call)
    services.application_transition(application=application, to_status=Status.WAITLISTED, actor=staff)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_reopen(application=application, actor=staff, reason=" ")
    assert excinfo.value.code == "no_reason"


# --- archiving and deleting ------------------------------------------------------------------------


def test_archiving_keeps_the_application_out_of_the_lists_and_still(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)
    services.application_archive(application=application, actor=staff, reason="Duplicate of a paper application.")
    application.refresh_from_db()
    assert application.is_archived and application.archived_reason == "Duplicate of a paper application."
    assert application.events.last().kind == ApplicationEvent.Kind.ARCHIVE
    assert not Application.objects.not_archived().filter(pk=application.pk).exists()
    assert not Application.objects.awaiting_review().filter(pk=application.pk).exists()
    with pytest.raises(ApplicationError) as excinfo:
        services.application_transition(application=application, to_status=Status.SHORTLISTED, actor=staff)
    assert excinfo.value.code == "archived"


def test_a_coordinator_cannot_archive(call, student, coordinator):
    application = at_status(call, student, Status.UNDER_REVIEW)
    with pytest.raises(ApplicationError):
        services.application_archive(application=application, actor=coordinator, reason="Duplicate")
    assert not Application.objects.archived().exists()


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN])
def test_a_submitted_or_decided_application_is_never_deleted(call, student, status):
    application = at_status(call, student, status)
    with pytest.raises(ProtectedError):
        application.delete()
    with pytest.raises(ProtectedError):
        Application.objects.filter(pk=application.pk).delete()
    assert Application.objects.filter(pk=application.pk).exists()


def test_a_draft_may_be_deleted(call, student):
    draft = complete_draft(call, student)
    draft.delete()
    assert not Application.objects.exists()


# --- reference numbers --------------------------------------------------------------------------


def test_submitting_gives_a_reference_number_in_order_and_a_draft_has_none(call, student, outsider, home_institution):
    draft = complete_draft(call, student)
    assert draft.reference is None
    first = services.application_submit(application=draft, actor=student)
    second = submitted(call, outsider)
    year = timezone.localdate().year
    short = home_institution.short_name.upper()
    assert first.reference == f"{short}-{year}-0001"
    assert second.reference == f"{short}-{year}-0002"


def test_the_reference_number_is_in_the_submission_email(call):
    clear_mail()
    application = submitted(call, UserFactory(email="aziza@example.org"))
    run_jobs()
    assert application.reference
    assert application.reference in mail.outbox[0].body
