"""Agreements' signed documents: PDF only, checked by content, kept private, opened through a staff view."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse

from intl_office.roles import VIEWER
from intl_office.storage import move_to_private, private_storage
from partners.models import Agreement
from tests.factories import AgreementFactory, UserFactory
from tests.files import pdf_bytes, pdf_with_javascript

pytestmark = pytest.mark.django_db


def pdf_upload(content, name="agreement.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def agreement():
    agreement = AgreementFactory(title="Exchange with Shandong University", reference_number="IO-2024/17")
    agreement.document.save("scan.pdf", ContentFile(pdf_bytes()))
    return agreement


def document_url(agreement):
    return reverse("partners:agreement-document", args=[agreement.pk])


def admin_form(request_user, agreement, files):
    """The admin's own change form for ``agreement``, filled with what it holds and ``files``."""
    model_admin = admin.site._registry[Agreement]
    request = type("Request", (), {"user": request_user, "GET": {}, "POST": {}, "method": "POST"})()
    form_class = model_admin.get_form(request, agreement)
    data = {key: value for key, value in model_to_dict(agreement).items() if value is not None and key != "document"}
    return form_class(data=data, files=files, instance=agreement)


# --- the field -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 a docx is a zip archive", b"\x89PNG\r\n\x1a\n a scan as PNG", b"<html><script>x</script>"],
    ids=["docx", "png", "html"],
)
def test_a_non_pdf_agreement_document_is_refused_by_the_field(content):
    agreement = AgreementFactory()
    agreement.document = pdf_upload(content, "agreement.pdf")
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert excinfo.value.message_dict["document"] == [
        "The file must be a PDF. Its content is not, whatever its name says."
    ]


def test_a_pdf_with_javascript_is_refused_by_the_field():
    agreement = AgreementFactory()
    agreement.document = pdf_upload(pdf_with_javascript())
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert "scripts" in excinfo.value.message_dict["document"][0]


def test_the_admin_form_shows_the_refusal_next_to_the_field(staff):
    agreement = AgreementFactory()
    form = admin_form(staff, agreement, {"document": pdf_upload(b"PK\x03\x04 not a pdf", "signed.pdf")})
    assert not form.is_valid()
    assert form.errors["document"] == ["The file must be a PDF. Its content is not, whatever its name says."]


def test_a_real_pdf_is_stored_privately_under_a_generated_name(staff):
    agreement = AgreementFactory()
    form = admin_form(staff, agreement, {"document": pdf_upload(pdf_bytes(), "Shandong signed.pdf")})
    assert form.is_valid(), form.errors
    saved = form.save()
    assert saved.document.name.startswith("agreements/")
    assert "Shandong" not in saved.document.name
    assert private_storage.exists(saved.document.name)
    assert not default_storage.exists(saved.document.name)


def test_a_stored_document_is_not_read_again_on_every_save(agreement):
    private_storage.delete(agreement.document.name)
    agreement.title = "Exchange with Shandong University (amended)"
    agreement.full_clean()


# --- the view ------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client, agreement):
    response = client.get(document_url(agreement))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_student_is_sent_to_the_login_too(client, student, agreement):
    client.force_login(student)
    response = client.get(document_url(agreement))
    assert response.status_code == 302


def test_staff_without_the_view_permission_get_403(client, agreement):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(document_url(agreement)).status_code == 403


def test_a_viewer_downloads_the_document_as_an_inert_attachment(client, agreement):
    viewer = UserFactory(is_staff=True)
    viewer.groups.add(Group.objects.get(name=VIEWER))
    client.force_login(viewer)
    response = client.get(document_url(agreement))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="IO-2024 17.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"]


def test_an_agreement_without_a_document_or_unknown_answers_404(client, staff, agreement):
    client.force_login(staff)
    assert client.get(document_url(AgreementFactory())).status_code == 404
    assert client.get(reverse("partners:agreement-document", args=[agreement.pk + 100])).status_code == 404
    private_storage.delete(agreement.document.name)
    assert client.get(document_url(agreement)).status_code == 404


# --- the admin -----------------------------------------------------------------------------------


def test_the_admin_links_to_the_staff_view_not_to_media(client, staff, agreement):
    client.force_login(staff)
    response = client.get(reverse("admin:partners_agreement_change", args=[agreement.pk]))
    assert response.status_code == 200
    assert f'href="{document_url(agreement)}"'.encode() in response.content
    assert b"/media/" not in response.content


def test_a_viewer_sees_the_link_on_the_read_only_page(client, agreement):
    viewer = UserFactory(is_staff=True)
    viewer.groups.add(Group.objects.get(name=VIEWER))
    client.force_login(viewer)
    response = client.get(reverse("admin:partners_agreement_change", args=[agreement.pk]))
    assert response.status_code == 200
    assert f'href="{document_url(agreement)}"'.encode() in response.content


# --- documents uploaded before they were private ---------------------------------------------


def test_documents_left_in_public_media_move_to_private_storage_once(capsys):
    agreement = AgreementFactory()
    name = default_storage.save("agreements/old-scan.pdf", ContentFile(pdf_bytes()))
    Agreement.objects.filter(pk=agreement.pk).update(document=name)

    call_command("move_agreement_documents")
    assert "Moved 1 document(s)" in capsys.readouterr().out
    assert private_storage.open(name).read() == pdf_bytes()
    assert not default_storage.exists(name)

    call_command("move_agreement_documents")
    assert "Moved 0 document(s) to private storage; 1 already there; 0 missing." in capsys.readouterr().out
    assert private_storage.exists(name)


def test_a_different_public_file_under_a_moved_name_is_left_alone():
    name = private_storage.save("agreements/same-name.pdf", ContentFile(pdf_bytes("private")))
    default_storage.save(name, ContentFile(pdf_bytes("public")))
    assert move_to_private([name]) == ([], [name], [])
    assert default_storage.exists(name)
    assert private_storage.open(name).read() == pdf_bytes("private")
