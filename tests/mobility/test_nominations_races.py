"""Two real connections on PostgreSQL: two answers to one round, two nominations of one mobility.

The first side holds its transaction open until the second is seen waiting for its row lock, then
commits: the second has passed every check in Python before the lock and must be refused by the
service once it gets the row, not saved by luck.
"""

import threading

import pytest
from django.db import transaction

from mobility.models import Nomination, NominationEvent, NominationRound, NominationState
from mobility.services import NominationError, nominate, nomination_answer
from tests.factories import UserFactory
from tests.mobility.nominations import place_taken
from tests.races import Side, wait_until_a_connection_waits_for_a_lock

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]
State = NominationState


@pytest.fixture
def office():
    # A superuser: a transactional test's flush empties the roles' groups of their rights.
    return UserFactory(username="office-racer", is_staff=True, is_superuser=True)


def held(work, inserted, release):
    def side():
        with transaction.atomic():
            result = work()
            inserted.set()
            assert release.wait(timeout=20)
        return result

    return side


def test_two_answers_to_one_round_record_one(office):
    [outcome] = nominate(mobilities=[place_taken(student=UserFactory())[1]], actor=office)
    round_ = outcome.round
    inserted, release = threading.Event(), threading.Event()

    first = Side(held(lambda: nomination_answer(round_=round_, state=State.ACCEPTED, name="Ayşe"), inserted, release))
    first.start()
    assert inserted.wait(timeout=20), first.error
    second = Side(lambda: nomination_answer(round_=round_, state=State.REFUSED, name="Other", comment="No"))
    second.start()
    wait_until_a_connection_waits_for_a_lock("the second answer")
    release.set()

    first.outcome()
    with pytest.raises(NominationError, match="already been answered"):
        second.outcome()
    answered = NominationRound.objects.get()
    assert (answered.state, answered.answered_by_name) == (State.ACCEPTED, "Ayşe")
    assert NominationEvent.objects.filter(to_state=State.REFUSED).count() == 0


def test_two_nominations_of_one_mobility_send_one(office):
    mobility = place_taken(student=UserFactory())[1]
    inserted, release = threading.Event(), threading.Event()

    first = Side(held(lambda: nominate(mobilities=[mobility], actor=office), inserted, release))
    first.start()
    assert inserted.wait(timeout=20), first.error
    second = Side(lambda: nominate(mobilities=[mobility], actor=office))
    second.start()
    wait_until_a_connection_waits_for_a_lock("the second nomination")
    release.set()

    [won], [lost] = first.outcome(), second.outcome()
    assert won.round is not None and lost.round is None and lost.error.startswith("Already nominated")
    assert Nomination.objects.count() == 1 and NominationRound.objects.count() == 1
