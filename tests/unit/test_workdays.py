"""Working days: weekends and French public holidays are skipped."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.domain.workdays import (
    add_business_days,
    french_holidays,
    is_holiday,
    is_working_day,
    next_working_day,
    next_working_moment,
    previous_working_day,
)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 1, 1), "new year"),
        (date(2026, 4, 6), "Easter Monday"),
        (date(2026, 5, 1), "1 May"),
        (date(2026, 5, 8), "8 May"),
        (date(2026, 5, 14), "Ascension 2026"),
        (date(2026, 5, 25), "Whit Monday 2026"),
        (date(2026, 7, 14), "14 July"),
        (date(2026, 8, 15), "Assumption"),
        (date(2026, 11, 1), "All Saints"),
        (date(2026, 11, 11), "Armistice"),
        (date(2026, 12, 25), "Christmas"),
        (date(2027, 5, 6), "Ascension 2027"),
        (date(2027, 5, 17), "Whit Monday 2027"),
    ],
)
def test_french_public_holidays_are_days_off(day: date, name: str) -> None:
    assert is_holiday(day), name
    assert not is_working_day(day), name


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 23), True),  # Monday
        (date(2026, 11, 27), True),  # Friday
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 5, 13), True),  # the eve of Ascension
        (date(2026, 12, 26), False),  # Saturday after Christmas
    ],
)
def test_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_holidays_are_cached_per_year() -> None:
    assert french_holidays(2026) is french_holidays(2026)
    assert len(french_holidays(2026)) == 11


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # A CV sent on the Thursday before Whit Monday: Friday, then Tuesday.
        (date(2026, 5, 21), 2, date(2026, 5, 26)),
        # The Thursday before Easter: Friday, then Tuesday (Easter Monday skipped).
        (date(2026, 4, 2), 2, date(2026, 4, 7)),
        # The eve of Ascension (a Wednesday): Friday, then Monday.
        (date(2026, 5, 13), 2, date(2026, 5, 18)),
        (date(2026, 11, 23), 2, date(2026, 11, 25)),  # Monday → Wednesday
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday → Monday
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # from a Saturday: Monday is the first
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # Christmas Friday skipped
        (date(2026, 11, 23), 5, date(2026, 11, 30)),
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
        (date(2026, 5, 26), -2, date(2026, 5, 21)),  # backwards over Whit Monday
    ],
)
def test_add_business_days(start: date, n: int, expected: date) -> None:
    assert add_business_days(start, n) == expected


def test_next_and_previous_working_day() -> None:
    assert next_working_day(date(2026, 7, 13)) == date(2026, 7, 15)  # 14 July skipped
    assert next_working_day(date(2026, 7, 13), include_today=True) == date(2026, 7, 13)
    assert previous_working_day(date(2026, 5, 26)) == date(2026, 5, 22)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # Monday 08:00 Paris → that morning at 09:00.
        (datetime(2026, 11, 23, 7, 0, tzinfo=UTC), datetime(2026, 11, 23, 9, 0)),
        # Friday 19:00 Paris → Monday 09:00.
        (datetime(2026, 11, 27, 18, 0, tzinfo=UTC), datetime(2026, 11, 30, 9, 0)),
        # Saturday → Monday.
        (datetime(2026, 11, 28, 10, 0, tzinfo=UTC), datetime(2026, 11, 30, 9, 0)),
        # Monday 13 July 2026 at 10:00 Paris → Wednesday 15 (14 July is off).
        (datetime(2026, 7, 13, 8, 0, tzinfo=UTC), datetime(2026, 7, 15, 9, 0)),
    ],
)
def test_next_working_moment(when: datetime, expected: datetime) -> None:
    moment = next_working_moment(when, time(9, 0), "Europe/Paris")
    assert moment.replace(tzinfo=None) == expected
    assert moment >= when


@given(st.dates(date(2024, 1, 1), date(2030, 12, 31)), st.integers(1, 40))
def test_add_business_days_counts_exactly_n_working_days(start: date, n: int) -> None:
    end = add_business_days(start, n)
    assert is_working_day(end)
    between = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(is_working_day(d) for d in between) == n
    back = add_business_days(end, -n)
    assert back == start if is_working_day(start) else back < start


def test_our_french_holidays_match_the_holidays_package() -> None:
    import holidays

    from cockpit.domain.workdays import french_holidays

    for year in range(1990, 2101):
        theirs = set(holidays.France(years=year))
        assert set(french_holidays(year)) == theirs, year
