"""The caller's agenda: the days a view covers (a day, a week, a month) and how a key moves a
reminder. Pure: dates in, dates out."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime, timedelta

from cockpit.domain.workdays import add_business_days, is_working_day, next_working_day

PERIODS = ("day", "week", "month")
# What a key does to a reminder's due time: working days (+/-), or a week (the same weekday;
# a holiday then goes on to the next working day).
MOVES = {"next_day": 1, "previous_day": -1, "next_week": 7, "previous_week": -7}


def bounds(period: str, day: date) -> tuple[date, date]:
    """[first day, day after the last) of the day, the Monday-to-Sunday week or the month
    holding `day`."""
    if period == "day":
        return day, day + timedelta(days=1)
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=7)
    if period == "month":
        first = day.replace(day=1)
        return first, first + timedelta(days=monthrange(day.year, day.month)[1])
    raise ValueError(f"unknown agenda period {period!r}; one of {', '.join(PERIODS)}")


def shifted(period: str, day: date, steps: int) -> date:
    """The day `steps` views before or after `day` (a month keeps its day when it can)."""
    if period == "day":
        return day + timedelta(days=steps)
    if period == "week":
        return day + timedelta(days=7 * steps)
    if period == "month":
        month = day.month - 1 + steps
        year, month = day.year + month // 12, month % 12 + 1
        return date(year, month, min(day.day, monthrange(year, month)[1]))
    raise ValueError(f"unknown agenda period {period!r}; one of {', '.join(PERIODS)}")


def moved(due: datetime, move: str) -> datetime:
    """The due time after `move` (see MOVES), at the same local time of day: `due` is in the
    caller's zone. A day's move counts working days; a week's lands on a working day."""
    step = MOVES[move]
    local_day = due.date()
    if abs(step) == 1:
        target = add_business_days(local_day, step)  # Friday + 1 is Monday
    else:
        target = local_day + timedelta(days=step)
        if not is_working_day(target):
            target = next_working_day(target)
    return due.replace(year=target.year, month=target.month, day=target.day)


def is_overdue(due: datetime, now: datetime, done: bool = False) -> bool:
    return not done and due < now
