"""A placement's money: the margin of a mission, per day and over its working days.

The margin is the selling rate minus the buying rate; as a percentage, a share of the
selling rate (as cockpit.domain.rates counts it). Whole euros in, Decimal out."""

from __future__ import annotations

# Annotations evaluated, not kept as text (no __future__ import): typing compiles a
# named tuple's text annotations field by field at import (services/views.py).
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cockpit.domain.counts import Counts
from cockpit.domain.errors import ValidationError
from cockpit.domain.named import NamedTuple
from cockpit.domain.rates import margin_of
from cockpit.domain.workdays import is_working_day


def working_days(start: date, end: date) -> int:
    """Working days from `start` to `end`, both included (weekends and French holidays off)."""
    if end < start:
        raise ValidationError(f"the mission ends ({end}) before it starts ({start})",
                              code="placement_ends_first", start=start, end=end)
    days = 0
    day = start
    while day <= end:
        days += is_working_day(day)
        day += timedelta(days=1)
    return days


# Records as named tuples, counters as plain classes: no dataclasses, whose import costs
# every `cockpit report` ~8 ms.
class PlacementMoney(NamedTuple):
    buying: Decimal  # what the firm pays the freelance per day
    selling: Decimal  # what the client pays per day
    days: int  # working days of the mission

    @property
    def margin_per_day(self) -> Decimal:
        return self.selling - self.buying

    @property
    def margin_rate(self) -> Decimal:
        """A fraction of the selling rate (4 decimals); negative when sold at a loss."""
        return margin_of(self.buying, self.selling)

    @property
    def margin_total(self) -> Decimal:
        return self.margin_per_day * self.days

    @property
    def turnover(self) -> Decimal:
        return self.selling * self.days


def placement_money(buying: int, selling: int, start: date, end: date) -> PlacementMoney:
    """The figures of a mission bought at `buying` and sold at `selling` per day."""
    if buying < 0 or selling <= 0:
        raise ValidationError("day rates are positive whole euros (the selling rate above 0)",
                              code="placement_bad_rate", buying=buying, selling=selling)
    return PlacementMoney(Decimal(buying), Decimal(selling), working_days(start, end))


def said_percent(rate: Decimal, lang: str = "fr") -> str:
    """0.2 → "20 %" (French: a comma, a non-breaking space) or "20%"; a loss shows its sign."""
    value = (rate * 100).quantize(Decimal("0.1"), ROUND_HALF_UP).normalize()
    text = f"{value:f}"
    return text.replace(".", ",") + "\u00a0%" if lang == "fr" else text + "%"


class ProposalFact(NamedTuple):
    """A proposal as the review counts it: whose need it is and when each step happened."""

    caller: str  # the caller whose need it is ("" when nobody's)
    cv_sent_at: datetime | None
    interview_at: datetime | None
    placed_at: datetime | None
    start: date | None = None  # the mission, once placed
    end: date | None = None
    buying: int | None = None
    selling: int | None = None


class PipelineFigures(Counts):
    __slots__ = ("cvs_sent", "interviews", "margin", "placements", "turnover")

    def __init__(self, cvs_sent: int = 0, interviews: int = 0, placements: int = 0,
                 margin: Decimal = Decimal(0), turnover: Decimal = Decimal(0)) -> None:
        self.cvs_sent = cvs_sent
        self.interviews = interviews
        self.placements = placements
        self.margin = margin  # over the missions placed (those with days and rates)
        self.turnover = turnover

    @property
    def margin_rate(self) -> Decimal | None:
        return (self.margin / self.turnover).quantize(Decimal("0.0001"), ROUND_HALF_UP) \
            if self.turnover else None


class Pipeline(NamedTuple):
    team: PipelineFigures
    callers: dict[str, PipelineFigures]


def pipeline(facts: Iterable[ProposalFact], start: datetime, end: datetime) -> Pipeline:
    """CVs sent, interviews held and placements made in [start, end), per caller and for the
    team; the margin is that of the missions placed in the period, over their working days."""
    team = PipelineFigures()
    callers: dict[str, PipelineFigures] = {}

    def within(moment: datetime | None) -> bool:
        return moment is not None and start <= moment < end

    for fact in facts:
        counted = [team] + ([callers.setdefault(fact.caller, PipelineFigures())]
                            if fact.caller else [])
        money = None
        if within(fact.placed_at) and None not in (fact.start, fact.end, fact.buying,
                                                   fact.selling) and (fact.selling or 0) > 0:
            assert fact.start and fact.end and fact.buying is not None and fact.selling
            if fact.end >= fact.start and fact.buying >= 0:
                money = placement_money(fact.buying, fact.selling, fact.start, fact.end)
        for figures in counted:
            figures.cvs_sent += within(fact.cv_sent_at)
            figures.interviews += within(fact.interview_at)
            figures.placements += within(fact.placed_at)
            if money is not None:
                figures.margin += money.margin_total
                figures.turnover += money.turnover
    return Pipeline(team, dict(sorted(callers.items())))
