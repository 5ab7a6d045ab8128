"""Which freelances fit a need, in the order seed 001 looks at them.

Available freelances first; then those not available now but not contacted for a long time
(they may be free again, and nobody has asked); then the others. Within a group: the most
technologies of the need covered, then mobile on the need's region, then within the client's
budget once the firm's margin is added (selling = buying ÷ (1 − margin)), then the cheapest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from cockpit.domain.captures import parse_date
from cockpit.domain.months import month_number
from cockpit.domain.rates import selling_rate
from cockpit.domain.text import fold

STALE_AFTER = timedelta(days=90)  # "not contacted for a long time"
WHOLE_COUNTRY = frozenset({"france", "france entiere", "toute la france", "partout", "national"})
_SOON = {"asap", "des que possible", "immediat", "immediatement", "urgent", "now",
         "tout de suite", "au plus tot"}

# Cities a need or a freelance may name instead of their region.
REGION_OF_CITY = {
    "paris": "ile-de-france", "la defense": "ile-de-france", "boulogne-billancourt":
    "ile-de-france", "saint-denis 93": "ile-de-france", "nanterre": "ile-de-france",
    "versailles": "ile-de-france", "issy-les-moulineaux": "ile-de-france",
    "lyon": "auvergne-rhone-alpes", "grenoble": "auvergne-rhone-alpes",
    "clermont-ferrand": "auvergne-rhone-alpes", "annecy": "auvergne-rhone-alpes",
    "marseille": "provence-alpes-cote d'azur", "nice": "provence-alpes-cote d'azur",
    "sophia antipolis": "provence-alpes-cote d'azur", "aix-en-provence":
    "provence-alpes-cote d'azur", "toulon": "provence-alpes-cote d'azur",
    "lille": "hauts-de-france", "amiens": "hauts-de-france", "strasbourg": "grand est",
    "nancy": "grand est", "metz": "grand est", "reims": "grand est",
    "nantes": "pays de la loire", "angers": "pays de la loire", "le mans": "pays de la loire",
    "rennes": "bretagne", "brest": "bretagne", "bordeaux": "nouvelle-aquitaine",
    "poitiers": "nouvelle-aquitaine", "limoges": "nouvelle-aquitaine",
    "toulouse": "occitanie", "montpellier": "occitanie", "nimes": "occitanie",
    "dijon": "bourgogne-franche-comte", "besancon": "bourgogne-franche-comte",
    "rouen": "normandie", "caen": "normandie", "le havre": "normandie",
    "orleans": "centre-val de loire", "tours": "centre-val de loire",
    "pointe-a-pitre": "guadeloupe", "fort-de-france": "martinique",
    "saint-denis": "la reunion", "ajaccio": "corse", "bastia": "corse",
}


def place_key(text: str) -> str:
    """A region or city as compared: folded, hyphens for spaces inside known names."""
    key = re.sub(r"\s+", " ", fold(text)).strip(" .")
    return REGION_OF_CITY.get(key, key).replace("ile de france", "ile-de-france")


@dataclass(frozen=True, slots=True)
class NeedSpec:
    technologies: tuple[str, ...]  # folded tokens
    region: str = ""
    start: date | None = None  # None: no date known
    budget_rate: int | None = None  # the client's budget, selling day rate

    @classmethod
    def of(cls, technologies: str, region: str = "", start: str = "",
           budget_rate: int | None = None, today: date | None = None) -> NeedSpec:
        return cls(tokens(technologies), region, start_date(start, today or date.today()),
                   budget_rate)


@dataclass(frozen=True, slots=True)
class FreelanceFacts:
    id: int
    name: str
    title: str
    skills: tuple[str, ...]
    day_rate: int | None  # buying rate asked
    availability: str  # available | on_mission | notice
    available_from: date | None
    mobility: str
    city: str
    last_contacted_at: datetime | None


GROUPS = ("available", "stale", "later")


@dataclass(frozen=True, slots=True)
class Match:
    freelance: FreelanceFacts
    group: str  # one of GROUPS
    covered: tuple[str, ...]  # the need's technologies the freelance has
    missing: tuple[str, ...]
    mobile: bool
    selling_rate: Decimal | None  # what the client would pay per day
    within_budget: bool | None  # None when the rate or the budget is unknown
    over_budget_by: Decimal = Decimal(0)  # selling rate minus budget, when above it


def tokens(text: str) -> tuple[str, ...]:
    """Technologies or skills as folded tokens: "Java, Spring Boot" → ("java", "spring", "boot")."""
    return tuple(t for t in re.split(r"[\s,;/|]+", fold(text)) if t)


def start_date(text: str, today: date) -> date | None:
    """When a need starts, from what the caller typed: a date, a month, "ASAP"."""
    folded = fold(text)
    if not folded:
        return None
    if folded in _SOON:
        return today
    month = month_number(folded.split()[0].strip(".,")) if folded.split() else 0
    if month:
        year = today.year if month >= today.month else today.year + 1
        return date(year, month, 1)
    try:
        return parse_date(text, today)
    except ValueError:
        return None


def is_mobile(freelance: FreelanceFacts, region: str) -> bool:
    if not region.strip():
        return True
    wanted = place_key(region)
    places = {place_key(p) for p in re.split(r"[,;/]+", freelance.mobility) if p.strip()}
    if places & WHOLE_COUNTRY:
        return True
    if freelance.city and place_key(freelance.city) == wanted:
        return True
    return wanted in places


def is_free_by(freelance: FreelanceFacts, start: date | None, today: date) -> bool:
    if freelance.availability == "available":
        return freelance.available_from is None or freelance.available_from <= (start or today)
    return freelance.available_from is not None and freelance.available_from <= (start or today)


def match(need: NeedSpec, freelance: FreelanceFacts, margin: Decimal | float, now: datetime,
          stale_after: timedelta = STALE_AFTER) -> Match:
    skills = set(freelance.skills)
    covered = tuple(t for t in need.technologies if t in skills)
    missing = tuple(t for t in need.technologies if t not in skills)
    if is_free_by(freelance, need.start, now.date()):
        group = "available"
    elif freelance.last_contacted_at is None or now - freelance.last_contacted_at >= stale_after:
        group = "stale"
    else:
        group = "later"
    selling = selling_rate(freelance.day_rate, margin) if freelance.day_rate else None
    within: bool | None = None
    over = Decimal(0)
    if selling is not None and need.budget_rate is not None:
        within = selling <= need.budget_rate
        over = Decimal(0) if within else selling - need.budget_rate
    return Match(freelance, group, covered, missing, is_mobile(freelance, need.region), selling,
                 within, over)


def rank(need: NeedSpec, freelances: list[FreelanceFacts] | tuple[FreelanceFacts, ...],
         margin: Decimal | float, now: datetime, *, at_least_one: bool = True) -> list[Match]:
    """The freelances that cover at least one of the need's technologies (all of them when
    the need names none, or when at_least_one is False), best first."""
    found = [match(need, f, margin, now) for f in freelances]
    if at_least_one and need.technologies:
        found = [m for m in found if m.covered]
    return sorted(found, key=_order)


def _order(m: Match) -> tuple[object, ...]:
    return (GROUPS.index(m.group), -len(m.covered), not m.mobile, m.within_budget is False,
            m.selling_rate if m.selling_rate is not None else Decimal(10**6), m.freelance.name)


def search_text(*parts: str) -> str:
    """The words a freelance is found by, folded and space-bounded: " jean lefevre java "."""
    words = [w for part in parts for w in re.split(r"[\s,;/|()]+", fold(part)) if w]
    return f" {' '.join(dict.fromkeys(words))} "


def search_words(typed: str) -> tuple[str, ...]:
    """What the caller typed, as word prefixes to look for (LIKE wildcards removed)."""
    return tuple(w for w in re.split(r"[\s,;/|()]+", fold(typed).replace("%", "")
                                     .replace("_", "")) if w)
