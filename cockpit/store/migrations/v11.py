"""Version 11: what a firm's old files say about a company (issue 18).

Its SIREN and head-office SIRET (checked keys), postal address and postcode, and its
switchboard number (E.164), shared by its people: the number a caller gets through when a
person has no line of their own."""

from __future__ import annotations

import peewee as pw

COLUMNS = tuple((name, "VARCHAR(255) NOT NULL DEFAULT ''")
                for name in ("siren", "siret", "address", "postcode", "switchboard"))


def apply(db: pw.Database) -> None:
    present = {c.name for c in db.get_columns("company")}
    for name, sql_type in COLUMNS:
        if name not in present:
            db.execute_sql(f"ALTER TABLE company ADD COLUMN {name} {sql_type}")
    db.execute_sql("CREATE INDEX IF NOT EXISTS company_siren ON company (siren)")
