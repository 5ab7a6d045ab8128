"""Day rates and margin: selling = buying ÷ (1 − margin), whole euros."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.domain.errors import ValidationError
from cockpit.domain.rates import buying_rate_for_budget, margin_of, selling_rate


@pytest.mark.parametrize(
    ("buying", "margin", "selling"),
    [
        (500, "0.20", Decimal(625)),
        (450, "0.15", Decimal(529)),  # 529.41 → 529
        (425, "0.15", Decimal(500)),
        (Decimal("401.5"), 0, Decimal(402)),  # half a euro rounds up
        (600, 0.1, Decimal(667)),  # a float margin is read as written, not as its binary value
        ("550", "0", Decimal(550)),
    ],
)
def test_selling_rate(buying: object, margin: object, selling: Decimal) -> None:
    assert selling_rate(buying, margin) == selling  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("budget", "margin", "buying"),
    [(600, "0.15", Decimal(510)), (555, "0.17", Decimal(460)), (700, "0.2", Decimal(560))],
)
def test_buying_rate_for_budget(budget: int, margin: str, buying: Decimal) -> None:
    assert buying_rate_for_budget(budget, margin) == buying


@pytest.mark.parametrize(
    ("buying", "selling", "margin"),
    [(510, 600, Decimal("0.15")), (500, 625, Decimal("0.2")), (650, 600, Decimal("-0.0833"))],
)
def test_margin_of(buying: int, selling: int, margin: Decimal) -> None:
    assert margin_of(buying, selling) == margin


@pytest.mark.parametrize("margin", [1, "1.0", -0.01, "1.5"])
def test_margin_outside_zero_one_is_refused(margin: object) -> None:
    for call in (selling_rate, buying_rate_for_budget):
        with pytest.raises(ValueError) as error:
            call(500, margin)  # type: ignore[arg-type]
        assert isinstance(error.value, ValidationError)
        assert error.value.code == "margin_out_of_range"


@pytest.mark.parametrize(
    ("call", "args", "code"),
    [
        (selling_rate, ("cinq cents", "0.2"), "rate_not_a_number"),
        (selling_rate, (-1, "0.2"), "rate_negative"),
        (selling_rate, ("NaN", "0.2"), "rate_not_a_number"),
        (margin_of, (500, 0), "rate_zero"),
    ],
)
def test_bad_rates_are_refused(call: object, args: tuple[object, ...], code: str) -> None:
    with pytest.raises(ValidationError) as error:
        call(*args)  # type: ignore[operator]
    assert error.value.code == code


@given(st.integers(100, 3000), st.decimals("0", "0.6", places=2))
def test_buying_for_a_budget_never_sells_above_it(budget: int, margin: Decimal) -> None:
    buying = buying_rate_for_budget(budget, margin)
    assert selling_rate(buying, margin) <= budget
    # …and a euro more would (or would reach the budget exactly): the rate is the highest one.
    assert selling_rate(buying + 1, margin) >= budget
