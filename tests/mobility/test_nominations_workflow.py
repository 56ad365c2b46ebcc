"""Nominating to the host and recording its answer: the rules of ``mobility.services.nominations``."""

from email.mime.text import MIMEText
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMessage
from openpyxl import load_workbook
from pypdf import PdfReader

from intl_office.mail import queue_email
from intl_office.models import OutgoingMessage
from mobility.models import Mobility, Nomination, NominationEvent, NominationRound, NominationState
from mobility.services import NominationError, nominate, nomination_answer
from tests.factories import ContactFactory, InstitutionFactory, UserFactory
from tests.files import pdf_bytes, pdf_with_javascript
from tests.jobs import clear_mail, run_jobs
from tests.mobility.nominations import host, place_taken, staff_mobility

pytestmark = pytest.mark.django_db
State = NominationState


@pytest.fixture
def mobility(student, faculty, home_institution):
    return place_taken(student=student, faculty=faculty, reference="JIZPI-2026-0007")[1]


def sent(mobility, actor, **kwargs):
    [outcome] = nominate(mobilities=[mobility], actor=actor, **kwargs)
    assert outcome.error == ""
    return outcome.round


def test_nominating_e_mails_the_host_contact_the_sheet_as_pdf_and_xlsx(mobility, office_user):
    round_ = sent(mobility, office_user)
    run_jobs()

    [message] = mail.outbox
    assert message.to == ["ayse@metu.example.org"]
    assert message.subject == "Nomination: Дилноза Каримова, Jizzakh Polytechnic Institute"
    assert "Dear Ayşe Demir," in message.body and f"/host/nominations/{round_.nomination_id}/1/" in message.body
    assert message.reply_to == ["intl@example.org"]
    (pdf_name, pdf, pdf_type), (xlsx_name, xlsx, xlsx_type) = message.attachments
    assert (pdf_name, pdf_type) == ("nomination-jizpi-2026-0007.pdf", "application/pdf")
    assert xlsx_name == "nomination-jizpi-2026-0007.xlsx" and xlsx_type.endswith("spreadsheetml.sheet")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    for fact in ("Дилноза Каримова", "Bachelor, year 3", "Faculty of Chemical Engineering", "JIZPI-2026-0007"):
        assert fact in text
    cells = dict(load_workbook(BytesIO(xlsx)).active.iter_rows(min_row=2, values_only=True))
    assert cells["Full name"] == "Дилноза Каримова" and cells["Host"] == "Middle East Technical University"
    assert cells["E-mail of the office"] == "intl@example.org"
    # The host decides on the nomination, not on the selection: no grades, no motivation.
    assert "4.90" not in text and "motivation" not in text.lower() and "4.90" not in cells.values()


def test_a_nomination_is_one_round_in_the_history_and_waits_for_the_host(mobility, office_user):
    round_ = sent(mobility, office_user)

    nomination = Nomination.objects.get()
    assert (nomination.mobility, nomination.state, round_.number, round_.sent_by) == (
        mobility,
        State.SENT,
        1,
        office_user,
    )
    event = NominationEvent.objects.get()
    assert (event.from_state, event.to_state, event.actor) == ("", State.SENT, office_user)
    assert "ayse@metu.example.org" in event.note


def test_a_name_that_starts_a_formula_stays_text_in_the_xlsx(student, office_user, home_institution):
    _application, mobility = place_taken(student=student, first_name='=HYPERLINK("http://evil","x")')
    sent(mobility, office_user)
    run_jobs()

    xlsx = mail.outbox[0].attachments[1][1]
    cells = dict(load_workbook(BytesIO(xlsx)).active.iter_rows(min_row=2, values_only=True))
    assert cells["Full name"].startswith("'=HYPERLINK")


def test_the_attachments_reach_a_real_mail_server_and_leave_the_queue_once_sent(mobility, office_user, smtp_server):
    sent(mobility, office_user)
    run_jobs()

    [received] = smtp_server.messages
    names = [part.get_filename() for part in received.walk() if part.get_filename()]
    assert [name.rsplit(".", 1)[1] for name in names] == ["pdf", "xlsx"]
    pdf = next(part for part in received.walk() if part.get_filename() == names[0]).get_payload(decode=True)
    assert pdf.startswith(b"%PDF-")
    assert OutgoingMessage.objects.get().attachments == []


def test_bulk_nomination_sends_what_it_may_and_says_why_not_for_each_other_row(student, office_user, faculty):
    partner = host()
    _a, good = place_taken(student=student, partner=partner)
    _b, pending = place_taken(student=UserFactory(), partner=partner, answered=False)
    _c, cancelled = place_taken(student=UserFactory(), partner=partner, status=Mobility.Status.CANCELLED)
    no_contact = staff_mobility(partner=host("Silent University", contact=False))
    staff = staff_mobility(partner=partner)

    outcomes = nominate(mobilities=[good, pending, cancelled, no_contact, staff, good], actor=office_user)

    assert [bool(outcome.round) for outcome in outcomes] == [True, False, False, False, True, False]
    assert "place is taken" in outcomes[1].error and "place is taken" in outcomes[2].error
    assert "Silent University has no contact with an e-mail address" in outcomes[3].error
    assert outcomes[5].error == "Already nominated: Waiting for the host."
    assert set(Nomination.objects.values_list("mobility", flat=True)) == {good.pk, staff.pk}


def test_incoming_mobilities_are_not_nominated(office_user):
    incoming = staff_mobility(direction="incoming")
    [outcome] = nominate(mobilities=[incoming], actor=office_user)
    assert outcome.round is None and not Nomination.objects.exists()


def test_only_office_staff_nominate(mobility, coordinator, viewer_user):
    for user in (coordinator, viewer_user):
        with pytest.raises(NominationError):
            nominate(mobilities=[mobility], actor=user)
    assert not Nomination.objects.exists()


def test_a_typed_address_or_a_chosen_contact_is_used(mobility, office_user):
    other = ContactFactory(institution=mobility.partner, full_name="Second", email="second@metu.example.org")
    assert sent(mobility, office_user, contact=other).email == "second@metu.example.org"


def test_a_contact_of_another_institution_and_a_bad_address_are_refused(mobility, office_user):
    stranger = ContactFactory(institution=InstitutionFactory(), email="x@elsewhere.example.org")
    [outcome] = nominate(mobilities=[mobility], actor=office_user, contact=stranger)
    assert outcome.error == "The contact chosen works at another institution."
    with pytest.raises(NominationError):
        nominate(mobilities=[mobility], actor=office_user, email="not an address")
    assert not Nomination.objects.exists()


# --- the answer ----------------------------------------------------------------------------------


def test_the_host_accepts_and_the_student_hears_it_in_their_language(student, office_user, home_institution):
    _application, mobility = place_taken(student=student, language="ru")
    round_ = sent(mobility, office_user)
    clear_mail()

    nomination_answer(round_=round_, state=State.ACCEPTED, name="Ayşe Demir")
    run_jobs()

    round_.refresh_from_db()
    assert (round_.state, round_.answered_by, round_.answered_by_name) == (State.ACCEPTED, None, "Ayşe Demir")
    assert Nomination.objects.get().state == State.ACCEPTED
    [message] = mail.outbox
    assert message.to == [student.email]
    assert "/ru/my/applications/" in message.body
    assert NominationEvent.objects.filter(to_state=State.ACCEPTED, actor_name__startswith="Ayşe Demir").exists()


@pytest.mark.parametrize("state", [State.MORE_INFO, State.REFUSED])
def test_asking_and_refusing_need_a_comment(mobility, office_user, state):
    round_ = sent(mobility, office_user)
    with pytest.raises(NominationError, match="comment"):
        nomination_answer(round_=round_, state=state, name="Ayşe", comment="  ")
    round_.refresh_from_db()
    assert round_.state == State.SENT


def test_a_round_is_answered_once(mobility, office_user):
    round_ = sent(mobility, office_user)
    nomination_answer(round_=round_, state=State.REFUSED, name="Ayşe", comment="No places left")

    with pytest.raises(NominationError, match="already been answered"):
        nomination_answer(round_=round_, state=State.ACCEPTED, name="Someone else")
    round_.refresh_from_db()
    assert (round_.state, round_.answered_by_name) == (State.REFUSED, "Ayşe")


def test_after_more_information_the_office_sends_again_as_a_new_round(mobility, office_user):
    first = sent(mobility, office_user)
    [again] = nominate(mobilities=[mobility], actor=office_user)  # still waiting: not again
    assert again.error == "Already nominated: Waiting for the host."
    nomination_answer(round_=first, state=State.MORE_INFO, name="Ayşe", comment="Send the transcript")

    second = sent(mobility, office_user)

    assert second.number == 2 and Nomination.objects.get().state == State.SENT
    first.refresh_from_db()
    assert (first.state, first.comment) == (State.MORE_INFO, "Send the transcript")
    nomination_answer(round_=second, state=State.ACCEPTED, name="Ayşe")
    [outcome] = nominate(mobilities=[mobility], actor=office_user)
    assert outcome.error == "Already nominated: Accepted by the host."


def test_staff_record_the_answer_with_the_host_letter(mobility, office_user):
    round_ = sent(mobility, office_user)
    letter = SimpleUploadedFile("letter.pdf", pdf_bytes("Acceptance"), content_type="application/pdf")

    nomination_answer(round_=round_, state=State.ACCEPTED, actor=office_user, letter=letter)

    round_.refresh_from_db()
    assert round_.answered_by == office_user and round_.letter.name.startswith("nominations/")
    assert round_.letter.open("rb").read().startswith(b"%PDF-")


def test_a_letter_that_is_not_a_clean_pdf_is_refused_and_nothing_changes(mobility, office_user):
    round_ = sent(mobility, office_user)
    for content in (b"not a pdf at all", pdf_with_javascript()):
        letter = SimpleUploadedFile("letter.pdf", content, content_type="application/pdf")
        with pytest.raises(NominationError):
            nomination_answer(round_=round_, state=State.ACCEPTED, actor=office_user, letter=letter)
    round_.refresh_from_db()
    assert round_.state == State.SENT and not round_.letter


def test_a_coordinator_cannot_record_the_host_answer(mobility, office_user, coordinator):
    round_ = sent(mobility, office_user)
    with pytest.raises(NominationError):
        nomination_answer(round_=round_, state=State.ACCEPTED, actor=coordinator)
    assert NominationRound.objects.get().state == State.SENT


def test_a_queued_e_mail_takes_attachments_only_as_bytes_it_can_keep():
    message = EmailMessage(subject="s", body="b", to=["x@example.org"])
    message.attach(MIMEText("a MIME part is read again elsewhere"))
    with pytest.raises(ValueError):
        queue_email(message)
    text = EmailMessage(subject="s", body="b", to=["x@example.org"])
    text.attach("note.txt", "text, not bytes", "text/plain")
    with pytest.raises(ValueError):
        queue_email(text)
    assert not OutgoingMessage.objects.exists()
