"""A placement's money: the margin of a mission, per day and over its working days.

The margin is the selling rate minus the buying rate; as a percentage, a share of the
selling rate (as cockpit.domain.rates counts it). Whole euros in, Decimal out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cockpit.domain.errors import ValidationError
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


@dataclass(frozen=True, slots=True)
class PlacementMoney:
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
