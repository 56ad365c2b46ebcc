"""Two real connections on PostgreSQL: the office records the rector's order twice at once; one Mobility."""

import threading

import pytest
from django.db import transaction

from intl_office.dates import today
from mobility.models import Mobility, TripEvent
from mobility.services import TripError, trip_decide, trip_record_order
from tests.mobility.trips import chain, people, steps_of, submitted
from tests.races import Side, wait_until_a_connection_waits_for_a_lock

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def held(work, done, release):
    def side():
        with transaction.atomic():
            result = work()
            done.set()
            assert release.wait(timeout=20)
        return result

    return side


def test_two_last_approvals_at_once_create_one_mobility():
    p = people()
    chain(p)
    trip = submitted(p)
    head, dean, vice, order = steps_of(trip)
    for step, actor in ((head, p.head), (dean, p.dean), (vice, p.vice_rector)):
        trip_decide(step=step, actor=actor, approve=True)
    done, release = threading.Event(), threading.Event()

    first = Side(held(lambda: trip_record_order(step=order, actor=p.office, number="1-A", date=today()), done, release))
    first.start()
    assert done.wait(timeout=20), first.error
    second = Side(lambda: trip_record_order(step=order, actor=p.office, number="1-B", date=today()))
    second.start()
    wait_until_a_connection_waits_for_a_lock("the second order")
    release.set()

    first.outcome()
    with pytest.raises(TripError, match="already been decided"):
        second.outcome()
    assert Mobility.objects.count() == 1
    assert TripEvent.objects.filter(kind=TripEvent.Kind.APPROVED).count() == 1
    order.refresh_from_db()
    assert order.order_number == "1-A"
