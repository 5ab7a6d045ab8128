"""The schema version this code knows, and the one a database holds: what opening checks.

Kept apart from the migrations so that opening a database imports none of them."""

from __future__ import annotations

import peewee as pw

CURRENT = 11  # the newest schema version; cockpit/store/migrations has one step per version
TABLE = "schema_version"


class SchemaTooNew(pw.DatabaseError):
    """The database was written by a newer cockpit: this one must not touch it."""


def stored_version(db: pw.Database) -> int:
    """The schema version of the database (0 for a new one)."""
    if not db.table_exists(TABLE):
        return 0
    row = db.execute_sql(f"SELECT MAX(version) FROM {TABLE}").fetchone()
    return int(row[0] or 0) if row else 0


def refuse_newer(db: pw.Database) -> int:
    """The stored version; raises SchemaTooNew when it is newer than this code's."""
    found = stored_version(db)
    if found > CURRENT:
        raise SchemaTooNew(
            f"the database has schema version {found}, newer than this cockpit ({CURRENT}); "
            "upgrade the cockpit"
        )
    return found
