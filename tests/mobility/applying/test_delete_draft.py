"""A draft is deleted, after a page that asks; a submitted application is withdrawn instead, never deleted."""

import pytest
from django.urls import reverse

from intl_office.storage import private_storage
from mobility import services
from mobility.models import Application
from tests.jobs import run_jobs
from tests.mobility.applying.helpers import Status, detail_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def delete_url(application):
    return reverse("mobility:application-delete", kwargs={"pk": application.pk})


def test_a_draft_offers_delete_draft_not_withdraw(client, student, draft):
    client.force_login(student)
    for page in (client.get(reverse("mobility:my-applications")), client.get(detail_url(draft))):
        html = page.content.decode()
        assert f'href="{delete_url(draft)}">Delete draft</a>' in html
        assert "Withdraw application" not in html


def test_a_submitted_application_offers_withdraw_not_delete(client, student, draft):
    services.application_submit(application=draft, actor=student)
    client.force_login(student)
    for page in (client.get(reverse("mobility:my-applications")), client.get(detail_url(draft))):
        html = page.content.decode()
        assert "Withdraw application" in html
        assert "Delete draft" not in html


def test_the_confirmation_page_deletes_nothing(client, student, draft):
    client.force_login(student)
    page = client.get(delete_url(draft))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Delete this draft?" in html
    assert '<form method="post"' in html
    assert Application.objects.filter(pk=draft.pk).exists()


def test_deleting_a_draft_removes_it_with_its_files(client, student, draft):
    files = [draft.photo.name, draft.documents.get().file.name]
    assert all(private_storage.exists(name) for name in files)
    client.force_login(student)
    response = client.post(delete_url(draft), follow=True)
    assert response.redirect_chain[-1][0] == reverse("mobility:my-applications")
    assert "has been deleted" in response.content.decode()
    assert not Application.objects.filter(pk=draft.pk).exists()
    # The files go by the clean-up jobs the deletion enqueued.
    run_jobs()
    assert not any(private_storage.exists(name) for name in files)


def test_a_student_can_apply_again_after_deleting_the_draft(client, student, draft, call):
    client.force_login(student)
    client.post(delete_url(draft))
    response = client.get(reverse("mobility:application-create", kwargs={"slug": call.slug}))
    assert response.status_code == 200


def test_another_students_draft_is_404_and_stays(client, outsider, draft):
    client.force_login(outsider)
    assert client.get(delete_url(draft)).status_code == 404
    assert client.post(delete_url(draft)).status_code == 404
    assert Application.objects.filter(pk=draft.pk).exists()


def test_anonymous_is_sent_to_sign_in(client, draft):
    response = client.post(delete_url(draft))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Application.objects.filter(pk=draft.pk).exists()


def test_a_submitted_application_cannot_be_deleted(client, student, draft):
    services.application_submit(application=draft, actor=student)
    client.force_login(student)
    response = client.post(delete_url(draft), follow=True)
    assert "can be withdrawn, not deleted" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED


def test_the_service_refuses_a_submitted_application_and_anothers_draft(student, outsider, draft):
    with pytest.raises(services.ApplicationError) as refused:
        services.application_delete_draft(application=draft, actor=outsider)
    assert refused.value.code == "not_own_draft"
    services.application_submit(application=draft, actor=student)
    with pytest.raises(services.ApplicationError) as refused:
        services.application_delete_draft(application=draft, actor=student)
    assert refused.value.code == "not_draft"
    assert Application.objects.filter(pk=draft.pk).exists()


def test_a_get_never_deletes_and_other_methods_are_refused(client, student, draft):
    client.force_login(student)
    assert client.put(delete_url(draft)).status_code == 405
    assert client.delete(delete_url(draft)).status_code == 405
    assert Application.objects.filter(pk=draft.pk).exists()
