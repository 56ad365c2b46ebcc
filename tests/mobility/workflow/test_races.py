"""Races between two real database connections on PostgreSQL, as two gunicorn workers would run them.

Each side is a thread with its own connection. PostgreSQL makes a second insert of the same unique
key wait for the first transaction, so the test holds the first one open until the second is seen
waiting on its lock (pg_stat_activity), then commits: the second request has passed every check
in Python and must be saved by the database constraint and the service's handler, not by luck.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from mobility import services
from mobility.models import Application, ApplicationEvent

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def wait_until_a_connection_waits_for_a_lock(timeout=10):
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError("the second start never waited for the first one's row")


class Side(threading.Thread):
    """Run ``work`` in a thread with its own connection; keep its result or its exception."""

    def __init__(self, work):
        super().__init__(daemon=True)
        self.work, self.result, self.error = work, None, None

    def run(self):
        try:
            self.result = self.work()
        except BaseException as error:
            self.error = error
        finally:
            connections.close_all()

    def outcome(self):
        self.join(timeout=20)
        assert not self.is_alive(), "a side of the race never finished"
        if self.error is not None:
            raise self.error
        return self.result


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
    wait_until_a_connection_waits_for_a_lock()
    release.set()

    (winner, created), (loser, loser_created) = first.outcome(), second.outcome()
    assert (created, loser_created) == (True, False)
    assert loser.pk == winner.pk
    assert Application.objects.filter(call=call, student=student).count() == 1
    assert ApplicationEvent.objects.filter(application=winner).count() == 1
