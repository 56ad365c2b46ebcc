"""The demo's offers: the selection call shows an offer waiting, a place taken, a place declined and its promotion."""

import pytest
from django.core.management import call_command
from django.db import transaction

from intl_office.demo.calls import SELECTION_CALL
from mobility import services
from mobility.models import Application

Status = Application.Status


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--force", verbosity=0)
        yield
        transaction.set_rollback(True)


def test_the_selection_call_shows_each_state_of_an_offer(demo, db):
    applications = Application.objects.filter(call__slug=SELECTION_CALL)
    assert applications.offers_waiting().count() == 2
    assert applications.places_taken().count() == 1
    declined = applications.get(status=Status.DECLINED)
    assert declined.offer_answered_at is not None
    promoted = applications.offers_waiting().get(events__to_status=Status.WAITLISTED)
    assert promoted.mobility.partner == declined.mobility.partner  # the freed place, which the student chose
    assert applications.filter(status=Status.WAITLISTED).exists()  # the rest of the waiting list
    assert services.call_results_final(declined.call)
