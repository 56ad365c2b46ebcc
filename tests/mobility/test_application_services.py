"""The application workflow's rules, whoever calls it: views, the admin or a command."""

import datetime
import re
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db.models.query import QuerySet

from intl_office.dates import today
from intl_office.storage import private_storage
from mobility import services
from mobility.emails import my_applications_url
from mobility.models import Application, ApplicationDocument, ApplicationEvent, Mobility
from mobility.services import ApplicationError
from programs.models import Call
from tests.applications import PERSONAL, checked_pdf, checked_photo
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    DocumentTypeFactory,
    FacultyFactory,
    HostPreferenceFactory,
    InstitutionFactory,
)

pytestmark = pytest.mark.django_db

Status = Application.Status
DAY = datetime.timedelta(days=1)


@pytest.fixture
def hosts():
    return [
        InstitutionFactory(name="Gazi University", country="TR", city="Ankara"),
        InstitutionFactory(name="Kyungpook National University", country="KR", city="Daegu"),
        InstitutionFactory(name="University of Latvia", country="LV", city="Riga"),
    ]


@pytest.fixture
def transcript():
    return DocumentTypeFactory(name="Transcript of records", slug="transcript")


@pytest.fixture
def passport():
    return DocumentTypeFactory(name="Passport copy", slug="passport")


@pytest.fixture
def call(hosts, transcript, passport):
    call = CallFactory(
        title="Erasmus+ semester exchange 2025/26",
        places=2,
        opens_on=today() - 10 * DAY,
        deadline=today() + 10 * DAY,
        mobility_start=datetime.date(2026, 2, 1),
        mobility_end=datetime.date(2026, 6, 30),
        hosts=hosts,
    )
    call.required_documents.set([transcript, passport])
    return call


def complete_draft(call, student, *, hosts=None):
    """A draft with everything submission needs."""
    application, _created = services.application_start(call=call, student=student)
    services.application_save_draft(
        application=application,
        actor=student,
        fields={**PERSONAL, "faculty": FacultyFactory()},
        hosts=hosts if hosts is not None else list(call.hosts.order_by("name"))[:2],
        documents={document_type: checked_pdf() for document_type in call.required_documents.all()},
        photo=checked_photo(),
    )
    return application


def submitted(call, student, **kwargs):
    application = complete_draft(call, student, **kwargs)
    return services.application_submit(application=application, actor=student)


def at_status(call, student, status):
    """A submitted application moved straight to ``status`` (the workflow is tested elsewhere)."""
    application = submitted(call, student)
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application


# --- starting ------------------------------------------------------------------------------------


def test_start_creates_one_draft_with_its_first_history_entry(call, student):
    application, created = services.application_start(call=call, student=student)
    assert created
    assert application.status == Status.DRAFT
    assert application.first_name == student.first_name
    event = application.events.get()
    assert (event.from_status, event.to_status, event.actor) == ("", Status.DRAFT, student)


def test_starting_again_returns_the_same_application(call, student):
    first, _ = services.application_start(call=call, student=student)
    second, created = services.application_start(call=call, student=student)
    assert (second, created) == (first, False)
    assert Application.objects.count() == 1


def test_a_racing_second_start_gets_the_winners_row(call, student):
    # Two requests both saw no application; the database constraint lets only one insert win.
    winner, _ = services.application_start(call=call, student=student)
    with mock.patch.object(QuerySet, "first", return_value=None):
        loser, created = services.application_start(call=call, student=student)
    assert (loser, created) == (winner, False)
    assert Application.objects.count() == 1
    assert ApplicationEvent.objects.count() == 1


def test_second_application_to_the_same_call_is_refused_by_the_database(call, student):
    services.application_start(call=call, student=student)
    with pytest.raises(ValidationError, match="already have an application"):
        Application(call=call, student=student).validate_constraints()


def test_no_application_is_started_on_a_closed_call(call, student):
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    call.refresh_from_db()
    with pytest.raises(ApplicationError) as excinfo:
        services.application_start(call=call, student=student)
    assert excinfo.value.code == "call_closed"
    assert not Application.objects.exists()


# --- drafts ------------------------------------------------------------------------------------


def test_draft_files_go_to_private_storage_under_generated_names(call, student, transcript):
    application, _ = services.application_start(call=call, student=student)
    services.application_save_draft(
        application=application,
        actor=student,
        documents={transcript: checked_pdf("My transcript.pdf")},
        photo=checked_photo(),
    )
    document = application.documents.get()
    assert document.original_name == "My transcript.pdf"
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", document.file.name)
    assert re.fullmatch(r"photos/[0-9a-f]{32}\.jpg", application.photo.name)
    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert private_storage.open(document.file.name).read().startswith(b"%PDF-")


def test_hosts_are_ranked_in_the_order_given(call, student, hosts):
    application, _ = services.application_start(call=call, student=student)
    services.application_save_draft(application=application, actor=student, hosts=[hosts[2], hosts[0]])
    assert [(p.rank, p.institution) for p in application.preferences.all()] == [(1, hosts[2]), (2, hosts[0])]


def test_hosts_outside_the_call_are_refused(call, student):
    application, _ = services.application_start(call=call, student=student)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_save_draft(application=application, actor=student, hosts=[InstitutionFactory()])
    assert excinfo.value.code == "host_not_in_call"


def test_the_same_host_twice_is_refused(call, student, hosts):
    application, _ = services.application_start(call=call, student=student)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_save_draft(application=application, actor=student, hosts=[hosts[0], hosts[0]])
    assert excinfo.value.code == "duplicate_host"


def test_documents_the_call_does_not_ask_for_are_refused(call, student):
    application, _ = services.application_start(call=call, student=student)
    with pytest.raises(ApplicationError):
        services.application_save_draft(
            application=application, actor=student, documents={DocumentTypeFactory(): checked_pdf()}
        )
    assert not ApplicationDocument.objects.exists()


def test_invalid_data_changes_nothing_and_leaves_no_file_behind(call, student, transcript):
    application, _ = services.application_start(call=call, student=student)
    files_before = set(private_storage.listdir("documents")[1]) if private_storage.exists("documents") else set()
    with pytest.raises(ValidationError):
        services.application_save_draft(
            application=application,
            actor=student,
            fields={"first_name": "Aziza", "gpa": "9.50"},
            documents={transcript: checked_pdf()},
        )
    application.refresh_from_db()
    assert application.first_name == student.first_name
    assert not ApplicationDocument.objects.exists()
    files_after = set(private_storage.listdir("documents")[1]) if private_storage.exists("documents") else set()
    assert files_after == files_before


def test_a_new_upload_replaces_the_old_one_and_its_file(call, student, transcript, django_capture_on_commit_callbacks):
    application, _ = services.application_start(call=call, student=student)
    services.application_save_draft(application=application, actor=student, documents={transcript: checked_pdf()})
    old_name = application.documents.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.application_save_draft(
            application=application, actor=student, documents={transcript: checked_pdf("new.pdf")}
        )
    document = application.documents.get()
    assert document.original_name == "new.pdf"
    assert document.file.name != old_name
    assert not private_storage.exists(old_name)


def test_a_submitted_application_can_no_longer_be_edited(call, student):
    application = submitted(call, student)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_save_draft(application=application, actor=student, fields={"first_name": "Other"})
    assert excinfo.value.code == "not_draft"
    application.refresh_from_db()
    assert application.first_name == "Aziza"


# --- submitting --------------------------------------------------------------------------------


def test_a_complete_draft_is_submitted_recorded_and_announced(call, student, django_capture_on_commit_callbacks):
    application = complete_draft(call, student)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=application, actor=student, base_url="https://portal.example.org/")
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


def test_submitting_twice_submits_once(call, student, django_capture_on_commit_callbacks):
    application = complete_draft(call, student)
    stale_tab = Application.objects.get(pk=application.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=application, actor=student)
        with pytest.raises(ApplicationError) as excinfo:
            services.application_submit(application=stale_tab, actor=student)
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


# --- the office's transitions ------------------------------------------------------------------

REVIEW_STATUSES = [Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED, Status.REJECTED]


@pytest.mark.parametrize("from_status", [s for s in Status if s != Status.DRAFT])
@pytest.mark.parametrize("to_status", REVIEW_STATUSES)
def test_status_moves_only_along_the_allowed_transitions(call, student, staff, from_status, to_status):
    application = at_status(call, student, from_status)
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


def test_every_status_change_sends_one_email_with_the_link(call, student, staff, django_capture_on_commit_callbacks):
    application = submitted(call, student)
    steps = [Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED, Status.REJECTED]
    with django_capture_on_commit_callbacks(execute=True):
        for step in steps:
            services.application_transition(application=application, to_status=step, actor=staff)
    assert len(mail.outbox) == len(steps)
    for message, step in zip(mail.outbox, steps, strict=True):
        assert message.to == [student.email]
        assert str(Status(step).label) in message.subject
        assert "/my/applications/" in message.body
        assert message.body.startswith("Dear Aziza Karimova,")


def test_the_email_link_follows_the_language(call, student, staff, django_capture_on_commit_callbacks):
    application = submitted(call, student)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(
            application=application,
            to_status=Status.UNDER_REVIEW,
            actor=staff,
            language="uz",
            base_url="https://portal.example.org",
        )
    assert "https://portal.example.org/uz/my/applications/" in mail.outbox[0].body


def test_without_a_base_url_the_link_uses_the_first_allowed_host(call, student, staff, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["portal.example.org", ".example.org"]
    settings.DEBUG = False
    assert my_applications_url(language="en") == "https://portal.example.org/my/applications/"


def test_site_url_setting_wins_over_allowed_hosts(settings):
    settings.SITE_URL = "https://intl.example.org/"
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    assert my_applications_url(language="ru") == "https://intl.example.org/ru/my/applications/"


def test_a_change_rolled_back_is_neither_kept_nor_announced(call, student, staff, django_capture_on_commit_callbacks):
    application = submitted(call, student)
    failing_history = mock.patch.object(ApplicationEvent.objects, "create", side_effect=RuntimeError("disk full"))
    with django_capture_on_commit_callbacks(execute=True), failing_history, pytest.raises(RuntimeError):
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert mail.outbox == []


def test_a_refused_acceptance_creates_nothing_and_sends_nothing(
    call, student, staff, django_capture_on_commit_callbacks
):
    Call.objects.filter(pk=call.pk).update(places=0)
    application = at_status(call, student, Status.SHORTLISTED)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApplicationError):
        services.application_accept(application=application, actor=staff)
    assert mail.outbox == []
    assert not Mobility.objects.exists()


# --- accepting ---------------------------------------------------------------------------------


def test_accepting_creates_the_outgoing_mobility(call, student, staff, hosts):
    application = submitted(call, student, hosts=[hosts[1], hosts[0]])
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
    services.application_accept(application=application, actor=staff, host=hosts[1])
    assert Mobility.objects.get().partner == hosts[1]


def test_a_host_the_student_did_not_choose_is_refused(call, student, staff, hosts):
    application = at_status(call, student, Status.SHORTLISTED)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_accept(application=application, actor=staff, host=hosts[2])
    assert excinfo.value.code == "host_not_preferred"
    application.refresh_from_db()
    assert application.status == Status.SHORTLISTED
    assert not Mobility.objects.exists()


def test_the_generic_transition_to_accepted_also_creates_the_mobility(call, student, staff):
    application = at_status(call, student, Status.WAITLISTED)
    services.application_transition(application=application, to_status=Status.ACCEPTED, actor=staff)
    assert Mobility.objects.get().application == application


def test_accepting_past_the_places_limit_is_refused(call, student, outsider, staff):
    Call.objects.filter(pk=call.pk).update(places=1)
    first = at_status(call, student, Status.SHORTLISTED)
    second = at_status(call, outsider, Status.SHORTLISTED)
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
    services.application_accept(application=application, actor=staff)
    assert application.status == Status.ACCEPTED


def test_an_application_not_yet_shortlisted_cannot_be_accepted(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_accept(application=application, actor=staff)
    assert excinfo.value.code == "not_allowed"


def test_without_a_mobility_period_the_dates_are_an_estimate_to_correct(student, staff):
    call = CallFactory(opens_on=today() - 10 * DAY, deadline=today() + 5 * DAY)
    application = ApplicationFactory(call=call, student=student, status=Status.SHORTLISTED)
    HostPreferenceFactory(application=application, institution=call.hosts.get(), rank=1)
    services.application_accept(application=application, actor=staff)
    mobility = Mobility.objects.get()
    assert mobility.start_date == call.deadline + DAY
    assert mobility.end_date > mobility.start_date
    assert "estimate" in mobility.notes


def test_a_staff_call_makes_a_staff_training_mobility(student, staff):
    call = CallFactory(target_group=Call.TargetGroup.STAFF)
    application = ApplicationFactory(call=call, student=student, status=Status.SHORTLISTED)
    HostPreferenceFactory(application=application, institution=call.hosts.get(), rank=1)
    services.application_accept(application=application, actor=staff)
    mobility = Mobility.objects.get()
    assert (mobility.participant_kind, mobility.activity) == (
        Mobility.ParticipantKind.STAFF,
        Mobility.Activity.TRAINING,
    )


# --- the student's language ----------------------------------------------------------------------


def test_the_language_the_student_applies_in_is_kept_for_the_offices_emails(
    call, student, staff, django_capture_on_commit_callbacks
):
    application, _created = services.application_start(call=call, student=student, language="ru")
    assert application.language == "ru"
    services.application_save_draft(
        application=application,
        actor=student,
        fields={**PERSONAL, "faculty": FacultyFactory()},
        hosts=list(call.hosts.all())[:1],
        documents={document_type: checked_pdf() for document_type in call.required_documents.all()},
        photo=checked_photo(),
        language="uz",
    )
    services.application_submit(application=application, actor=student, language="uz")
    assert application.language == "uz"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        # The office's call passes no language: the student's own is used.
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)

    (message,) = mail.outbox
    assert "/uz/my/applications/" in message.body
    assert "tanloviga arizangiz" in message.subject


def test_an_office_action_in_another_language_does_not_change_the_students(call, student, staff):
    application = submitted(call, student)
    Application.objects.filter(pk=application.pk).update(language="ru")

    services.application_withdraw(application=application, actor=staff, language="uz")

    application.refresh_from_db()
    assert application.language == "ru"


def test_a_language_the_site_does_not_offer_is_ignored(call, student):
    application, _created = services.application_start(call=call, student=student, language="de")
    assert application.language == settings.LANGUAGE_CODE


# --- reviews -------------------------------------------------------------------------------------


def test_a_review_is_kept_once_per_reviewer(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)

    services.application_review(application=application, reviewer=staff, score=6, comment="First reading")
    review = services.application_review(application=application, reviewer=staff, score=8, comment="After interview")

    assert application.reviews.get() == review
    assert (review.score, review.comment) == (8, "After interview")


@pytest.mark.parametrize("score", [11, -1, None, "seven"])
def test_a_score_outside_0_to_10_is_refused(call, student, staff, score):
    application = at_status(call, student, Status.UNDER_REVIEW)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_review(application=application, reviewer=staff, score=score)
    assert excinfo.value.code == "bad_score"
    assert not application.reviews.exists()


def test_drafts_are_not_reviewed_and_students_do_not_review(call, student, outsider, staff):
    draft, _created = services.application_start(call=call, student=student)
    with pytest.raises(ApplicationError) as not_yet:
        services.application_review(application=draft, reviewer=staff, score=5)
    application = at_status(call, outsider, Status.UNDER_REVIEW)
    with pytest.raises(ApplicationError) as not_staff:
        services.application_review(application=application, reviewer=student, score=10)
    assert (not_yet.value.code, not_staff.value.code) == ("draft", "not_staff")
