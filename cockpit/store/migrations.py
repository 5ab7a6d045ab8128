"""Schema versions. Version 1 creates the tables; each later version is a small function.

Every command calls `migrate` through `connect`: a new database is created, an older one is
brought up to date, a newer one (written by a newer cockpit) is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import peewee as pw

from cockpit.store.models import ALL_MODELS, Freelance, SchemaVersion


class SchemaTooNew(pw.DatabaseError):
    pass


def _v1(db: pw.Database) -> None:
    db.create_tables(ALL_MODELS, safe=True)


def _v2(db: pw.Database) -> None:
    # Version 2: freelances searched by city for mobility checks (issue 5).
    db.execute_sql(
        f"CREATE INDEX IF NOT EXISTS freelance_city ON {Freelance._meta.table_name} (city)"
    )


def _v3(db: pw.Database) -> None:
    # Version 3: a caller's calls of the day, for the figures in the top bar.
    db.execute_sql("CREATE INDEX IF NOT EXISTS call_caller_started ON call (caller_id, started_at)")


def _v4(db: pw.Database) -> None:
    # Version 4: the call a caller left unfinished, looked up at every start. Without it the
    # lookup walks all the caller's calls (76 ms for 50,000). Partial indexes: SQLite 3.8+
    # and PostgreSQL alike.
    db.execute_sql("CREATE INDEX IF NOT EXISTS call_unfinished ON call (caller_id, started_at) "
                   "WHERE outcome IS NULL")


# Columns added by version 5; a database created at version 1 by this code already has them.
_V5_COLUMNS = {
    "freelance": (("search", "TEXT NOT NULL DEFAULT ''"),),
    "proposal": (("anonymised_cv", "TEXT NOT NULL DEFAULT ''"), ("interview_at", "TIMESTAMP"),
                 ("placed_at", "TIMESTAMP"),
                 ("non_compete_signed", "BOOLEAN NOT NULL DEFAULT FALSE"),
                 ("non_solicitation_signed", "BOOLEAN NOT NULL DEFAULT FALSE")),
}


def _v5(db: pw.Database) -> None:
    # Version 5: needs and freelances (issue 5): type-to-search words, proposals followed up.
    from cockpit.store.freelance_search import refresh_search_text

    for table, columns in _V5_COLUMNS.items():
        present = {c.name for c in db.get_columns(table)}
        for name, sql_type in columns:
            if name not in present:
                db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")
    refresh_search_text()


_V6_COLUMNS = ("asked_not_to_call", "BOOLEAN NOT NULL DEFAULT FALSE")
# The reasons earlier versions wrote when a person asked (the call's outcome, the `x` key).
_ASKED = ("asked during a call", "marked by a caller")


def _v6(db: pw.Database) -> None:
    # Version 6: do-not-call is about a person (issue 14). Who asked themselves is kept, so
    # lifting a number off the list never lifts them; and a switchboard put on the list when
    # one of its people asked is reopened for her colleagues (she stays flagged).
    for table in ("contact", "freelance"):
        if _V6_COLUMNS[0] not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {' '.join(_V6_COLUMNS)}")
        db.execute_sql(
            f"UPDATE {table} SET asked_not_to_call = TRUE WHERE do_not_call = TRUE AND ("
            f"id IN (SELECT {table}_id FROM call WHERE outcome = 'do_not_call') OR id IN "
            f"(SELECT entity_id FROM audit_log WHERE action = 'do_not_call' "
            f"AND entity = '{table}'))")
    p = db.param
    db.execute_sql(f"DELETE FROM do_not_call WHERE reason IN ({p}, {p}) AND e164 IN "
                   "(SELECT e164 FROM phone WHERE label = 'standard')", _ASKED)


_V7_COLUMNS = (("login", "VARCHAR(255)"), ("left_at", "TIMESTAMP"))


def _v7(db: pw.Database) -> None:
    # Version 7: the team (issue 17). A caller's login role (PostgreSQL), unique when given,
    # and the moment they left: a departed caller keeps their history but is no longer
    # offered anywhere.
    present = {c.name for c in db.get_columns("caller")}
    for name, sql_type in _V7_COLUMNS:
        if name not in present:
            db.execute_sql(f"ALTER TABLE caller ADD COLUMN {name} {sql_type}")
    db.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS caller_login ON caller (login)")


MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {
    1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7,
}
CURRENT = max(MIGRATIONS)


def current_version(db: pw.Database) -> int:
    if not db.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.select(pw.fn.MAX(SchemaVersion.version)).scalar()
    return int(row or 0)


def migrate(db: pw.Database, target: int = CURRENT) -> int:
    """Bring the schema to `target`; returns the version found before."""
    found = current_version(db)
    if found > CURRENT:
        raise SchemaTooNew(
            f"the database has schema version {found}, newer than this cockpit ({CURRENT}); "
            "upgrade the cockpit"
        )
    for version in range(found + 1, target + 1):
        with db.atomic():
            if version == 1:
                db.create_tables([SchemaVersion], safe=True)
            MIGRATIONS[version](db)
            SchemaVersion.create(version=version, applied_at=datetime.now(UTC).replace(tzinfo=None))
    return found
