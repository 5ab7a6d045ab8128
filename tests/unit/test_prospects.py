"""The ESN prospect rule of the training, and the score the queue ranks with."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cockpit.domain.prospects import (
    ProspectFacts,
    ProspectVerdict,
    Trend,
    judge_prospect,
    prospect_score,
    revenue_per_head,
    trend_of,
)
from cockpit.domain.queue import REASONS

UP, DOWN, FLAT, UNKNOWN = Trend.UP, Trend.DOWN, Trend.FLAT, Trend.UNKNOWN


@pytest.mark.parametrize(
    ("revenue", "headcount", "posts", "verdict", "code"),
    [
        (UP, UP, False, ProspectVerdict.GOOD, "esn_growing"),
        (UP, DOWN, False, ProspectVerdict.SKIP, "esn_uses_freelances"),
        (DOWN, UP, False, ProspectVerdict.NOT_PRIORITY, "esn_revenue_down"),
        (DOWN, DOWN, False, ProspectVerdict.NOT_PRIORITY, "esn_revenue_down"),
        (DOWN, FLAT, False, ProspectVerdict.NOT_PRIORITY, "esn_revenue_down"),
        (UP, FLAT, False, ProspectVerdict.UNKNOWN, "prospect_unknown"),
        (UNKNOWN, UNKNOWN, False, ProspectVerdict.UNKNOWN, "prospect_unknown"),
        # Posting its own freelance missions overrides everything, even growth.
        (UP, UP, True, ProspectVerdict.SKIP, "esn_posts_missions"),
        (UNKNOWN, UNKNOWN, True, ProspectVerdict.SKIP, "esn_posts_missions"),
    ],
)
def test_esn_rule(
    revenue: Trend, headcount: Trend, posts: bool, verdict: ProspectVerdict, code: str
) -> None:
    judgement = judge_prospect(ProspectFacts("esn", revenue, headcount, posts))
    assert (judgement.verdict, judgement.reason_code) == (verdict, code)
    assert code in REASONS


@pytest.mark.parametrize(("revenue", "headcount"), [(UP, DOWN), (DOWN, DOWN), (UP, UP)])
def test_end_clients_are_not_judged_by_the_esn_rule(revenue: Trend, headcount: Trend) -> None:
    judgement = judge_prospect(ProspectFacts("end_client", revenue, headcount, posts_missions=True))
    assert judgement.verdict is ProspectVerdict.END_CLIENT


def test_scores_rank_growing_esn_first_and_declining_last() -> None:
    growing = prospect_score(ProspectFacts("esn", UP, UP))
    end_client = prospect_score(ProspectFacts("end_client"))
    unknown = prospect_score(None)
    declining = prospect_score(ProspectFacts("esn", DOWN, UP))
    assert growing > end_client > unknown > declining
    assert prospect_score(ProspectFacts("esn", UP, DOWN)) < declining


@pytest.mark.parametrize(
    ("revenue", "headcount", "expected"),
    [
        (12_000_000, 100, Decimal(120_000)),
        (1_000_000, 3, Decimal(333_333)),
        (Decimal("2500000.50"), 20, Decimal(125_000)),
        (1_000_000, 0, None),
        (None, 10, None),
        (1_000_000, None, None),
    ],
)
def test_revenue_per_head(revenue: object, headcount: int | None, expected: Decimal | None) -> None:
    assert revenue_per_head(revenue, headcount) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("previous", "latest", "trend"),
    [(10, 12, UP), (12, 10, DOWN), (10, 10, FLAT), (None, 10, UNKNOWN), (10, None, UNKNOWN)],
)
def test_trend_of_two_years(previous: int | None, latest: int | None, trend: Trend) -> None:
    assert trend_of(previous, latest) is trend
