"""Working days in France: weekends and French public holidays are days off.

Overseas departments have a few extra days of their own (abolition of slavery); we use the
metropolitan list everywhere, which is what the firm's calendar follows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

_SATURDAY = 5

# The eleven public holidays of metropolitan France. Computed here rather than with the
# `holidays` package at run time: importing and building it cost ~140 ms of every start-up.
# tests/unit/test_workdays.py checks this list against `holidays.France` year by year.
_FIXED = ((1, 1, "New Year's Day"), (5, 1, "Labour Day"), (5, 8, "Victory in Europe Day"),
          (7, 14, "National Day"), (8, 15, "Assumption Day"), (11, 1, "All Saints' Day"),
          (11, 11, "Armistice Day"), (12, 25, "Christmas Day"))


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous "Meeus/Jones/Butcher" algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def french_holidays(year: int) -> Mapping[date, str]:
    """The French public holidays of one year, date → English name (cached per year)."""
    days = {date(year, month, day): name for month, day, name in _FIXED}
    easter = easter_sunday(year)
    days[easter + timedelta(days=1)] = "Easter Monday"
    days[easter + timedelta(days=39)] = "Ascension Day"
    if not 2005 <= year <= 2007:  # a working "solidarity day" in those three years
        days[easter + timedelta(days=50)] = "Whit Monday"
    return MappingProxyType(days)


def is_holiday(d: date) -> bool:
    return d in french_holidays(d.year)


def is_working_day(d: date) -> bool:
    """Monday to Friday, and not a French public holiday."""
    return d.weekday() < _SATURDAY and d not in french_holidays(d.year)


def next_working_day(d: date, *, include_today: bool = False) -> date:
    """The first working day after `d` (or `d` itself when `include_today` and it works)."""
    day = d if include_today else d + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def previous_working_day(d: date, *, include_today: bool = False) -> date:
    day = d if include_today else d - timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def add_business_days(d: date, n: int) -> date:
    """Move `n` working days from `d` (backwards when `n` < 0); `n` = 0 returns `d` unchanged.

    A Thursday + 2 is the next Monday, or the Tuesday when that Monday is a holiday."""
    step = 1 if n >= 0 else -1
    day = d
    remaining = abs(n)
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def next_working_moment(when: datetime, at: time, time_zone: str) -> datetime:
    """The first moment at local time `at` on a working day, no earlier than `when`.

    `when` must be aware; the answer has the zone `time_zone`. Use it for "next working morning"."""
    zone = ZoneInfo(time_zone)
    local = when.astimezone(zone)
    day = local.date()
    if not is_working_day(day) or local.timetz().replace(tzinfo=None) > at:
        day = next_working_day(day)
    return datetime.combine(day, at, tzinfo=zone)
