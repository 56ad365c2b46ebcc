"""Who may open an application's pages and files.

Every protected URL is tried three ways: anonymous (sent to sign in), another student (404, as
if the application did not exist) and its own student (or staff, for the office's downloads).
"""

from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR
from intl_office.storage import private_storage
from mobility import services
from mobility.models import Application
from tests.factories import UserFactory
from tests.mobility.applying.helpers import Status, create_url, detail_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


@pytest.fixture
def document(draft):
    return draft.documents.get()


# --- access: anonymous, another student, the student -------------------------------------------


def protected_urls(application, document):
    return [
        reverse("mobility:my-applications"),
        create_url(application.call),
        detail_url(application),
        reverse("mobility:application-document", kwargs={"pk": application.pk, "doc_pk": document.pk}),
        reverse("mobility:application-photo", kwargs={"pk": application.pk}),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, draft, document):
    for url in protected_urls(draft, document):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == f"{reverse('account_login')}?next={quote(url)}", url


def test_anonymous_withdraw_is_sent_to_sign_in(client, draft):
    url = reverse("mobility:application-withdraw", kwargs={"pk": draft.pk})
    response = client.post(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_another_student_gets_404_for_the_application_and_its_files(client, outsider, draft, document):
    client.force_login(outsider)
    for url in protected_urls(draft, document)[2:]:
        assert client.get(url).status_code == 404, url
    withdraw = reverse("mobility:application-withdraw", kwargs={"pk": draft.pk})
    assert client.post(withdraw).status_code == 404
    assert client.post(detail_url(draft), {"action": "save", "first_name": "Hacked"}).status_code == 404
    draft.refresh_from_db()
    assert (draft.status, draft.first_name) == (Status.DRAFT, "Aziza")


def test_a_document_of_one_application_is_not_reachable_through_another(client, outsider, call, document):
    own, _ = services.application_start(call=call, student=outsider)
    client.force_login(outsider)
    url = reverse("mobility:application-document", kwargs={"pk": own.pk, "doc_pk": document.pk})
    assert client.get(url).status_code == 404


def test_the_applicant_downloads_a_document_as_an_attachment(client, student, document):
    client.force_login(student)
    url = reverse("mobility:application-document", kwargs={"pk": document.application_id, "doc_pk": document.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="My transcript.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")


def test_the_applicant_downloads_the_photo_as_an_attachment(client, student, draft):
    client.force_login(student)
    response = client.get(reverse("mobility:application-photo", kwargs={"pk": draft.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="photo.png"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_missing_from_storage_is_a_404_not_an_error(client, student, document):
    private_storage.delete(document.file.name)
    client.force_login(student)
    url = reverse("mobility:application-document", kwargs={"pk": document.application_id, "doc_pk": document.pk})
    assert client.get(url).status_code == 404


# --- the office's downloads ----------------------------------------------------------------------


def staff_document_url(document):
    return reverse("mobility:staff-application-document", kwargs={"pk": document.application_id, "doc_pk": document.pk})


def test_staff_download_documents_as_attachments(client, staff, document):
    client.force_login(staff)
    response = client.get(staff_document_url(document))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    photo = client.get(reverse("mobility:staff-application-photo", kwargs={"pk": document.application_id}))
    assert photo.status_code == 200
    assert photo["Content-Disposition"] == 'attachment; filename="Aziza Karimova photo.png"'


def test_students_and_visitors_are_sent_to_the_admin_login_for_staff_downloads(client, student, document):
    url = staff_document_url(document)
    admin_login = reverse("admin:login")
    assert client.get(url).url.startswith(admin_login)
    client.force_login(student)  # the applicant, but the staff URL is for staff
    assert client.get(url).url.startswith(admin_login)


def test_staff_without_the_view_permission_get_404(client, document):
    client.force_login(UserFactory(username="clerk", is_staff=True))
    assert client.get(staff_document_url(document)).status_code == 404


def test_a_coordinator_reads_only_their_own_faculty(client, coordinator, document):
    coordinator.groups.add(Group.objects.get(name=FACULTY_COORDINATOR))
    client.force_login(coordinator)
    assert client.get(staff_document_url(document)).status_code == 404
    Application.objects.filter(pk=document.application_id).update(faculty=coordinator.faculty)
    assert client.get(staff_document_url(document)).status_code == 200


def test_documents_have_no_public_url(client, document):
    path = document.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT) + "/")
    # Whatever a media URL for the file would be, nothing answers it with the file.
    for url in (f"/{settings.MEDIA_URL}{document.file.name}", f"/media/{document.file.name}"):
        assert client.get(url).status_code == 404


def test_private_storage_refuses_to_make_a_url(document):
    with pytest.raises(ValueError):
        private_storage.url(document.file.name)
