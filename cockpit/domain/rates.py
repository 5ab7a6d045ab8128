"""Day rates (TJM) and the firm's margin: selling = buying ÷ (1 − margin).

The margin is a fraction of the selling rate (0.15 = 15 %). Rates are whole euros."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from cockpit.domain.errors import ValidationError
from cockpit.domain.named import NamedTuple

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


def percent(margin: Number) -> str:
    """A margin as French writes it: 0.2 → "20 %" (a non-breaking space before the sign)."""
    value = (_margin(margin) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP).normalize()
    return f"{value:f}".replace(".", ",") + "\u00a0%"


class RateVerdict(NamedTuple):
    """A buying rate set against the client's budget once the firm's margin is added: a
    freelance below the budget may still be above it at the selling rate."""

    buying: Decimal
    selling: Decimal
    margin: Decimal
    budget: Decimal

    @property
    def within(self) -> bool:
        return self.selling <= self.budget

    @property
    def over_by(self) -> Decimal:
        """How far the selling rate goes beyond the budget (0 when within)."""
        return max(self.selling - self.budget, Decimal(0))

    @property
    def highest_buying(self) -> Decimal:
        return buying_rate_for_budget(self.budget, self.margin)

    def french(self) -> str:
        """"530 € d'achat → 663 € de vente avec 20 % de marge : au-dessus du budget de 550 €"."""
        nbsp = "\u00a0"
        said = (f"{self.buying}{nbsp}€ d'achat → {self.selling}{nbsp}€ de vente avec "
                f"{percent(self.margin)} de marge{nbsp}: ")
        if self.within:
            return said + f"dans le budget de {self.budget}{nbsp}€"
        return said + (f"au-dessus du budget de {self.budget}{nbsp}€ (achat à "
                       f"{self.highest_buying}{nbsp}€ au plus)")


def verdict(buying: Number, budget: Number, margin: Number) -> RateVerdict:
    """The selling rate of `buying` at `margin`, against `budget` (both whole euros)."""
    margin_ = _margin(margin)
    return RateVerdict(_rate(buying, "buying").quantize(_EURO, ROUND_HALF_UP),
                       selling_rate(buying, margin_), margin_,
                       _rate(budget, "budget").quantize(_EURO, ROUND_HALF_UP))
