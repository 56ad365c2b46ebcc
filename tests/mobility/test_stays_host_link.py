"""The host's signed links: arrival and departure, each for its own stay and step, once, until they expire."""

import datetime

import pytest
import time_machine

from mobility.models import Mobility, StayEvent
from mobility.services import stay_confirm
from tests.factories import UserFactory
from tests.files import pdf_bytes, pdf_with_javascript, upload
from tests.mobility.stays import AFTER, DURING, END, START, host_url, reload, taken_stay

pytestmark = pytest.mark.django_db
ARRIVED = {"on": "2025-09-03", "name": "Giulia Rossi", "position": "Erasmus coordinator"}


@pytest.fixture
def stay(student, faculty):
    return taken_stay(student=student, faculty=faculty)[1]


@pytest.fixture
def other_stay(faculty):
    return taken_stay(student=UserFactory(username="someone-else"), faculty=faculty, partner_name="TU Wien")[1]


@time_machine.travel(DURING, tick=False)
def test_host_confirms_the_arrival_and_the_real_day_becomes_the_start(client, stay):
    page = client.get(host_url(stay, "arrival"))
    assert page.status_code == 200 and "Dilnoza Karimova" in page.content.decode()

    response = client.post(host_url(stay, "arrival"), ARRIVED)

    assert response.status_code == 302
    stay = reload(stay)
    assert (stay.start_date, stay.planned_start_date) == (datetime.date(2025, 9, 3), START)
    assert stay.status == Mobility.Status.CONFIRMED and stay.arrival_confirmed
    event = stay.stay_events.get()
    assert (event.step, event.on, event.actor_name) == (
        StayEvent.Step.ARRIVED,
        datetime.date(2025, 9, 3),
        "Giulia Rossi, Erasmus coordinator",
    )


@time_machine.travel(DURING, tick=False)
def test_the_link_cannot_be_replayed_after_the_answer(client, stay):
    client.post(host_url(stay, "arrival"), ARRIVED)
    again = client.post(host_url(stay, "arrival"), {**ARRIVED, "on": "2025-09-10"})

    assert again.status_code == 200
    assert "can no longer be changed" in again.content.decode()
    assert reload(stay).start_date == datetime.date(2025, 9, 3)
    assert StayEvent.objects.count() == 1


@time_machine.travel(DURING, tick=False)
def test_the_link_works_only_for_its_own_stay_and_step(client, stay, other_stay):
    # Another stay's id with this stay's token, and this stay's token on the departure step.
    token = host_url(stay, "arrival").split("/")[-2]
    assert client.get(host_url(other_stay, "arrival", token=token)).status_code == 404
    assert client.get(host_url(stay, "departure", link_step="arrival")).status_code == 404
    assert client.post(host_url(stay, "departure", link_step="arrival"), ARRIVED).status_code == 404
    assert not reload(stay).arrival_confirmed


@pytest.mark.parametrize(
    "path",
    [
        "/host/stays/1/arrival/nonsense/",
        "/host/stays/99999999999999999999/arrival/x/",
        "/host/stays/1/holiday/x/",
        "/host/stays/1/arrival/%00/",
        "/host/stays/١/arrival/x/",
    ],
)
def test_forged_links_answer_404_not_500(client, stay, path):
    # A NUL byte is refused by the portal's middleware (400) before any view runs.
    assert client.get(path).status_code in {400, 404}
    assert client.post(path, ARRIVED).status_code in {400, 404}
    assert not reload(stay).arrival_confirmed


def test_an_expired_link_says_so_and_changes_nothing(client, stay):
    with time_machine.travel(DURING, tick=False):
        url = host_url(stay, "arrival")
    with time_machine.travel(DURING + datetime.timedelta(days=31), tick=False):
        response = client.post(url, ARRIVED)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not reload(stay).arrival_confirmed


@time_machine.travel(DURING, tick=False)
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2025-12-24", "cannot be in the future"),
        ("2024-09-01", "more than 180 days"),
        ("not a date", "Enter a valid date"),
        ("9999999-01-01", "Enter a valid date"),
    ],
)
def test_a_bad_day_is_refused_next_to_the_field(client, stay, day, message):
    response = client.post(host_url(stay, "arrival"), {**ARRIVED, "on": day})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "on" in response.context["form"].errors
    stay = reload(stay)
    assert (stay.start_date, stay.arrival_confirmed_at, stay.stay_events.count()) == (START, None, 0)


@time_machine.travel(DURING, tick=False)
def test_the_departure_waits_for_the_arrival(client, stay):
    page = client.get(host_url(stay, "departure"))
    assert page.status_code == 200 and page.context["form"] is None
    assert not reload(stay).departure_confirmed


def test_host_confirms_the_departure_with_the_transcript(client, stay):
    with time_machine.travel(DURING, tick=False):
        stay_confirm(mobility=stay, step="arrival", on=START, name="Giulia Rossi")
    with time_machine.travel(AFTER, tick=False):
        response = client.post(
            host_url(stay, "departure"),
            {**ARRIVED, "on": "2026-01-28", "transcript": upload("tor.pdf", pdf_bytes(), "application/pdf")},
        )
    assert response.status_code == 302
    stay = reload(stay)
    assert (stay.end_date, stay.planned_end_date, stay.status) == (
        datetime.date(2026, 1, 28),
        END,
        Mobility.Status.COMPLETED,
    )
    assert stay.transcript and stay.transcript.read().startswith(b"%PDF")
    steps = list(stay.stay_events.values_list("step", flat=True))
    assert steps == [StayEvent.Step.ARRIVED, StayEvent.Step.DEPARTED, StayEvent.Step.TRANSCRIPT]


def test_a_hostile_transcript_is_refused_and_the_departure_not_recorded(client, stay):
    with time_machine.travel(DURING, tick=False):
        stay_confirm(mobility=stay, step="arrival", on=START, name="Giulia Rossi")
    with time_machine.travel(AFTER, tick=False):
        response = client.post(
            host_url(stay, "departure"),
            {**ARRIVED, "on": "2026-01-28", "transcript": upload("tor.pdf", pdf_with_javascript(), "application/pdf")},
        )
    assert response.status_code == 200
    assert response.context["form"].errors["transcript"]
    stay = reload(stay)
    assert (stay.end_date, stay.departure_confirmed_at, bool(stay.transcript)) == (END, None, False)
