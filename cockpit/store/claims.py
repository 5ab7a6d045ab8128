"""Claims: a caller takes a person with a lease, in one conditional UPDATE, so two callers
never hold the same person; an expired lease is free again. Do-not-call is checked in the
same statement, at the very moment of the claim."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from cockpit.store.db import database, is_postgres
from cockpit.store.times import naive as _naive

LEASE = timedelta(minutes=15)
_TABLES = {"contact": ("contact", "contact_id"), "freelance": ("freelance", "freelance_id")}


def _claimable(table: str, fk: str, p: str) -> str:
    """Free (or ours, or expired), not flagged, and no number of theirs on the list."""
    return (f"do_not_call = {p} "
            f"AND (claimed_by_id IS NULL OR claimed_by_id = {p} OR claim_expires_at IS NULL "
            f"OR claim_expires_at < {p}) "
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
    db = database.obj
    p = db.param
    until, at = _naive(now + lease), _naive(now)
    if is_postgres():
        ids = [int(i) for i in person_ids]
        sql = (f"WITH chosen AS (SELECT id FROM {table} WHERE id = ANY({p}) "
               f"AND {_claimable(table, fk, p)} ORDER BY array_position({p}, id) LIMIT 1 "
               f"FOR UPDATE SKIP LOCKED) "
               f"UPDATE {table} SET claimed_by_id = {p}, claim_expires_at = {p} "
               f"FROM chosen WHERE {table}.id = chosen.id RETURNING {table}.id")
        with db.atomic():
            row = db.execute_sql(sql, (ids, False, caller_id, at, ids, caller_id,
                                       until)).fetchone()
        return int(row[0]) if row else None
    sql = (f"UPDATE {table} SET claimed_by_id = {p}, claim_expires_at = {p} "
           f"WHERE id = {p} AND {_claimable(table, fk, p)}")
    for person_id in person_ids:
        cursor = db.execute_sql(sql, (caller_id, until, person_id, False, caller_id, at))
        if cursor.rowcount == 1:  # one statement: atomic on both databases
            return int(person_id)
    return None


def renew(kind: str, person_id: int, caller_id: int, now: datetime,
          lease: timedelta = LEASE) -> bool:
    table, _ = _TABLES[kind]
    db = database.obj
    p = db.param
    cursor = db.execute_sql(
        f"UPDATE {table} SET claim_expires_at = {p} WHERE id = {p} AND claimed_by_id = {p}",
        (_naive(now + lease), person_id, caller_id))
    return cursor.rowcount == 1


def release(kind: str, person_id: int, caller_id: int) -> None:
    table, _ = _TABLES[kind]
    db = database.obj
    p = db.param
    db.execute_sql(
        f"UPDATE {table} SET claimed_by_id = NULL, claim_expires_at = NULL "
        f"WHERE id = {p} AND claimed_by_id = {p}", (person_id, caller_id))


def holder(kind: str, person_id: int, now: datetime) -> int | None:
    """Who holds the person now (None when free or the lease expired)."""
    table, _ = _TABLES[kind]
    db = database.obj
    p = db.param
    row = db.execute_sql(
        f"SELECT claimed_by_id FROM {table} WHERE id = {p} AND claimed_by_id IS NOT NULL "
        f"AND claim_expires_at >= {p}", (person_id, _naive(now))).fetchone()
    return row[0] if row else None
