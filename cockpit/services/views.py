"""What the screens show, as plain frozen data. The UI imports this module, never the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Who a queue line or a call is about."""

    kind: str  # "contact" | "freelance"
    id: int


@dataclass(frozen=True, slots=True)
class QueueRow:
    person: PersonRef
    name: str
    company: str
    bucket: str  # overdue | today | new | stale | freelance
    reason: str  # already in the user's language
    due_at: datetime | None
    is_decision_maker: bool


@dataclass(frozen=True, slots=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    offset: int
    total: int  # how many people the whole queue holds
    excluded: tuple[tuple[str, str], ...] = ()  # (name, reason) of people left out, on demand


@dataclass(frozen=True, slots=True)
class PhoneView:
    e164: str
    display: str  # the French way: 01 42 68 53 00
    kind: str  # mobile | landline | …
    local_time: str  # "10:42"
    can_call: bool
    why_not: str  # empty when calling is allowed


@dataclass(frozen=True, slots=True)
class HistoryItem:
    at: datetime
    who: str  # the caller
    outcome: str  # in the user's language
    note: str


@dataclass(frozen=True, slots=True)
class CompanyView:
    name: str
    kind: str  # in the user's language: ESN classique, client final…
    sector: str
    city: str
    revenue: str  # "12,4 M€ ↗" or ""
    headcount: str  # "140 ↗" or ""
    revenue_per_head: str  # "88 k€" or ""
    prospect: str  # the prospect verdict in words, or ""


@dataclass(frozen=True, slots=True)
class ContactCardView:
    person: PersonRef
    name: str
    role: str
    is_decision_maker: bool
    company: CompanyView | None
    persona: str  # persona name and what to listen for, or ""
    email: str
    phones: tuple[PhoneView, ...]
    history: tuple[HistoryItem, ...] = field(default_factory=tuple)
    owner: str = ""  # the caller holding it in a private portfolio
    do_not_call: bool = False
    details: tuple[tuple[str, str], ...] = ()  # extra lines (freelance: rate, availability…)
