"""Arrival and departure confirmed by the office or asked of the host: rules, e-mails, the real dates in figures."""

import datetime
import io
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from mobility.models import Application, Mobility, StayEvent
from mobility.services import StayError, stay_confirm, stay_request_host, stays_ask_hosts
from mobility.statistics import mobility_by_academic_year
from tests.jobs import clear_mail, run_jobs
from tests.mobility.stays import DURING, HOST_EMAIL, START, TASHKENT, reload, taken_stay

pytestmark = pytest.mark.django_db


@pytest.fixture
def stay(student, faculty):
    return taken_stay(student=student, faculty=faculty)[1]


@time_machine.travel(DURING, tick=False)
def test_staff_confirm_the_arrival_and_it_is_in_the_history(stay, staff):
    stay_confirm(mobility=stay, step="arrival", on=datetime.date(2025, 9, 2), actor=staff)

    stay = reload(stay)
    assert (stay.start_date, stay.planned_start_date, stay.status) == (
        datetime.date(2025, 9, 2),
        START,
        Mobility.Status.CONFIRMED,
    )
    assert stay.stay_events.get().actor == staff


@time_machine.travel(DURING, tick=False)
def test_each_day_is_confirmed_once(stay, staff):
    stay_confirm(mobility=stay, step="arrival", on=START, actor=staff)
    with pytest.raises(StayError, match="already been confirmed"):
        stay_confirm(mobility=stay, step="arrival", on=datetime.date(2025, 9, 5), actor=staff)
    assert reload(stay).start_date == START


@time_machine.travel(DURING, tick=False)
def test_the_departure_cannot_come_before_the_arrival(stay, staff):
    stay_confirm(mobility=stay, step="arrival", on=datetime.date(2025, 9, 10), actor=staff)
    with pytest.raises(StayError, match="before the arrival"):
        stay_confirm(mobility=stay, step="departure", on=datetime.date(2025, 9, 9), actor=staff)
    assert reload(stay).departure_confirmed_at is None


@time_machine.travel(DURING, tick=False)
@pytest.mark.parametrize("case", ["offer pending", "cancelled", "incoming"])
def test_only_an_outgoing_stay_that_goes_ahead_is_confirmed(stay, staff, case):
    if case == "offer pending":
        Application.objects.filter(pk=stay.application_id).update(offer_answered_at=None)
    elif case == "cancelled":
        Mobility.objects.filter(pk=stay.pk).update(status=Mobility.Status.CANCELLED)
    else:
        Mobility.objects.filter(pk=stay.pk).update(direction="incoming")
    with pytest.raises(StayError):
        stay_confirm(mobility=stay, step="arrival", on=START, actor=staff)
    assert not StayEvent.objects.exists()


def test_the_real_start_decides_the_academic_year(student, faculty, staff):
    # Planned for the last days of August 2025 (academic year 2024/25); the student arrived in September.
    _application, stay = taken_stay(
        student=student, faculty=faculty, start=datetime.date(2025, 8, 28), end=datetime.date(2026, 1, 31)
    )
    assert [row["year"] for row in mobility_by_academic_year()] == [2024]
    with time_machine.travel(DURING, tick=False):
        stay_confirm(mobility=stay, step="arrival", on=datetime.date(2025, 9, 4), actor=staff)
    assert [row["year"] for row in mobility_by_academic_year()] == [2025]
    assert reload(stay).planned_start_date == datetime.date(2025, 8, 28)


@time_machine.travel(DURING, tick=False)
def test_the_host_is_asked_in_english_with_a_link_that_works(client, stay, staff):
    clear_mail()
    stay_request_host(mobility=stay, step="arrival", actor=staff)
    run_jobs()

    (message,) = mail.outbox
    assert message.to == [HOST_EMAIL]
    assert "Please confirm the arrival of Dilnoza Karimova" in message.subject
    link = next(line for line in message.body.splitlines() if "/host/stays/" in line)
    assert "/uz/" not in link and "/ru/" not in link
    assert client.get(urlsplit(link.strip()).path).status_code == 200
    assert stay.stay_events.get().step == StayEvent.Step.ARRIVAL_REQUESTED


@time_machine.travel(DURING, tick=False)
def test_a_host_without_an_address_is_not_asked(student, faculty, staff):
    _application, stay = taken_stay(student=student, faculty=faculty, contact=False)
    with pytest.raises(StayError, match="no contact"):
        stay_request_host(mobility=stay, step="arrival", actor=staff)
    assert not StayEvent.objects.exists()


def test_the_daily_command_asks_each_host_once_around_the_planned_day(stay):
    clear_mail()
    before = datetime.datetime(2025, 8, 30, 9, tzinfo=TASHKENT)
    with time_machine.travel(before, tick=False):
        call_command("ask_hosts_about_stays", stdout=io.StringIO())
    assert not StayEvent.objects.exists()  # not due yet

    with time_machine.travel(datetime.datetime(2025, 9, 2, 9, tzinfo=TASHKENT), tick=False):
        call_command("ask_hosts_about_stays", stdout=io.StringIO())
        call_command("ask_hosts_about_stays", stdout=io.StringIO())
        run_jobs()
    assert len(mail.outbox) == 1
    assert stay.stay_events.filter(step=StayEvent.Step.ARRIVAL_REQUESTED).count() == 1


def test_the_daily_command_asks_for_the_departure_after_the_arrival(stay, staff):
    with time_machine.travel(DURING, tick=False):
        stay_confirm(mobility=stay, step="arrival", on=START, actor=staff)
    with time_machine.travel(datetime.datetime(2026, 2, 1, 9, tzinfo=TASHKENT), tick=False):
        assert stays_ask_hosts(on=datetime.date(2026, 2, 1)) == 1
        assert stays_ask_hosts(on=datetime.date(2026, 2, 1)) == 0
    assert stay.stay_events.filter(step=StayEvent.Step.DEPARTURE_REQUESTED).count() == 1
