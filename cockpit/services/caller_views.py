"""The views a short command returns (who acts, their reminders): re-exported by views.py,
and alone here so that `cockpit reminders` does not create the screens' thirty others.
Annotations evaluated, not kept as text: typing compiles text ones, field by field."""

from __future__ import annotations

from datetime import datetime

from cockpit.domain.named import NamedTuple


class CallerView(NamedTuple):
    id: int
    name: str
    first_name: str
    is_lead: bool


class ReminderRow(NamedTuple):
    id: int
    due_at: datetime
    kind: str
    reason: str
    owner: str
    person: str
    company: str
    contact_id: int | None
