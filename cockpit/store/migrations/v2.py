"""Version 2: freelances searched by city for mobility checks (issue 5)."""

from __future__ import annotations

import peewee as pw


def apply(db: pw.Database) -> None:
    db.execute_sql("CREATE INDEX IF NOT EXISTS freelance_city ON freelance (city)")
