"""Version 7: the team (issue 17).

A caller's login role (PostgreSQL), unique when given, and the moment they left: a departed
caller keeps their history but is no longer offered anywhere."""

from __future__ import annotations

import peewee as pw

COLUMNS = (("login", "VARCHAR(255)"), ("left_at", "TIMESTAMP"))


def apply(db: pw.Database) -> None:
    present = {c.name for c in db.get_columns("caller")}
    for name, sql_type in COLUMNS:
        if name not in present:
            db.execute_sql(f"ALTER TABLE caller ADD COLUMN {name} {sql_type}")
    db.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS caller_login ON caller (login)")
