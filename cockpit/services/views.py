"""What the screens show, as plain immutable data. The UI imports this module, never the store.

Named tuples rather than frozen dataclasses: the interface process creates these classes
on every start, and a named tuple costs a tenth of a frozen dataclass to create (~10 ms).
Their NamedTuple is domain/named.py's, which leaves the annotations unread. The views of the
screens opened later (needs, CVs, mails, the team's review, the agenda) are in
services/later_views.py, which the start does not load: each named tuple still costs
~0.1 ms to create."""

from __future__ import annotations

from datetime import date, datetime

from cockpit.domain.named import TYPE_CHECKING, NamedTuple

# Those a short command returns, in a module of their own it loads alone (services/lean.py).
from cockpit.services.caller_views import CallerView as CallerView
from cockpit.services.caller_views import ReminderRow as ReminderRow

if TYPE_CHECKING:
    from typing import Any


class PersonRef(NamedTuple):
    """Who a queue line or a call is about."""

    kind: str  # "contact" | "freelance"
    id: int


class QueueRow(NamedTuple):
    person: PersonRef
    name: str
    company: str
    bucket: str  # overdue | today | new | stale | freelance
    reason: str  # already in the user's language
    due_at: datetime | None
    is_decision_maker: bool
    held: str = ""  # why they may not be called yet, in the user's language; "" = callable
    callable_at: datetime | None = None  # when held: from when they may be (None: not known)


class QueuePage(NamedTuple):
    rows: tuple[QueueRow, ...]
    offset: int
    total: int  # how many people the whole queue holds
    excluded: tuple[tuple[str, str], ...] = ()  # (name, reason) of people left out, on demand
    left_out: int = 0  # how many candidates the rules left out
    main_reason: str = ""  # the commonest reason they were left out, in the user's language
    opens_at: datetime | None = None  # the caller's hours are closed: when they open again
    more: bool = False  # the total counts only the reminders due today: others may follow

    def landing(self) -> int:
        """The row the queue's cursor lands on: the first person who may be called now (held
        lines are there to prepare), else the first row."""
        return next((i for i, row in enumerate(self.rows) if not row.held), 0)


class PhoneView(NamedTuple):
    e164: str
    display: str  # the French way: 01 42 68 53 00
    kind: str  # mobile | landline | …
    local_time: str  # "10:42"
    can_call: bool
    why_not: str  # empty when calling is allowed
    label: str = ""  # standard (the company's switchboard) | direct | mobile | ""


class HistoryItem(NamedTuple):
    at: datetime
    who: str  # the caller
    outcome: str  # the outcome's code, or "note": a note written outside any call
    note: str
    added: tuple[tuple[datetime, str, str], ...] = ()  # lines added later: when, who, text


class CompanyView(NamedTuple):
    name: str
    kind: str  # its code: esn_conseil | esn_classique | end_client | other
    sector: str
    city: str
    revenue: int | None  # euros, the latest year known (the UI says it: card_words)
    headcount: int | None
    revenue_per_head: float | None
    prospect: str  # the prospect verdict in words, or ""
    revenue_trend: str = ""  # up | down | flat, against the year before
    headcount_trend: str = ""


class FreelanceFacts(NamedTuple):
    """A freelance's card lines (the UI says them: tui.card_words)."""

    day_rate: int | None
    availability: str  # available | on_mission | notice
    available_from: date | None
    mobility: str
    billing: str  # its code: portage | company | …


class ReferredBy(NamedTuple):
    """Who sent us to this person: the one we were talking to when they were named."""

    name: str  # "Jean Dupont (Directeur de département)"; a switchboard: its company
    switchboard: bool


class ContactCardView(NamedTuple):
    person: PersonRef
    name: str
    role: str
    is_decision_maker: bool
    company: CompanyView | None
    persona: str  # persona name and what to listen for, or ""
    email: str
    phones: tuple[PhoneView, ...]
    history: tuple[HistoryItem, ...] = ()
    owner: str = ""  # the caller holding it in a private portfolio
    do_not_call: bool = False
    freelance: FreelanceFacts | None = None  # a freelance's rate, availability…
    referred_by: ReferredBy | None = None
    other_emails: tuple[str, ...] = ()  # beside `email`, as the files brought them


class Handover(NamedTuple):
    """What went to the lead when someone left the team."""

    reminders: int  # open reminders
    contacts: int  # private contacts
    claims: int  # people they held for a call


class AnswerView(NamedTuple):
    number: int  # the digit key that chooses it
    label: str
    ends_call: bool  # leads to an outcome rather than another step


class CaptureView(NamedTuple):
    key: str
    label: str
    type: str  # text | date | datetime | money | choice | phone | email | yesno | siret | integer
    required: bool
    choices: tuple[str, ...]
    value: str  # formatted for display, "" when not captured yet; as typed when refused
    refused: bool = False  # its rules refused what it shows: the step waits for it


class ObjectionView(NamedTuple):
    id: str
    label: str
    heard: tuple[str, ...]
    reply: str


class CallView(NamedTuple):
    """The state of a call in progress, as the script pane draws it."""

    call_id: int
    person: PersonRef
    started_at: datetime
    breadcrumb: tuple[str, ...]  # "Standard › Demander le DO", …
    mode: str  # step | objection | ended
    script_title: str
    step_title: str
    text: str  # what to say, placeholders filled
    hint: str
    answers: tuple[AnswerView, ...]
    captures: tuple[CaptureView, ...]
    objection: ObjectionView | None = None
    outcome: str | None = None  # the outcome reached, when the script ended the call
    dial: str = ""  # the number being dialled, shown large when no dial command runs
    held_by: str = ""  # resumed after a crash, another caller holds the person: read-only
    can_go_back: bool = False  # a move to undo (Backspace)
    answered: bool = False  # an answer was taken (a call started by mistake is cancelled
    # within its first seconds, or before any answer)


class CallEnded(NamedTuple):
    """What the end of a call did, for the screen to say in the caller's language
    (tui.call_words.call_end_words)."""

    outcome: str
    reminder_at: datetime | None = None  # the callback booked (a cooldown is not said)
    blocked: Any = None  # "never call me again": the store's `Blocked` (what was blocked)
    new_contact: bool = False  # the person the call was redirected to, queued
    need_created: bool = False
    # "" written; else kept on this computer: "outbox" (offline), "refused" (the server
    # refused it: `refused` says why), "disk_full" (in the outbox), "memory" (disk full too)
    kept: str = ""
    refused: str | None = None
