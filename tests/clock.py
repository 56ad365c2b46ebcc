"""The clock tests take "today" from: a frozen one, never the machine's clock at import.

``office_midnight`` runs a test twice with the clock standing still, one second before and exactly at
midnight where the office is (``TIME_ZONE``, Tashkent: 19:00 UTC, when the server's own date has
not changed). ``today`` is the office's date in that instant. A module whose expectations depend on
the date (file names, "expires today", a call's last day) takes ``today`` instead of reading the
clock once at import, so a run that crosses the office's midnight cannot fail on a stale date, and
every such module is checked on both sides of it.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.conf import settings

from intl_office import dates

# A Tuesday in term time, so that "today" is an ordinary working day of the academic year.
DAY = datetime.date(2026, 3, 10)


@pytest.fixture(params=[-1, 0], ids=["office-midnight-minus-1s", "office-midnight"])
def office_midnight(request):
    midnight = datetime.datetime.combine(DAY, datetime.time(), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    with time_machine.travel(midnight + datetime.timedelta(seconds=request.param), tick=False):
        yield


@pytest.fixture
def today(office_midnight):
    """The office's date at the frozen instant: 9 or 10 March 2026."""
    return dates.today()
