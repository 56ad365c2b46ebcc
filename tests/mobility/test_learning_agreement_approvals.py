"""The coordinators' side: the faculty answers in the admin (own faculty only), both approvals make it approved."""

import pytest
from django.core import mail
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF
from mobility.models import LearningAgreement, LearningAgreementApproval, LearningAgreementVersion
from mobility.services import (
    LearningAgreementError,
    learning_agreement_decide,
    learning_agreement_new_version,
    learning_agreement_save_draft,
    learning_agreement_submit,
)
from tests.factories import FacultyFactory, UserFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.learning_agreements import (
    ROW,
    Decision,
    Party,
    accepted_mobility,
    approve_by_both,
    page_url,
    submitted,
)
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db
State = LearningAgreementVersion.State


@pytest.fixture
def version(student, faculty):
    _application, mobility = accepted_mobility(student=student, faculty=faculty, language="uz")
    return submitted(mobility, student)


@pytest.fixture
def other_coordinator(db):
    return member_of(FACULTY_COORDINATOR, username="other-coordinator", faculty=FacultyFactory(name="Faculty of Law"))


def change_url(version):
    return reverse("admin:mobility_learningagreement_change", args=[version.agreement_id])


def answer_url(version):
    return reverse("admin:mobility_learningagreement_answer", args=[version.agreement_id])


def test_coordinator_of_another_faculty_cannot_see_or_answer(version, other_coordinator):
    client = signed_in(other_coordinator)
    listing = client.get(reverse("admin:mobility_learningagreement_changelist"))
    assert listing.status_code == 200 and "Дилноза" not in listing.content.decode()
    assert client.get(change_url(version)).status_code == 302  # "does not exist", back to the admin index
    response = client.post(answer_url(version), {"decision": "approve"})
    assert response.status_code == 302
    assert not LearningAgreementApproval.objects.exists()
    with pytest.raises(LearningAgreementError):
        learning_agreement_decide(
            version=version, party=Party.FACULTY, decision=Decision.APPROVE, actor=other_coordinator
        )
    assert not LearningAgreementApproval.objects.exists()


def test_office_staff_read_but_do_not_answer_for_the_faculty(version):
    office = signed_in(member_of(OFFICE_STAFF, username="office"))
    page = office.get(change_url(version))
    assert page.status_code == 200 and "Record my answer" not in page.content.decode()
    assert "/host/learning-agreements/" in page.content.decode()  # the host's link, to send on
    assert office.post(answer_url(version), {"decision": "approve"}).status_code == 403
    assert not LearningAgreementApproval.objects.exists()


def test_coordinator_approves_their_faculty_agreement_in_the_admin(version, coordinator, coordinator_client):
    page = coordinator_client.get(change_url(version))
    assert page.status_code == 200 and "Record my answer" in page.content.decode()
    assert "/host/learning-agreements/" not in page.content.decode()
    clear_mail()

    response = coordinator_client.post(answer_url(version), {"decision": "approve", "comment": "Fine"})

    assert response.status_code == 302
    approval = LearningAgreementApproval.objects.get()
    assert (approval.party, approval.decision, approval.approver, approval.comment) == (
        Party.FACULTY,
        Decision.APPROVE,
        coordinator,
        "Fine",
    )
    version.refresh_from_db()
    assert version.state == State.SUBMITTED  # the host has not answered yet
    assert version.events.filter(to_state=State.SUBMITTED, note__startswith="Approved by the faculty").exists()
    run_jobs()
    (message,) = mail.outbox
    assert message.to == ["student@example.org"]
    # In the student's language, Uzbek: the greeting and the link to the Uzbek page.
    assert message.body.startswith("Hurmatli Дилноза Каримова")
    assert "/uz/my/applications/" in message.body


def test_a_second_answer_from_the_faculty_is_refused(version, coordinator, coordinator_client):
    coordinator_client.post(answer_url(version), {"decision": "approve"})
    coordinator_client.post(answer_url(version), {"decision": "return", "comment": "Changed my mind"})
    assert LearningAgreementApproval.objects.get().decision == Decision.APPROVE


def test_sending_back_needs_a_comment(version, coordinator_client):
    coordinator_client.post(answer_url(version), {"decision": "return", "comment": "  "})
    version.refresh_from_db()
    assert version.state == State.SUBMITTED and not LearningAgreementApproval.objects.exists()


def test_send_back_then_a_new_version_is_submitted(client, student, version, coordinator, coordinator_client):
    coordinator_client.post(answer_url(version), {"decision": "return", "comment": "Replace CS301 <b>please</b>"})
    version.refresh_from_db()
    assert version.state == State.RETURNED

    client.force_login(student)
    page = client.get(page_url(version.agreement.mobility.application)).content.decode()
    assert "Replace CS301 &lt;b&gt;please&lt;/b&gt;" in page
    client.post(page_url(version.agreement.mobility.application), {"action": "new-version"})
    second = version.agreement.versions.get(number=2)
    assert second.state == State.DRAFT
    assert list(second.rows.values_list("host_code", flat=True)) == ["CS301"]  # copied

    learning_agreement_save_draft(
        mobility=version.agreement.mobility, actor=student, rows=[{**ROW, "host_code": "CS305"}]
    )
    learning_agreement_submit(version=second, actor=student)
    second.refresh_from_db()
    assert second.state == State.SUBMITTED
    version.refresh_from_db()
    assert version.state == State.RETURNED and list(version.rows.values_list("host_code", flat=True)) == ["CS301"]


def test_approval_by_both_makes_the_version_approved(version, coordinator):
    approve_by_both(version, coordinator)
    assert version.state == State.APPROVED and version.approved_at is not None
    agreement = LearningAgreement.objects.with_versions().get()
    assert agreement.approved_version.pk == version.pk
    assert list(version.events.values_list("to_state", flat=True)) == [
        State.DRAFT,
        State.SUBMITTED,
        State.SUBMITTED,
        State.APPROVED,
    ]


def test_approval_by_one_and_send_back_by_the_other_is_not_approved(version, coordinator):
    learning_agreement_decide(version=version, party=Party.FACULTY, decision=Decision.APPROVE, actor=coordinator)
    learning_agreement_decide(
        version=version, party=Party.HOST, decision=Decision.RETURN, name="A. Demir", comment="No"
    )
    version.refresh_from_db()
    assert version.state == State.RETURNED


def test_new_version_during_the_stay_keeps_the_approved_one_readable(client, student, version, coordinator):
    approve_by_both(version, coordinator)
    learning_agreement_new_version(agreement=version.agreement, actor=student)
    second = version.agreement.versions.get(number=2)
    learning_agreement_save_draft(
        mobility=version.agreement.mobility, actor=student, rows=[ROW, {**ROW, "host_code": "CS999"}]
    )
    learning_agreement_submit(version=second, actor=student)

    agreement = LearningAgreement.objects.with_versions().get()
    assert agreement.approved_version.number == 1  # still the one in force until v2 is approved
    assert agreement.latest_version.number == 2
    client.force_login(student)
    page = client.get(page_url(version.agreement.mobility.application)).content.decode()
    assert "Version 1" in page and "Version 2" in page and "CS999" in page
    assert (
        reverse("mobility:learning-agreement-pdf", kwargs={"pk": agreement.mobility.application_id, "number": 1})
        in page
    )
    with pytest.raises(LearningAgreementError):
        learning_agreement_new_version(agreement=version.agreement, actor=student)  # v2 still waits


def test_admin_list_queries_do_not_grow_with_rows(staff_client, django_assert_max_num_queries, faculty):
    # session, user, count, agreements page, versions, rows, approvals, faculty filter + a few for the page chrome
    def load():
        response = staff_client.get(reverse("admin:mobility_learningagreement_changelist"))
        assert response.status_code == 200
        return response

    def add(numbers):
        for n in numbers:
            owner = UserFactory(username=f"s{n}")
            _application, mobility = accepted_mobility(student=owner, faculty=faculty, partner_name=f"Host {n}")
            submitted(mobility, owner)

    add(range(5))
    with django_assert_max_num_queries(14) as five:
        load()
    add(range(5, 20))
    with django_assert_max_num_queries(len(five.captured_queries)):
        load()
