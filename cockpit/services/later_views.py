"""What the screens opened later show (needs, freelances and CVs, mails, the team lead's
review, the agenda), as plain immutable data, beside services/views.py: the interface
process loads these only when one of those screens or services is first used, which spares
its start creating 12 named tuples (~1.5 ms). Named tuples without `from __future__ import
annotations`, for the reason services/views.py gives."""

from datetime import date, datetime
from typing import NamedTuple

from cockpit.services.views import PersonRef

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
