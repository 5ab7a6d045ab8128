"""Edits of a contact card, with an audit trail of who changed what."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from cockpit.store.db import database
from cockpit.store.models import AuditLog, Contact, Phone
from cockpit.store.times import naive


def save_contact(contact_id: int, *, first_name: str, last_name: str, role: str, email: str,
                 phone: Any, is_decision_maker: bool | None, actor: str, now: datetime) -> None:
    with database.obj.atomic():
        contact = Contact.get_by_id(contact_id)
        changes: dict[str, Any] = {}
        for field, value in (("first_name", first_name), ("last_name", last_name),
                             ("role", role), ("email", email)):
            if value and getattr(contact, field) != value:
                changes[field] = value
        if is_decision_maker is not None and contact.is_decision_maker != is_decision_maker:
            changes["is_decision_maker"] = is_decision_maker
        if changes:
            Contact.update(**changes).where(Contact.id == contact_id).execute()
        if phone is not None:
            Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone,
                         label="direct", contact=contact_id)
            changes["phone"] = "added"
        if changes:
            # Field names only: the audit log must not become a copy of personal data.
            AuditLog.create(at=naive(now), actor=actor, action="edit", entity="contact",
                            entity_id=contact_id, details=json.dumps(sorted(changes)))
