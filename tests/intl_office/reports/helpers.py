"""The periods, boundary days and hand counts the report tests check the report against.

Rows sit on both sides of the period boundaries: 31 August / 1 September for academic
years, 31 December / 1 January for calendar years, in the office's time zone for the
moment a partner was added.
"""

import datetime

from intl_office.staff import reports
from mobility.models import Direction, Mobility

OUT, IN = Direction.OUTGOING, Direction.INCOMING
STUDENT, STAFF = Mobility.ParticipantKind.STUDENT, Mobility.ParticipantKind.STAFF
ACADEMIC_2024 = reports.Period(reports.ACADEMIC, 2024)  # 1 Sep 2024 .. 31 Aug 2025
CALENDAR_2024 = reports.Period(reports.CALENDAR, 2024)  # 1 Jan 2024 .. 31 Dec 2024


# The days on either side of every boundary of both periods.
BOUNDARY_DAYS = [
    datetime.date(2023, 12, 31),
    datetime.date(2024, 1, 1),
    datetime.date(2024, 8, 31),
    datetime.date(2024, 9, 1),
    datetime.date(2024, 12, 31),
    datetime.date(2025, 1, 1),
    datetime.date(2025, 8, 31),
    datetime.date(2025, 9, 1),
]


def days(n):
    return datetime.timedelta(days=n)


def within(period, day):
    return period.start <= day <= period.end


def counted_mobilities(period):
    return [
        m
        for m in Mobility.objects.select_related("partner", "program")
        if m.status != Mobility.Status.CANCELLED and within(period, m.start_date)
    ]
