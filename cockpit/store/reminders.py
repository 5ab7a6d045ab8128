"""Reminders and do-not-call: list, add, snooze, complete, reassign."""

from __future__ import annotations

from datetime import datetime

import peewee as pw

from cockpit.domain.reminder_reasons import SNOOZED
from cockpit.store.db import database
from cockpit.store.lean_reads import open_reminders as open_reminders  # one read, lean or not
from cockpit.store.models import (
    AuditLog,
    Caller,
    Reminder,
)
from cockpit.store.times import naive


def add_reminder(owner_id: int | None, kind: str, person_id: int, reminder_kind: str,
                 due: datetime, reason: str, now: datetime, need_id: int | None = None) -> int:
    field = "contact" if kind == "contact" else "freelance"
    row = Reminder.create(owner=owner_id, kind=reminder_kind, reason=reason, due_at=naive(due),
                          created_at=naive(now), need=need_id, **{field: person_id})
    return int(row.id)


def open_for(owner_id: int, kind: str, person_id: int) -> bool:
    """Whether the caller already has an open reminder (other than a cooldown) for them."""
    field = getattr(Reminder, "contact" if kind == "contact" else "freelance")
    return (Reminder.select(Reminder.id)
            .where(field == person_id, Reminder.owner == owner_id, Reminder.done_at.is_null(),
                   Reminder.kind != "cooldown").exists())


def snooze_person(owner_id: int, kind: str, person_id: int, due: datetime, now: datetime) -> None:
    """Open reminders of the person move to `due`; with none, a callback is booked then."""
    field = getattr(Reminder, "contact" if kind == "contact" else "freelance")
    with database.obj.atomic():
        moved = (Reminder.update(due_at=naive(due), sequence=Reminder.sequence + 1)
                 .where(field == person_id, Reminder.done_at.is_null()).execute())
        if not moved:
            add_reminder(owner_id, kind, person_id, "callback", due, SNOOZED, now)


def complete(reminder_id: int, now: datetime) -> bool:
    return bool(Reminder.update(done_at=naive(now))
                .where(Reminder.id == reminder_id, Reminder.done_at.is_null()).execute())


def open_owner(reminder_id: int) -> tuple[int | None, str] | None:
    """(owner id, owner name) of an open reminder; None when it is done or does not exist."""
    row = (Reminder.select(Reminder.owner, Caller.name)
           .join(Caller, pw.JOIN.LEFT_OUTER, on=(Reminder.owner == Caller.id))
           .where(Reminder.id == reminder_id, Reminder.done_at.is_null()).tuples().first())
    return None if row is None else (row[0], row[1] or "")


def reschedule(reminder_id: int, due: datetime) -> bool:
    """Move an open reminder; its SEQUENCE grows so a calendar program moves it too."""
    return bool(Reminder.update(due_at=naive(due), sequence=Reminder.sequence + 1)
                .where(Reminder.id == reminder_id, Reminder.done_at.is_null()).execute())


def reassign(reminder_id: int, caller_id: int, actor: str, now: datetime) -> bool:
    with database.obj.atomic():
        changed = Reminder.update(owner=caller_id).where(Reminder.id == reminder_id).execute()
        if not changed:
            return False
        AuditLog.create(at=naive(now), actor=actor, action="reassign", entity="reminder",
                        entity_id=reminder_id, details=f"to caller {caller_id}")
    return bool(changed)


def mark_do_not_call(kind: str, person_id: int, now: datetime, actor: str = "") -> object:
    """The person, never again: see `persons.block_person` (their switchboard stays open)."""
    from cockpit.store.persons import block_person

    return block_person(kind, person_id, now, actor, "marked by a caller")
