"""Claims: a caller takes a person with a lease, in one conditional UPDATE, so two callers
never hold the same person; an expired lease is free again. Do-not-call is checked in the
same statement, at the very moment of the claim."""

from __future__ import annotations

from datetime import datetime, timedelta

from cockpit.store.db import database
from cockpit.store.times import naive as _naive

LEASE = timedelta(minutes=15)
_TABLES = {"contact": ("contact", "contact_id"), "freelance": ("freelance", "freelance_id")}


def claim(kind: str, person_id: int, caller_id: int, now: datetime,
          lease: timedelta = LEASE) -> bool:
    """Take the person for `caller_id` until now + lease; False if someone else holds it,
    or if the person (or one of their numbers) is on the do-not-call list."""
    table, fk = _TABLES[kind]
    db = database.obj
    p = db.param
    sql = (
        f"UPDATE {table} SET claimed_by_id = {p}, claim_expires_at = {p} "
        f"WHERE id = {p} AND do_not_call = {p} "
        f"AND (claimed_by_id IS NULL OR claimed_by_id = {p} OR claim_expires_at IS NULL "
        f"OR claim_expires_at < {p}) "
        f"AND NOT EXISTS (SELECT 1 FROM phone ph JOIN do_not_call d ON d.e164 = ph.e164 "
        f"WHERE ph.{fk} = {table}.id)"
    )
    params = (caller_id, _naive(now + lease), person_id, False, caller_id, _naive(now))
    cursor = db.execute_sql(sql, params)  # one statement: atomic on both databases
    return cursor.rowcount == 1


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
