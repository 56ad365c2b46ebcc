"""The demo shows business trips at each stage, each as the services would leave it, and a second run adds nothing."""

import datetime

import pytest

from intl_office.demo.loader import load_demo
from mobility.models import Holder, Mobility, TripChainStep, TripEvent, TripRequest, TripStep
from mobility.services import current_step

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 10)
Status = TripRequest.Status


def test_the_demo_has_trips_at_each_stage_and_loads_twice_the_same():
    load_demo(today=DAY)

    assert list(TripChainStep.objects.values_list("holder", flat=True)) == [
        Holder.HEAD,
        Holder.DEAN,
        Holder.PERSON,
        Holder.RECTOR_ORDER,
    ]
    trips = list(TripRequest.objects.select_related("traveller__department__faculty"))
    assert {trip.status for trip in trips} == set(Status.values)
    waiting_at = sorted(current_step(trip).position for trip in trips if trip.status == Status.SUBMITTED)
    assert waiting_at == [1, 2, 3, 4]  # one waiting at each step
    approved = [trip for trip in trips if trip.status == Status.APPROVED]
    assert all(trip.mobility and trip.mobility.participant_kind == Mobility.ParticipantKind.STAFF for trip in approved)
    assert sum(trip.report_filed for trip in approved) == 1
    assert TripRequest.objects.report_overdue(DAY).count() == 1
    for trip in trips:
        if trip.status == Status.DRAFT:
            continue
        head, dean = trip.steps.order_by("position")[:2]
        assert head.holder == trip.traveller.department.head  # the holders as the services copy them
        assert dean.holder == trip.traveller.department.faculty.dean
    refused = TripStep.objects.get(decision=TripStep.Decision.REFUSED)
    assert refused.comment and refused.trip.status == Status.REFUSED
    models = (TripRequest, TripStep, TripEvent, Mobility)
    counts = [model.objects.count() for model in models]

    again = load_demo(today=DAY)

    assert not {name: n for name, n in again.created.items() if name.startswith("Trip")}
    assert [model.objects.count() for model in models] == counts
