"""``manage.py expire_offers``: the daily run declines what nobody answered and moves the waiting list up, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from mobility.models import Application
from tests.mobility.offers import DAY, Status, applicant, offer_call, offered

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("expire_offers", stdout=out)
    return out.getvalue()


def test_the_command_expires_past_offers_and_a_second_run_changes_nothing(today, staff):
    call = offer_call(places=1)
    silent = offered(call, actor=staff)
    Application.objects.filter(pk=silent.pk).update(offer_deadline=today - DAY)
    waiting = applicant(call, status=Status.WAITLISTED, score=8)

    output = run()
    assert f"Declined {silent.reference}" in output and "1 offer(s) expired" in output
    waiting.refresh_from_db()
    assert waiting.offer_pending

    assert "0 offer(s) expired" in run()
    assert Application.objects.filter(call=call, status=Status.ACCEPTED).count() == 1
    assert waiting.events.filter(to_status=Status.ACCEPTED).count() == 1
