"""Reviews and scores in the admin, and the documents staff open."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR
from mobility import services
from mobility.models import Application, ApplicationReview
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.applications import checked_pdf, open_call
from tests.factories import ApplicationDocumentFactory, ApplicationReviewFactory, FacultyFactory, UserFactory
from tests.mobility.admin.helpers import Status, application_at

pytestmark = pytest.mark.django_db


# --- reviews -------------------------------------------------------------------------------------


def test_a_reviewer_adds_their_own_review_and_saving_again_updates_it(staff_client, staff, call):
    application = application_at(call, Status.UNDER_REVIEW)
    colleague = UserFactory(username="colleague", is_staff=True, first_name="Nodira", last_name="Azimova")
    ApplicationReview.objects.create(application=application, reviewer=colleague, score=6, comment="Average letter")
    url = admin_url(Application, "change", application.pk)

    page = staff_client.get(url)
    html = page.content.decode()
    data = form_data(page, Application)
    data.update({"reviews-2-0-score": "8", "reviews-2-0-comment": "Strong motivation"})
    first = staff_client.post(url, data)

    again = form_data(staff_client.get(url), Application)
    again.update({"reviews-2-0-score": "9"})
    second = staff_client.post(url, again)

    # The colleague's review is shown, not editable; the reviewer has one review, updated.
    assert "Average letter" in html and "Nodira Azimova" in html
    assert 'name="reviews-0-score"' not in html
    assert first.status_code == 302, form_errors(first)
    assert second.status_code == 302, form_errors(second)
    own = ApplicationReview.objects.get(application=application, reviewer=staff)
    assert (own.score, own.comment) == (9, "Strong motivation")
    assert ApplicationReview.objects.filter(application=application).count() == 2


@pytest.mark.parametrize("score", ["11", "-1", "seven"])
def test_a_score_outside_0_to_10_is_refused_by_its_field(staff_client, call, score):
    application = application_at(call, Status.UNDER_REVIEW)
    url = admin_url(Application, "change", application.pk)
    data = form_data(staff_client.get(url), Application)
    data["reviews-2-0-score"] = score

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert not ApplicationReview.objects.exists()


def test_a_draft_has_no_review_form(staff_client, call):
    application = application_at(call, Status.DRAFT)

    html = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    assert "reviews-2-0-score" not in html


def test_a_second_review_by_the_same_reviewer_updates_the_first():
    review = ApplicationReviewFactory(score=4)

    services.application_review(application=review.application, reviewer=review.reviewer, score=7, comment="Better")

    review.refresh_from_db()
    assert (review.score, review.comment) == (7, "Better")
    assert ApplicationReview.objects.count() == 1


def test_the_list_shows_the_average_score_and_sorts_by_it(staff_client, staff, call):
    low = application_at(call, Status.UNDER_REVIEW)
    high = application_at(call, Status.UNDER_REVIEW)
    ApplicationReview.objects.create(application=high, reviewer=staff, score=9)
    ApplicationReview.objects.create(application=high, reviewer=UserFactory(is_staff=True), score=8)
    ApplicationReview.objects.create(application=low, reviewer=staff, score=3)
    unreviewed = application_at(call, Status.SUBMITTED)

    response = staff_client.get(admin_url(Application, "changelist"), {"o": "-6"})

    rows = list(response.context["cl"].result_list)
    assert rows[:2] == [high, low]
    assert unreviewed in rows
    assert "8.5 <small>(2 reviews)</small>" in response.content.decode()


def test_the_list_filters_by_host_preference(staff_client, call, hosts):
    to_gazi = application_at(call, Status.SUBMITTED, hosts=[hosts[0]])
    application_at(call, Status.SUBMITTED, hosts=[hosts[1]])

    response = staff_client.get(admin_url(Application, "changelist"), {"host": str(hosts[0].pk)})

    assert list(response.context["cl"].result_list) == [to_gazi]


# --- documents -----------------------------------------------------------------------------------


def test_document_links_open_the_staff_download_and_a_coordinator_of_another_faculty_gets_404(staff_client, call):
    chemistry, physics = FacultyFactory(slug="chemistry"), FacultyFactory(slug="physics")
    document = ApplicationDocumentFactory(
        application=application_at(call, Status.SUBMITTED, faculty=chemistry), original_name="transcript.pdf"
    )
    link = reverse("mobility:staff-application-document", kwargs={"pk": document.application_id, "doc_pk": document.pk})
    page = staff_client.get(admin_url(Application, "change", document.application_id)).content.decode()

    coordinator = UserFactory(username="physics-coordinator", is_staff=True, faculty=physics)
    coordinator.groups.add(Group.objects.get(name=FACULTY_COORDINATOR))
    client = Client()
    client.force_login(coordinator)

    assert f'<a href="{link}">transcript.pdf</a>' in page
    download = staff_client.get(link)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert client.get(link).status_code == 404
    coordinator.faculty = chemistry
    coordinator.save()
    assert client.get(link).status_code == 200


def test_documents_uploaded_through_the_services_are_listed_with_download_links(staff_client, student, call):
    open_call(call)
    application, _created = services.application_start(call=call, student=student)
    document_type = call.required_documents.create(name="Transcript", slug="transcript")
    services.application_save_draft(
        application=application, actor=student, documents={document_type: checked_pdf("grades.pdf")}
    )

    html = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    document = application.documents.get()
    assert "grades.pdf" in html
    assert document.file.name not in html
