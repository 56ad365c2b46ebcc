"""Staff downloads of a student's files are recorded in the application's history: who, which file, when."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from tests.factories import ApplicationDocumentFactory


@pytest.fixture
def document(db):
    return ApplicationDocumentFactory(original_name="transcript.pdf")


def test_a_staff_download_of_a_document_is_recorded(client, staff, document):
    client.force_login(staff)
    before = timezone.now()

    response = client.get(
        reverse("mobility:staff-application-document", kwargs={"pk": document.application_id, "doc_pk": document.pk}),
        REMOTE_ADDR="198.51.100.30",
    )

    assert response.status_code == 200
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert entry.actor == staff
    assert entry.object_pk == str(document.application_id)
    assert entry.additional_data == {"downloaded": document.file.name}
    assert entry.timestamp >= before
    assert entry.remote_addr == "198.51.100.30"


def test_the_students_own_download_is_not_a_staff_record(client, document):
    client.force_login(document.application.student)
    url = reverse("mobility:application-document", kwargs={"pk": document.application_id, "doc_pk": document.pk})
    assert client.get(url).status_code == 200
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_a_missing_photo_records_nothing(client, staff, document):
    document.application.photo = ""
    document.application.save()
    client.force_login(staff)
    response = client.get(reverse("mobility:staff-application-photo", kwargs={"pk": document.application_id}))
    assert response.status_code == 404
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()
