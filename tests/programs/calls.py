"""Calls in each state of their deadline, for the page tests."""

import datetime

from intl_office.dates import today
from tests.factories import CallFactory

DAY = datetime.timedelta(days=1)


def open_call(**kwargs):
    on = today()
    return CallFactory(opens_on=on - 10 * DAY, deadline=on + 12 * DAY, **kwargs)


def upcoming_call(**kwargs):
    on = today()
    return CallFactory(opens_on=on + 5 * DAY, deadline=on + 40 * DAY, **kwargs)


def closed_call(**kwargs):
    on = today()
    return CallFactory(opens_on=on - 60 * DAY, deadline=on - 30 * DAY, **kwargs)
