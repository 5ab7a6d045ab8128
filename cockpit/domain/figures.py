"""The figures of a day or a week, per caller and for the team, from the calls' facts.

Definitions (also in the README): a call *reached a decision maker* when someone answered
(any outcome but no answer or wrong number) and the person called is a decision maker, or the
call went through to the DO script; *talk time* is the time from the start to the end of the
finished calls; a *need qualified* is a call that ended so; where a call *stops* is the last
step it showed."""

from __future__ import annotations

# Annotations evaluated, not kept as text (no __future__ import): typing compiles a
# named tuple's text annotations field by field at import (services/views.py).
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from cockpit.domain.counts import Counts
from cockpit.domain.named import NamedTuple
from cockpit.domain.outcomes import REACHED, Outcome

_REACHED = frozenset(str(o) for o in REACHED)


# Records as named tuples, counters as plain classes: no dataclasses, whose import costs
# every `cockpit report` ~8 ms.
class CallFact(NamedTuple):
    call_id: int
    caller: str
    started_at: datetime  # aware
    ended_at: datetime | None
    outcome: str | None  # None: still going
    decision_maker: bool  # the person called is a decision maker
    script: str  # the script the call started with
    steps: tuple[tuple[str, str], ...] = ()  # (script, step) in the order shown
    objections: tuple[str, ...] = ()  # objection ids, in the order heard


class CallerFigures(Counts):
    __slots__ = ("calls", "finished", "needs", "outcomes", "reached", "talk_seconds")

    def __init__(self, calls: int = 0, finished: int = 0, talk_seconds: int = 0,
                 reached: int = 0, needs: int = 0, outcomes: Counter[str] | None = None) -> None:
        self.calls = calls
        self.finished = finished
        self.talk_seconds = talk_seconds
        self.reached = reached  # decision makers reached
        self.needs = needs  # needs qualified
        self.outcomes: Counter[str] = Counter() if outcomes is None else outcomes

    @property
    def reach_rate(self) -> float:
        return self.reached / self.calls if self.calls else 0.0

    @property
    def average_seconds(self) -> int:
        return self.talk_seconds // self.finished if self.finished else 0


class FunnelStep(NamedTuple):
    script: str
    step: str
    reached: int  # calls that showed this step
    stopped: int  # calls whose last step it was


class Figures(NamedTuple):
    start: datetime
    end: datetime
    team: CallerFigures
    callers: dict[str, CallerFigures]
    objections: dict[str, Counter[str]]  # objection → outcomes of the calls that met it
    funnel: tuple[FunnelStep, ...]
    per_hour: tuple[int, ...]  # calls started in each local hour, 0 to 23
    per_day: tuple[tuple[str, int], ...]  # (ISO date, calls) over the period


def reached_decision_maker(fact: CallFact) -> bool:
    if fact.outcome not in _REACHED:
        return False
    return fact.decision_maker or any(script == "do" for script, _ in fact.steps)


def compute(facts: Iterable[CallFact], start: datetime, end: datetime,
            time_zone: str = "Europe/Paris", step_order: dict[str, list[str]] | None = None,
            ) -> Figures:
    """Every figure of [start, end). `step_order` lists each script's steps in their written
    order, so the funnel reads top to bottom as the script does."""
    zone = ZoneInfo(time_zone)
    team = CallerFigures()
    callers: dict[str, CallerFigures] = {}
    objections: dict[str, Counter[str]] = {}
    reached_steps: Counter[tuple[str, str]] = Counter()
    stopped_steps: Counter[tuple[str, str]] = Counter()
    per_hour = [0] * 24
    days: Counter[str] = Counter()
    for fact in facts:
        mine = callers.setdefault(fact.caller, CallerFigures())
        local = fact.started_at.astimezone(zone)
        per_hour[local.hour] += 1
        days[local.date().isoformat()] += 1
        for figures in (team, mine):
            _add(figures, fact)
        ending = fact.outcome or "in_progress"
        for objection in dict.fromkeys(fact.objections):  # a call counts once per objection
            objections.setdefault(objection, Counter())[ending] += 1
        for step in dict.fromkeys(fact.steps):
            reached_steps[step] += 1
        if fact.steps and fact.outcome is not None:
            stopped_steps[fact.steps[-1]] += 1
    funnel = tuple(FunnelStep(s, st, reached_steps[(s, st)], stopped_steps[(s, st)])
                   for s, st in _ordered(reached_steps, step_order or {}))
    all_days = _days(start, end, zone)
    return Figures(start, end, team, dict(sorted(callers.items())), objections, funnel,
                   tuple(per_hour), tuple((d, days[d]) for d in all_days))


def _add(figures: CallerFigures, fact: CallFact) -> None:
    figures.calls += 1
    if fact.outcome is None:
        return
    figures.finished += 1
    figures.outcomes[fact.outcome] += 1
    if fact.ended_at is not None:
        figures.talk_seconds += max(0, int((fact.ended_at - fact.started_at).total_seconds()))
    if reached_decision_maker(fact):
        figures.reached += 1
    if fact.outcome == Outcome.NEED_QUALIFIED:
        figures.needs += 1


def _ordered(steps: Counter[tuple[str, str]], order: dict[str, list[str]],
             ) -> list[tuple[str, str]]:
    scripts = ["standard", "do", "freelance"]

    def key(item: tuple[str, str]) -> tuple[int, str, int, str]:
        script, step = item
        rank = scripts.index(script) if script in scripts else len(scripts)
        steps_of = order.get(script, [])
        return (rank, script, steps_of.index(step) if step in steps_of else len(steps_of), step)

    return sorted(steps, key=key)


def _days(start: datetime, end: datetime, zone: ZoneInfo) -> list[str]:
    first = start.astimezone(zone).date()
    last = (end - timedelta(microseconds=1)).astimezone(zone).date()
    out = []
    day = first
    while day <= last:
        out.append(day.isoformat())
        day += timedelta(days=1)
    return out


def period_of_day(day: datetime | str, time_zone: str = "Europe/Paris",
                  ) -> tuple[datetime, datetime]:
    """[midnight, next midnight) of a local day, aware."""
    from datetime import date, time

    zone = ZoneInfo(time_zone)
    d = date.fromisoformat(day) if isinstance(day, str) else day.astimezone(zone).date()
    start = datetime.combine(d, time(0), zone)
    return start, datetime.combine(d + timedelta(days=1), time(0), zone)


def period_of_week(week: str, time_zone: str = "Europe/Paris") -> tuple[datetime, datetime]:
    """An ISO week, "2026-W48", or any day of it, "2026-11-25": [its Monday, the next
    Monday), aware."""
    from datetime import date, time

    try:
        if "-W" in week.upper():
            year, number = week.upper().split("-W")
            monday = date.fromisocalendar(int(year), int(number), 1)
        else:
            day = date.fromisoformat(week)
            monday = day - timedelta(days=day.weekday())
    except ValueError as exc:
        raise ValueError(f"{week!r} is not an ISO week like 2026-W48 or a day of it") from exc
    zone = ZoneInfo(time_zone)
    start = datetime.combine(monday, time(0), zone)
    return start, datetime.combine(monday + timedelta(days=7), time(0), zone)
