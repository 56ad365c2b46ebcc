"""The student's side of the learning agreement: drafting the courses, adding and removing rows, submitting."""

from decimal import Decimal

import pytest
from django.core import mail

from mobility.models import Application, LearningAgreement, LearningAgreementEvent, LearningAgreementVersion
from mobility.services import learning_agreement_new_version, learning_agreement_save_draft, learning_agreement_submit
from tests.factories import ApplicationFactory
from tests.jobs import run_jobs
from tests.mobility.learning_agreements import (
    ROW,
    accepted_mobility,
    approve_by_both,
    formset_data,
    page_url,
    submitted,
)
from tests.users import signed_in

pytestmark = pytest.mark.django_db
State = LearningAgreementVersion.State


@pytest.fixture
def accepted(student, faculty):
    return accepted_mobility(student=student, faculty=faculty)


def test_my_applications_links_an_accepted_application_to_its_learning_agreement(client, student, accepted):
    application, _mobility = accepted
    client.force_login(student)
    body = client.get("/my/applications/").content.decode()
    assert page_url(application) in body


def test_my_applications_offers_no_learning_agreement_once_the_mobility_is_cancelled(client, student, accepted):
    application, mobility = accepted
    mobility.status = mobility.Status.CANCELLED
    mobility.save(update_fields=["status"])
    client.force_login(student)
    assert page_url(application) not in client.get("/my/applications/").content.decode()
    assert client.get(page_url(application)).status_code == 404


def test_student_saves_a_draft_with_two_courses(client, student, accepted):
    application, mobility = accepted
    client.force_login(student)
    assert client.get(page_url(application)).status_code == 200

    second = {
        **ROW,
        "host_code": "CS302",
        "host_title": "Compilers",
        "home_code": "",
        "home_title": "",
        "home_credits": "",
    }
    response = client.post(page_url(application), formset_data([ROW, second], extra=1, comment="First plan"))

    assert response.status_code == 302
    version = LearningAgreement.objects.get(mobility=mobility).versions.get()
    assert (version.number, version.state, version.comment) == (1, State.DRAFT, "First plan")
    assert [(r.host_code, r.home_title, r.home_credits) for r in version.rows.order_by("position")] == [
        ("CS301", "Taqsimlangan tizimlar", Decimal("5.0")),
        ("CS302", "", None),
    ]
    assert LearningAgreementEvent.objects.filter(version=version, to_state=State.DRAFT).count() == 1


def test_student_removes_a_row_and_adds_one(client, student, accepted):
    application, mobility = accepted
    client.force_login(student)
    client.post(page_url(application), formset_data([ROW, {**ROW, "host_code": "CS302"}]))
    rows = list(LearningAgreement.objects.get(mobility=mobility).versions.get().rows.order_by("position"))

    kept = {**ROW, "id": rows[0].pk}
    dropped = {**ROW, "host_code": "CS302", "id": rows[1].pk, "DELETE": True}
    added = {**ROW, "host_code": "CS303", "host_title": "Machine Learning"}
    response = client.post(page_url(application), formset_data([kept, dropped, added], action="add"))

    assert response.status_code == 302 and "extra=3" in response["Location"]
    version = LearningAgreement.objects.get(mobility=mobility).versions.get()
    assert [row.host_code for row in version.rows.order_by("position")] == ["CS301", "CS303"]
    assert client.get(response["Location"]).content.decode().count('name="rows-') > 0


def test_invalid_credits_are_flagged_next_to_the_field_and_change_nothing(client, student, accepted):
    application, mobility = accepted
    client.force_login(student)
    response = client.post(page_url(application), formset_data([{**ROW, "host_credits": "-3"}]))

    assert response.status_code == 200
    body = response.content.decode()
    field = body[body.index('name="rows-0-host_credits"') - 300 : body.index('name="rows-0-host_credits"') + 600]
    assert "is-invalid" in field and "greater than or equal to 0.5" in field
    assert not LearningAgreement.objects.filter(mobility=mobility).exists()


def test_home_credits_without_a_home_course_are_refused(client, student, accepted):
    application, mobility = accepted
    client.force_login(student)
    response = client.post(page_url(application), formset_data([{**ROW, "home_title": "", "home_code": ""}]))
    assert response.status_code == 200
    assert "Name the home course" in response.content.decode()
    assert not LearningAgreement.objects.filter(mobility=mobility).exists()


def test_submit_without_courses_says_so_and_submits_nothing(client, student, accepted):
    application, mobility = accepted
    client.force_login(student)
    response = client.post(page_url(application), formset_data([], action="submit", extra=2))
    assert response.status_code == 200
    assert "Add at least one course before submitting." in response.content.decode()
    assert not LearningAgreementVersion.objects.filter(state=State.SUBMITTED).exists()


def test_student_submits_and_both_coordinators_are_asked(client, student, accepted, coordinator):
    application, mobility = accepted
    client.force_login(student)
    response = client.post(page_url(application), formset_data([ROW], action="submit"))

    assert response.status_code == 302
    version = LearningAgreement.objects.get(mobility=mobility).versions.get()
    assert version.state == State.SUBMITTED and version.submitted_at is not None
    assert list(version.events.values_list("from_state", "to_state")) == [
        ("", State.DRAFT),
        (State.DRAFT, State.SUBMITTED),
    ]
    run_jobs()
    host_mail = next(m for m in mail.outbox if m.to == ["ayse@metu.example.org"])
    assert "Learning agreement of Дилноза Каримова (version 1)" in host_mail.subject
    assert "/host/learning-agreements/" in host_mail.body and "Dear Ayşe Demir" in host_mail.body
    assert any(m.to == [coordinator.email] for m in mail.outbox)


def test_a_submitted_version_can_no_longer_be_changed(client, student, accepted):
    application, mobility = accepted
    version = submitted(mobility, student)
    client.force_login(student)
    response = client.post(page_url(application), formset_data([{**ROW, "host_title": "Changed"}]))

    assert response.status_code == 302
    assert list(version.rows.values_list("host_title", flat=True)) == ["Distributed Systems"]
    assert "waits for both coordinators" in client.get(page_url(application)).content.decode()


def test_anonymous_is_sent_to_sign_in(client, accepted):
    application, _mobility = accepted
    response = client.get(page_url(application))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_student_gets_404_for_anothers_learning_agreement(accepted, outsider):
    application, mobility = accepted
    other = signed_in(outsider)
    assert other.get(page_url(application)).status_code == 404
    assert other.post(page_url(application), formset_data([ROW])).status_code == 404
    assert not LearningAgreement.objects.filter(mobility=mobility).exists()


@pytest.mark.parametrize("status", [Application.Status.SUBMITTED, Application.Status.REJECTED])
def test_no_learning_agreement_before_acceptance(client, student, status):
    application = ApplicationFactory(student=student, status=status)
    client.force_login(student)
    assert client.get(page_url(application)).status_code == 404


def test_hostile_course_titles_are_inert_on_the_page(client, student, accepted):
    application, mobility = accepted
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    submitted(mobility, student, rows=[{**ROW, "host_title": hostile, "home_title": hostile}])
    client.force_login(student)
    body = client.get(page_url(application)).content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


def test_the_page_queries_do_not_grow_with_versions(
    client, student, accepted, coordinator, django_assert_max_num_queries
):
    # session, user; application, mobility; agreement, versions, rows, approvals; the history; the row
    # formset's draft rows; and a few for the page's chrome (home institution, messages)
    application, mobility = accepted
    client.force_login(student)

    def versions(count):
        for _number in range(count):
            version = LearningAgreementVersion.objects.filter(agreement__mobility=mobility).order_by("-number").first()
            if version is None:
                version = submitted(mobility, student)
            else:
                version = learning_agreement_new_version(agreement=version.agreement, actor=student)
                learning_agreement_save_draft(mobility=mobility, actor=student, rows=[ROW, ROW])
                learning_agreement_submit(version=version, actor=student)
            approve_by_both(version, coordinator)

    versions(1)
    with django_assert_max_num_queries(14) as one:
        assert client.get(page_url(application)).status_code == 200
    versions(4)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(page_url(application)).status_code == 200
