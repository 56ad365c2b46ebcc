"""Calendar helpers: the office's today and the academic year that starts on 1 September."""

import datetime
from unittest import mock

import pytest
from django.test import override_settings

from intl_office import dates


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (datetime.date(2024, 8, 31), 2023),
        (datetime.date(2024, 9, 1), 2024),
        (datetime.date(2024, 12, 31), 2024),
        (datetime.date(2025, 1, 1), 2024),
        (datetime.date(2025, 8, 31), 2024),
        (datetime.date(2025, 9, 1), 2025),
    ],
)
def test_academic_year_of_a_day_starts_on_first_of_september(day, year):
    assert dates.academic_year_of(day) == year


@pytest.mark.parametrize(
    ("year", "first_day", "last_day"),
    [
        (2024, datetime.date(2024, 9, 1), datetime.date(2025, 8, 31)),
        # 2023/24 contains 29 February; the last day is still 31 August.
        (2023, datetime.date(2023, 9, 1), datetime.date(2024, 8, 31)),
        (1999, datetime.date(1999, 9, 1), datetime.date(2000, 8, 31)),
    ],
)
def test_academic_year_bounds_run_from_first_of_september_to_thirty_first_of_august(year, first_day, last_day):
    assert dates.academic_year_bounds(year) == (first_day, last_day)


def test_academic_year_bounds_of_consecutive_years_leave_no_gap():
    _, end_2023 = dates.academic_year_bounds(2023)
    start_2024, _ = dates.academic_year_bounds(2024)
    assert start_2024 - end_2023 == datetime.timedelta(days=1)


@pytest.mark.parametrize("year", [2023, 2024])
def test_every_day_within_academic_year_bounds_belongs_to_that_year(year):
    start, end = dates.academic_year_bounds(year)
    assert dates.academic_year_of(start) == year
    assert dates.academic_year_of(end) == year
    assert dates.academic_year_of(start - datetime.timedelta(days=1)) == year - 1
    assert dates.academic_year_of(end + datetime.timedelta(days=1)) == year + 1


@pytest.mark.parametrize(
    ("year", "label"),
    [(2024, "2024/25"), (2009, "2009/10"), (1999, "1999/00"), (2099, "2099/00")],
)
def test_academic_year_label_names_both_calendar_years(year, label):
    assert dates.academic_year_label(year) == label


# 20:00 UTC on 31 August is already 1 September in Tashkent (UTC+5).
LATE_EVENING_UTC = datetime.datetime(2024, 8, 31, 20, 0, tzinfo=datetime.UTC)


@override_settings(TIME_ZONE="Asia/Tashkent")
def test_today_is_the_date_in_the_office_time_zone_not_utc():
    with mock.patch("django.utils.timezone.now", return_value=LATE_EVENING_UTC):
        assert dates.today() == datetime.date(2024, 9, 1)


@override_settings(TIME_ZONE="UTC")
def test_today_follows_the_configured_time_zone():
    with mock.patch("django.utils.timezone.now", return_value=LATE_EVENING_UTC):
        assert dates.today() == datetime.date(2024, 8, 31)
