"""The host's signed link to a nomination: its own nomination and round only, expires, answers once."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from intl_office.host_links import HostLinks
from mobility.models import NominationRound, NominationState
from mobility.nomination_emails import NOMINATION_LINKS
from mobility.services import nominate, nomination_answer
from tests.factories import UserFactory
from tests.files import pdf_bytes
from tests.jobs import clear_mail, run_jobs
from tests.mobility.nominations import host, host_url, place_taken

pytestmark = pytest.mark.django_db
State = NominationState

ACCEPT = {"answer": "accepted", "name": "Ayşe Demir", "comment": ""}


def _sent(mobility, actor):
    [outcome] = nominate(mobilities=[mobility], actor=actor)
    return outcome.round


@pytest.fixture
def round_(student, faculty, office_user, home_institution):
    _application, mobility = place_taken(student=student, faculty=faculty, language="uz")
    return _sent(mobility, office_user)


@pytest.fixture
def other_round(office_user, faculty):
    _application, mobility = place_taken(student=UserFactory(), faculty=faculty, partner=host("Another host"))
    return _sent(mobility, office_user)


def test_the_host_sees_the_sheet_and_accepts(client, round_):
    page = client.get(host_url(round_))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Дилноза Каримова" in body and "Middle East Technical University" in body and "Send my answer" in body
    assert "4.90" not in body and "secret motivation" not in body
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    clear_mail()

    response = client.post(host_url(round_), ACCEPT)

    assert response.status_code == 302
    round_.refresh_from_db()
    assert (round_.state, round_.answered_by_name, round_.answered_by) == (State.ACCEPTED, "Ayşe Demir", None)
    run_jobs()
    [message] = mail.outbox  # the student, in Uzbek
    assert "/uz/my/applications/" in message.body


def test_the_host_may_attach_a_letter_when_accepting(client, round_):
    letter = SimpleUploadedFile("letter.pdf", pdf_bytes("Welcome"), content_type="application/pdf")
    client.post(host_url(round_), {**ACCEPT, "letter": letter})
    round_.refresh_from_db()
    assert round_.state == State.ACCEPTED and round_.letter


def test_a_letter_that_is_not_a_pdf_is_refused_next_to_the_field(client, round_):
    letter = SimpleUploadedFile("letter.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(host_url(round_), {**ACCEPT, "letter": letter})
    assert response.status_code == 200
    assert "The file must be a PDF" in response.content.decode()
    assert NominationRound.objects.get().state == State.SENT


@pytest.mark.parametrize("answer", ["more_info", "refused"])
def test_asking_or_refusing_needs_a_comment_shown_next_to_the_field(client, round_, answer):
    response = client.post(host_url(round_), {**ACCEPT, "answer": answer})
    assert response.status_code == 200
    assert "Say what is needed, or why, in a comment." in response.content.decode()
    assert NominationRound.objects.get().state == State.SENT


@pytest.mark.parametrize(
    "data",
    [
        {**ACCEPT, "answer": "sent"},
        {**ACCEPT, "answer": "x" * 5000},
        {**ACCEPT, "name": "Ay\x00şe"},
        {**ACCEPT, "name": ""},
        {**ACCEPT, "comment": "c" * 3000},
    ],
)
def test_hostile_answers_change_nothing(client, round_, data):
    response = client.post(host_url(round_), data)
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert NominationRound.objects.get().state == State.SENT


def test_the_link_cannot_be_replayed_after_the_answer(client, round_):
    client.post(host_url(round_), ACCEPT)
    again = client.post(host_url(round_), {**ACCEPT, "answer": "refused", "comment": "Changed my mind"})
    assert again.status_code == 200
    assert NominationRound.objects.get().state == State.ACCEPTED
    body = client.get(host_url(round_)).content.decode()
    assert "Send my answer" not in body and "can no longer be changed" in body and "Ayşe Demir" in body


def test_the_form_carries_the_csrf_token_and_needs_it(round_):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(host_url(round_), ACCEPT).status_code == 403
    assert NominationRound.objects.get().state == State.SENT

    page = strict.get(host_url(round_)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert strict.post(host_url(round_), {**ACCEPT, "csrfmiddlewaretoken": token}).status_code == 302
    assert NominationRound.objects.get().state == State.ACCEPTED


def test_the_link_works_only_for_its_own_nomination(client, round_, other_round):
    token = NOMINATION_LINKS.make(object_id=round_.nomination_id, version=1)
    assert client.get(host_url(other_round, token=token)).status_code == 404
    assert client.post(host_url(other_round, token=token), ACCEPT).status_code == 404
    assert not NominationRound.objects.exclude(state=State.SENT).exists()


def test_after_sending_again_the_old_link_shows_the_old_answer_and_opens_no_new_round(client, round_, office_user):
    nomination_answer(round_=round_, state=State.MORE_INFO, name="Ayşe Demir", comment="Send the transcript")
    second = _sent(round_.nomination.mobility, office_user)
    old_token = NOMINATION_LINKS.make(object_id=round_.nomination_id, version=1)

    assert client.get(host_url(second, token=old_token)).status_code == 404
    body = client.get(host_url(round_)).content.decode()
    assert "Send the transcript" in body and "Send my answer" not in body and "newer link" in body
    assert client.post(host_url(round_), ACCEPT).status_code == 200
    assert client.get(host_url(second)).status_code == 200
    second.refresh_from_db()
    assert second.state == State.SENT


def test_a_learning_agreement_link_does_not_open_a_nomination(client, round_):
    token = HostLinks("learning-agreement").make(object_id=round_.nomination_id, version=round_.number)
    assert client.get(host_url(round_, token=token)).status_code == 404


@pytest.mark.parametrize("token", ["x", "not:a:token", "%00", "é" * 300, "²"])
def test_a_tampered_token_gets_404_not_500(client, round_, token):
    assert client.get(host_url(round_, token=token)).status_code == 404
    assert client.post(host_url(round_, token=token), ACCEPT).status_code == 404


def test_a_changed_signature_or_number_gets_404(client, round_):
    token = NOMINATION_LINKS.make(object_id=round_.nomination_id, version=round_.number)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.get(host_url(round_, token=forged)).status_code == 404
    assert client.get(host_url(round_, token=token, number=2)).status_code == 404
    assert client.get(host_url(round_, token=token, pk=99999999999999999999)).status_code == 404


def test_the_link_expires(client, round_, settings):
    settings.HOST_LINK_MAX_AGE_DAYS = 30
    made = timezone.now()
    with time_machine.travel(made, tick=False):
        token = NOMINATION_LINKS.make(object_id=round_.nomination_id, version=round_.number)
    with time_machine.travel(made + datetime.timedelta(days=29, hours=23), tick=False):
        assert client.get(host_url(round_, token=token)).status_code == 200
    with time_machine.travel(made + datetime.timedelta(days=30, seconds=1), tick=False):
        expired = client.get(host_url(round_, token=token))
        assert expired.status_code == 410 and "This link has expired" in expired.content.decode()
        assert client.post(host_url(round_, token=token), ACCEPT).status_code == 410
    assert NominationRound.objects.get().state == State.SENT


def test_the_link_keeps_the_language_prefix_it_carries(client, round_):
    url = host_url(round_)
    assert client.get(f"/ru{url}").status_code == 200
