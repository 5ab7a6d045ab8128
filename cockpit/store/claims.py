"""Claims: a caller takes a person with a lease, in one conditional UPDATE, so two callers
never hold the same person; an expired lease is free again. Do-not-call is checked in the
same statement, at the very moment of the claim. Each statement runs alone and is committed
at once (store/sql.py), on peewee's connection or on the driver's own (`cockpit next`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from cockpit.store.sql import change, is_postgres, rows
from cockpit.store.times import naive as _naive

LEASE = timedelta(minutes=15)
_TABLES = {"contact": ("contact", "contact_id"), "freelance": ("freelance", "freelance_id")}


def _claimable(table: str, fk: str) -> str:
    """Free (or ours, or expired), not flagged, and no number of theirs on the list."""
    return ("do_not_call = ? "
            "AND (claimed_by_id IS NULL OR claimed_by_id = ? OR claim_expires_at IS NULL "
            "OR claim_expires_at < ?) "
            f"AND NOT EXISTS (SELECT 1 FROM phone ph JOIN do_not_call d ON d.e164 = ph.e164 "
            f"WHERE ph.{fk} = {table}.id)")


def claim(kind: str, person_id: int, caller_id: int, now: datetime,
          lease: timedelta = LEASE) -> bool:
    """Take the person for `caller_id` until now + lease; False if someone else holds it,
    or if the person (or one of their numbers) is on the do-not-call list."""
    return claim_first(kind, [person_id], caller_id, now, lease) == person_id


def claim_first(kind: str, person_ids: Sequence[int], caller_id: int, now: datetime,
                lease: timedelta = LEASE) -> int | None:
    """Take the first of these people (in this order) that can be taken; its id, or None.

    One statement in one short transaction. On PostgreSQL the row is chosen with SELECT …
    FOR UPDATE SKIP LOCKED, so eight callers asking at once never wait on each other's row;
    on SQLite, a conditional UPDATE per person (SQLite serialises writers anyway)."""
    if not person_ids:
        return None
    table, fk = _TABLES[kind]
    until, at = _naive(now + lease), _naive(now)
    if is_postgres():
        ids = [int(i) for i in person_ids]
        sql = (f"WITH chosen AS (SELECT id FROM {table} WHERE id = ANY(?) "
               f"AND {_claimable(table, fk)} ORDER BY array_position(?, id) LIMIT 1 "
               f"FOR UPDATE SKIP LOCKED) "
               f"UPDATE {table} SET claimed_by_id = ?, claim_expires_at = ? "
               f"FROM chosen WHERE {table}.id = chosen.id RETURNING {table}.id")
        # One statement, its own transaction (autocommit): the row is locked until it ends.
        row = rows(sql, (ids, False, caller_id, at, ids, caller_id, until))
        return int(row[0][0]) if row else None
    sql = (f"UPDATE {table} SET claimed_by_id = ?, claim_expires_at = ? "
           f"WHERE id = ? AND {_claimable(table, fk)}")
    for person_id in person_ids:
        if change(sql, (caller_id, until, person_id, False, caller_id, at)) == 1:
            return int(person_id)  # one statement: atomic on both databases
    return None


def renew(kind: str, person_id: int, caller_id: int, now: datetime,
          lease: timedelta = LEASE) -> bool:
    table, _ = _TABLES[kind]
    return change(f"UPDATE {table} SET claim_expires_at = ? WHERE id = ? AND claimed_by_id = ?",
                  (_naive(now + lease), person_id, caller_id)) == 1


def release(kind: str, person_id: int, caller_id: int) -> None:
    table, _ = _TABLES[kind]
    change(f"UPDATE {table} SET claimed_by_id = NULL, claim_expires_at = NULL "
           f"WHERE id = ? AND claimed_by_id = ?", (person_id, caller_id))


def holder(kind: str, person_id: int, now: datetime) -> int | None:
    """Who holds the person now (None when free or the lease expired)."""
    table, _ = _TABLES[kind]
    found = rows(f"SELECT claimed_by_id FROM {table} WHERE id = ? AND claimed_by_id IS NOT NULL "
                 f"AND claim_expires_at >= ?", (person_id, _naive(now)))
    return int(found[0][0]) if found else None
