"""Which freelances fit a need, and in which order (seed 001), on fixed data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from cockpit.domain.matching import (
    FreelanceFacts,
    NeedSpec,
    is_mobile,
    match,
    rank,
    start_date,
    tokens,
)

NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)
TODAY = NOW.date()


def fl(id: int, skills: str, rate: int | None = 500, availability: str = "available",
       available_from: date | None = None, mobility: str = "Île-de-France", city: str = "",
       last: datetime | None = None, name: str = "") -> FreelanceFacts:
    return FreelanceFacts(id, name or f"F{id}", "", tokens(skills), rate, availability,
                          available_from, mobility, city, last)


NEED = NeedSpec(tokens("Java, Spring, Kafka"), "Ile de France", date(2027, 1, 4), 650)


def test_order_available_then_stale_then_recently_contacted() -> None:
    freelances = [
        fl(1, "java spring kafka", availability="on_mission", last=NOW - timedelta(days=10)),
        fl(2, "java", availability="on_mission", last=NOW - timedelta(days=200)),
        fl(3, "java"),
        fl(4, "java spring kafka", availability="on_mission", last=None),
        fl(5, "python django"),  # covers nothing: left out
        fl(6, "java spring", availability="notice", available_from=date(2026, 12, 15)),
    ]
    ranked = rank(NEED, freelances, Decimal("0.2"), NOW)
    assert [m.freelance.id for m in ranked] == [6, 3, 4, 2, 1]
    assert [m.group for m in ranked] == ["available", "available", "stale", "stale", "later"]


def test_more_technologies_covered_then_mobility_then_budget_then_price() -> None:
    freelances = [
        fl(1, "java spring", rate=600),  # 750 selling at 20 %: above the 650 budget
        fl(2, "java spring", rate=500),  # 625: within
        fl(3, "java spring", rate=480, mobility="Bretagne"),  # not mobile
        fl(4, "java spring kafka", rate=700),  # covers the most, even over budget
        fl(5, "java spring", rate=510),
    ]
    ranked = rank(NEED, freelances, Decimal("0.2"), NOW)
    assert [m.freelance.id for m in ranked] == [4, 2, 5, 1, 3]
    top = ranked[0]
    assert top.covered == ("java", "spring", "kafka") and top.missing == ()
    assert top.selling_rate == Decimal(875) and top.within_budget is False
    assert top.over_budget_by == Decimal(225)
    assert ranked[1].selling_rate == Decimal(625) and ranked[1].within_budget is True


def test_margin_arithmetic_at_the_edge_of_the_budget() -> None:
    # 520 / (1 - 0.2) = 650 exactly: within a 650 budget; 521 → 651.25 → 651: above.
    assert match(NEED, fl(1, "java", rate=520), Decimal("0.2"), NOW).within_budget is True
    above = match(NEED, fl(1, "java", rate=521), Decimal("0.2"), NOW)
    assert above.selling_rate == Decimal(651) and above.over_budget_by == Decimal(1)
    unknown = match(NeedSpec(("java",)), fl(1, "java", rate=None), 0.2, NOW)
    assert unknown.selling_rate is None and unknown.within_budget is None


@pytest.mark.parametrize(("mobility", "city", "region", "expected"), [
    ("Île-de-France, Grand Est", "", "ile de france", True),
    ("Bretagne", "", "Île-de-France", False),
    ("Bretagne", "", "Paris", False),
    ("Île-de-France", "", "Paris", True),  # a city of the region
    ("", "Lyon", "Auvergne-Rhône-Alpes", True),  # lives there
    ("France entière", "", "Occitanie", True),
    ("Bretagne", "", "", True),  # no region asked
])
def test_mobility(mobility: str, city: str, region: str, expected: bool) -> None:
    assert is_mobile(fl(1, "java", mobility=mobility, city=city), region) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ASAP", TODAY), ("dès que possible", TODAY), ("mars", date(2027, 3, 1)),
    ("décembre", date(2026, 12, 1)), ("04/01/2027", date(2027, 1, 4)), ("", None),
    ("quand ils auront le budget", None), ("sept. 2027", date(2027, 9, 1)),
    ("mardi prochain", None),  # a day's name, not March
])
def test_start_dates_as_callers_type_them(text: str, expected: date | None) -> None:
    assert start_date(text, TODAY) == expected


def test_unavailable_but_free_by_the_start_counts_as_available() -> None:
    late = fl(1, "java", availability="on_mission", available_from=date(2027, 2, 1),
              last=NOW - timedelta(days=5))
    soon = fl(2, "java", availability="on_mission", available_from=date(2027, 1, 4),
              last=NOW - timedelta(days=5))
    assert match(NEED, late, 0.2, NOW).group == "later"
    assert match(NEED, soon, 0.2, NOW).group == "available"
