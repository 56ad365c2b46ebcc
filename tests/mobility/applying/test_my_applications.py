"""A student's own applications: the list, and withdrawing one."""

import pytest
from django.urls import reverse

from intl_office.dates import today
from mobility import services, uploads
from programs.models import Call
from tests.factories import CallFactory
from tests.files import pdf_bytes, upload
from tests.mobility.applying.helpers import DAY, Status, detail_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


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
