"""Reads for the old CRM's lists: decision makers silent since a date, a caller's private
contacts with their last call and next reminder, and who holds each do-not-call number.

Each list is a few queries whatever its length (the last notes, the needs' technologies
and the next reminders are read for the whole page at once, never one query a line)."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

import peewee as pw

from cockpit.store.models import (
    Caller,
    Company,
    Contact,
    DoNotCall,
    Freelance,
    Need,
    Note,
    Phone,
    Reminder,
)
from cockpit.store.rows import chunks, tuples
from cockpit.store.times import aware, naive


class Silent(NamedTuple):
    contact_id: int
    first_name: str
    last_name: str
    role: str
    company: str
    sector: str
    technologies: str  # the company's stack and its needs' technologies, space-separated
    owner: str  # the private portfolio's caller, "" when shared
    last_contacted_at: datetime


class Private(NamedTuple):
    contact_id: int
    first_name: str
    last_name: str
    company: str
    last_contacted_at: datetime | None
    next_due: datetime | None
    next_kind: str


class Listed(NamedTuple):
    e164: str | None  # None once the person was erased (the digest stays)
    reason: str
    since: datetime
    people: tuple[str, ...]  # who holds that number today ("Jean Dupont (Atos)")


def silent_decision_makers(before: datetime, viewer_id: int | None) -> list[Silent]:
    """Decision makers last called before `before`, the longest silent first: those one may
    call (not on the do-not-call list, not switchboards) and may see — shared, or in the
    viewer's portfolio; every portfolio when `viewer_id` is None (the lead)."""
    owner = Caller.alias()
    query = (Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.role,
                            Company.name, Company.sector, Company.technologies, Company.id,
                            owner.name, Contact.last_contacted_at)
             .join(Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
             .switch(Contact)
             .join(owner, pw.JOIN.LEFT_OUTER, on=(Contact.owner == owner.id))
             .where(Contact.is_decision_maker, ~Contact.is_switchboard,
                    ~Contact.do_not_call, ~Contact.asked_not_to_call,
                    Contact.last_contacted_at.is_null(False),
                    Contact.last_contacted_at < naive(before))
             .order_by(Contact.last_contacted_at, Contact.id))
    if viewer_id is not None:
        query = query.where(Contact.owner.is_null() | (Contact.owner == viewer_id))
    rows = tuples(query)
    stacks = _needs_technologies({r[7] for r in rows if r[7] is not None})
    return [Silent(cid, first or "", last or "", role or "", company or "", sector or "",
                   " ".join(filter(None, (techs or "", stacks.get(company_id, "")))),
                   holder or "", aware(last_at))
            for cid, first, last, role, company, sector, techs, company_id, holder, last_at
            in rows]


def _needs_technologies(company_ids: set[int]) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    for chunk in chunks(sorted(company_ids)):
        for company_id, techs in tuples(Need.select(Need.company, Need.technologies)
                                        .where(Need.company.in_(chunk))):
            if techs:
                found.setdefault(company_id, []).append(techs)
    return {cid: " ".join(texts) for cid, texts in found.items()}


def last_notes(contact_ids: list[int]) -> dict[int, tuple[datetime, str]]:
    """Each contact's latest note (drafts left out: they are a call still being typed)."""
    latest: dict[int, tuple[datetime, str]] = {}
    for chunk in chunks(contact_ids):
        query = (Note.select(Note.contact, Note.created_at, Note.body)
                 .where(Note.contact.in_(chunk), ~Note.is_draft, Note.body != "")
                 .order_by(Note.contact, Note.created_at.desc(), Note.id.desc()))
        for contact_id, at, body in tuples(query):
            if contact_id not in latest:
                latest[contact_id] = (aware(at), body)
    return latest


def private_contacts(owner_id: int) -> list[Private]:
    """The caller's private portfolio, with the last call and the next open reminder."""
    query = (Contact.select(Contact.id, Contact.first_name, Contact.last_name, Company.name,
                            Contact.last_contacted_at)
             .join(Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
             .where(Contact.owner == owner_id)
             .order_by(Contact.last_name, Contact.first_name, Contact.id))
    rows = tuples(query)
    due: dict[int, tuple[datetime, str]] = {}
    for chunk in chunks([r[0] for r in rows]):
        reminders = (Reminder.select(Reminder.contact, Reminder.due_at, Reminder.kind)
                     .where(Reminder.contact.in_(chunk), Reminder.done_at.is_null(),
                            Reminder.kind != "cooldown")
                     .order_by(Reminder.contact, Reminder.due_at))
        for contact_id, due_at, kind in tuples(reminders):
            due.setdefault(contact_id, (aware(due_at), kind))
    return [Private(cid, first or "", last or "", company or "", aware(last_at),
                    *due.get(cid, (None, "")))
            for cid, first, last, company, last_at in rows]


def do_not_call_people() -> list[Listed]:
    """The do-not-call list, oldest first, each number with the people who hold it now."""
    listed = tuples(DoNotCall.select(DoNotCall.e164, DoNotCall.reason, DoNotCall.created_at)
                    .order_by(DoNotCall.created_at, DoNotCall.id))
    numbers = sorted({e164 for e164, _, _ in listed if e164})
    holders: dict[str, list[str]] = {}
    for chunk in chunks(numbers):
        contacts = (Phone.select(Phone.e164, Contact.first_name, Contact.last_name,
                                 Company.name)
                    .join(Contact, on=(Phone.contact == Contact.id))
                    .join(Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
                    .where(Phone.e164.in_(chunk)))
        for e164, first, last, company in tuples(contacts):
            name = f"{first or ''} {last or ''}".strip()
            holders.setdefault(e164, []).append(f"{name} ({company})" if company else name)
        freelances = (Phone.select(Phone.e164, Freelance.first_name, Freelance.last_name)
                      .join(Freelance, on=(Phone.freelance == Freelance.id))
                      .where(Phone.e164.in_(chunk)))
        for e164, first, last in tuples(freelances):
            holders.setdefault(e164, []).append(f"{first or ''} {last or ''}".strip())
    return [Listed(e164, reason or "", aware(at), tuple(sorted(set(holders.get(e164 or "", [])))))
            for e164, reason, at in listed]
