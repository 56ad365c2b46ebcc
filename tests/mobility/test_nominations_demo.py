"""The demo shows every state a nomination can be in, and a second run adds nothing."""

import datetime

import pytest

from intl_office.demo.loader import load_demo
from mobility.models import Nomination, NominationEvent, NominationRound, NominationState

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_nomination_in_each_state_and_loads_twice_the_same():
    load_demo(today=datetime.date(2026, 3, 10))

    assert set(Nomination.objects.values_list("state", flat=True)) == set(NominationState.values)
    assert NominationRound.objects.filter(number=2).count() == 1  # answered in its second round
    # Every round has its history: sent, and answered unless it waits.
    for round_ in NominationRound.objects.all():
        steps = set(round_.events.values_list("to_state", flat=True))
        assert steps == {NominationState.SENT} | ({round_.state} if round_.answered_at else set())
    counts = (Nomination.objects.count(), NominationRound.objects.count(), NominationEvent.objects.count())

    again = load_demo(today=datetime.date(2026, 3, 10))

    assert not {name: n for name, n in again.created.items() if name.startswith("Nomination")}
    assert (Nomination.objects.count(), NominationRound.objects.count(), NominationEvent.objects.count()) == counts
