"""The trip report's deadline: a reminder before it, on it and once overdue, each threshold once."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from mobility.models import TripChain, TripEvent
from mobility.services import trip_file_report
from tests.jobs import clear_mail, run_jobs
from tests.mobility.trips import approve_all, chain, people, submitted

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 4, 6)


def at(day):
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return time_machine.travel(noon, tick=False)


@pytest.fixture
def trip():
    p = people()
    chain(p)
    with at(START - datetime.timedelta(days=20)):
        trip = approve_all(p, submitted(p, start=START, days=5))
    return trip


def run_on(day):
    clear_mail()
    with at(day):
        call_command("send_trip_report_reminders", stdout=io.StringIO())
        run_jobs()
    return [m.subject for m in mail.outbox]


def test_each_threshold_is_mailed_once(trip):
    due = trip.report_due
    assert due == datetime.date(2026, 4, 20)  # the last day (10 April) and ten days
    assert run_on(due - datetime.timedelta(days=4)) == []
    [before] = run_on(due - datetime.timedelta(days=3))
    assert "is due on" in before
    assert run_on(due - datetime.timedelta(days=3)) == []  # a second run the same day
    assert run_on(due - datetime.timedelta(days=1)) == []  # the "before" threshold was mailed already
    [on] = run_on(due)
    assert "due today" in on
    assert run_on(due) == []
    [overdue] = run_on(due + datetime.timedelta(days=1))
    assert "overdue" in overdue
    assert run_on(due + datetime.timedelta(days=7)) == []
    kinds = list(TripEvent.objects.filter(trip=trip, kind__in=TripEvent.REMINDERS).values_list("kind", flat=True))
    assert sorted(kinds) == sorted(TripEvent.REMINDERS)


def test_the_reminder_goes_to_the_traveller_in_their_language(trip):
    trip.language = "uz"
    trip.save()
    clear_mail()
    with at(trip.report_due):
        call_command("send_trip_report_reminders", stdout=io.StringIO())
        run_jobs()
    [message] = mail.outbox
    assert message.to == [trip.traveller.email]
    assert f"/uz/my/trips/{trip.pk}/" in message.body


def test_a_command_that_missed_days_sends_only_the_threshold_reached(trip):
    assert len(run_on(trip.report_due + datetime.timedelta(days=3))) == 1
    assert list(TripEvent.objects.filter(kind__in=TripEvent.REMINDERS).values_list("kind", flat=True)) == [
        TripEvent.Kind.REMINDED_OVERDUE
    ]


def test_a_filed_report_stops_the_reminders(trip):
    with at(trip.end_date):
        trip_file_report(trip=trip, traveller=trip.traveller, done="Gave two lectures.")
    assert run_on(trip.report_due) == []
    assert run_on(trip.report_due + datetime.timedelta(days=1)) == []


def test_the_office_sets_the_days(db):
    p = people()
    chain(p)
    TripChain.objects.update(report_days=3)
    with at(START - datetime.timedelta(days=20)):
        trip = approve_all(p, submitted(p, start=START, days=1))
    assert trip.report_due == START + datetime.timedelta(days=3)
