"""The host's signed link: its own agreement and version only, expires, and answers once."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from intl_office.host_links import HostLinkExpired, HostLinkInvalid, HostLinks
from mobility.learning_agreement_emails import LEARNING_AGREEMENT_LINKS
from mobility.models import LearningAgreementApproval, LearningAgreementVersion
from mobility.services import learning_agreement_decide, learning_agreement_new_version
from tests.factories import UserFactory
from tests.mobility.learning_agreements import Decision, Party, accepted_mobility, host_url, submitted

pytestmark = pytest.mark.django_db
State = LearningAgreementVersion.State

ANSWER = {"decision": "approve", "name": "Ayşe Demir", "position": "Erasmus coordinator", "comment": ""}


@pytest.fixture
def version(student, faculty):
    _application, mobility = accepted_mobility(student=student, faculty=faculty)
    return submitted(mobility, student)


@pytest.fixture
def other_version(faculty):
    owner = UserFactory(username="other-student")
    _application, mobility = accepted_mobility(student=owner, faculty=faculty, partner_name="Another host")
    return submitted(mobility, owner)


def test_host_approves_through_the_link(client, version):
    page = client.get(host_url(version))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Дилноза Каримова" in body and "Distributed Systems" in body and "Send my answer" in body
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]

    response = client.post(host_url(version), ANSWER)

    assert response.status_code == 302
    approval = LearningAgreementApproval.objects.get()
    assert (approval.party, approval.decision, approval.approver, approval.approver_name) == (
        Party.HOST,
        Decision.APPROVE,
        None,
        "Ayşe Demir",
    )
    assert version.events.filter(actor_name="Ayşe Demir (Host coordinator)").exists()


def test_the_link_cannot_be_replayed_after_the_answer(client, version):
    client.post(host_url(version), ANSWER)
    again = client.post(host_url(version), {**ANSWER, "decision": "return", "comment": "Changed my mind"})
    assert again.status_code == 200  # the recorded answer, read-only
    assert LearningAgreementApproval.objects.get().decision == Decision.APPROVE
    body = client.get(host_url(version)).content.decode()
    assert "Send my answer" not in body and "can no longer be changed" in body


def test_sending_back_needs_a_comment_shown_next_to_the_field(client, version):
    response = client.post(host_url(version), {**ANSWER, "decision": "return"})
    assert response.status_code == 200
    assert "Say what should change when you send it back." in response.content.decode()
    assert not LearningAgreementApproval.objects.exists()


def test_the_link_works_only_for_its_own_agreement(client, version, other_version):
    token = LEARNING_AGREEMENT_LINKS.make(object_id=version.agreement_id, version=1)
    assert client.get(host_url(other_version, token=token)).status_code == 404
    assert client.post(host_url(other_version, token=token), ANSWER).status_code == 404
    assert not LearningAgreementApproval.objects.exists()


def test_the_link_works_only_for_its_own_version(client, version, coordinator):
    learning_agreement_decide(
        version=version, party=Party.FACULTY, decision=Decision.RETURN, actor=coordinator, comment="x"
    )
    second = learning_agreement_new_version(agreement=version.agreement, actor=None)
    old_token = LEARNING_AGREEMENT_LINKS.make(object_id=version.agreement_id, version=1)
    assert client.get(host_url(second, token=old_token)).status_code == 404
    # The old link still opens its own version, read-only: it no longer waits for an answer.
    body = client.get(host_url(version)).content.decode()
    assert "Send my answer" not in body and "replaced by a newer one" in body
    assert client.post(host_url(version), ANSWER).status_code == 200
    assert not LearningAgreementApproval.objects.filter(party=Party.HOST).exists()


def test_a_link_of_another_purpose_does_not_open_a_learning_agreement(client, version):
    token = HostLinks("nomination").make(object_id=version.agreement_id, version=version.number)
    assert client.get(host_url(version, token=token)).status_code == 404


@pytest.mark.parametrize(
    "token",
    ["x", "not:a:token", "eyJpZCI6MSwidiI6MX0:1abcde:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%00", "é" * 300],
)
def test_a_tampered_token_gets_404_not_500(client, version, token):
    assert client.get(host_url(version, token=token)).status_code == 404
    assert client.post(host_url(version, token=token), ANSWER).status_code == 404


def test_a_changed_signature_gets_404(client, version):
    token = LEARNING_AGREEMENT_LINKS.make(object_id=version.agreement_id, version=version.number)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.get(host_url(version, token=forged)).status_code == 404


def test_the_link_expires(client, version, settings):
    settings.HOST_LINK_MAX_AGE_DAYS = 30
    made = timezone.now()
    with time_machine.travel(made, tick=False):
        token = LEARNING_AGREEMENT_LINKS.make(object_id=version.agreement_id, version=version.number)
    with time_machine.travel(made + datetime.timedelta(days=29, hours=23), tick=False):
        assert client.get(host_url(version, token=token)).status_code == 200
    with time_machine.travel(made + datetime.timedelta(days=30, seconds=1), tick=False):
        expired = client.get(host_url(version, token=token))
        assert expired.status_code == 410 and "This link has expired" in expired.content.decode()
        assert client.post(host_url(version, token=token), ANSWER).status_code == 410
    assert not LearningAgreementApproval.objects.exists()


def test_host_links_module_reads_only_its_own_tokens():
    links = HostLinks("learning-agreement")
    token = links.make(object_id=7, version=2)
    links.read(token, object_id=7, version=2)
    for object_id, version in [(8, 2), (7, 3)]:
        with pytest.raises(HostLinkInvalid):
            links.read(token, object_id=object_id, version=version)
    with pytest.raises(HostLinkInvalid):
        HostLinks("nomination").read(token, object_id=7, version=2)
    with pytest.raises(HostLinkInvalid):
        links.read(signing.dumps({"id": 7, "v": 2}), object_id=7, version=2)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400), tick=False), pytest.raises(HostLinkExpired):
        links.read(token, object_id=7, version=2)
