"""What a caller's agenda holds over a span of time: open reminders (and those past due),
interviews, and placements whose mission starts. Three indexed queries and one for the
numbers to call, whatever the size of the history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import peewee as pw

from cockpit.store.models import (
    Caller,
    Company,
    Contact,
    Freelance,
    Need,
    Phone,
    Proposal,
    Reminder,
)
from cockpit.store.rows import dicts
from cockpit.store.times import aware, naive

_DIRECT_FIRST = pw.Case(None, ((Phone.label == "direct", 0), (Phone.label == "mobile", 1)), 2)


def reminders(owner_id: int | None, start: datetime, end: datetime, overdue_before: datetime,
              limit: int = 1000) -> list[dict[str, Any]]:
    """Open reminders due in [start, end), and those due before `overdue_before` (the ones
    left behind), soonest first; a cooldown is no call and stays out."""
    due = Reminder.due_at
    query = (Reminder.select(Reminder.id, Reminder.kind, Reminder.reason, Reminder.due_at,
                             Reminder.sequence, Reminder.contact, Reminder.freelance,
                             Reminder.owner, Caller.name.alias("owner_name"),
                             Contact.first_name.alias("c_first"),
                             Contact.last_name.alias("c_last"), Company.name.alias("company"),
                             Freelance.first_name.alias("f_first"),
                             Freelance.last_name.alias("f_last"))
             .join_from(Reminder, Contact, pw.JOIN.LEFT_OUTER, on=(Reminder.contact == Contact.id))
             .join_from(Contact, Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
             .join_from(Reminder, Freelance, pw.JOIN.LEFT_OUTER,
                        on=(Reminder.freelance == Freelance.id))
             .join_from(Reminder, Caller, pw.JOIN.LEFT_OUTER, on=(Reminder.owner == Caller.id))
             .where(Reminder.done_at.is_null(), Reminder.kind != "cooldown",
                    ((due >= naive(start)) & (due < naive(end))) | (due < naive(overdue_before)))
             .order_by(due, Reminder.id).limit(limit))
    if owner_id is not None:
        query = query.where(Reminder.owner == owner_id)
    rows = []
    for r in dicts(query):
        contact = r["contact"] is not None
        first, last = (r["c_first"], r["c_last"]) if contact else (r["f_first"], r["f_last"])
        rows.append({"id": r["id"], "kind": r["kind"], "reason": r["reason"],
                     "due_at": aware(r["due_at"]), "sequence": int(r["sequence"] or 0),
                     "person": f"{first or ''} {last or ''}".strip(),
                     "company": (r["company"] or "") if contact else "",
                     "person_kind": "contact" if contact else "freelance",
                     "person_id": r["contact"] if contact else r["freelance"],
                     "owner_id": r["owner"], "owner": r["owner_name"] or ""})
    _add_numbers(rows)
    return rows


def _add_numbers(rows: list[dict[str, Any]]) -> None:
    """The number to call for each row: a direct line, else a mobile, else the switchboard."""
    for kind, field in (("contact", Phone.contact), ("freelance", Phone.freelance)):
        ids = sorted({r["person_id"] for r in rows if r["person_kind"] == kind and r["person_id"]})
        best: dict[int, str] = {}
        for index in range(0, len(ids), 500):
            query = (Phone.select(field.alias("person"), Phone.e164)
                     .where(field.in_(ids[index:index + 500]))
                     .order_by(_DIRECT_FIRST, Phone.id))
            for phone in dicts(query):
                best.setdefault(int(phone["person"]), phone["e164"])
        for r in rows:
            if r["person_kind"] == kind:
                r["number"] = best.get(int(r["person_id"] or 0), "")


def _proposals(where: pw.Expression, creator_id: int | None) -> Iterable[dict[str, Any]]:
    query = (Proposal.select(Proposal.id, Proposal.interview_at, Proposal.start_date,
                             Proposal.end_date, Proposal.status, Need.id.alias("need_id"),
                             Need.title, Need.created_by, Company.name.alias("company"),
                             Freelance.first_name, Freelance.last_name)
             .join_from(Proposal, Need, on=(Proposal.need == Need.id))
             .join_from(Need, Company, pw.JOIN.LEFT_OUTER, on=(Need.company == Company.id))
             .join_from(Proposal, Freelance, on=(Proposal.freelance == Freelance.id))
             .where(where).order_by(Proposal.id))
    if creator_id is not None:
        query = query.where(Need.created_by == creator_id)
    for r in dicts(query):
        yield {"id": r["id"], "need_id": r["need_id"], "need": r["title"] or "",
               "company": r["company"] or "", "status": r["status"],
               "freelance": f"{r['first_name'] or ''} {r['last_name'] or ''}".strip(),
               "interview_at": aware(r["interview_at"]), "start_date": r["start_date"],
               "end_date": r["end_date"]}


def interviews(creator_id: int | None, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Interviews set in [start, end) on the caller's needs (everyone's when None)."""
    return list(_proposals((Proposal.interview_at >= naive(start))
                           & (Proposal.interview_at < naive(end))
                           & (Proposal.status != "rejected"), creator_id))


def missions_starting(creator_id: int | None, first: date, after: date) -> list[dict[str, Any]]:
    """Placements whose mission starts on a day in [first, after)."""
    return list(_proposals((Proposal.status == "placed") & (Proposal.start_date >= first)
                           & (Proposal.start_date < after), creator_id))


def open_due(reminder_id: int) -> datetime | None:
    """When an open reminder is due; None when it is done or does not exist."""
    due = (Reminder.select(Reminder.due_at)
           .where(Reminder.id == reminder_id, Reminder.done_at.is_null()).scalar())
    return aware(due) if due is not None else None
