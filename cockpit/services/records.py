"""The records a search opens: a company, a person, a freelance, with what a caller does
from them (a note, a reminder; the call itself is the call console's, the portfolio the
rights' part). A caller never opens a colleague's private contact."""

from __future__ import annotations

import json
from datetime import datetime
from typing import NamedTuple

from cockpit.domain.prospects import revenue_per_head, trend_of
from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part, Setup
from cockpit.services.views import ContactCardView, HistoryItem, PersonRef


class FigureLine(NamedTuple):
    year: int
    revenue: int | None  # euros
    headcount: int | None
    revenue_per_head: int | None  # euros
    trend: str  # up | down | flat | unknown: the revenue against the year before


class PersonLine(NamedTuple):
    person: PersonRef
    name: str
    role: str
    is_decision_maker: bool
    last_contacted_at: datetime | None
    owner: str  # the caller keeping them privately, or ""
    do_not_call: bool


class NeedLine(NamedTuple):
    id: int
    title: str
    status: str  # its code: open | proposed | won | lost
    created_at: datetime


class TimelineLine(NamedTuple):
    at: datetime
    who: str  # the caller
    person: str  # whom the call or note was about
    outcome: str  # the outcome's code, or "note"
    note: str


class ReminderLine(NamedTuple):
    id: int
    due_at: datetime
    kind: str  # its code: callback | retry | follow_up…
    reason: str
    owner: str


class ProposalLine(NamedTuple):
    need_id: int
    need: str
    company: str
    status: str  # its code: proposed | cv_sent | interview | placed | rejected


class CompanyRecord(NamedTuple):
    id: int
    name: str
    kind: str  # its code
    sector: str
    city: str
    website: str
    figures: tuple[FigureLine, ...]  # by year, oldest first
    prospect: str  # the prospect verdict, in the user's language
    people: tuple[PersonLine, ...]
    needs: tuple[NeedLine, ...]
    timeline: tuple[TimelineLine, ...]


class PersonRecord(NamedTuple):
    card: ContactCardView  # name, numbers, e-mail, role, persona, owner, referred by, history
    company_id: int | None
    reminders: tuple[ReminderLine, ...]
    needs: tuple[NeedLine, ...]
    last_contacted_at: datetime | None


class FreelanceRecord(NamedTuple):
    card: ContactCardView  # name, title, numbers, rate, availability, mobility, billing…
    skills: tuple[str, ...]
    siret: str
    references: tuple[str, ...]  # "Name (Company) phone"
    cv_text: str
    proposals: tuple[ProposalLine, ...]
    reminders: tuple[ReminderLine, ...]


HISTORY = 200  # a record's history: all of it, as far as anyone reads


def _references(raw: str) -> tuple[str, ...]:
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return ()
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            name, company, phone = (str(item.get(k) or "") for k in ("name", "company", "phone"))
            out.append(" ".join(p for p in (name, f"({company})" if company else "", phone) if p))
    return tuple(out)


class RecordServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards

    def _private_for(self, caller_id: int) -> int | None:
        me = next((c for c in self.cards.callers() if c.id == caller_id), None)
        if me is None:
            raise ServiceError(f"no caller #{caller_id}", code="no_caller", id=caller_id)
        return None if me.is_lead else caller_id

    def _check_may_see(self, caller_id: int, person: PersonRef) -> None:
        from cockpit.store.records import owner_of_contact

        if person.kind != "contact":
            return
        exists, owner = owner_of_contact(person.id)
        if not exists:
            raise ServiceError("this person no longer exists", code="person_gone")
        me = self._private_for(caller_id)
        if me is not None and owner not in (None, me):
            raise ServiceError("this contact is in a colleague's private portfolio",
                               code="record_private")

    @store_guard
    def company_record(self, caller_id: int, company_id: int,
                       lang: str = "fr") -> CompanyRecord:
        from cockpit.store import records
        from cockpit.store.card_reads import CompanyRow, figures_of

        co = records.company(company_id)
        if co is None:
            raise ServiceError(f"no company #{company_id}", code="no_company", id=company_id)
        figures: list[FigureLine] = []
        previous = None
        for f in figures_of(co.id):
            per_head = revenue_per_head(f.revenue, f.headcount)
            trend = str(trend_of(previous, f.revenue))
            figures.append(FigureLine(f.year, f.revenue, f.headcount,
                                      int(per_head) if per_head is not None else None,
                                      trend))
            previous = f.revenue
        prospect = self.cards._company_view(
            CompanyRow(co.id, co.name, co.kind or "", co.sector, co.city), lang).prospect
        rows = records.people_of(co.id, self._private_for(caller_id))
        people = tuple(PersonLine(PersonRef("contact", r[0]), f"{r[1]} {r[2]}".strip(), r[3],
                                  bool(r[4]), r[5], r[6] or "", bool(r[7])) for r in rows)
        names = {p.person.id: p.name for p in people}
        timeline = tuple(TimelineLine(at, who, names.get(contact, ""), outcome, note)
                         for at, who, contact, outcome, note in records.timeline(list(names)))
        needs = tuple(NeedLine(*r) for r in records.needs_of(company_id=co.id))
        return CompanyRecord(co.id, co.name, co.kind or "", co.sector, co.city, co.website,
                             tuple(figures), prospect, people, needs, timeline)

    @store_guard
    def person_record(self, caller_id: int, person: PersonRef,
                      lang: str = "fr") -> PersonRecord | FreelanceRecord:
        from cockpit.store import reads, records

        self._check_may_see(caller_id, person)
        card = self.cards.contact_card(person, lang)
        if card is None:
            raise ServiceError("this person no longer exists", code="person_gone")
        # The card shows the last few; the record, the whole history.
        full = tuple(HistoryItem(at, who, "note" if outcome == reads.NOTE else outcome, note)
                     for at, who, outcome, note in reads.history(person.kind, person.id,
                                                                 limit=HISTORY))
        card = card._replace(history=full)
        reminders = tuple(ReminderLine(*r) for r in records.open_reminders_of(person.kind,
                                                                              person.id))
        if person.kind == "freelance":
            f = records.freelance(person.id)
            if f is None:
                raise ServiceError("this person no longer exists", code="person_gone")
            proposals = tuple(ProposalLine(n, t, c or "", s)
                              for n, t, c, s in records.proposals_of_freelance(f.id))
            return FreelanceRecord(card, tuple(f.skills.split()), f.siret,
                                   _references(f.references), f.cv_text, proposals, reminders)
        c = reads.contact(person.id)
        assert c is not None  # the card was just read
        needs = tuple(NeedLine(*r) for r in records.needs_of(contact_id=person.id))
        from cockpit.store.times import aware

        last = aware(c.last_contacted_at) if c.last_contacted_at else None
        return PersonRecord(card, c.company_id, reminders, needs, last)

    @store_guard
    def add_note(self, caller_id: int, person: PersonRef, body: str) -> None:
        from cockpit.domain.text import printable
        from cockpit.store.records import add_note

        text = body.strip()
        if not text:
            raise ServiceError("the note is empty", code="note_empty")
        self._check_may_see(caller_id, person)
        add_note(person.kind, person.id, caller_id, printable(text, multiline=True), self.now())

    @store_guard
    def book_reminder(self, caller_id: int, person: PersonRef, until: str,
                      reason: str = "") -> datetime:
        """A callback booked from the record, for the caller; returns when it is due."""
        from cockpit.domain.captures import parse_reminder
        from cockpit.store.reminders import add_reminder

        self._check_may_see(caller_id, person)
        due = parse_reminder(until, self.now().astimezone(self.zone))
        add_reminder(caller_id, person.kind, person.id, "callback", due, reason.strip()[:200],
                     self.now())
        return due
