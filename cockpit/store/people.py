"""The team's rows: who calls, who leads, who left, and the firm's name.

A caller who leaves is never deleted: their calls, notes and the audit lines naming them stay
theirs. They are marked inactive, and what they held alone (open reminders, private contacts,
claims) goes to a lead, in one transaction, with its line in the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

import peewee as pw

from cockpit.store.db import database
from cockpit.store.models import AuditLog, Caller, Contact, Freelance, Reminder, Setting
from cockpit.store.times import aware, naive

FIRM_NAME = "firm.name"  # the Setting holding the firm's name (the scripts' {firm.name})


class Member(NamedTuple):
    id: int
    name: str
    first_name: str
    last_name: str
    email: str
    login: str
    is_lead: bool
    active: bool
    left_at: datetime | None


class Handover(NamedTuple):
    reminders: int
    contacts: int
    claims: int


def members(include_left: bool = False) -> list[Member]:
    query = Caller.select().order_by(Caller.id)
    if not include_left:
        query = query.where(Caller.active == True)  # noqa: E712
    return [Member(c.id, c.name, c.first_name, c.last_name, c.email, c.login or "",
                   bool(c.is_lead), bool(c.active), aware(c.left_at) if c.left_at else None)
            for c in query]


def by_name(name: str) -> Caller | None:
    """Anyone ever in the team, by name (case ignored), those who left included."""
    return Caller.select().where(pw.fn.LOWER(Caller.name) == name.lower()).first()


def by_login(login: str) -> Caller | None:
    return Caller.get_or_none(Caller.login == login)


def nobody_yet() -> bool:
    """No caller at all, not even one who left: a new database."""
    return not Caller.select().exists()


def add(name: str, first_name: str, last_name: str, email: str, login: str | None,
        is_lead: bool, actor: str, now: datetime) -> int:
    with database.obj.atomic():
        caller = Caller.create(name=name, first_name=first_name, last_name=last_name,
                               email=email, login=login or None, is_lead=is_lead)
        AuditLog.create(at=naive(now), actor=actor or name, action="team_add",
                        entity="caller", entity_id=caller.id,
                        details=f"name={name}" + (" lead" if is_lead else ""))
    return int(caller.id)


def set_lead(caller_id: int, is_lead: bool, actor: str, now: datetime) -> None:
    with database.obj.atomic():
        Caller.update(is_lead=is_lead).where(Caller.id == caller_id).execute()
        AuditLog.create(at=naive(now), actor=actor, action="team_lead" if is_lead
                        else "team_not_lead", entity="caller", entity_id=caller_id)


def leave(caller_id: int, lead_id: int, actor: str, now: datetime) -> Handover:
    """Mark the caller as gone; their open reminders and private contacts go to the lead,
    their claims are released (nobody else could call those people until they expire)."""
    with database.obj.atomic():
        reminders = (Reminder.update(owner=lead_id)
                     .where((Reminder.owner == caller_id) & Reminder.done_at.is_null())
                     .execute())
        contacts = Contact.update(owner=lead_id).where(Contact.owner == caller_id).execute()
        claims = 0
        for model in (Contact, Freelance):
            claims += (model.update(claimed_by=None, claim_expires_at=None)
                       .where(model.claimed_by == caller_id).execute())
        Caller.update(active=False, is_lead=False, left_at=naive(now)).where(
            Caller.id == caller_id).execute()
        AuditLog.create(at=naive(now), actor=actor, action="team_leave", entity="caller",
                        entity_id=caller_id,
                        details=f"to caller {lead_id}: {reminders} reminder(s), "
                                f"{contacts} private contact(s)")
    return Handover(int(reminders), int(contacts), int(claims))


def firm_name() -> str | None:
    row = Setting.get_or_none(Setting.key == FIRM_NAME)
    return row.value if row and row.value else None


def set_firm_name(name: str, actor: str, now: datetime) -> None:
    with database.obj.atomic():
        if Setting.update(value=name).where(Setting.key == FIRM_NAME).execute() == 0:
            Setting.create(key=FIRM_NAME, value=name)
        AuditLog.create(at=naive(now), actor=actor, action="firm_name", entity="setting",
                        details=name)
