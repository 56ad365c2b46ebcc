"""Applying to a call online: the form, its documents, drafts and submission."""

import pytest
from django.core import mail
from django.urls import reverse

from intl_office.dates import today
from intl_office.storage import private_storage
from mobility import services
from mobility.models import Application, ApplicationDocument
from programs.models import Call
from tests.factories import InstitutionFactory, UserFactory
from tests.files import pdf_bytes, png_claiming_size, upload
from tests.jobs import run_jobs
from tests.mobility.applying.helpers import DAY, Status, create_url, detail_url, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def stored_files():
    found = set()
    for folder in ("documents", "photos"):
        if private_storage.exists(folder):
            found |= {f"{folder}/{name}" for name in private_storage.listdir(folder)[1]}
    return found


# --- applying ----------------------------------------------------------------------------------


def test_the_form_offers_only_the_calls_hosts_and_its_documents(client, student, call, transcript):
    client.force_login(student)
    response = client.get(create_url(call))
    assert response.status_code == 200
    form = response.context["form"]
    host_choices = [label for value, label in form.fields["host_1"].choices if value]
    assert host_choices == ["Gazi University (Ankara, Türkiye)", "Kyungpook National University (Daegu, South Korea)"]
    assert "host_3" not in form.fields  # two hosts, two choices
    assert form.fields[f"document_{transcript.pk}"].label == "Transcript of records"
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert not Application.objects.exists()  # opening the form stores nothing


def test_save_draft_then_submit_then_history_shows_it(
    client, student, call, transcript, hosts, faculty_choice, settings
):
    settings.SITE_URL = "https://intl.example.org"
    client.force_login(student)
    response = client.post(create_url(call), form_data(call, transcript, hosts, faculty_choice))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(application)
    assert application.status == Status.DRAFT
    assert application.documents.get().original_name == "My transcript.pdf"

    page = client.get(detail_url(application))
    assert "Your draft has been saved" in page.content.decode()

    response = client.post(
        detail_url(application), {**form_data(call, transcript, hosts, faculty_choice), "action": "submit"}
    )
    run_jobs()
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.preferences.count() == 2
    assert "https://intl.example.org/my/applications/" in mail.outbox[-1].body

    listing = client.get(reverse("mobility:my-applications")).content.decode()
    assert "Erasmus+ semester exchange" in listing
    assert "Submitted" in listing
    assert "Draft started" in listing


def test_submit_straight_from_the_empty_form(client, student, call, transcript, hosts, faculty_choice):
    client.force_login(student)
    client.post(create_url(call), form_data(call, transcript, hosts, faculty_choice, action="submit"))
    assert Application.objects.get().status == Status.SUBMITTED


def test_a_submitted_application_shows_no_form_and_refuses_changes(client, student, draft):
    services.application_submit(application=draft, actor=student)
    client.force_login(student)
    response = client.get(detail_url(draft))
    assert response.context["form"] is None
    response = client.post(detail_url(draft), {"action": "save", "first_name": "Changed"}, follow=True)
    assert "can no longer be changed" in response.content.decode()
    draft.refresh_from_db()
    assert draft.first_name == "Aziza"


def test_missing_required_document_is_flagged_by_its_field_and_nothing_is_stored(
    client, student, call, transcript, hosts, faculty_choice
):
    client.force_login(student)
    files_before = stored_files()
    data = form_data(call, transcript, hosts, faculty_choice, action="submit", **{f"document_{transcript.pk}": None})
    response = client.post(create_url(call), data)
    assert response.status_code == 200
    assert response.context["form"].errors[f"document_{transcript.pk}"] == ["This call requires this document."]
    assert not Application.objects.exists()
    assert stored_files() == files_before


@pytest.mark.parametrize(
    ("field", "file", "message"),
    [
        ("document", upload("transcript.pdf", b"<html><script>alert(1)</script>", "application/pdf"), "must be a PDF"),
        ("document", upload("transcript.png", b"\x89PNG\r\n\x1a\nnot really", "image/png"), "not a readable image"),
        ("photo", upload("me.png", png_claiming_size(60_000, 60_000), "image/png"), "image is too large"),
        ("photo", upload("me.jpg", pdf_bytes(), "image/jpeg"), "JPEG or PNG"),
    ],
    ids=["renamed-html", "not-an-image", "bomb", "pdf-as-photo"],
)
def test_a_rejected_file_gets_a_message_by_its_field_and_nothing_is_stored(
    client, student, call, transcript, hosts, faculty_choice, field, file, message
):
    client.force_login(student)
    files_before = stored_files()
    name = f"document_{transcript.pk}" if field == "document" else "photo"
    response = client.post(create_url(call), form_data(call, transcript, hosts, faculty_choice, **{name: file}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [name]
    assert message in errors[name][0]
    assert not Application.objects.exists()
    assert not ApplicationDocument.objects.exists()
    assert stored_files() == files_before


def test_an_oversize_file_is_rejected_by_its_field(client, student, call, transcript, hosts, faculty_choice, settings):
    settings.APPLICATION_UPLOAD_MAX_BYTES = 100
    client.force_login(student)
    response = client.post(create_url(call), form_data(call, transcript, hosts, faculty_choice))
    errors = response.context["form"].errors
    assert set(errors) == {f"document_{transcript.pk}", "photo"}
    assert "largest accepted is" in errors["photo"][0]
    assert not Application.objects.exists()


def test_a_bad_file_on_a_draft_keeps_the_earlier_upload(
    client, student, draft, call, transcript, hosts, faculty_choice
):
    before = draft.documents.get()
    client.force_login(student)
    bad = upload("transcript.pdf", b"GIF89a;alert(1)", "application/pdf")
    response = client.post(
        detail_url(draft),
        form_data(call, transcript, hosts, faculty_choice, first_name="Changed", **{f"document_{transcript.pk}": bad}),
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.first_name == "Aziza"
    assert draft.documents.get().file.name == before.file.name


def test_the_same_host_twice_is_flagged_on_the_second_choice(client, student, call, transcript, hosts, faculty_choice):
    client.force_login(student)
    data = form_data(call, transcript, hosts, faculty_choice, host_2=hosts[0].pk)
    response = client.post(create_url(call), data)
    assert "host_2" in response.context["form"].errors
    assert not Application.objects.exists()


def test_a_host_from_outside_the_call_is_refused(client, student, call, transcript, hosts, faculty_choice):
    client.force_login(student)
    data = form_data(call, transcript, hosts, faculty_choice, host_1=InstitutionFactory().pk)
    response = client.post(create_url(call), data)
    assert "host_1" in response.context["form"].errors
    assert not Application.objects.exists()


def test_submit_after_the_deadline_keeps_the_draft_and_says_why(
    client, student, draft, call, transcript, hosts, faculty_choice
):
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    client.force_login(student)
    # A tab opened before the deadline, with the files uploaded earlier.
    data = form_data(call, transcript, hosts, faculty_choice, action="submit", photo=None)
    del data[f"document_{transcript.pk}"]
    response = client.post(detail_url(draft), data, follow=True)
    assert "applications can no longer be submitted" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_closed_call_has_no_application_form(client, student, call):
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    client.force_login(student)
    response = client.get(create_url(call))
    assert response.status_code == 302
    assert response.url == call.get_absolute_url()
    response = client.post(create_url(call), {"action": "save"})
    assert response.status_code == 302
    assert not Application.objects.exists()


def test_an_unpublished_call_is_not_found(client, student, call):
    Call.objects.filter(pk=call.pk).update(is_published=False)
    client.force_login(student)
    assert client.get(create_url(call)).status_code == 404


def test_second_application_to_the_same_call_continues_the_first(client, student, draft, call):
    client.force_login(student)
    response = client.get(create_url(call))
    assert response.status_code == 302
    assert response.url == detail_url(draft)


def test_two_tabs_posting_the_new_form_make_one_application(client, student, call, transcript, hosts, faculty_choice):
    client.force_login(student)
    for _tab in range(2):
        client.post(create_url(call), form_data(call, transcript, hosts, faculty_choice, action="submit"))
    application = Application.objects.get()
    assert application.status == Status.SUBMITTED
    assert application.events.filter(to_status=Status.SUBMITTED).count() == 1


def test_pressing_submit_twice_submits_once(client, student, draft, call, transcript, hosts, faculty_choice):
    client.force_login(student)
    client.post(detail_url(draft), {**form_data(call, transcript, hosts, faculty_choice), "action": "submit"})
    response = client.post(
        detail_url(draft), {**form_data(call, transcript, hosts, faculty_choice), "action": "submit"}, follow=True
    )
    assert response.status_code == 200
    assert Application.objects.count() == 1
    assert draft.events.filter(to_status=Status.SUBMITTED).count() == 1


def test_an_unverified_address_cannot_apply(client, call):
    unverified = UserFactory(username="unverified")
    client.force_login(unverified)
    response = client.get(create_url(call))
    assert response.status_code == 200
    assert "account/verified_email_required.html" in [t.name for t in response.templates]
    assert not Application.objects.exists()


def test_only_get_and_post_are_answered(client, student, draft):
    client.force_login(student)
    assert client.put(detail_url(draft)).status_code == 405
    assert client.get(reverse("mobility:application-withdraw", kwargs={"pk": draft.pk})).status_code == 405
