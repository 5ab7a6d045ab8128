"""Is a company worth prospecting? The ESN rule of the training (seed 001), and a score.

For an ESN the trends of revenue and headcount over the last years tell the story:

- both rising: an established firm that is growing — a good prospect;
- revenue rising while headcount falls: it already fills its projects with many freelances —
  skip it;
- revenue falling (whatever the headcount): a young start-up or a firm in difficulty — not a
  priority (kept, ranked last);
- it posts freelance missions on its own website: it recruits freelances itself — skip it.

End clients (banks, telcos…) are prospects too; the ESN rule does not apply to them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from cockpit.domain.named import NamedTuple


class CompanyKind(StrEnum):
    ESN = "esn"
    END_CLIENT = "end_client"


class Trend(StrEnum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    UNKNOWN = "unknown"


class ProspectVerdict(StrEnum):
    GOOD = "good"  # ESN growing in revenue and headcount
    END_CLIENT = "end_client"  # not judged by the ESN rule
    UNKNOWN = "unknown"  # not enough facts (or flat figures): neither pushed nor held back
    NOT_PRIORITY = "not_priority"  # revenue falling: kept but ranked last
    SKIP = "skip"  # do not prospect


class ProspectFacts(NamedTuple):
    """What we know of the company a person works for (all optional)."""

    kind: str | None = None  # CompanyKind value, or None when unknown
    revenue_trend: str = Trend.UNKNOWN
    headcount_trend: str = Trend.UNKNOWN
    posts_missions: bool = False  # freelance missions offered on its own site


class ProspectJudgement(NamedTuple):
    verdict: ProspectVerdict
    reason_code: str  # described in cockpit.domain.queue.REASONS
    score: int  # higher is better; meaningless when verdict is SKIP


# What the codes say, in French and English (merged into cockpit.domain.queue.REASONS).
PROSPECT_REASONS: Mapping[str, Mapping[str, str]] = {
    "esn_growing": {"fr": "ESN en croissance", "en": "growing IT services firm"},
    "prospect_end_client": {"fr": "client final", "en": "end client"},
    "prospect_unknown": {"fr": "tendance inconnue", "en": "trend unknown"},
    # These are said inside the queue's brackets ("Nouveau DO chez X (…)"): none of their own.
    "prospect_kind_unknown": {
        "fr": "ESN ou client final, à préciser",
        "en": "IT services firm or end client, to be found out",
    },
    "esn_revenue_down": {
        "fr": "ESN en recul, pas prioritaire",
        "en": "IT services firm in decline, not a priority",
    },
    "esn_posts_missions": {
        "fr": "{company} publie ses missions freelance : on ne la prospecte pas",
        "en": "{company} posts freelance missions itself: not prospected",
    },
    "esn_uses_freelances": {
        "fr": "{company} : CA en hausse, effectif en baisse, déjà beaucoup de freelances",
        "en": "{company}: revenue up, headcount down, already many freelances",
    },
}

# Scores, best first; a skipped company never reaches the ranking.
SCORE_GOOD = 3
SCORE_END_CLIENT = 2
SCORE_UNKNOWN = 1
SCORE_NOT_PRIORITY = 0
SCORE_SKIP = -1


def judge_prospect(facts: ProspectFacts | None) -> ProspectJudgement:
    """Apply the ESN rule; other companies (and unknown kinds) are never skipped."""
    if facts is None:
        return ProspectJudgement(ProspectVerdict.UNKNOWN, "prospect_unknown", SCORE_UNKNOWN)
    if facts.kind is None:  # its figures may be known: what is missing is what it is
        return ProspectJudgement(ProspectVerdict.UNKNOWN, "prospect_kind_unknown",
                                 SCORE_UNKNOWN)
    if facts.kind != CompanyKind.ESN:
        return ProspectJudgement(
            ProspectVerdict.END_CLIENT, "prospect_end_client", SCORE_END_CLIENT
        )
    if facts.posts_missions:
        return ProspectJudgement(ProspectVerdict.SKIP, "esn_posts_missions", SCORE_SKIP)
    revenue, headcount = facts.revenue_trend, facts.headcount_trend
    if revenue == Trend.UP and headcount == Trend.DOWN:
        return ProspectJudgement(ProspectVerdict.SKIP, "esn_uses_freelances", SCORE_SKIP)
    if revenue == Trend.DOWN:
        return ProspectJudgement(
            ProspectVerdict.NOT_PRIORITY, "esn_revenue_down", SCORE_NOT_PRIORITY
        )
    if revenue == Trend.UP and headcount == Trend.UP:
        return ProspectJudgement(ProspectVerdict.GOOD, "esn_growing", SCORE_GOOD)
    return ProspectJudgement(ProspectVerdict.UNKNOWN, "prospect_unknown", SCORE_UNKNOWN)


def prospect_score(facts: ProspectFacts | None) -> int:
    """The ranking score of a company: 3 growing ESN, 2 end client, 1 unknown, 0 declining ESN,
    −1 an ESN to skip."""
    return judge_prospect(facts).score


def revenue_per_head(revenue: Decimal | int | None, headcount: int | None) -> Decimal | None:
    """Annual revenue per employee, to the euro (shown on the company card); None if unknown."""
    if revenue is None or not headcount or headcount <= 0:
        return None
    return (Decimal(revenue) / Decimal(headcount)).quantize(Decimal(1), ROUND_HALF_UP)


def trend_of(previous: Decimal | int | None, latest: Decimal | int | None) -> Trend:
    """The trend between two yearly figures (any change counts; equal is flat)."""
    if previous is None or latest is None:
        return Trend.UNKNOWN
    if latest > previous:
        return Trend.UP
    if latest < previous:
        return Trend.DOWN
    return Trend.FLAT
