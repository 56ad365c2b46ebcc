"""The waiting list moves up exactly once for one freed place, with two real connections racing (PostgreSQL).

Each side is a thread with its own connection. The first holds its transaction open (the call's and
the offer's rows locked) until the second is seen waiting for the lock, then commits: the second has
read the offer as pending before the lock and must find it answered once it gets the rows.
"""

import threading

import pytest
from django.db import transaction

from mobility import services
from mobility.models import Application, ApplicationEvent
from mobility.services import ApplicationError
from tests.mobility.offers import DAY, Status, applicant, offer_call, offered
from tests.races import Side, wait_until_a_connection_waits_for_a_lock

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

REASON = "The student told the office in person."


@pytest.fixture
def expired_offer(today, staff):
    call = offer_call(places=1)
    application = offered(call, actor=staff)
    Application.objects.filter(pk=application.pk).update(offer_deadline=today - DAY)
    first = applicant(call, status=Status.WAITLISTED, score=9)
    second = applicant(call, status=Status.WAITLISTED, score=8)
    return application, first, second


def held(work, started, release):
    """``work`` inside a transaction that stays open until ``release`` is set."""

    def run():
        with transaction.atomic():
            result = work()
            started.set()
            assert release.wait(timeout=20)
        return result

    return run


def race(first_work, second_work, what):
    started, release = threading.Event(), threading.Event()
    first = Side(held(first_work, started, release))
    first.start()
    assert started.wait(timeout=20)
    second = Side(second_work)
    second.start()
    wait_until_a_connection_waits_for_a_lock(what)
    release.set()
    return first, second


def assert_promoted_once(declined, first, second):
    declined.refresh_from_db()
    assert declined.status == Status.DECLINED
    assert declined.events.filter(to_status=Status.DECLINED).count() == 1
    statuses = dict(Application.objects.filter(pk__in=[first.pk, second.pk]).values_list("pk", "status"))
    assert statuses == {first.pk: Status.ACCEPTED, second.pk: Status.WAITLISTED}
    assert ApplicationEvent.objects.filter(application=first, to_status=Status.ACCEPTED).count() == 1


def test_two_expiry_runs_at_once_decline_once_and_promote_one_student(expired_offer, today):
    declined, first, second = expired_offer
    one, other = race(lambda: services.offers_expire(on=today), lambda: services.offers_expire(on=today), "expiry")
    assert [a.pk for a in one.outcome()] == [declined.pk]
    assert other.outcome() == []
    assert_promoted_once(declined, first, second)


def test_a_decline_racing_the_expiry_promotes_one_student(expired_offer, today, staff):
    declined, first, second = expired_offer
    one, other = race(
        lambda: services.offer_decline(application=declined, actor=staff, reason=REASON),
        lambda: services.offers_expire(on=today),
        "the expiry",
    )
    one.outcome()
    assert other.outcome() == []
    assert_promoted_once(declined, first, second)
    assert declined.events.get(to_status=Status.DECLINED).actor == staff


def test_the_expiry_racing_a_late_decline_leaves_the_decline_refused(expired_offer, today, staff):
    declined, first, second = expired_offer
    one, other = race(
        lambda: services.offers_expire(on=today),
        lambda: services.offer_decline(application=declined, actor=staff, reason=REASON),
        "the decline",
    )
    one.outcome()
    with pytest.raises(ApplicationError) as excinfo:
        other.outcome()
    assert excinfo.value.code == "answered"
    assert_promoted_once(declined, first, second)
    assert declined.events.get(to_status=Status.DECLINED).actor is None
