"""The staff dashboard counts business trips waiting for approval and trip reports overdue, linking to the admin."""

import datetime

import pytest
from django.urls import reverse

from intl_office.dates import today
from mobility.services import trip_file_report
from tests.factories import UserFactory
from tests.mobility.trips import approve_all, chain, people, submitted

pytestmark = pytest.mark.django_db


def test_the_dashboard_counts_trips_waiting_and_reports_overdue(office_client, office_user, home_institution):
    p = people(office=office_user)
    chain(p)
    submitted(p)
    submitted(p)
    late = approve_all(p, submitted(p, start=today() - datetime.timedelta(days=40), days=3))
    approve_all(p, submitted(p, start=today() - datetime.timedelta(days=5), days=3))  # report not due yet
    response = office_client.get(reverse("staff:dashboard"))
    trips = response.context["trips"]
    assert (trips.waiting, trips.reports_overdue) == (2, 1)
    page = response.content.decode()
    changelist = reverse("admin:mobility_triprequest_changelist")
    assert f"{changelist}?status=submitted" in page and f"{changelist}?follow=overdue" in page
    trip_file_report(trip=late, traveller=p.traveller, done="Lectures")
    assert office_client.get(reverse("staff:dashboard")).context["trips"].reports_overdue == 0


def test_the_section_is_for_those_who_may_read_trips(client, home_institution):
    client.force_login(UserFactory(username="plain-staff", is_staff=True))
    response = client.get(reverse("staff:dashboard"))
    assert "trips" not in response.context
