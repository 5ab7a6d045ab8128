"""Day rates (TJM) and the firm's margin: selling = buying ÷ (1 − margin).

The margin is a fraction of the selling rate (0.15 = 15 %). Rates are whole euros."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from cockpit.domain.errors import ValidationError

Number = Decimal | int | float | str

_EURO = Decimal(1)
_RATIO = Decimal("0.0001")
_ONE = Decimal(1)


def _decimal(value: Number, name: str) -> Decimal:
    try:
        # str() first: Decimal(0.1) would carry the float's binary noise.
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError(
            f"{name} {value!r} is not a number", code="rate_not_a_number", field=name, value=value
        ) from exc
    if not number.is_finite():
        raise ValidationError(
            f"{name} {value!r} is not a number", code="rate_not_a_number", field=name, value=value
        )
    return number


def _margin(value: Number) -> Decimal:
    margin = _decimal(value, "margin")
    if not Decimal(0) <= margin < _ONE:
        raise ValidationError(
            f"margin {value} must be at least 0 and below 1",
            code="margin_out_of_range",
            value=value,
        )
    return margin


def _rate(value: Number, name: str) -> Decimal:
    rate = _decimal(value, name)
    if rate < 0:
        raise ValidationError(
            f"{name} {value} cannot be negative", code="rate_negative", field=name, value=value
        )
    return rate


def selling_rate(buying: Number, margin: Number) -> Decimal:
    """What the client pays per day for a freelance bought at `buying`, to the nearest euro."""
    return (_rate(buying, "buying") / (_ONE - _margin(margin))).quantize(_EURO, ROUND_HALF_UP)


def buying_rate_for_budget(budget: Number, margin: Number) -> Decimal:
    """The highest buying rate that keeps the selling rate within the client's budget.

    Rounded down: rounding up could push the selling rate a euro above the budget."""
    return (_rate(budget, "budget") * (_ONE - _margin(margin))).quantize(_EURO, ROUND_FLOOR)


def margin_of(buying: Number, selling: Number) -> Decimal:
    """The margin a pair of rates gives, as a fraction of the selling rate (4 decimals).

    Negative when the freelance costs more than the client pays."""
    sell = _rate(selling, "selling")
    if sell == 0:
        raise ValidationError("selling rate must be above zero", code="rate_zero", field="selling")
    return ((sell - _rate(buying, "buying")) / sell).quantize(_RATIO, ROUND_HALF_UP)
