"""Working days in France: weekends and French public holidays are days off.

Overseas departments have a few extra days of their own (abolition of slavery); we use the
metropolitan list everywhere, which is what the firm's calendar follows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays

_SATURDAY = 5


@lru_cache(maxsize=64)
def french_holidays(year: int) -> Mapping[date, str]:
    """The French public holidays of one year, date → English name (cached per year)."""
    return MappingProxyType(dict(holidays.France(years=year)))


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
