"""What the team lead watches: calls in progress, overdue reminders, unassigned leads."""

from __future__ import annotations

from datetime import datetime, timedelta

from cockpit.domain.queue import CALL_KINDS
from cockpit.store.db import database
from cockpit.store.times import aware, naive

ABANDONED_AFTER = timedelta(hours=12)  # an unfinished call older than this is not "on"


def calls_in_progress(now: datetime) -> list[tuple[str, int, str, str, datetime]]:
    """(caller, call id, person, company, since) of the calls going on now: unfinished, and
    the person still claimed by that caller (a crashed cockpit's lease runs out)."""
    db = database.obj
    sql = ("SELECT k.name, c.id, COALESCE(p.first_name, f.first_name), "
           "COALESCE(p.last_name, f.last_name), COALESCE(co.name, ''), c.started_at "
           "FROM call c JOIN caller k ON k.id = c.caller_id "
           "LEFT JOIN contact p ON p.id = c.contact_id "
           "LEFT JOIN company co ON co.id = p.company_id "
           "LEFT JOIN freelance f ON f.id = c.freelance_id "
           "WHERE c.outcome IS NULL AND c.started_at >= ? "
           "AND COALESCE(p.claimed_by_id, f.claimed_by_id) = c.caller_id "
           "AND COALESCE(p.claim_expires_at, f.claim_expires_at) > ? "
           "ORDER BY c.started_at")
    rows = db.execute_sql(sql.replace("?", db.param),
                          [naive(now - ABANDONED_AFTER), naive(now)]).fetchall()
    return [(name, int(call_id), f"{first or ''} {last or ''}".strip(), company,
             aware(since))
            for name, call_id, first, last, company, since in rows]


def overdue_by_caller(now: datetime) -> dict[str, int]:
    """Open call reminders past due, counted per owner ("" for those without one)."""
    db = database.obj
    marks = ", ".join([db.param] * len(CALL_KINDS))
    sql = (f"SELECT COALESCE(k.name, ''), COUNT(*) FROM reminder r "
           f"LEFT JOIN caller k ON k.id = r.owner_id "
           f"WHERE r.done_at IS NULL AND r.due_at < {db.param} AND r.kind IN ({marks}) "
           f"GROUP BY k.name")
    rows = db.execute_sql(sql, [naive(now), *sorted(CALL_KINDS)]).fetchall()
    return {name: int(n) for name, n in rows}


def unassigned_leads() -> int:
    """Leads nobody owns and nobody has called yet (switchboards and do-not-call aside)."""
    db = database.obj
    sql = ("SELECT COUNT(*) FROM contact WHERE owner_id IS NULL AND last_contacted_at IS NULL "
           "AND do_not_call = FALSE AND is_switchboard = FALSE")
    return int(db.execute_sql(sql).fetchone()[0])
