"""Races between two real database connections on PostgreSQL, as two gunicorn workers would run them.

Each side is a thread with its own connection. PostgreSQL makes a second insert of the same unique
key wait for the first transaction, so the test holds the first one open until the second is seen
waiting on its lock (pg_stat_activity), then commits: the second request has passed every check
in Python and must be saved by the database constraint and the service's handler, not by luck.
"""

import threading

import pytest
from django.db import transaction

from mobility import services
from mobility.models import Application, ApplicationEvent
from tests.races import Side, wait_until_a_connection_waits_for_a_lock

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_two_simultaneous_starts_make_one_application_and_both_get_it(call, student):
    inserted, release = threading.Event(), threading.Event()

    def first_click():
        with transaction.atomic():
            started = services.application_start(call=call, student=student)
            inserted.set()
            assert release.wait(timeout=20)
        return started

    first = Side(first_click)
    first.start()
    assert inserted.wait(timeout=20)
    # The first insert is not committed: the second click sees no application and tries its own.
    second = Side(lambda: services.application_start(call=call, student=student))
    second.start()
    wait_until_a_connection_waits_for_a_lock("the second start")
    release.set()

    (winner, created), (loser, loser_created) = first.outcome(), second.outcome()
    assert (created, loser_created) == (True, False)
    assert loser.pk == winner.pk
    assert Application.objects.filter(call=call, student=student).count() == 1
    assert ApplicationEvent.objects.filter(application=winner).count() == 1
