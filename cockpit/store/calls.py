"""Calls: started, their events appended as they happen, the draft note saved while typing,
and finished in one transaction with the final note, the reminder and the follow-ups."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from cockpit.store import persons
from cockpit.store.claims import release
from cockpit.store.db import database
from cockpit.store.models import (
    Call,
    CallEvent,
    Company,
    Contact,
    DoNotCall,
    Freelance,
    Need,
    Note,
    Phone,
    Reminder,
)
from cockpit.store.privacy import digests
from cockpit.store.times import naive


def _person(kind: str) -> str:
    return "contact" if kind == "contact" else "freelance"


def start_call(caller_id: int, kind: str, person_id: int, script: str, started_at: datetime,
               need_id: int | None = None) -> int:
    fields: dict[str, Any] = {_person(kind): person_id}
    call = Call.create(caller=caller_id, script=script, started_at=naive(started_at),
                       need=need_id, **fields)
    return int(call.id)


def record(call_id: int, events: Iterable[Mapping[str, Any]], first_seq: int,
           state: Mapping[str, Any]) -> None:
    """Append the new events and the session state, together."""
    rows = [(call_id, first_seq + i, naive(e["at"]), e["kind"], e["script"], e["step"],
             json.dumps(e.get("data", {}), default=str)) for i, e in enumerate(events)]
    with database.obj.atomic():
        if rows:
            CallEvent.insert_many(rows, fields=[
                CallEvent.call, CallEvent.seq, CallEvent.at, CallEvent.kind, CallEvent.script,
                CallEvent.step, CallEvent.data]).execute()
        Call.update(state=json.dumps(state, default=str)).where(Call.id == call_id).execute()


def outcome_of(call_id: int) -> str | None:
    row = Call.select(Call.outcome).where(Call.id == call_id).first()
    if row is None:
        raise LookupError(f"no call #{call_id}")
    return row.outcome


def person_of(call_id: int) -> tuple[str, int] | None:
    """Whom the call was with; None when there is no such call (erased with its person)."""
    row = Call.select(Call.contact, Call.freelance).where(Call.id == call_id).first()
    if row is None:
        return None
    return ("contact", row.contact_id) if row.contact_id else ("freelance", row.freelance_id)


def events_saved(call_id: int) -> int:
    return CallEvent.select().where(CallEvent.call == call_id).count()


def save_draft(call_id: int, author_id: int, body: str, now: datetime) -> None:
    """The one draft of a call, replaced at each save."""
    call = Call.get_by_id(call_id)
    with database.obj.atomic():
        updated = (Note.update(body=body, updated_at=naive(now))
                   .where(Note.call == call_id, Note.is_draft == True)  # noqa: E712
                   .execute())
        if not updated:
            Note.create(call=call_id, contact=call.contact_id, freelance=call.freelance_id,
                        author=author_id, body=body, is_draft=True, created_at=naive(now),
                        updated_at=naive(now))


def draft_of(call_id: int) -> str:
    note = (Note.select(Note.body).where(Note.call == call_id, Note.is_draft == True)  # noqa: E712
            .first())
    return note.body if note else ""


def unfinished(caller_id: int) -> Call | None:
    return (Call.select().where(Call.caller == caller_id, Call.outcome.is_null())
            .order_by(Call.started_at.desc()).first())


@dataclass(frozen=True)
class Finish:
    """Everything written when a call ends (one transaction)."""

    call_id: int
    caller_id: int
    outcome: str
    ended_at: datetime
    note: str
    reminder: tuple[str, datetime, str] | None = None  # kind, due, reason
    # Open reminders of this person due until then are settled by the call (the end of the
    # caller's day: a callback booked for 13:15 is done by a call at 10:00); None: the end.
    settles_until: datetime | None = None
    do_not_call: bool = False
    cooldown_until: datetime | None = None
    contact_updates: Mapping[str, Any] | None = None
    freelance_updates: Mapping[str, Any] | None = None
    company_updates: Mapping[str, Any] | None = None
    need: Mapping[str, Any] | None = None
    redirect: Mapping[str, Any] | None = None  # first_name, last_name, role, phone (Phone)
    direct_line: Any = None  # a domain Phone: the person's own number, captured on the way


def finish(f: Finish) -> dict[str, Any]:
    """Close the call; returns the ids of what was created (need, new contact, reminder),
    and what was blocked when the person asked not to be called (`persons.Blocked`)."""
    created: dict[str, Any] = {"need": None, "contact": None, "reminder": None}
    with database.obj.atomic():
        call = Call.get_by_id(f.call_id)
        kind = "contact" if call.contact_id else "freelance"
        # start_call sets one of the two: a call is always about someone.
        person_id = cast(int, call.contact_id or call.freelance_id)
        ended = naive(f.ended_at)
        Call.update(outcome=f.outcome, ended_at=ended).where(Call.id == f.call_id).execute()
        Note.delete().where(Note.call == f.call_id, Note.is_draft == True).execute()  # noqa: E712
        if f.note.strip():
            Note.create(call=f.call_id, contact=call.contact_id, freelance=call.freelance_id,
                        author=f.caller_id, body=f.note.strip(), is_draft=False,
                        created_at=ended, updated_at=ended)
        # The person's open reminders for the day are settled by this call.
        until = naive(f.settles_until) if f.settles_until is not None else ended
        Reminder.update(done_at=ended).where(
            getattr(Reminder, kind) == person_id, Reminder.done_at.is_null(),
            Reminder.due_at <= max(until, ended)).execute()
        model = Contact if kind == "contact" else Freelance
        updates: dict[str, Any] = {"last_contacted_at": ended}
        # The caller's own claim only: a lease that ran out may be another caller's now.
        release(kind, person_id, f.caller_id)
        if f.direct_line is not None:
            _add_direct_line(kind, person_id, f.direct_line)
        if f.do_not_call:
            # The person and their own numbers; their company's switchboard stays open.
            blocked = persons.block_person(kind, person_id, f.ended_at, str(f.caller_id),
                                           "asked during a call")
            created["blocked"] = blocked
        updates.update((f.contact_updates if kind == "contact" else f.freelance_updates) or {})
        model.update(**updates).where(model.id == person_id).execute()
        if kind == "contact" and (f.company_updates or f.need or f.redirect):
            contact = cast(Contact, call.contact)  # its contact_id is set: the row is there
            if f.company_updates and contact.company_id:
                Company.update(**f.company_updates).where(
                    Company.id == contact.company_id).execute()
            if f.need:
                need = Need.create(contact=person_id, company=contact.company_id,
                                   created_by=f.caller_id, created_at=ended, **f.need)
                created["need"] = int(need.id)
            if f.redirect:
                created["contact"] = _redirect(contact, f.redirect, ended, f.caller_id)
        if f.reminder is not None:
            reminder_kind, due, reason = f.reminder
            target = created["contact"] if reminder_kind == "new_contact" else person_id
            reminder = Reminder.create(owner=f.caller_id, kind=reminder_kind, reason=reason,
                                       due_at=naive(due), created_at=ended, call=f.call_id,
                                       need=created["need"],
                                       **{kind if reminder_kind != "new_contact" else "contact":
                                          target})
            created["reminder"] = int(reminder.id)
    return created


def _add_direct_line(kind: str, person_id: int, phone: Any) -> None:
    """A number the person gave (or the switchboard gave for them) becomes one of theirs;
    one already on the do-not-call list flags them at once, as an import does."""
    field = getattr(Phone, kind)
    if Phone.select().where(field == person_id, Phone.e164 == phone.e164).exists():
        return
    Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone,
                 label="mobile" if phone.kind == "mobile" else "direct", **{kind: person_id})
    if DoNotCall.select().where(DoNotCall.digest.in_(digests(phone.e164))).exists():
        model = Contact if kind == "contact" else Freelance
        model.update(do_not_call=True).where(model.id == person_id).execute()


def _redirect(source: Contact, values: Mapping[str, Any], now: datetime,
              caller_id: int) -> int:
    contact = Contact.create(company=source.company_id, first_name=values.get("first_name", ""),
                             last_name=values["last_name"], role=values.get("role", ""),
                             is_decision_maker=bool(values.get("is_decision_maker", True)),
                             redirected_from=source.id, created_at=now)
    phone = values.get("phone")
    if phone is not None:
        Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone,
                     label="direct", contact=contact.id)
    else:  # reached through the same switchboard
        for existing in Phone.select().where(Phone.contact == source.id, Phone.label == "standard"):
            Phone.create(e164=existing.e164, kind=existing.kind, time_zone=existing.time_zone,
                         label="standard", contact=contact.id)
    return int(contact.id)
