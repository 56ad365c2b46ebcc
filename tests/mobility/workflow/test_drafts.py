"""Starting an application and saving drafts, whoever calls the services."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from intl_office.dates import today
from intl_office.storage import private_storage
from mobility import services
from mobility.models import Application, ApplicationDocument
from mobility.services import ApplicationError
from programs.models import Call
from tests.applications import checked_pdf, checked_photo
from tests.factories import DocumentTypeFactory, InstitutionFactory
from tests.jobs import run_jobs
from tests.mobility.workflow.helpers import DAY, Status, submitted

pytestmark = pytest.mark.django_db


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


def test_a_new_upload_replaces_the_old_one_and_its_file(call, student, transcript):
    application, _ = services.application_start(call=call, student=student)
    services.application_save_draft(application=application, actor=student, documents={transcript: checked_pdf()})
    old_name = application.documents.get().file.name
    services.application_save_draft(
        application=application, actor=student, documents={transcript: checked_pdf("new.pdf")}
    )
    document = application.documents.get()
    assert document.original_name == "new.pdf"
    assert document.file.name != old_name
    # The old file goes by the clean-up job the save enqueued, once it is committed.
    assert private_storage.exists(old_name)
    run_jobs()
    assert not private_storage.exists(old_name)
    assert private_storage.exists(document.file.name)


def test_a_submitted_application_can_no_longer_be_edited(call, student):
    application = submitted(call, student)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_save_draft(application=application, actor=student, fields={"first_name": "Other"})
    assert excinfo.value.code == "not_draft"
    application.refresh_from_db()
    assert application.first_name == "Aziza"
