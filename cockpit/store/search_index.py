"""The search index (SQLite's FTS5 tables, schema v8) written in bulk by an import: its
triggers held for the batch's transaction (schema v12's `search_pause`), then the rows the
batch touched indexed with one INSERT … SELECT each table, before the commit.

The SELECT is read from the database's own insert trigger, so a row indexed here holds
exactly what the trigger would have written (every spelling of a number included), whatever
version wrote the trigger. PostgreSQL has no index to keep: nothing happens there."""

from __future__ import annotations

import json
from collections.abc import Iterable

from cockpit.store.db import database, is_postgres

PAUSE = "search_pause"  # see migrations/v12.py
_IDS = "(SELECT value FROM json_each(?))"


class Held:
    """The index's triggers held in the current transaction; `index` writes the rows of each
    table, `release` lets the triggers fire again (always before the commit)."""

    def __init__(self) -> None:
        self.on = False
        self.statements = None if is_postgres() else _statements()
        if self.statements is None:
            return  # no index, or triggers of an unknown shape: they stay at work
        database.obj.execute_sql(f"INSERT OR REPLACE INTO {PAUSE} (id) VALUES (1)")
        self.on = True

    def index(self, kind: str, ids: Iterable[int]) -> None:
        """(Re)index these rows of `kind` (contact, company, freelance)."""
        found = sorted({int(i) for i in ids if i is not None})
        if not self.on or not found:
            return
        delete, insert = (self.statements or {})[kind]
        param = json.dumps(found)
        db = database.obj
        db.execute_sql(delete, (param,))
        db.execute_sql(insert, (param,))

    def release(self) -> None:
        if self.on:
            database.obj.execute_sql(f"DELETE FROM {PAUSE}")
            self.on = False


_KINDS = {"company": "co", "contact": "c", "freelance": "f"}


def _statements() -> dict[str, tuple[str, str]] | None:
    """Per kind, (DELETE, INSERT … SELECT) for a JSON list of ids, taken from the trigger
    `search_{kind}_ins`; None when the database has no pause or a trigger of another shape."""
    db = database.obj
    if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (PAUSE,)).fetchone():
        return None
    out: dict[str, tuple[str, str]] = {}
    for kind, alias in _KINDS.items():
        row = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                             (f"search_{kind}_ins",)).fetchone()
        if row is None:
            return None
        body = row[0].partition(" BEGIN ")[2]
        start = body.find(f"INSERT INTO search_{kind} ")
        end = body.rfind(";")
        if start < 0 or end < start:
            return None
        head, _, where = body[start:end].rpartition(" WHERE ")
        if where.strip() != f"{alias}.id = new.id":
            return None
        out[kind] = (f"DELETE FROM search_{kind} WHERE rowid IN {_IDS}",
                     f"{head} WHERE {alias}.id IN {_IDS}")
    return out
