"""What the screens show, as plain immutable data. The UI imports this module, never the store.

Named tuples rather than frozen dataclasses: the interface process creates these 22 classes
on every start, and a named tuple costs a tenth of a frozen dataclass to create (~10 ms).
No `from __future__ import annotations` here: typing compiles each field's annotation when
it is text, which made this module cost 3.4 ms to import instead of ~1.5."""

from datetime import date, datetime
from typing import Any, NamedTuple

# Those a short command returns, in a module of their own it loads alone (services/lean.py).
from cockpit.services.caller_views import CallerView as CallerView
from cockpit.services.caller_views import ReminderRow as ReminderRow


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


# -- needs and freelances (issue 5) ----------------------------------------------------------


class NeedRow(NamedTuple):
    id: int
    title: str
    company: str
    technologies: str
    region: str
    start: str
    budget_rate: int | None
    status: str  # open | proposed | won | lost
    proposed: int  # how many freelances are proposed
    created_at: datetime


class ProposalView(NamedTuple):
    id: int
    freelance_id: int
    freelance_name: str
    status: str  # proposed | cv_sent | interview | placed | rejected
    cv_sent_at: datetime | None
    interview_at: datetime | None
    placed_at: datetime | None
    non_compete_signed: bool
    non_solicitation_signed: bool
    cv_sent_note: str = ""  # the history line of the CV's e-mail: where it went
    # The placement (schema v8): the mission's first and last days, day rates in euros.
    start_date: date | None = None
    end_date: date | None = None
    buying_rate: int | None = None
    selling_rate: int | None = None


class NeedView(NamedTuple):
    id: int
    title: str
    company: str
    contact: PersonRef | None
    contact_name: str
    contact_email: str
    fields: tuple[tuple[str, str], ...]  # (field, value) of what was captured, in order
    status: str
    proposals: tuple[ProposalView, ...]


class FreelanceMatchView(NamedTuple):
    id: int
    name: str
    title: str
    group: str  # available | stale | later
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    mobile: bool
    day_rate: int | None  # buying rate asked
    selling_rate: int | None  # what the client would pay, at the firm's margin
    within_budget: bool | None
    over_budget_by: int
    availability: str  # its code: available | on_mission | notice
    available_from: date | None
    proposed: bool  # already proposed for this need


class MatchPage(NamedTuple):
    rows: tuple[FreelanceMatchView, ...]
    total: int  # how many freelances matched in all
    margin: float


class CvView(NamedTuple):
    proposal_id: int | None
    freelance_id: int
    text: str  # the anonymised CV, to check and edit before it goes
    removed: tuple[tuple[str, str, str], ...]  # (kind, original, replacement)


class CvMail(NamedTuple):
    """What the e-mail carrying an anonymised CV says (tui.cv_words puts it in words)."""

    to: str
    civility: str
    last_name: str
    need_title: str
    cv_text: str
    caller_name: str
    firm: str
    freelance_name: str  # for the line the sending writes in the history
    # The freelance's profile, for the e-mail's recap: (what, value), e.g. ("rate", "750").
    profile: tuple[tuple[str, str], ...] = ()


class MailDraft(NamedTuple):
    to: str
    subject: str
    body: str
    mailto: str


# -- the team lead's review (issue 6) --------------------------------------------------------


class TeamRow(NamedTuple):
    caller_id: int
    name: str
    is_lead: bool
    queue_today: int  # people in the caller's queue now
    overdue: int  # reminders past due
    on_call_with: str  # "" when not on a call
    on_call_since: datetime | None


class TeamView(NamedTuple):
    rows: tuple[TeamRow, ...]
    overdue_unowned: int  # reminders past due that nobody owns
    unassigned_leads: int
    at: datetime


class AgendaItem(NamedTuple):
    """One line of the agenda: a reminder (its kind), an interview, or a mission starting."""

    kind: str  # reminder | interview | mission
    id: int  # the reminder's, or the proposal's
    at: datetime | None  # when (a mission starting has only its day)
    day: date  # the caller's local day it falls on
    person: str
    company: str
    number: str = ""  # the number to call (E.164), for a reminder
    reminder_kind: str = ""  # callback | follow_up | …
    reason: str = ""
    owner: str = ""
    overdue: bool = False
    sequence: int = 0  # how often the reminder moved (the .ics SEQUENCE)
    need: str = ""  # the need's title, for an interview or a mission
    end_day: date | None = None  # a mission's last day


class AgendaView(NamedTuple):
    period: str  # day | week | month
    first: date  # the first day shown
    after: date  # the day after the last one shown
    today: date
    items: tuple[AgendaItem, ...]  # those overdue from before `first` first, then by time
    whose: str  # the caller's name, or "" for the whole team
