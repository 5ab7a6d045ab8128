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
from cockpit.store.db import database, is_postgres
from cockpit.store.models import (
    AuditLog,
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


# -- mending a call after its end, cancelling one started by mistake, a note added later ---


@dataclass(frozen=True)
class Ended:
    """What a call's end wrote, as the end form shows it again."""

    call_id: int
    caller_id: int
    kind: str  # contact | freelance
    person_id: int
    started_at: datetime  # naive UTC, as stored
    outcome: str
    note: str
    reminder_id: int | None  # the reminder its end booked, still open
    reminder_kind: str
    reminder_due: datetime | None  # naive UTC


def ended(call_id: int) -> Ended | None:
    """The call's end as written; None when the call has no end (or no such call)."""
    call = Call.get_or_none(Call.id == call_id)
    if call is None or call.outcome is None:
        return None
    note = (Note.select(Note.body).where(Note.call == call_id, Note.is_draft == False)  # noqa: E712
            .order_by(Note.id).first())
    kind = "contact" if call.contact_id else "freelance"
    person = getattr(Reminder, kind)
    # The person's own reminder: the one a redirect booked is the new contact's, not this.
    reminder = (Reminder.select().where(Reminder.call == call_id, Reminder.done_at.is_null(),
                                        person == (call.contact_id or call.freelance_id),
                                        Reminder.kind != "new_contact")
                .order_by(Reminder.id.desc()).first())
    return Ended(int(call.id), int(call.caller_id), kind,
                 cast(int, call.contact_id or call.freelance_id), call.started_at,
                 call.outcome, note.body if note else "",
                 int(reminder.id) if reminder else None,
                 reminder.kind if reminder else "", reminder.due_at if reminder else None)


def ended_since(caller_id: int, since: datetime) -> list[Ended]:
    """The caller's calls ended since then (their day), latest first."""
    ids = [int(c.id) for c in Call.select(Call.id).where(
        Call.caller == caller_id, Call.outcome.is_null(False),
        Call.started_at >= naive(since)).order_by(Call.started_at.desc(), Call.id.desc())]
    return [e for e in (ended(i) for i in ids) if e is not None]


def ended_of(kind: str, person_id: int, limit: int = 10) -> list[Ended]:
    """The person's ended calls (anyone's), latest first."""
    field = Call.contact if kind == "contact" else Call.freelance
    ids = [int(c.id) for c in Call.select(Call.id).where(
        field == person_id, Call.outcome.is_null(False))
        .order_by(Call.started_at.desc(), Call.id.desc()).limit(limit)]
    return [e for e in (ended(i) for i in ids) if e is not None]


@dataclass(frozen=True)
class Mend:
    """A call's end saved again: its outcome, its note, its reminder (None: none now)."""

    call_id: int
    caller_id: int
    outcome: str
    note: str
    reminder: tuple[str, datetime, str] | None
    at: datetime
    actor: str
    do_not_call: bool = False


def mend(m: Mend) -> Ended:
    """Write the end again, in one transaction: the reminder its first save booked is
    changed (or closed), never doubled; the audit log keeps the first values (the note's
    text not: the log is no copy of what callers write). Returns the first values."""
    with database.obj.atomic():
        first = ended(m.call_id)
        if first is None:
            raise LookupError(f"call #{m.call_id} has no end to mend")
        at = naive(m.at)
        # On a team server a colleague's call is not the caller's to change: no row moves.
        if not Call.update(outcome=m.outcome).where(Call.id == m.call_id).execute():
            raise LookupError(f"call #{m.call_id} is not one's own to mend")
        body = m.note.strip()
        note = (Note.select().where(Note.call == m.call_id, Note.is_draft == False)  # noqa: E712
                .order_by(Note.id).first())
        if note is not None:
            Note.update(body=body, updated_at=at).where(Note.id == note.id).execute()
        elif body:
            Note.create(call=m.call_id, contact=first.person_id if first.kind == "contact"
                        else None, freelance=first.person_id if first.kind == "freelance"
                        else None, author=m.caller_id, body=body, is_draft=False,
                        created_at=at, updated_at=at)
        if m.reminder is not None:
            kind, due, reason = m.reminder
            if first.reminder_id is not None:
                Reminder.update(kind=kind, due_at=naive(due), reason=reason).where(
                    Reminder.id == first.reminder_id).execute()
            else:
                Reminder.create(owner=m.caller_id, kind=kind, reason=reason, due_at=naive(due),
                                created_at=at, call=m.call_id,
                                **{first.kind: first.person_id})
        elif first.reminder_id is not None:  # no reminder now: the one booked is closed
            Reminder.update(done_at=at).where(Reminder.id == first.reminder_id).execute()
        if m.do_not_call:
            persons.block_person(first.kind, first.person_id, m.at, str(m.caller_id),
                                 "asked during a call (end mended)")
        audit_mend(m.call_id, m.actor, {
            "outcome": first.outcome,
            "reminder": first.reminder_due.isoformat(timespec="minutes")
            if first.reminder_due else None,
            "note_changed": first.note.strip() != body}, m.at)
    return first


def audit_mend(call_id: int, actor: str, first: Mapping[str, Any], at: datetime) -> None:
    """The audit line of an end mended: its first values."""
    AuditLog.create(at=naive(at), actor=actor, action="mend_call", entity="call",
                    entity_id=call_id, details=json.dumps(dict(first), default=str))


def add_to_note(call_id: int, author_id: int, text: str, now: datetime) -> None:
    """A line added after the call, a note of its own on the same call: the original stays
    as it was written (and a colleague's note stays theirs)."""
    call = Call.get_by_id(call_id)
    Note.create(call=call_id, contact=call.contact_id, freelance=call.freelance_id,
                author=author_id, body=text.strip(), is_draft=False, created_at=naive(now),
                updated_at=naive(now))


def cancel(call_id: int, caller_id: int, at: datetime, actor: str) -> None:
    """A call started by mistake: gone with its steps and its draft, the claim released,
    one line in the audit log. On a team server a caller's role may not delete calls: the
    server does it (cockpit_cancel_call, db/team.sql), for their own call in progress."""
    db = database.obj
    with db.atomic():
        call = Call.get_or_none(Call.id == call_id)
        if call is None or call.caller_id != caller_id or call.outcome is not None:
            raise LookupError(f"call #{call_id} is not one's own call in progress")
        kind = "contact" if call.contact_id else "freelance"
        person_id = cast(int, call.contact_id or call.freelance_id)
        if is_postgres() and db.execute_sql(
                "SELECT to_regprocedure('cockpit_cancel_call(integer)')").fetchone()[0]:
            db.execute_sql("SELECT cockpit_cancel_call(%s)", (call_id,))
        else:
            Note.delete().where(Note.call == call_id).execute()
            CallEvent.delete().where(CallEvent.call == call_id).execute()
            Call.delete().where(Call.id == call_id).execute()
            AuditLog.create(at=naive(at), actor=actor, action="cancel_call", entity=kind,
                            entity_id=person_id, details=json.dumps({"call": call_id}))
        release(kind, person_id, caller_id)
