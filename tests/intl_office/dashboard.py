"""Directions and day offsets the dashboard tests share."""

import datetime

from mobility.models import Direction

OUT, IN = Direction.OUTGOING, Direction.INCOMING


def days(n):
    return datetime.timedelta(days=n)
