"""The period a report covers: an academic year (1 Sep .. 31 Aug) or a calendar year."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_office.dates import academic_year_bounds, academic_year_label, academic_year_of

ACADEMIC = "academic"
CALENDAR = "calendar"
PERIOD_CHOICES = [(ACADEMIC, _("Academic year")), (CALENDAR, _("Calendar year"))]
# The office's records start in the 1990s; anything outside is a typo, not a report.
FIRST_YEAR = 1991


@dataclass(frozen=True)
class Period:
    """An academic year (1 Sep .. 31 Aug, named by its first year) or a calendar year."""

    kind: str
    year: int

    @property
    def bounds(self) -> tuple[datetime.date, datetime.date]:
        if self.kind == ACADEMIC:
            return academic_year_bounds(self.year)
        return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)

    @property
    def start(self) -> datetime.date:
        return self.bounds[0]

    @property
    def end(self) -> datetime.date:
        return self.bounds[1]

    @property
    def label(self) -> str:
        return academic_year_label(self.year) if self.kind == ACADEMIC else str(self.year)

    @property
    def title(self) -> str:
        if self.kind == ACADEMIC:
            return _("Academic year %(year)s") % {"year": self.label}
        return _("Calendar year %(year)s") % {"year": self.label}

    def counted_on(self, on: datetime.date) -> datetime.date:
        """The day agreements in force are counted: the period's last day, or ``on`` while the period runs.

        The same rule as the statistics page (``statistics.reference_day``).
        """
        return min(self.end, on)

    def is_complete(self, on: datetime.date) -> bool:
        return self.end < on


def default_period(kind: str, on: datetime.date) -> Period:
    """The last completed year of the kind: the one a report is usually asked for."""
    if kind == CALENDAR:
        return Period(CALENDAR, on.year - 1)
    return Period(ACADEMIC, academic_year_of(on) - 1)


def local_day_range(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Aware datetimes from the office's midnight starting ``start`` to the midnight ending ``end``."""
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return first, after
