"""Version 3: a caller's calls of the day, for the figures in the top bar."""

from __future__ import annotations

import peewee as pw


def apply(db: pw.Database) -> None:
    db.execute_sql("CREATE INDEX IF NOT EXISTS call_caller_started ON call (caller_id, started_at)")
