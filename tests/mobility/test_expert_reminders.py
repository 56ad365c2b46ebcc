"""Reminders before a guest's visa and registration deadlines: each threshold once, a renewed date anew."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from mobility.models import Expert, ExpertReminder
from mobility.services import expert_save, experts_send_reminders
from tests.factories import UserFactory
from tests.jobs import run_jobs
from tests.mobility.experts import make_expert

pytestmark = pytest.mark.django_db

DUE = datetime.date(2026, 4, 20)  # the registration runs out; the stay goes on until 30 June


def day(days_before):
    return DUE - datetime.timedelta(days=days_before)


@pytest.fixture
def responsible(db):
    return UserFactory(username="dilnoza", first_name="Dilnoza", last_name="Rahimova", is_staff=True)


@pytest.fixture
def guest(responsible, home_institution):
    return make_expert(registered_until=DUE, responsible=responsible)


def remind(on):
    run = experts_send_reminders(on=on)
    run_jobs()
    return run


def test_the_registration_reminder_fires_before_its_date(guest, responsible):
    assert not remind(day(15)).queued  # before the loosest threshold
    remind(day(14))

    [message] = mail.outbox
    assert message.to == [responsible.email]
    assert message.subject == "The registration of Jan Kowalski is due in 14 days"
    assert "Dear Dilnoza Rahimova," in message.body
    assert "April 20, 2026" in message.body or "20 April 2026" in message.body
    assert f"/admin/mobility/expert/{guest.pk}/change/" in message.body
    assert list(ExpertReminder.objects.values_list("deadline", "due_on", "days_before")) == [
        (Expert.Deadline.REGISTRATION, DUE, 14)
    ]


def test_each_threshold_is_sent_once(guest):
    remind(day(14))
    remind(day(14))
    remind(day(10))  # still within 14: nothing new
    assert len(mail.outbox) == 1
    remind(day(7))
    remind(day(7))
    remind(day(2))
    remind(day(0))
    assert [m.subject for m in mail.outbox][1:] == [
        "The registration of Jan Kowalski is due in 7 days",
        "The registration of Jan Kowalski is due in 2 days",
        "The registration of Jan Kowalski is due today",
    ]
    assert sorted(ExpertReminder.objects.values_list("days_before", flat=True)) == [1, 3, 7, 14]
    assert not remind(DUE + datetime.timedelta(days=1)).queued  # passed: the dashboard shows it, no more e-mail


def test_a_guest_first_seen_late_gets_the_tightest_threshold_only(responsible, home_institution):
    make_expert(registered_until=DUE, responsible=responsible)
    remind(day(5))
    remind(day(4))
    assert [m.subject for m in mail.outbox] == ["The registration of Jan Kowalski is due in 5 days"]
    assert list(ExpertReminder.objects.values_list("days_before", flat=True)) == [7]


def test_a_renewed_registration_stops_the_old_reminders_and_starts_its_own(guest, responsible):
    remind(day(7))
    guest.registered_until = DUE + datetime.timedelta(days=30)
    expert_save(expert=guest, actor=None)
    for days_before in (3, 1, 0):
        remind(day(days_before))
    assert len(mail.outbox) == 1  # only the reminder sent before the renewal

    remind(DUE + datetime.timedelta(days=16))  # 14 days before the new date
    assert mail.outbox[-1].subject == "The registration of Jan Kowalski is due in 14 days"
    assert len(mail.outbox) == 2


def test_the_visa_is_reminded_as_well_and_a_deadline_after_the_departure_is_not(responsible, home_institution):
    make_expert(
        visa_required=True,
        visa_valid_until=DUE,
        registered_until=datetime.date(2026, 7, 1),  # after the departure on 30 June: nothing to do
        responsible=responsible,
    )
    remind(day(3))
    assert [m.subject for m in mail.outbox] == ["The visa of Jan Kowalski runs out in 3 days"]


def test_cancelled_and_departed_guests_are_not_reminded(responsible, home_institution):
    make_expert(registered_until=DUE, responsible=responsible, status=Expert.Status.CANCELLED)
    make_expert(
        full_name="Ayşe Yılmaz",
        start_date=datetime.date(2026, 1, 10),
        end_date=day(10),
        registered_until=day(12),
        responsible=responsible,
    )
    remind(day(3))
    assert mail.outbox == []


def test_without_a_responsible_the_office_is_reminded(home_institution):
    make_expert(registered_until=DUE)
    remind(day(1))
    [message] = mail.outbox
    assert message.to == [home_institution.email]
    assert message.body.startswith("Dear colleagues,")


def test_the_daily_command_sends_once(guest, responsible):
    noon = datetime.datetime.combine(day(7), datetime.time(12), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    with time_machine.travel(noon, tick=False):
        out = io.StringIO()
        call_command("send_guest_reminders", stdout=out)
        call_command("send_guest_reminders", stdout=io.StringIO())
    run_jobs()
    assert "1 reminder(s) queued" in out.getvalue()
    assert [m.to for m in mail.outbox] == [[responsible.email]]
