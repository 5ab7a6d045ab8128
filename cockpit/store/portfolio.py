"""Private portfolios: who owns which contact."""

from __future__ import annotations

from datetime import datetime

import peewee as pw

from cockpit.store.db import database
from cockpit.store.models import AuditLog, Company, Contact, Reminder
from cockpit.store.rows import tuples
from cockpit.store.times import naive

UNKNOWN = -1  # owner_of's answer for a contact that does not exist


def owner_of(contact_id: int) -> int | None:
    """The caller holding the contact privately, None when shared, UNKNOWN when no such
    contact."""
    row = Contact.select(Contact.owner).where(Contact.id == contact_id).tuples().first()
    return UNKNOWN if row is None else row[0]


def set_owner(contact_id: int, owner_id: int | None, actor: str, now: datetime) -> bool:
    """Give the contact to a caller (or, None, back to all). Given to someone, their open
    reminders go with them: left with another caller, the private contact would be in
    nobody's queue (the holder cannot be offered them, the new owner has no reminder)."""
    with database.obj.atomic():
        changed = Contact.update(owner=owner_id).where(Contact.id == contact_id).execute()
        moved = 0
        if changed and owner_id is not None:
            moved = (Reminder.update(owner=owner_id)
                     .where((Reminder.contact == contact_id) & Reminder.done_at.is_null()
                            & ((Reminder.owner != owner_id) | Reminder.owner.is_null()))
                     .execute())
        if changed:
            AuditLog.create(at=naive(now), actor=actor, action="set_owner", entity="contact",
                            entity_id=contact_id, details=f"owner={owner_id}"
                            + (f", {moved} open reminder(s) moved" if moved else ""))
    return bool(changed)


def list_portfolio(owner_id: int) -> list[tuple[int, str, str]]:
    query = (Contact.select(Contact.id, Contact.first_name, Contact.last_name, Company.name)
             .join(Company, pw.JOIN.LEFT_OUTER).where(Contact.owner == owner_id)
             .order_by(Contact.last_name))
    return [(cid, f"{first} {last}".strip(), company or "")
            for cid, first, last, company in tuples(query)]
