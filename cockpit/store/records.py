"""What a record shows beyond the contact card: a company's people, needs and timeline; a
person's open reminders and needs; a freelance's proposals. Plain tuples, no model leaves."""

from __future__ import annotations

from datetime import datetime

import peewee as pw

from cockpit.store.models import (
    Call,
    Caller,
    Company,
    Contact,
    Freelance,
    Need,
    Note,
    Proposal,
    Reminder,
)
from cockpit.store.rows import Row, tuples
from cockpit.store.times import aware


def company(company_id: int) -> Company | None:
    return Company.get_or_none(Company.id == company_id)


def people_of(company_id: int, me: int | None) -> list[Row]:
    """(id, first, last, role, is DO, last contacted, owner name, do not call) of the
    company's people a caller may see (`me` None: the lead sees every portfolio)."""
    query = (Contact.select(Contact.id, Contact.first_name, Contact.last_name, Contact.role,
                            Contact.is_decision_maker, Contact.last_contacted_at, Caller.name,
                            Contact.do_not_call)
             .join(Caller, pw.JOIN.LEFT_OUTER, on=(Contact.owner == Caller.id))
             .where(Contact.company == company_id, Contact.is_switchboard == False))  # noqa: E712
    if me is not None:
        query = query.where(Contact.owner.is_null() | (Contact.owner == me))
    rows = tuples(query.order_by(Contact.is_decision_maker.desc(), Contact.last_name))
    return [(*r[:5], aware(r[5]) if r[5] else None, *r[6:]) for r in rows]


def needs_of(*, company_id: int | None = None, contact_id: int | None = None) -> list[Row]:
    """(id, title, status, created) latest first."""
    where = Need.company == company_id if company_id is not None else Need.contact == contact_id
    rows = tuples(Need.select(Need.id, Need.title, Need.status, Need.created_at).where(where)
                  .order_by(Need.created_at.desc()).limit(50))
    return [(*r[:3], aware(r[3])) for r in rows]


def timeline(contact_ids: list[int], limit: int = 40) -> list[tuple[datetime, str, int, str,
                                                                   str]]:
    """(when, caller, contact id, outcome or "note", note) of these people, latest first."""
    if not contact_ids:
        return []
    calls = tuples(Call.select(Call.id, Call.started_at, Caller.name, Call.contact, Call.outcome)
                   .join(Caller).where(Call.contact.in_(contact_ids),
                                       Call.outcome.is_null(False))
                   .order_by(Call.started_at.desc()).limit(limit))
    bodies = {c: b for c, b in tuples(Note.select(Note.call, Note.body).where(
        Note.call.in_([c[0] for c in calls]), Note.is_draft == False))}  # noqa: E712
    lines = [(aware(at), who, contact, outcome, bodies.get(call_id, ""))
             for call_id, at, who, contact, outcome in calls]
    loose = tuples(Note.select(Note.created_at, Caller.name, Note.contact, Note.body)
                   .join(Caller, pw.JOIN.LEFT_OUTER, on=(Note.author == Caller.id))
                   .where(Note.contact.in_(contact_ids), Note.call.is_null(),
                          Note.is_draft == False)  # noqa: E712
                   .order_by(Note.created_at.desc()).limit(limit))
    lines += [(aware(at), who or "", contact, "note", body) for at, who, contact, body in loose]
    lines.sort(key=lambda line: line[0], reverse=True)
    return lines[:limit]


def open_reminders_of(kind: str, person_id: int) -> list[Row]:
    """(id, due, kind, reason, owner name) of the person's open reminders, soonest first."""
    field = Reminder.contact if kind == "contact" else Reminder.freelance
    rows = tuples(Reminder.select(Reminder.id, Reminder.due_at, Reminder.kind, Reminder.reason,
                                  Caller.name)
                  .join(Caller, pw.JOIN.LEFT_OUTER, on=(Reminder.owner == Caller.id))
                  .where(field == person_id, Reminder.done_at.is_null())
                  .order_by(Reminder.due_at))
    return [(r[0], aware(r[1]), *r[2:]) for r in rows]


def proposals_of_freelance(freelance_id: int) -> list[Row]:
    """(need id, need title, company name, status) latest first."""
    return tuples(Proposal.select(Need.id, Need.title, Company.name, Proposal.status)
                  .join(Need).join(Company, pw.JOIN.LEFT_OUTER, on=(Need.company == Company.id))
                  .where(Proposal.freelance == freelance_id)
                  .order_by(Proposal.created_at.desc()))


def freelance(freelance_id: int) -> Freelance | None:
    return Freelance.get_or_none(Freelance.id == freelance_id)


def owner_of_contact(contact_id: int) -> tuple[bool, int | None]:
    """(exists, owner id)."""
    row = Contact.select(Contact.owner).where(Contact.id == contact_id).tuples().first()
    return (False, None) if row is None else (True, row[0])


def add_note(kind: str, person_id: int, author_id: int, body: str, now: datetime) -> None:
    """A note outside any call, in the person's history."""
    from cockpit.store.times import naive

    field = "contact" if kind == "contact" else "freelance"
    Note.create(call=None, author=author_id, body=body, is_draft=False, created_at=naive(now),
                updated_at=naive(now), **{field: person_id})


# -- created by hand -----------------------------------------------------------------------
