"""Calendar helpers shared by every app: today in the office's time zone, academic years."""

import datetime

from django.db.models import Case, IntegerField, When
from django.db.models.functions import ExtractYear
from django.utils import timezone

# The academic year in Uzbekistan starts on 1 September.
ACADEMIC_YEAR_START_MONTH = 9


def today():
    """Today's date where the office is (settings.TIME_ZONE), not on the server's clock."""
    return timezone.localdate()


def academic_year_of(day: datetime.date) -> int:
    """The academic year a day falls in, named by its first calendar year (2024 = 2024/25)."""
    return day.year if day.month >= ACADEMIC_YEAR_START_MONTH else day.year - 1


def academic_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of academic year ``year`` (2024 -> 1 Sep 2024 .. 31 Aug 2025)."""
    start = datetime.date(year, ACADEMIC_YEAR_START_MONTH, 1)
    end = datetime.date(year + 1, ACADEMIC_YEAR_START_MONTH, 1) - datetime.timedelta(days=1)
    return start, end


def academic_year_label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


def academic_year_expression(field: str = "start_date"):
    """SQL for ``academic_year_of(field)``: the year itself from September on, the year before until August.

    The one database spelling of the academic year: every page that groups or filters rows
    by academic year annotates with this, so SQL and ``academic_year_of`` cannot drift apart.
    """
    return Case(
        When(**{f"{field}__month__gte": ACADEMIC_YEAR_START_MONTH}, then=ExtractYear(field)),
        default=ExtractYear(field) - 1,
        output_field=IntegerField(),
    )
