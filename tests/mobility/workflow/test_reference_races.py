"""Reference numbers under two simultaneous submissions, on two real PostgreSQL connections.

The first submission takes its number and holds its transaction open; the second must wait on the
counter's row lock (seen in pg_stat_activity) and take the next number once the first commits.
"""

import threading

import pytest
from django.db import transaction

from mobility import services
from mobility.models import Application, ReferenceCounter
from tests.factories import UserFactory
from tests.mobility.workflow.helpers import complete_draft
from tests.races import Side, wait_until_a_connection_waits_for_a_lock

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


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
    wait_until_a_connection_waits_for_a_lock("the second submission")
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
