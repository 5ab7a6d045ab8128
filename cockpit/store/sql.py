"""Plain SQL on the driver's own connection, for the reads a short command needs.

A whole-process command (`cockpit queue`, `reminders`, `report`…) would spend more time
importing peewee (~70 ms) than answering (~5 ms). The reads such a command makes are
written in portable SQL ('?' placeholders) and run through `rows()`: on peewee's connection
when the store is open (the cockpit, the services, the tests), else on the connection
`open_lean` made with the driver alone. Writes, migrations and every other read stay on
peewee. Nothing here imports peewee."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from datetime import datetime

from cockpit.domain.named import TYPE_CHECKING
from cockpit.store.location import SQLITE_PRAGMAS, is_read_only, postgres_params, private_file
from cockpit.store.location import sqlite_file as _sqlite_file
from cockpit.store.versions import CURRENT, TABLE

if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    Row = tuple[Any, ...]
else:
    Row = tuple


class Lean:
    """An open driver connection: sqlite3's or psycopg2's."""

    def __init__(self, connection: Any, postgres: bool, read_only: str | None = None) -> None:
        self.connection = connection
        self.postgres = postgres
        self.param = "%s" if postgres else "?"
        self.read_only = read_only  # the SQLite file, opened read-only as its owner made it

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        cursor = self.connection.cursor()
        try:
            if self.postgres:
                cursor.execute(sql.replace("?", "%s"), tuple(params))
            else:  # stored as peewee stores them: "YYYY-MM-DD HH:MM:SS[.ffffff]"
                cursor.execute(sql, tuple(str(p) if isinstance(p, datetime) else p
                                          for p in params))
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def change(self, sql: str, params: Sequence[object] = ()) -> int:
        """One write, committed at once (SQLite opened a transaction for it); rows changed."""
        cursor = self.connection.cursor()
        try:
            if self.postgres:
                cursor.execute(sql.replace("?", "%s"), tuple(params))
            else:
                cursor.execute(sql, tuple(str(p) if isinstance(p, datetime) else p
                                          for p in params))
            changed = int(cursor.rowcount)
        finally:
            cursor.close()
        self.connection.commit()
        return changed

    def commit(self) -> None:
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()


_lean: list[Lean] = []  # the connection open_lean made, while it is in use


def rows(sql: str, params: Sequence[object] = ()) -> list[Row]:
    """Run portable SQL ('?' becomes the driver's placeholder) and return plain tuples."""
    if _lean:
        return _lean[0].rows(sql, params)
    from cockpit.store.db import database

    db = database.obj
    return list(db.execute_sql(sql.replace("?", db.param), tuple(params)).fetchall())


def change(sql: str, params: Sequence[object] = ()) -> int:
    """Run one portable write (an UPDATE), committed; how many rows it changed."""
    if _lean:
        return _lean[0].change(sql, params)
    from cockpit.store.db import database

    db = database.obj
    return int(db.execute_sql(sql.replace("?", db.param), tuple(params)).rowcount)


def is_postgres() -> bool:
    if _lean:
        return _lean[0].postgres
    from cockpit.store.db import is_postgres as on_peewee

    return on_peewee()


def lean() -> Lean | None:
    """The driver-only connection in use, if any."""
    return _lean[0] if _lean else None


def open_lean(url: str) -> Lean | None:
    """A driver-only connection to a database that needs nothing but reading: it exists, is
    readable, and holds this code's schema version. None otherwise (a new file, a schema to
    migrate, a refusal to explain): the command then opens the store the full way, which
    creates, migrates or says what is wrong. `rows()` uses it until `close_lean()`."""
    try:
        opened = _open_postgres(url) if url.split(":", 1)[0] in ("postgresql", "postgres") \
            else _open_sqlite(url)
    except Exception:  # whatever the driver says, the full way says it better
        return None
    if opened is None:
        return None
    try:
        version = opened.rows(f"SELECT MAX(version) FROM {TABLE}")[0][0]
    except Exception:
        version = None
    if version != CURRENT:
        opened.close()
        return None
    _lean[:] = [opened]
    return opened


def close_lean() -> None:
    if _lean:
        _lean.pop().close()


def _open_sqlite(url: str) -> Lean | None:
    if not url.startswith("sqlite:"):
        return None
    path = _sqlite_file(url)
    if path is None or not os.path.isfile(path) or not _is_sqlite(path):
        return None
    read_only = is_read_only(path)
    if read_only:
        from urllib.parse import quote

        uri = f"file:{quote(os.path.realpath(path))}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=_busy_seconds())
    else:
        connection = sqlite3.connect(path, timeout=_busy_seconds())
        private_file(path)  # the side files SQLite makes with the umask
    for name in ("foreign_keys", "synchronous"):
        connection.execute(f"PRAGMA {name} = {SQLITE_PRAGMAS[name]}")
    return Lean(connection, postgres=False, read_only=path if read_only else None)


def _busy_seconds() -> float:
    return float(str(SQLITE_PRAGMAS["busy_timeout"])) / 1000


def _is_sqlite(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _open_postgres(url: str) -> Lean | None:
    import psycopg2

    name, params = postgres_params(url)
    connection = psycopg2.connect(dbname=name, **params)
    connection.autocommit = True  # reads only: no transaction left open between them
    return Lean(connection, postgres=True)
