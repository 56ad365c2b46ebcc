"""The student's pages: applying, "My applications", withdrawing, and the file downloads.

Every protected URL is tried three ways: anonymous (sent to sign in), another student (404, as
if the application did not exist) and its own student (or staff, for the office's downloads).
"""

import datetime
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from intl_office.dates import today
from intl_office.roles import FACULTY_COORDINATOR
from intl_office.storage import private_storage
from mobility import services, uploads
from mobility.models import Application, ApplicationDocument
from programs.models import Call
from tests.factories import CallFactory, DocumentTypeFactory, FacultyFactory, InstitutionFactory, UserFactory
from tests.files import jpeg_bytes, pdf_bytes, png_bytes, png_claiming_size, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

Status = Application.Status
DAY = datetime.timedelta(days=1)


@pytest.fixture
def hosts():
    return [
        InstitutionFactory(name="Gazi University", country="TR", city="Ankara"),
        InstitutionFactory(name="Kyungpook National University", country="KR", city="Daegu"),
    ]


@pytest.fixture
def transcript():
    return DocumentTypeFactory(name="Transcript of records", slug="transcript")


@pytest.fixture
def call(hosts, transcript):
    call = CallFactory(
        title="Erasmus+ semester exchange",
        slug="erasmus-semester-exchange",
        opens_on=today() - 10 * DAY,
        deadline=today() + 10 * DAY,
        hosts=hosts,
    )
    call.required_documents.set([transcript])
    return call


@pytest.fixture
def faculty_choice():
    return FacultyFactory(name="Faculty of Food Technology", slug="food-technology")


def form_data(call, transcript, hosts, faculty, *, action="save", **overrides):
    data = {
        "action": action,
        "first_name": "Aziza",
        "last_name": "Karimova",
        "date_of_birth": "2003-04-12",
        "nationality": "UZ",
        "phone": "+998 90 123 45 67",
        "faculty": faculty.pk,
        "level": "bachelor",
        "year_of_study": "3",
        "gpa": "4.20",
        "language_certificate": "ielts",
        "language_score": "6.5",
        "motivation_letter": "To study process engineering abroad.",
        "host_1": hosts[0].pk,
        "host_2": hosts[1].pk,
        f"document_{transcript.pk}": upload("My transcript.pdf", pdf_bytes(), "application/pdf"),
        "photo": upload("me.jpg", jpeg_bytes(), "image/jpeg"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def create_url(call):
    return reverse("mobility:application-create", kwargs={"slug": call.slug})


def detail_url(application):
    return reverse("mobility:application-detail", kwargs={"pk": application.pk})


def stored_files():
    found = set()
    for folder in ("documents", "photos"):
        if private_storage.exists(folder):
            found |= {f"{folder}/{name}" for name in private_storage.listdir(folder)[1]}
    return found


@pytest.fixture
def draft(call, student, transcript, hosts, faculty_choice):
    """A complete draft of ``student``, saved through the services."""
    application, _ = services.application_start(call=call, student=student)
    services.application_save_draft(
        application=application,
        actor=student,
        fields={
            "first_name": "Aziza",
            "last_name": "Karimova",
            "date_of_birth": datetime.date(2003, 4, 12),
            "nationality": "UZ",
            "phone": "+998 90 123 45 67",
            "faculty": faculty_choice,
            "level": "bachelor",
            "year_of_study": 3,
            "gpa": "4.20",
            "motivation_letter": "To study process engineering abroad.",
        },
        hosts=hosts,
        documents={transcript: uploads.check_document(upload("My transcript.pdf", pdf_bytes(), "application/pdf"))},
        photo=uploads.check_photo(upload("me.png", png_bytes(), "image/png")),
    )
    return application


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
    client, student, call, transcript, hosts, faculty_choice, django_capture_on_commit_callbacks
):
    client.force_login(student)
    response = client.post(create_url(call), form_data(call, transcript, hosts, faculty_choice))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(application)
    assert application.status == Status.DRAFT
    assert application.documents.get().original_name == "My transcript.pdf"

    page = client.get(detail_url(application))
    assert "Your draft has been saved" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            detail_url(application), {**form_data(call, transcript, hosts, faculty_choice), "action": "submit"}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.preferences.count() == 2
    assert "http://testserver/my/applications/" in mail.outbox[-1].body

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


# --- withdrawing -------------------------------------------------------------------------------


def test_withdraw_while_the_call_is_open(client, student, draft):
    services.application_submit(application=draft, actor=student)
    client.force_login(student)
    response = client.post(reverse("mobility:application-withdraw", kwargs={"pk": draft.pk}), follow=True)
    assert "has been withdrawn" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.WITHDRAWN


def test_no_withdraw_after_the_call_has_closed(client, student, draft, call):
    services.application_submit(application=draft, actor=student)
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    client.force_login(student)
    page = client.get(detail_url(draft)).content.decode()
    assert "Withdraw application" not in page
    response = client.post(reverse("mobility:application-withdraw", kwargs={"pk": draft.pk}), follow=True)
    assert "The call has closed" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED


# --- my applications ---------------------------------------------------------------------------


def test_my_applications_lists_only_mine_with_history_and_documents(client, student, outsider, draft, call):
    other_call = CallFactory(title="KOICA fellowship")
    services.application_start(call=other_call, student=outsider)
    client.force_login(student)
    page = client.get(reverse("mobility:my-applications")).content.decode()
    assert "Erasmus+ semester exchange" in page
    assert "KOICA fellowship" not in page
    assert reverse("mobility:application-document", kwargs={"pk": draft.pk, "doc_pk": draft.documents.get().pk}) in page


def test_the_history_shows_the_office_not_the_reviewers_name(client, student, staff, draft):
    services.application_submit(application=draft, actor=student)
    services.application_transition(application=draft, to_status=Status.UNDER_REVIEW, actor=staff)
    client.force_login(student)
    page = client.get(reverse("mobility:my-applications")).content.decode()
    assert "Under review" in page
    assert "by the International Office" in page
    assert "staff" not in page.split("application-history", 1)[1].split("</ol>", 1)[0]


def test_an_empty_list_points_to_the_calls(client, student):
    client.force_login(student)
    page = client.get(reverse("mobility:my-applications")).content.decode()
    assert reverse("programs:call-list") in page


@pytest.mark.parametrize("count", [1, 5])
def test_my_applications_queries_do_not_grow_with_the_list(
    client, student, transcript, count, django_assert_num_queries
):
    for _ in range(count):
        call = CallFactory()
        call.required_documents.set([transcript])
        application, _ = services.application_start(call=call, student=student)
        services.application_save_draft(
            application=application,
            actor=student,
            documents={transcript: uploads.check_document(upload("t.pdf", pdf_bytes(), "application/pdf"))},
        )
    client.force_login(student)
    client.get(reverse("mobility:my-applications"))  # warm the session and site caches
    # session, user, home institution, applications with call and programme,
    # their events, their documents with types, their host preferences
    with django_assert_num_queries(7):
        response = client.get(reverse("mobility:my-applications"))
    assert response.status_code == 200


def test_a_hostile_file_name_is_shown_escaped(client, student, draft, transcript):
    services.application_save_draft(
        application=draft,
        actor=student,
        documents={
            transcript: uploads.check_document(
                upload("<img src=x onerror=alert(1)>.pdf", pdf_bytes(), "application/pdf")
            )
        },
    )
    client.force_login(student)
    for url in (detail_url(draft), reverse("mobility:my-applications")):
        page = client.get(url).content.decode()
        assert "<img src=x" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in page


@pytest.mark.parametrize("language", ["uz", "ru"])
def test_the_pages_answer_in_every_language(client, student, draft, language):
    client.force_login(student)
    for url in (f"/{language}/my/applications/", f"/{language}/my/applications/{draft.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in response.content.decode()
