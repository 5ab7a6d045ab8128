"""Reads for the screens: callers, a person's card, the day's counters."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import peewee as pw

from cockpit.store.lean_reads import first_phone as first_phone  # one read, lean or not
from cockpit.store.models import (
    Call,
    Caller,
    Company,
    CompanyFigure,
    Contact,
    Freelance,
    Note,
    Phone,
)
from cockpit.store.rows import tuples
from cockpit.store.times import aware


def callers() -> list[Caller]:
    return list(Caller.select().where(Caller.active == True).order_by(Caller.id))  # noqa: E712


def caller_by_name(name: str) -> Caller | None:
    return Caller.select().where(pw.fn.LOWER(Caller.name) == name.lower()).first()


# A direct line comes first: it is dialled, and reaches the person past the switchboard.
_DIRECT_FIRST = pw.Case(None, ((Phone.label == "direct", 0),), 1)


def phones_of(kind: str, person_id: int) -> list[Phone]:
    field = Phone.contact if kind == "contact" else Phone.freelance
    return list(Phone.select().where(field == person_id).order_by(_DIRECT_FIRST, Phone.id))


def contact(person_id: int) -> Contact | None:
    return (Contact.select(Contact, Company).join(Company, pw.JOIN.LEFT_OUTER)
            .where(Contact.id == person_id).first())


def freelance(person_id: int) -> Freelance | None:
    return Freelance.get_or_none(Freelance.id == person_id)


def figures_of(company_id: int) -> list[CompanyFigure]:
    return list(CompanyFigure.select().where(CompanyFigure.company == company_id)
                .order_by(CompanyFigure.year))


NOTE = "note"  # the outcome of a history line that is a note written outside any call


def history(kind: str, person_id: int, limit: int = 15) -> list[tuple[datetime, str, str, str]]:
    """(when, who, outcome, note) latest first: the calls with their notes, and the notes
    written outside a call (a CV sent, and where), whose outcome is NOTE."""
    field = Call.contact if kind == "contact" else Call.freelance
    calls = list(Call.select(Call, Caller).join(Caller)
                 .where(field == person_id, Call.outcome.is_null(False))
                 .order_by(Call.started_at.desc()).limit(limit))
    notes: dict[int, str] = {}
    for n in (Note.select(Note.call, Note.body)
              .where(Note.call.in_([c.id for c in calls]), Note.is_draft == False)  # noqa: E712
              .order_by(Note.id)):
        notes.setdefault(cast(int, n.call_id), n.body)  # the call's own note; later lines apart
    lines = [(aware(c.started_at), c.caller.name, c.outcome or "", notes.get(c.id, ""))
             for c in calls]
    owner = Note.contact if kind == "contact" else Note.freelance
    loose = (Note.select(Note.created_at, Note.body, Caller.name)
             .join(Caller, pw.JOIN.LEFT_OUTER, on=(Note.author == Caller.id))
             .where(owner == person_id, Note.call.is_null(), Note.is_draft == False)  # noqa: E712
             .order_by(Note.created_at.desc()).limit(limit))
    lines += [(aware(at), who or "", NOTE, body) for at, body, who in tuples(loose)]
    lines.sort(key=lambda line: line[0], reverse=True)
    return lines[:limit]


def added_to_calls(kind: str, person_id: int) -> dict[datetime, list[tuple[datetime, str, str]]]:
    """Lines added to the person's call notes after the call, (when, who, text), oldest
    first, by the start of their call (as history() gives it)."""
    field = Call.contact if kind == "contact" else Call.freelance
    first = (Note.select(pw.fn.MIN(Note.id)).join(Call, on=(Note.call == Call.id))
             .where(field == person_id, Note.is_draft == False)  # noqa: E712
             .group_by(Note.call))
    later = (Note.select(Call.started_at, Note.created_at, Caller.name, Note.body)
             .join(Call, on=(Note.call == Call.id))
             .join(Caller, pw.JOIN.LEFT_OUTER, on=(Note.author == Caller.id))
             .where(field == person_id, Note.is_draft == False,  # noqa: E712
                    Note.id.not_in(first))
             .order_by(Note.id))
    found: dict[datetime, list[tuple[datetime, str, str]]] = {}
    for started, at, who, body in tuples(later):
        found.setdefault(aware(started), []).append((aware(at), who or "", body))
    return found
