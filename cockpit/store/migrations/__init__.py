"""Schema versions: one module a version, each with its own frozen definitions (SQL, or
peewee models copied into the module), never today's models, so that an old database still
migrates after the models change. Version 1 creates the tables; later ones are small steps.

Opening a database (store.db.open_store) only refuses a newer schema; every command then
calls `migrate` through `open_and_migrate`: a new database is created, an older one brought
up to date. Adding a version: a module vN.py with `apply(db)`, N in STEPS, schema.CURRENT."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from importlib import import_module

import peewee as pw

from cockpit.store.schema import CURRENT, TABLE, SchemaTooNew, refuse_newer, stored_version

__all__ = ["CURRENT", "STEPS", "SchemaTooNew", "current_version", "migrate", "open_and_migrate"]

STEPS = range(1, CURRENT + 1)  # each version's module: cockpit/store/migrations/v{N}.py


def step(version: int) -> Callable[[pw.Database], None]:
    """The function that brings a database from version-1 to `version`."""
    apply: Callable[[pw.Database], None] = import_module(f"{__name__}.v{version}").apply
    return apply


def current_version(db: pw.Database) -> int:
    return stored_version(db)


def migrate(db: pw.Database, target: int = CURRENT) -> int:
    """Bring the schema to `target`; returns the version found before. The steps are imported
    only when one is due: an up-to-date database costs one query."""
    found = refuse_newer(db)
    for version in range(found + 1, target + 1):
        with db.atomic():
            step(version)(db)  # version 1 creates schema_version too
            db.execute_sql(f"INSERT INTO {TABLE} (version, applied_at) VALUES ({db.param}, "
                           f"{db.param})", (version, datetime.now(UTC).replace(tzinfo=None)))
    return found


def open_and_migrate(url: str) -> pw.Database:
    """Open the database at `url`, create or upgrade its schema: what every command does."""
    import sqlite3

    from cockpit.store.db import failed, keep_private, open_store

    db = open_store(url)
    try:
        migrate(db)
    except (pw.OperationalError, pw.DatabaseError, sqlite3.DatabaseError) as exc:
        raise failed(url, exc) from exc
    keep_private(url)
    return db

