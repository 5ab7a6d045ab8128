"""Version 12: a person's other e-mail addresses (issue 18).

The files people bring hold several addresses for one person (Google's "E-mail 2 - Value",
Outlook's "E-mail 2 Address", " ::: " in one cell): the first stays `email`, the others are
kept here, separated by spaces (an address holds none), so none is lost on the way in."""

from __future__ import annotations

import peewee as pw

COLUMNS = (("contact", "other_emails"), ("freelance", "other_emails"))


def apply(db: pw.Database) -> None:
    for table, name in COLUMNS:
        if name not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {name} TEXT NOT NULL DEFAULT ''")
