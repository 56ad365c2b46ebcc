"""Nominations in the admin, the dashboard and the student's page: who may do what, and what each sees."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intl_office.dates import today
from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import Nomination, NominationRound, NominationState, mobilities_to_nominate
from mobility.services import nominate, nomination_answer
from tests.factories import FacultyFactory, UserFactory
from tests.files import pdf_bytes
from tests.mobility.nominations import host, place_taken, staff_mobility
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db
State = NominationState
CHANGELIST = "admin:mobility_mobility_changelist"


@pytest.fixture
def mobility(student, faculty, home_institution):
    return place_taken(student=student, faculty=faculty)[1]


def sent(mobility, actor):
    [outcome] = nominate(mobilities=[mobility], actor=actor)
    return outcome.round


def nomination_url(nomination, view="change"):
    return reverse(f"admin:mobility_nomination_{view}", args=[nomination.pk])


def listed(client, **params):
    response = client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return response.content.decode()


def test_office_staff_nominate_from_the_mobility_page(mobility, office_client):
    page = office_client.get(reverse("admin:mobility_mobility_change", args=[mobility.pk])).content.decode()
    nominate_url = reverse("admin:mobility_mobility_nominate", args=[mobility.pk])
    assert nominate_url in page and "Not nominated" in page

    assert office_client.get(nominate_url).status_code == 200
    response = office_client.post(nominate_url, {"contact": "", "email": "incoming@metu.example.org"})

    assert response.status_code == 302
    assert NominationRound.objects.get().email == "incoming@metu.example.org"


def test_the_nominate_form_refuses_a_contact_and_an_address_at_once(mobility, office_client):
    contact = mobility.partner.contacts.get()
    url = reverse("admin:mobility_mobility_nominate", args=[mobility.pk])
    response = office_client.post(url, {"contact": contact.pk, "email": "x@example.org"})
    assert response.status_code == 200 and "not both" in response.content.decode()
    for junk in ({"contact": "99999999999999999999"}, {"contact": "²"}, {"email": "a\x00@b.org"}):
        assert office_client.post(url, junk).status_code == 200
    assert not Nomination.objects.exists()


def test_bulk_action_nominates_and_reports_each_refusal(student, office_client, faculty):
    partner = host()
    _a, good = place_taken(student=student, partner=partner)
    _b, pending = place_taken(student=UserFactory(), partner=partner, answered=False)

    response = office_client.post(
        reverse(CHANGELIST), {"action": "nominate_selected", "_selected_action": [good.pk, pending.pk]}, follow=True
    )

    body = response.content.decode()
    assert "Nominated to the host: Дилноза Каримова." in body
    assert "Only an outgoing mobility whose place is taken can be nominated." in body
    assert list(Nomination.objects.values_list("mobility", flat=True)) == [good.pk]


def test_coordinators_and_viewers_do_not_nominate(mobility, coordinator_client, viewer_client):
    url = reverse("admin:mobility_mobility_nominate", args=[mobility.pk])
    for client in (coordinator_client, viewer_client):
        assert client.get(url).status_code == 403
        assert client.post(url, {}).status_code == 403
        listing = client.get(reverse(CHANGELIST)).content.decode()
        assert "nominate_selected" not in listing
        client.post(reverse(CHANGELIST), {"action": "nominate_selected", "_selected_action": [mobility.pk]})
    assert not Nomination.objects.exists()


def test_the_nomination_filter(student, office_user, office_client):
    partner = host()
    waiting = place_taken(student=student, partner=partner, first_name="Waiting")[1]
    accepted = place_taken(student=UserFactory(), partner=partner, first_name="Accepted")[1]
    asked = place_taken(student=UserFactory(), partner=partner, first_name="Asked")[1]
    refused = place_taken(student=UserFactory(), partner=partner, first_name="Refused")[1]
    place_taken(student=UserFactory(), partner=partner, first_name="Untouched")
    place_taken(student=UserFactory(), partner=partner, first_name="Pending", answered=False)
    for mobility, state in [
        (waiting, None),
        (accepted, State.ACCEPTED),
        (asked, State.MORE_INFO),
        (refused, State.REFUSED),
    ]:
        round_ = sent(mobility, office_user)
        if state:
            nomination_answer(round_=round_, state=state, name="Ayşe", comment="Because")

    expected = {
        "none": "Untouched",
        "sent": "Waiting",
        "accepted": "Accepted",
        "more_info": "Asked",
        "refused": "Refused",
    }
    names = {"Untouched", "Waiting", "Accepted", "Asked", "Refused", "Pending"}
    for value, name in expected.items():
        body = listed(office_client, nomination=value)
        assert [n for n in names if f"{n} Каримова" in body] == [name], value


def test_coordinators_see_only_their_faculty_nominations(mobility, office_user, faculty):
    sent(mobility, office_user)
    other = member_of(FACULTY_COORDINATOR, username="other-coordinator", faculty=FacultyFactory(name="Other"))
    own = member_of(FACULTY_COORDINATOR, username="own-coordinator", faculty=faculty)
    nomination = Nomination.objects.get()

    other_client, own_client = signed_in(other), signed_in(own)
    assert "Каримова" not in other_client.get(reverse("admin:mobility_nomination_changelist")).content.decode()
    assert other_client.get(nomination_url(nomination)).status_code == 302  # "does not exist"
    assert "Каримова" in own_client.get(reverse("admin:mobility_nomination_changelist")).content.decode()
    page = own_client.get(nomination_url(nomination)).content.decode()
    assert "Record the host" not in page
    assert own_client.post(nomination_url(nomination, "answer"), {"answer": "accepted"}).status_code == 403


def test_office_records_the_host_answer_with_the_letter_and_staff_download_it(mobility, office_user, office_client):
    sent(mobility, office_user)
    nomination = Nomination.objects.get()
    page = office_client.get(nomination_url(nomination)).content.decode()
    assert nomination_url(nomination, "answer") in page

    letter = SimpleUploadedFile("letter.pdf", pdf_bytes("Welcome"), content_type="application/pdf")
    response = office_client.post(nomination_url(nomination, "answer"), {"answer": "accepted", "letter": letter})

    assert response.status_code == 302
    round_ = NominationRound.objects.get()
    assert (round_.state, round_.answered_by) == (State.ACCEPTED, office_user)
    letter_url = reverse("mobility:staff-nomination-letter", kwargs={"pk": nomination.pk, "number": 1})
    assert letter_url in office_client.get(nomination_url(nomination)).content.decode()
    download = office_client.get(letter_url)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_letter_is_private(mobility, office_user, client, student, faculty):
    round_ = sent(mobility, office_user)
    letter = SimpleUploadedFile("letter.pdf", pdf_bytes("Welcome"), content_type="application/pdf")
    nomination_answer(round_=round_, state=State.ACCEPTED, actor=office_user, letter=letter)
    url = reverse("mobility:staff-nomination-letter", kwargs={"pk": round_.nomination_id, "number": 1})

    assert client.get(url).status_code == 302  # anonymous: to the login
    client.force_login(student)
    assert client.get(url).status_code == 302  # not staff
    other = member_of(FACULTY_COORDINATOR, username="other-coordinator", faculty=FacultyFactory(name="Other"))
    assert signed_in(other).get(url).status_code == 404
    own = member_of(FACULTY_COORDINATOR, username="own-coordinator", faculty=faculty)
    assert signed_in(own).get(url).status_code == 200


def test_staff_answer_form_refuses_an_ask_without_comment_and_changes_nothing(mobility, office_user, office_client):
    sent(mobility, office_user)
    nomination = Nomination.objects.get()
    response = office_client.post(nomination_url(nomination, "answer"), {"answer": "more_info", "comment": ""})
    assert response.status_code == 200 and "Say what is needed" in response.content.decode()
    assert NominationRound.objects.get().state == State.SENT


def test_send_again_after_more_information(mobility, office_user, office_client):
    round_ = sent(mobility, office_user)
    nomination = Nomination.objects.get()
    assert nomination_url(nomination, "send") not in office_client.get(nomination_url(nomination)).content.decode()
    nomination_answer(round_=round_, state=State.MORE_INFO, name="Ayşe", comment="Transcript please")
    assert nomination_url(nomination, "send") in office_client.get(nomination_url(nomination)).content.decode()

    response = office_client.post(nomination_url(nomination, "send"), {"contact": "", "email": ""})

    assert response.status_code == 302
    assert list(NominationRound.objects.order_by("number").values_list("number", "state")) == [
        (1, State.MORE_INFO),
        (2, State.SENT),
    ]


def test_changelists_queries_do_not_grow_with_rows(office_client, office_user, django_assert_max_num_queries):
    partner = host()

    def add(count):
        for _n in range(count):
            mobility = place_taken(student=UserFactory(), partner=partner)[1]
            sent(mobility, office_user)
            staff_mobility(partner=partner)

    def load():
        for url in (
            reverse(CHANGELIST) + "?nomination=sent",
            reverse(CHANGELIST) + "?nomination=none",
            reverse("admin:mobility_nomination_changelist"),
        ):
            assert office_client.get(url).status_code == 200

    add(5)
    # Per page: session, user, permissions, the count, the rows and their partner (or mobility, partner,
    # faculty and rounds), the filters' choices, and the admin's chrome.
    # Three pages, about a dozen each.
    with django_assert_max_num_queries(40) as five:
        load()
    add(15)
    with django_assert_max_num_queries(len(five.captured_queries)):
        load()


def test_dashboard_counts_and_links_to_the_filters(mobility, student, office_user, office_client, coordinator_client):
    sent(mobility, office_user)
    place_taken(student=UserFactory(), partner=host("Other host"))

    body = office_client.get(reverse("staff:dashboard")).content.decode()

    assert "Nominations without a host answer" in body
    assert "1 nomination waits for the host" in body and "1 place taken not yet nominated" in body
    assert "?nomination=sent" in body and "?nomination=none" in body
    # A coordinator counts their own faculty's: the second student has none.
    coordinator_body = coordinator_client.get(reverse("staff:dashboard")).content.decode()
    assert "1 nomination waits for the host" in coordinator_body
    assert "0 places taken not yet nominated" in coordinator_body


def test_the_student_sees_where_the_nomination_stands(mobility, student, office_user, client):
    application = mobility.application
    client.force_login(student)
    url = reverse("mobility:application-detail", kwargs={"pk": application.pk})
    assert "The International Office nominates you to" in client.get(url).content.decode()
    round_ = sent(mobility, office_user)
    assert "waiting for the host" in client.get(url).content.decode()
    nomination_answer(round_=round_, state=State.REFUSED, name="Ayşe", comment="No places in that faculty")
    body = client.get(url).content.decode()
    assert "did not accept the nomination" in body and "No places in that faculty" in body


def test_a_stay_that_has_ended_no_longer_waits_to_be_nominated(db):
    partner = host()
    began = today() - datetime.timedelta(days=90)
    ended = staff_mobility(partner=partner, start_date=began, end_date=today() - datetime.timedelta(days=1))
    current = staff_mobility(partner=partner, start_date=began, end_date=today())

    assert set(mobilities_to_nominate()) == {current}
    assert ended.pk != current.pk
