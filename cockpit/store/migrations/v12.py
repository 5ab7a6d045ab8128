"""Version 12: the search index's triggers can be held for one transaction (issue 18).

A big import wrote each contact's index row, deleted it and wrote it again when its number
went in (prefix indexes make each write dear): half of the import's time. Now every search
trigger of version 8 fires only while `search_pause` is empty. An import fills it at the
start of a batch's transaction, indexes the batch's rows itself with one INSERT … SELECT,
and empties it before the commit: no other connection ever sees it set, and a killed import
rolls back the flag with its rows (store/search_index.py). SQLite only, as version 8."""

from __future__ import annotations

import peewee as pw

PAUSE = "search_pause"
GUARD = f"NOT EXISTS (SELECT 1 FROM {PAUSE})"


def guarded(sql: str) -> str:
    """A trigger's statement with the guard in its WHEN clause (the first " BEGIN " ends
    the trigger's head: its name, event, table and WHEN)."""
    head, sep, body = sql.partition(" BEGIN ")
    if GUARD in head or not sep:
        return sql
    if " WHEN " in head:
        head = head.replace(" WHEN ", f" WHEN {GUARD} AND (", 1) + ")"
    else:
        head += f" WHEN {GUARD}"
    return f"{head}{sep}{body}"


def apply(db: pw.Database) -> None:
    if not isinstance(db, pw.SqliteDatabase):
        return
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {PAUSE} (id INTEGER PRIMARY KEY)")
    triggers = db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "AND name LIKE 'search\\_%' ESCAPE '\\'").fetchall()
    for name, sql in triggers:
        new = guarded(sql)
        if new != sql:
            db.execute_sql(f'DROP TRIGGER "{name}"')
            db.execute_sql(new)
