"""The search index (SQLite's FTS5 tables, schema v8) written in bulk by an import.

Its triggers wrote each contact's entry, deleted it and wrote it again when its number went
in (prefix indexes make every write dear): 30 s of a 100,000-row import. Inside a batch's
transaction they are taken out, the batch written, its rows indexed with one INSERT … SELECT
a table, and the triggers put back, word for word, before the commit. DDL is transactional
in SQLite: no other connection ever sees them missing, and a killed import rolls back its
rows and the triggers' removal alike. (A flag each trigger's WHEN clause reads was tried:
the triggers still run for every row, and cost the import two seconds more in 100,000.)

The SELECT is read from the database's own insert trigger, so an entry written here holds
exactly what the trigger would have written (every spelling of a number included), whatever
version wrote the trigger. PostgreSQL has no index to keep: nothing happens there."""

from __future__ import annotations

import json
from collections.abc import Iterable

from cockpit.store.db import database, is_postgres

_IDS = "(SELECT value FROM json_each(?))"
_KINDS = {"company": "co", "contact": "c", "freelance": "f"}
# The triggers an import's writes fire: its inserts, a merge's update, a number relabelled
# as a switchboard. Any other stays at work (keeping one is never wrong, only slower).
_HELD = ("search_company_ins", "search_contact_ins", "search_contact_upd",
         "search_freelance_ins", "search_freelance_upd", "search_phone_ins_contact",
         "search_phone_ins_freelance", "search_phone_upd")
# Those an import of one kind fires: the others never run for its rows (a contact's number
# is no freelance's), and each one taken out and put back costs every batch its DDL.
_HELD_BY_KIND = {
    "contact": ("search_company_ins", "search_contact_ins", "search_contact_upd",
                "search_phone_ins_contact", "search_phone_upd"),
    "freelance": ("search_freelance_ins", "search_freelance_upd",
                  "search_phone_ins_freelance", "search_phone_upd"),
}


class Held:
    """The index's triggers out of the current transaction; `index` writes the entries of
    the rows given, `release` puts the triggers back (always before the commit)."""

    def __init__(self, kind: str | None = None) -> None:
        """`kind` (contact, freelance): only the triggers its import fires are taken out;
        None: all of them."""
        self.on = False
        self.triggers: list[tuple[str, str]] = []
        self.statements = None if is_postgres() else _statements()
        if self.statements is None:
            return  # no index, or triggers of an unknown shape: they stay at work
        db = database.obj
        held = _HELD_BY_KIND.get(kind or "", _HELD)
        marks = ", ".join("?" * len(held))
        self.triggers = [(name, sql) for name, sql in db.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks}) "
            "ORDER BY name", held).fetchall()]
        for name, _ in self.triggers:
            db.execute_sql(f'DROP TRIGGER "{name}"')
        self.on = True

    def index(self, kind: str, ids: Iterable[int | None]) -> None:
        """(Re)index these rows of `kind` (contact, company, freelance)."""
        found = sorted({int(i) for i in ids if i is not None})
        if not self.on or not found or self.statements is None:
            return
        delete, insert = self.statements[kind]
        param = json.dumps(found)
        db = database.obj
        db.execute_sql(delete, (param,))
        db.execute_sql(insert, (param,))

    def release(self) -> None:
        if self.on:
            db = database.obj
            for _, sql in self.triggers:
                db.execute_sql(sql)
            self.on = False


def _statements() -> dict[str, tuple[str, str]] | None:
    """Per kind, (DELETE, INSERT … SELECT) for a JSON list of ids, taken from the trigger
    `search_{kind}_ins`; None when the database has no such trigger or one of another shape."""
    db = database.obj
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
