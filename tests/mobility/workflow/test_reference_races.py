"""Reference numbers under two simultaneous submissions, on two real PostgreSQL connections.

The first submission takes its number and holds its transaction open; the second must wait on the
counter's row lock (seen in pg_stat_activity) and take the next number once the first commits.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from mobility import services
from mobility.models import Application, ReferenceCounter
from tests.factories import UserFactory
from tests.mobility.workflow.helpers import complete_draft

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
    raise AssertionError("the second submission never waited for the first one's counter")


class Side(threading.Thread):
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


@pytest.mark.parametrize("counter_exists", [False, True], ids=["first-of-the-year", "counter-row-there"])
def test_two_simultaneous_submissions_get_two_different_numbers(call, counter_exists):
    first_draft = complete_draft(call, UserFactory())
    second_draft = complete_draft(call, UserFactory())
    if counter_exists:
        services.next_reference(year=2000)  # another year's counter: this year's row is still made in the race
    numbered, release = threading.Event(), threading.Event()

    def first_submission():
        with transaction.atomic():
            application = services.application_submit(application=first_draft, actor=first_draft.student)
            numbered.set()
            assert release.wait(timeout=20)
        return application.reference

    first = Side(first_submission)
    first.start()
    assert numbered.wait(timeout=20)
    second = Side(lambda: services.application_submit(application=second_draft, actor=second_draft.student).reference)
    second.start()
    wait_until_a_connection_waits_for_a_lock()
    release.set()

    references = [first.outcome(), second.outcome()]
    assert references[0].endswith("-0001") and references[1].endswith("-0002")
    assert set(Application.objects.values_list("reference", flat=True)) == set(references)
    assert ReferenceCounter.objects.get(prefix=references[0].rsplit("-", 1)[0]).last_number == 2


def test_a_rolled_back_submission_takes_its_number_back_with_it(call):
    drafts = [complete_draft(call, UserFactory()) for _ in range(2)]
    with pytest.raises(RuntimeError), transaction.atomic():
        services.application_submit(application=drafts[0], actor=drafts[0].student)
        raise RuntimeError("the request failed after the submission")
    taken = services.application_submit(application=drafts[1], actor=drafts[1].student).reference
    # The counter rolled back with the submission: the next one takes the same number, never a double.
    assert taken.endswith("-0001")
    assert Application.objects.filter(reference__isnull=False).count() == 1
