"""Deleting an application takes its files along, by a job; a student with a decided application is not deleted."""

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from intl_office.storage import private_storage
from mobility.models import Application
from tests.factories import ApplicationDocumentFactory, ApplicationFactory, UserFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

Status = Application.Status


def application_with_files(**kwargs):
    application = ApplicationFactory(**kwargs)
    application.photo.save("photo.jpg", ContentFile(b"\xff\xd8\xff a photo"))
    document = ApplicationDocumentFactory(application=application)
    return application, [application.photo.name, document.file.name]


def test_deleting_an_application_deletes_its_photo_and_documents_by_a_job():
    application, names = application_with_files()
    assert all(private_storage.exists(name) for name in names)
    application.delete()
    assert all(private_storage.exists(name) for name in names), "files wait for the job, which runs after the commit"
    run_jobs()
    assert not any(private_storage.exists(name) for name in names)


def test_a_delete_rolled_back_keeps_the_files():
    application, names = application_with_files()
    pk = application.pk
    with pytest.raises(RuntimeError), transaction.atomic():
        application.delete()
        raise RuntimeError("something failed after the delete")
    assert run_jobs() == 0
    assert Application.objects.filter(pk=pk).exists()
    assert all(private_storage.exists(name) for name in names)


def test_a_draft_deleted_in_the_admin_leaves_no_files(client, staff):
    # Only a draft may be deleted; a submitted application is archived instead (tests/mobility/admin).
    application, names = application_with_files(status=Status.DRAFT)
    client.force_login(staff)
    response = client.post(reverse("admin:mobility_application_delete", args=[application.pk]), {"post": "yes"})
    run_jobs()
    assert response.status_code == 302
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not any(private_storage.exists(name) for name in names)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW, Status.WITHDRAWN])
def test_a_student_without_decisions_is_deleted_with_applications_and_files(status):
    application, names = application_with_files(status=status)
    application.student.delete()
    run_jobs()
    assert not Application.objects.filter(student_id=application.student_id).exists()
    assert not any(private_storage.exists(name) for name in names)


@pytest.mark.parametrize("status", Application.DECIDED)
def test_a_student_with_a_decided_application_cannot_be_deleted(status):
    application, names = application_with_files(status=status)
    with pytest.raises(ProtectedError) as excinfo:
        application.student.delete()
    assert "Application.student" in excinfo.value.args[0]
    assert list(excinfo.value.protected_objects) == [application]
    assert Application.objects.filter(pk=application.pk).exists()
    assert all(private_storage.exists(name) for name in names)


def test_a_decision_withdrawn_from_later_still_protects_the_student():
    application = ApplicationFactory(status=Status.WITHDRAWN, decided_at="2025-03-01T10:00:00Z")
    with pytest.raises(ProtectedError):
        application.student.delete()


def test_the_user_admin_names_the_decided_applications_and_deletes_nothing(client, staff):
    student = UserFactory(username="aziza")
    accepted = ApplicationFactory(student=student, status=Status.ACCEPTED)
    ApplicationFactory(student=student, status=Status.DRAFT)
    client.force_login(staff)
    url = reverse("admin:intl_office_user_delete", args=[student.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "would require deleting the following protected related objects" in page.content.decode()
    assert str(accepted) in page.content.decode()

    client.post(url, {"post": "yes"})
    assert Application.objects.filter(student=student).count() == 2
    assert type(student).objects.filter(pk=student.pk).exists()


def test_the_user_admins_bulk_delete_refuses_too(client, staff):
    student = UserFactory(username="aziza")
    ApplicationFactory(student=student, status=Status.REJECTED)
    client.force_login(staff)
    response = client.post(
        reverse("admin:intl_office_user_changelist"),
        {"action": "delete_selected", "_selected_action": [student.pk], "post": "yes"},
    )
    assert "protected related objects" in response.content.decode()
    assert type(student).objects.filter(pk=student.pk).exists()
