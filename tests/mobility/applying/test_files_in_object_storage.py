"""A student's documents and photo in object storage: uploaded through the form, downloaded through the views.

The private bucket is on a real S3 API (moto's server, tests/s3.py); the downloads carry the same
headers as from the local folder, and nobody reads the objects at their address on the server.
"""

import pytest
from django.urls import reverse

from mobility.models import Application
from tests.files import pdf_bytes
from tests.jobs import run_jobs
from tests.mobility.applying.helpers import create_url, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def document_url(document, *, staff=False):
    name = "mobility:staff-application-document" if staff else "mobility:application-document"
    return reverse(name, kwargs={"pk": document.application_id, "doc_pk": document.pk})


def photo_url(application, *, staff=False):
    name = "mobility:staff-application-photo" if staff else "mobility:application-photo"
    return reverse(name, kwargs={"pk": application.pk})


def assert_private_download(response, content_type):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"]
    return b"".join(response.streaming_content)


@pytest.fixture
def submitted(object_storage, client, student, call, transcript, hosts, faculty_choice):
    """An application sent through the real form while files go to the buckets."""
    client.force_login(student)
    response = client.post(create_url(call), form_data(call, transcript, hosts, faculty_choice, action="submit"))
    assert response.status_code == 302
    client.logout()
    return Application.objects.get()


def test_the_forms_document_and_photo_land_in_the_private_bucket_only(submitted, object_storage):
    document = submitted.documents.get()

    assert object_storage.keys(object_storage.private) == sorted([document.file.name, submitted.photo.name])
    assert object_storage.keys(object_storage.public) == []
    assert object_storage.read(object_storage.private, document.file.name) == pdf_bytes()


def test_nobody_reads_the_objects_at_their_address_on_the_s3_server(submitted, object_storage):
    for name in (submitted.documents.get().file.name, submitted.photo.name):
        status, _ = object_storage.anonymous_get(object_storage.object_url(object_storage.private, name))
        assert status == 403, name


def test_the_applicant_downloads_document_and_photo_from_the_bucket(submitted, object_storage, client, student):
    document = submitted.documents.get()
    client.force_login(student)

    pdf = assert_private_download(client.get(document_url(document)), "application/pdf")
    photo = assert_private_download(client.get(photo_url(submitted)), "image/jpeg")

    assert pdf == pdf_bytes()
    assert photo == object_storage.read(object_storage.private, submitted.photo.name)
    assert photo.startswith(b"\xff\xd8")  # the re-encoded JPEG the form stored


def test_staff_download_from_the_bucket_and_another_student_gets_404(submitted, client, staff, outsider):
    document = submitted.documents.get()
    client.force_login(staff)
    assert assert_private_download(client.get(document_url(document, staff=True)), "application/pdf") == pdf_bytes()
    assert_private_download(client.get(photo_url(submitted, staff=True)), "image/jpeg")

    client.force_login(outsider)
    assert client.get(document_url(document)).status_code == 404
    assert client.get(photo_url(submitted)).status_code == 404


def test_a_document_gone_from_the_bucket_is_a_404(submitted, object_storage, client, student):
    document = submitted.documents.get()
    object_storage.client.delete_object(Bucket=object_storage.private, Key=document.file.name)
    client.force_login(student)
    assert client.get(document_url(document)).status_code == 404


def test_deleting_the_students_account_empties_the_bucket_by_a_job(submitted, object_storage):
    # A submitted application is never deleted by itself; it goes with the account of its student.
    names = object_storage.keys(object_storage.private)
    submitted.student.delete()
    assert object_storage.keys(object_storage.private) == names, "the files wait for the job, run once committed"
    run_jobs()
    assert object_storage.keys(object_storage.private) == []
