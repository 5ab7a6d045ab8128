"""Reads written once in portable SQL, run by `sql.rows`: on peewee's connection when the
store is open, on the driver's own when a short command opened it lean (`sql.open_lean`).
The store's other modules and the services call these, so both paths run the same query.
Nothing here imports peewee."""

from __future__ import annotations

from cockpit.store.sql import Row, rows
from cockpit.store.times import aware

_CALLER = "SELECT id, name, first_name, is_lead, active FROM caller"


def callers() -> list[Row]:
    """(id, name, first name, lead?, active) of the team's active callers, in id order."""
    return [_caller(r) for r in rows(f"{_CALLER} WHERE active = ? ORDER BY id", (True,))]


def caller_named(name: str) -> Row | None:
    """The caller of that name (any case), who may have left the team (active false)."""
    found = rows(f"{_CALLER} WHERE LOWER(name) = ? ORDER BY id LIMIT 1", (name.lower(),))
    return _caller(found[0]) if found else None


def _caller(row: Row) -> Row:
    return (int(row[0]), str(row[1]), str(row[2]), bool(row[3]), bool(row[4]))


_OPEN_REMINDERS = (
    "SELECT r.id, r.due_at, r.kind, r.reason, COALESCE(k.name, ''), r.contact_id,"
    " c.first_name, c.last_name, f.first_name, f.last_name, COALESCE(co.name, '')"
    " FROM reminder r LEFT JOIN contact c ON c.id = r.contact_id"
    " LEFT JOIN company co ON co.id = c.company_id"
    " LEFT JOIN freelance f ON f.id = r.freelance_id"
    " LEFT JOIN caller k ON k.id = r.owner_id"
    " WHERE r.done_at IS NULL AND r.kind <> 'cooldown'{owner}"
    " ORDER BY r.due_at, r.id LIMIT ?")


def open_reminders(owner_id: int | None, limit: int = 500) -> list[dict[str, object]]:
    """Open reminders of a caller (all callers when None), soonest first."""
    owner = "" if owner_id is None else " AND r.owner_id = ?"
    params: tuple[object, ...] = (int(limit),) if owner_id is None else (owner_id, int(limit))
    found = []
    for (rid, due, kind, reason, owner_name, contact_id, c_first, c_last, f_first, f_last,
         company) in rows(_OPEN_REMINDERS.format(owner=owner), params):
        # A contact's name when the reminder is about one, else the freelance's.
        first, last = (c_first, c_last) if c_first is not None else (f_first, f_last)
        person = f"{first} {last}".strip() if first is not None else ""
        found.append({"id": int(rid), "due_at": aware(due), "kind": kind, "reason": reason,
                      "owner": owner_name, "person": person,
                      "company": company if c_first is not None else "",
                      "contact_id": contact_id})
    return found


def has_people() -> bool:
    """Anyone to call at all: a contact or a freelance."""
    return bool(rows("SELECT 1 FROM contact LIMIT 1") or rows("SELECT 1 FROM freelance LIMIT 1"))


def first_phone(kind: str, person_id: int) -> str:
    """The number to dial: a direct line first (it reaches the person past the
    switchboard), else the first recorded; "" when none."""
    from cockpit.store.card_reads import phones_of  # the card's order: one rule

    found = phones_of(kind, person_id)
    return found[0].e164 if found else ""


# The groups db/team.sql creates, the lead's first.
TEAM_GROUPS = ("cockpit_lead", "cockpit_caller")


def session_identity() -> tuple[str, str | None, int | None] | None:
    """On PostgreSQL: (the login, "lead" | "caller" | None, the id of the caller row with
    that login). None on SQLite, which has no logins. The role is None for a login outside
    db/team.sql's groups (the owner, a superuser): nothing then ties it to a caller."""
    from cockpit.store.sql import is_postgres

    if not is_postgres():
        return None
    login, superuser = rows(
        "SELECT session_user, rolsuper FROM pg_roles WHERE rolname = session_user")[0]
    groups = set() if superuser else {name for (name,) in rows(
        "SELECT rolname FROM pg_roles WHERE rolname IN (?, ?) "
        "AND pg_has_role(current_user, oid, 'MEMBER')", TEAM_GROUPS)}
    role = next((g.removeprefix("cockpit_") for g in TEAM_GROUPS if g in groups), None)
    caller_id = None
    if role is not None:  # team.sql refuses a schema without caller.login
        found = rows("SELECT id FROM caller WHERE login = ?", (login,))
        caller_id = int(found[0][0]) if found else None
    return str(login), role, caller_id


def unfinished_call(caller_id: int) -> tuple[int, str] | None:
    """(id, saved session) of the caller's latest call left without an outcome, as
    `calls.unfinished` finds it; None when every call of theirs ended."""
    found = rows("SELECT id, state FROM call WHERE caller_id = ? AND outcome IS NULL "
                 "ORDER BY started_at DESC LIMIT 1", (caller_id,))
    return (int(found[0][0]), str(found[0][1] or "")) if found else None
