"""The head decides once even from two tabs at once, with two real connections racing (PostgreSQL).

The first side holds its transaction open (the application's row locked) until the second is seen
waiting for the lock; the second read the application as waiting and must find it decided.
"""

import threading

import pytest
from django.db import transaction

from mobility import services
from mobility.models import ApplicationEvent, StaffApplication
from tests.mobility.staff_calls import Status, department, employee, head_of_department, staff_call, submitted
from tests.races import Side, wait_until_a_connection_waits_for_a_lock

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_an_endorsement_racing_a_decline_lets_one_win(home_institution):
    head = head_of_department()
    application = submitted(staff_call(), employee(), department(head=head))
    started, release = threading.Event(), threading.Event()

    def endorse():
        with transaction.atomic():
            services.endorsement_decide(application=application, actor=head, endorse=True)
            started.set()
            assert release.wait(timeout=20)

    first = Side(endorse)
    first.start()
    assert started.wait(timeout=20)
    second = Side(
        lambda: services.endorsement_decide(application=application, actor=head, endorse=False, comment="No.")
    )
    second.start()
    wait_until_a_connection_waits_for_a_lock("the decline")
    release.set()
    first.outcome()
    with pytest.raises(services.ApplicationError) as refused:
        second.outcome()
    assert refused.value.code == "not_endorser"
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert StaffApplication.objects.get().endorsement == StaffApplication.Endorsement.ENDORSED
    assert ApplicationEvent.objects.filter(kind=ApplicationEvent.Kind.ENDORSED).count() == 1
    assert not application.events.filter(to_status=Status.REJECTED).exists()
