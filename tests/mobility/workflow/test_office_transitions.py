"""The office's transitions of an application, up to acceptance."""

import datetime
from unittest import mock

import pytest
from django.core import mail

from intl_office.dates import today
from mobility import services
from mobility.emails import my_applications_url
from mobility.models import Application, ApplicationEvent, Mobility
from mobility.services import ApplicationError
from programs.models import Call
from tests.applications import past_deadline
from tests.factories import ApplicationFactory, CallFactory, HostPreferenceFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.workflow.helpers import DAY, Status, at_status, complete_draft, submitted

pytestmark = pytest.mark.django_db


# --- the office's transitions ------------------------------------------------------------------

REVIEW_STATUSES = [Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED, Status.REJECTED]


@pytest.mark.parametrize("from_status", [s for s in Status if s != Status.DRAFT])
@pytest.mark.parametrize("to_status", REVIEW_STATUSES)
def test_status_moves_only_along_the_allowed_transitions(call, student, staff, from_status, to_status):
    application = at_status(call, student, from_status)
    past_deadline(call)
    events_before = application.events.count()
    if to_status in Application.TRANSITIONS[from_status]:
        services.application_transition(application=application, to_status=to_status, actor=staff)
        application.refresh_from_db()
        assert application.status == to_status
        event = application.events.last()
        assert (event.from_status, event.to_status, event.actor) == (from_status, to_status, staff)
        assert (application.decided_at is not None) == (to_status in services.DECISIONS)
    else:
        with pytest.raises(ApplicationError) as excinfo:
            services.application_transition(application=application, to_status=to_status, actor=staff)
        assert excinfo.value.code == "not_allowed"
        application.refresh_from_db()
        assert application.status == from_status
        assert application.events.count() == events_before


def test_a_draft_cannot_be_put_under_review(call, student, staff):
    application = complete_draft(call, student)
    with pytest.raises(ApplicationError):
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)


def test_history_keeps_every_change_with_who_and_when(call, student, staff):
    application = submitted(call, student)
    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    services.application_transition(
        application=application, to_status=Status.SHORTLISTED, actor=staff, note="Strong motivation letter."
    )
    history = list(application.events.values_list("from_status", "to_status", "actor__username", "note"))
    assert history == [
        ("", Status.DRAFT, "student", ""),
        (Status.DRAFT, Status.SUBMITTED, "student", ""),
        (Status.SUBMITTED, Status.UNDER_REVIEW, "staff", ""),
        (Status.UNDER_REVIEW, Status.SHORTLISTED, "staff", "Strong motivation letter."),
    ]
    times = list(application.events.values_list("created_at", flat=True))
    assert times == sorted(times)


def test_every_status_change_sends_one_email_with_the_link(call, student, staff):
    application = submitted(call, student)
    past_deadline(call)
    clear_mail()
    steps = [Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED, Status.REJECTED]
    for step in steps:
        services.application_transition(application=application, to_status=step, actor=staff)
    run_jobs()
    assert len(mail.outbox) == len(steps)
    for message, step in zip(mail.outbox, steps, strict=True):
        assert message.to == [student.email]
        assert str(Status(step).label) in message.subject
        assert "/my/applications/" in message.body
        assert message.body.startswith("Dear Aziza Karimova,")


def test_the_email_link_follows_the_language(call, student, staff, settings):
    settings.SITE_URL = "https://portal.example.org"
    application = submitted(call, student)
    clear_mail()
    services.application_transition(
        application=application,
        to_status=Status.UNDER_REVIEW,
        actor=staff,
        language="uz",
    )
    run_jobs()
    assert "https://portal.example.org/uz/my/applications/" in mail.outbox[0].body


def test_site_url_setting_wins_over_allowed_hosts(settings):
    settings.SITE_URL = "https://intl.example.org/"
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    assert my_applications_url(language="ru") == "https://intl.example.org/ru/my/applications/"


def test_a_change_rolled_back_is_neither_kept_nor_announced(call, student, staff):
    application = submitted(call, student)
    clear_mail()
    failing_history = mock.patch.object(ApplicationEvent.objects, "create", side_effect=RuntimeError("disk full"))
    with failing_history, pytest.raises(RuntimeError):
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    run_jobs()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert mail.outbox == []


def test_a_refused_acceptance_creates_nothing_and_sends_nothing(call, student, staff):
    Call.objects.filter(pk=call.pk).update(places=0)
    application = at_status(call, student, Status.SHORTLISTED)
    clear_mail()
    with pytest.raises(ApplicationError):
        services.application_accept(application=application, actor=staff)
    run_jobs()
    assert mail.outbox == []
    assert not Mobility.objects.exists()


# --- accepting ---------------------------------------------------------------------------------


def test_accepting_creates_the_outgoing_mobility(call, student, staff, hosts):
    application = submitted(call, student, hosts=[hosts[1], hosts[0]])
    past_deadline(call)
    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    services.application_transition(application=application, to_status=Status.SHORTLISTED, actor=staff)
    services.application_accept(application=application, actor=staff)

    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.decided_at is not None
    mobility = application.mobility
    assert mobility.direction == "outgoing"
    assert mobility.participant_kind == Mobility.ParticipantKind.STUDENT
    assert mobility.participant_name == "Aziza Karimova"
    assert mobility.participant_email == student.email
    assert mobility.faculty == application.faculty
    assert mobility.activity == Mobility.Activity.SEMESTER
    assert mobility.partner == hosts[1]  # the first-ranked host
    assert mobility.program == call.program
    assert mobility.call == call
    assert (mobility.start_date, mobility.end_date) == (datetime.date(2026, 2, 1), datetime.date(2026, 6, 30))
    assert mobility.status == Mobility.Status.CONFIRMED
    assert application.events.last().actor == staff


def test_staff_may_send_the_student_to_another_of_their_choices(call, student, staff, hosts):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)
    services.application_accept(application=application, actor=staff, host=hosts[1])
    assert Mobility.objects.get().partner == hosts[1]


def test_a_host_the_student_did_not_choose_is_refused(call, student, staff, hosts):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_accept(application=application, actor=staff, host=hosts[2])
    assert excinfo.value.code == "host_not_preferred"
    application.refresh_from_db()
    assert application.status == Status.SHORTLISTED
    assert not Mobility.objects.exists()


def test_the_generic_transition_to_accepted_also_creates_the_mobility(call, student, staff):
    application = at_status(call, student, Status.WAITLISTED)
    past_deadline(call)
    services.application_transition(application=application, to_status=Status.ACCEPTED, actor=staff)
    assert Mobility.objects.get().application == application


def test_accepting_past_the_places_limit_is_refused(call, student, outsider, staff):
    Call.objects.filter(pk=call.pk).update(places=1)
    first = at_status(call, student, Status.SHORTLISTED)
    second = at_status(call, outsider, Status.SHORTLISTED)
    past_deadline(call)
    services.application_accept(application=first, actor=staff)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_accept(application=second, actor=staff)
    assert excinfo.value.code == "no_places"
    assert "All 1 places of this call are taken" in excinfo.value.messages[0]
    second.refresh_from_db()
    assert second.status == Status.SHORTLISTED
    assert Mobility.objects.count() == 1


def test_only_accepted_applications_take_places(call, student, outsider, staff):
    Call.objects.filter(pk=call.pk).update(places=1)
    at_status(call, outsider, Status.WITHDRAWN)
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)
    services.application_accept(application=application, actor=staff)
    assert application.status == Status.ACCEPTED


def test_an_application_not_yet_shortlisted_cannot_be_accepted(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_accept(application=application, actor=staff)
    assert excinfo.value.code == "not_allowed"


def test_without_a_mobility_period_the_dates_are_an_estimate_to_correct(student, staff):
    call = CallFactory(opens_on=today() - 10 * DAY, deadline=today() + 5 * DAY)
    services.call_close_early(call=call, actor=staff, reason="All places are promised to the first applicants.")
    application = ApplicationFactory(call=call, student=student, status=Status.SHORTLISTED)
    HostPreferenceFactory(application=application, institution=call.hosts.get(), rank=1)
    services.application_accept(application=application, actor=staff)
    mobility = Mobility.objects.get()
    assert mobility.start_date == call.deadline + DAY
    assert mobility.end_date > mobility.start_date
    assert "estimate" in mobility.notes


def test_a_staff_call_makes_a_staff_training_mobility(student, staff):
    call = CallFactory(audience=Call.Audience.STAFF)
    past_deadline(call)
    application = ApplicationFactory(call=call, student=student, status=Status.SHORTLISTED)
    HostPreferenceFactory(application=application, institution=call.hosts.get(), rank=1)
    services.application_accept(application=application, actor=staff)
    mobility = Mobility.objects.get()
    assert (mobility.participant_kind, mobility.activity) == (
        Mobility.ParticipantKind.STAFF,
        Mobility.Activity.TRAINING,
    )
