"""Version 10: the agenda and the placements (issue 19).

A reminder's SEQUENCE for calendar programs (one more each time its due time moves, so an
imported .ics moves the event instead of doubling it), and a placement's dates and rates."""

from __future__ import annotations

import peewee as pw

COLUMNS = (
    ("reminder", "sequence", "INTEGER NOT NULL DEFAULT 0"),
    ("proposal", "start_date", "DATE"),
    ("proposal", "end_date", "DATE"),
    ("proposal", "buying_rate", "INTEGER"),
    ("proposal", "selling_rate", "INTEGER"),
)


def apply(db: pw.Database) -> None:
    present: dict[str, set[str]] = {}
    for table, name, sql_type in COLUMNS:
        if table not in present:
            present[table] = {c.name for c in db.get_columns(table)}
        if name not in present[table]:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")
    db.execute_sql("CREATE INDEX IF NOT EXISTS proposal_start_date ON proposal (start_date)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS proposal_interview_at ON proposal (interview_at)")
