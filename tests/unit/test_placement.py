"""A placement's money and the agenda's dates, pure arithmetic, checked on many cases
(hypothesis) and on a few worked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.domain.agenda import bounds, moved, shifted
from cockpit.domain.errors import ValidationError
from cockpit.domain.placement import (
    ProposalFact,
    pipeline,
    placement_money,
    said_percent,
    working_days,
)
from cockpit.domain.workdays import is_working_day

rates = st.integers(min_value=0, max_value=3000)
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


def test_a_mission_worked_by_hand() -> None:
    # January 2027: 21 weekdays, less Friday 1st, New Year's Day.
    money = placement_money(500, 625, date(2027, 1, 1), date(2027, 1, 31))
    assert money.days == 20
    assert (money.margin_per_day, money.margin_rate, money.margin_total) == (
        Decimal(125), Decimal("0.2"), Decimal(2500))
    assert said_percent(money.margin_rate) == "20\u00a0%"
    assert said_percent(Decimal("-0.0833"), "en") == "-8.3%"


@given(rates, st.integers(min_value=1, max_value=3000), days, st.integers(0, 400))
def test_margin_is_per_day_times_working_days(buying: int, selling: int, start: date,
                                              length: int) -> None:
    end = start + timedelta(days=length)
    money = placement_money(buying, selling, start, end)
    assert money.margin_per_day == selling - buying
    assert money.margin_total == (selling - buying) * money.days
    assert money.turnover - money.margin_total == buying * money.days
    assert money.days == sum(is_working_day(start + timedelta(days=d)) for d in range(length + 1))
    assert money.days <= length + 1
    # The rate, a share of the selling price: at most 100 %, below 0 exactly when at a loss.
    assert money.margin_rate <= 1 and (money.margin_rate < 0) == (buying > selling)


@given(days, st.integers(1, 400))
def test_an_end_before_the_start_is_refused(start: date, back: int) -> None:
    with pytest.raises(ValidationError):
        working_days(start, start - timedelta(days=back))


def test_zero_selling_rate_is_refused() -> None:
    with pytest.raises(ValidationError):
        placement_money(500, 0, date(2027, 1, 4), date(2027, 1, 8))


@given(st.lists(st.tuples(st.sampled_from(["Karim", "Sophie", ""]), rates,
                          st.integers(1, 3000), st.booleans()), max_size=20))
def test_the_team_is_the_sum_of_its_callers(rows: list[tuple[str, int, int, bool]]) -> None:
    start, end = datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 2, 1, tzinfo=UTC)
    inside = datetime(2027, 1, 15, tzinfo=UTC)
    facts = [ProposalFact(caller, inside, None, inside if placed else None, date(2027, 1, 4),
                          date(2027, 1, 29), buying, selling)
             for caller, buying, selling, placed in rows]
    found = pipeline(facts, start, end)
    named = [caller for caller, *_ in rows if caller]  # a need nobody owns: the team's only
    assert sum(f.cvs_sent for f in found.callers.values()) == len(named)
    assert found.team.cvs_sent == len(rows)
    assert found.team.placements == sum(1 for *_, placed in rows if placed)
    expected = sum((s - b) * 20 for _, b, s, placed in rows if placed)  # 4 to 29 Jan: 20 days
    assert found.team.margin == expected
    # Outside the period, nothing counts.
    assert pipeline(facts, end, end + timedelta(days=30)).team.cvs_sent == 0


PARIS = ZoneInfo("Europe/Paris")


@given(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 1)),
       st.sampled_from(["next_day", "previous_day", "next_week", "previous_week"]))
def test_a_moved_reminder_lands_on_a_working_day_at_its_time(naive: datetime, move: str) -> None:
    due = naive.replace(tzinfo=PARIS)
    after = moved(due, move)
    assert is_working_day(after.date()) and after.time() == due.time()
    assert (after > due) == move.startswith("next")


@given(days, st.sampled_from(["day", "week", "month"]), st.integers(-24, 24))
def test_a_period_holds_its_day_and_shifts_to_the_next(day: date, period: str,
                                                       steps: int) -> None:
    first, after = bounds(period, day)
    assert first <= day < after
    other = shifted(period, day, steps)
    if steps:
        assert bounds(period, other) != (first, after)
    else:
        assert other == day
    if period == "week":
        assert first.weekday() == 0 and (after - first).days == 7
