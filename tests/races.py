"""Two real database connections racing, as two gunicorn workers would: each side a thread with its own connection."""

import threading
import time

from django.db import connection, connections


def wait_until_a_connection_waits_for_a_lock(what, timeout=10):
    """Return once another connection of this database waits on a lock; fail naming ``what`` never waited."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError(f"{what} never waited for the first one's lock")


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
