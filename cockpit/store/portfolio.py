"""Private portfolios: who owns which contact."""

from __future__ import annotations

from datetime import datetime

import peewee as pw

from cockpit.store.db import database
from cockpit.store.models import AuditLog, Company, Contact
from cockpit.store.times import naive


def set_owner(contact_id: int, owner_id: int | None, actor: str, now: datetime) -> bool:
    with database.obj.atomic():
        changed = Contact.update(owner=owner_id).where(Contact.id == contact_id).execute()
        if changed:
            AuditLog.create(at=naive(now), actor=actor, action="set_owner", entity="contact",
                            entity_id=contact_id, details=f"owner={owner_id}")
    return bool(changed)


def list_portfolio(owner_id: int) -> list[tuple[int, str, str]]:
    query = (Contact.select(Contact.id, Contact.first_name, Contact.last_name, Company.name)
             .join(Company, pw.JOIN.LEFT_OUTER).where(Contact.owner == owner_id)
             .order_by(Contact.last_name).tuples())
    return [(cid, f"{first} {last}".strip(), company or "") for cid, first, last, company in query]
