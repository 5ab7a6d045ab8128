"""The day's figures from a fixed set of calls, checked against values counted by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cockpit.domain.figures import (
    CallFact,
    compute,
    period_of_day,
    period_of_week,
    reached_decision_maker,
)

T = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Paris


def call(i: int, caller: str, minutes: int, outcome: str | None, *, dm: bool = False,
         at: int = 0, steps: tuple[tuple[str, str], ...] = (),
         objections: tuple[str, ...] = ()) -> CallFact:
    start = T + timedelta(minutes=at)
    end = start + timedelta(minutes=minutes) if outcome else None
    return CallFact(i, caller, start, end, outcome, dm, steps[0][0] if steps else "standard",
                    steps, objections)


SB, DO = "standard", "do"
FACTS = [
    # Melissa: 4 calls. A switchboard put her through and a need was qualified (12 min).
    call(1, "Melissa", 12, "need_qualified", at=0,
         steps=((SB, "ask_for_do"), (DO, "intro"), (DO, "qualify")),
         objections=("already_suppliers",)),
    call(2, "Melissa", 1, "no_answer", dm=True, at=20, steps=((DO, "intro"),)),
    call(3, "Melissa", 4, "no_need", dm=True, at=70, steps=((DO, "intro"), (DO, "no_need")),
         objections=("no_need_now", "already_suppliers", "no_need_now")),
    call(4, "Melissa", 0, None, at=130, steps=((SB, "ask_for_do"),)),  # still going
    # Karim: 2 calls; the switchboard refused (not a decision maker, never reached the DO).
    call(5, "Karim", 3, "refused", at=5, steps=((SB, "ask_for_do"),),
         objections=("already_suppliers",)),
    call(6, "Karim", 2, "callback", dm=True, at=65, steps=((DO, "intro"),)),
]


def test_team_and_callers_counted_by_hand() -> None:
    start, end = period_of_day("2026-11-23")
    f = compute(FACTS, start, end)
    assert (f.team.calls, f.team.finished) == (6, 5)
    assert f.team.talk_seconds == (12 + 1 + 4 + 3 + 2) * 60
    assert f.team.reached == 3  # calls 1 (through to the DO), 3 and 6; not 2 (no answer)
    assert f.team.needs == 1
    melissa, karim = f.callers["Melissa"], f.callers["Karim"]
    assert (melissa.calls, melissa.finished, melissa.reached, melissa.needs) == (4, 3, 2, 1)
    assert melissa.talk_seconds == 17 * 60 and melissa.average_seconds == 340
    assert (karim.calls, karim.reached, karim.talk_seconds) == (2, 1, 300)
    assert melissa.outcomes == {"need_qualified": 1, "no_answer": 1, "no_need": 1}
    assert list(f.callers) == ["Karim", "Melissa"]


def test_objections_and_how_the_calls_that_met_them_ended() -> None:
    f = compute(FACTS, *period_of_day("2026-11-23"))
    assert f.objections["already_suppliers"] == {"need_qualified": 1, "no_need": 1,
                                                 "refused": 1}
    assert f.objections["no_need_now"] == {"no_need": 1}  # heard twice, one call


def test_funnel_in_script_order_with_where_calls_stop() -> None:
    order = {SB: ["ask_for_do", "what_about"], DO: ["intro", "qualify", "no_need"]}
    f = compute(FACTS, *period_of_day("2026-11-23"), step_order=order)
    rows = [(s.script, s.step, s.reached, s.stopped) for s in f.funnel]
    assert rows == [
        (SB, "ask_for_do", 3, 1),  # calls 1, 4, 5; only 5 ended there (4 is still going)
        (DO, "intro", 4, 2),  # calls 1, 2, 3, 6; 2 and 6 stopped there
        (DO, "qualify", 1, 1),
        (DO, "no_need", 1, 1),
    ]


def test_calls_per_local_hour_and_per_day() -> None:
    f = compute(FACTS, *period_of_week("2026-W48"))
    assert f.per_hour[9] == 3 and f.per_hour[10] == 2 and f.per_hour[11] == 1
    assert sum(f.per_hour) == 6
    assert f.per_day[0] == ("2026-11-23", 6) and len(f.per_day) == 7
    assert all(n == 0 for _, n in f.per_day[1:])


def test_no_calls_gives_zeros_not_errors() -> None:
    f = compute([], *period_of_day("2026-11-24"))
    assert f.team.calls == 0 and f.team.reach_rate == 0 and f.team.average_seconds == 0
    assert f.callers == {} and f.funnel == () and sum(f.per_hour) == 0


def test_periods() -> None:
    start, end = period_of_week("2026-w48")
    assert start.isoformat() == "2026-11-23T00:00:00+01:00" and (end - start).days == 7
    assert period_of_week("2026-11-27") == (start, end)  # any day names its week
    start, end = period_of_day("2026-03-29")  # the clocks change that night: a 23-hour day
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    with pytest.raises(ValueError, match="ISO week"):
        period_of_week("semaine 48")


def test_reached_needs_someone_to_answer() -> None:
    assert not reached_decision_maker(call(9, "X", 1, "wrong_number", dm=True))
    assert reached_decision_maker(call(9, "X", 1, "redirected", steps=((DO, "intro"),)))
