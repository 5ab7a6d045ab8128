"""The old CRM's lists, at the keyboard: decision makers nobody called for N days
("activité générale"), a caller's private contacts ("activité privée"), the do-not-call list
for the lead; and the two moves from a line — into my queue, into someone's portfolio."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from cockpit.domain.activity import ActivityFilter, technologies_of
from cockpit.domain.reminder_reasons import FROM_ACTIVITY
from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part, Setup
from cockpit.services.views import CallerView, PersonRef

PAGE = 200  # lines shown at most: a list to work through, not an export


class SilentRow(NamedTuple):
    person: PersonRef
    name: str
    role: str
    company: str
    sector: str
    owner: str  # "" when shared
    last_contact: datetime
    last_note_at: datetime | None
    last_note: str


class SilentList(NamedTuple):
    rows: list[SilentRow]
    total: int  # lines the filter keeps, of which `rows` are the first PAGE


class PrivateRow(NamedTuple):
    person: PersonRef
    name: str
    company: str
    last_contact: datetime | None
    next_due: datetime | None
    next_kind: str  # callback | follow_up | … ("" when nothing is booked)


class ListedRow(NamedTuple):
    number: str  # "+33 6 12 34 56 78", "" once erased
    people: tuple[str, ...]
    reason: str
    since: datetime


class ActivityServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards

    def _caller(self, caller_id: int) -> CallerView:
        return self.cards.caller(caller_id)

    @store_guard
    def silent_decision_makers(self, viewer_id: int, wanted: ActivityFilter,
                               limit: int = PAGE) -> SilentList:
        """Decision makers not called for `wanted.days` days, the longest silent first, each
        with its last note; a lead sees every portfolio, a caller the shared contacts and
        their own."""
        from cockpit.store.activity import last_notes, silent_decision_makers

        viewer = self._caller(viewer_id)
        found = silent_decision_makers(wanted.cutoff(self.now()),
                                       None if viewer.is_lead else viewer.id)
        kept = [row for row in found
                if wanted.keeps(sector=row.sector, company=row.company,
                                technologies=technologies_of(row.technologies))]
        page = kept[:limit]
        notes = last_notes([row.contact_id for row in page])
        rows = []
        for row in page:
            note_at, note = notes.get(row.contact_id, (None, ""))
            rows.append(SilentRow(PersonRef("contact", row.contact_id),
                                  f"{row.first_name} {row.last_name}".strip(), row.role,
                                  row.company, row.sector, row.owner, row.last_contacted_at,
                                  note_at, note))
        return SilentList(rows, len(kept))

    @store_guard
    def private_contacts(self, caller_id: int) -> list[PrivateRow]:
        from cockpit.store.activity import private_contacts

        caller = self._caller(caller_id)
        return [PrivateRow(PersonRef("contact", row.contact_id),
                           f"{row.first_name} {row.last_name}".strip(), row.company,
                           row.last_contacted_at, row.next_due, row.next_kind)
                for row in private_contacts(caller.id)]

    @store_guard
    def do_not_call_list(self, viewer_id: int) -> list[ListedRow]:
        """Who, which number, why, since when: the lead's to keep (a caller is refused)."""
        from cockpit.store.activity import do_not_call_people

        if not self._caller(viewer_id).is_lead:
            raise ServiceError("only a team lead sees the do-not-call list", code="lead_only")
        return [ListedRow(_shown(row.e164), row.people, row.reason, row.since)
                for row in do_not_call_people()]

    @store_guard
    def to_my_queue(self, caller_id: int, person: PersonRef) -> bool:
        """A callback due now, the caller's: the person joins the calls due in their queue. False
        when one of theirs is already open (nothing doubled). A colleague's private contact
        is refused (the lead gives it instead)."""
        from cockpit.store.portfolio import UNKNOWN, owner_of
        from cockpit.store.reminders import add_reminder, open_for

        caller = self._caller(caller_id)
        holder = owner_of(person.id)
        if holder == UNKNOWN:
            raise ServiceError(f"no contact #{person.id}", code="no_contact", id=person.id)
        if holder not in (None, caller.id):
            name = next((c.name for c in self.cards.callers() if c.id == holder), "?")
            raise ServiceError(f"contact #{person.id} is in {name}'s private portfolio",
                               code="portfolio_colleague", id=person.id, name=name)
        if open_for(caller.id, person.kind, person.id):
            return False
        now = self.now()
        add_reminder(caller.id, person.kind, person.id, "callback", now, FROM_ACTIVITY, now)
        return True


def _shown(e164: str | None) -> str:
    """The number as a French caller writes it ("" once the person was erased)."""
    from cockpit.domain.errors import ValidationError
    from cockpit.domain.phones import shown_national

    if not e164:
        return ""
    try:
        return shown_national(e164)
    except ValidationError:  # stored before the parser knew its range: shown as kept
        return e164
