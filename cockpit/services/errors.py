"""Errors the services raise to the UI and the CLI. No store import here: the UI uses it."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

from cockpit.domain.named import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from typing import Any, TypeVar

    from cockpit.services.connection import Connection

    F = TypeVar("F", bound=Callable[..., Any])


class ServiceError(Exception):
    """A use case could not be carried out; `code` and `params` let the UI say why."""

    def __init__(self, text: str, *, code: str = "service", **params: Any) -> None:
        super().__init__(text)
        self.code = code
        self.params = params


class StoreUnavailable(ServiceError):
    """The database cannot be reached or written (unreachable, read-only, disk full)."""

    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text, code="store_unavailable", message=text, **params)


class DiskFull(StoreUnavailable):
    """The disk (of the database or of the state folder) is full: the work waits in memory
    until there is room again."""

    def __init__(self, text: str = "disk full", **params: Any) -> None:
        ServiceError.__init__(self, text, code="disk_full", message=text, **params)


class ReadOnly(StoreUnavailable):
    """The database file is read-only (its owner made it so): every write is refused, and
    the user is told that in their words, not SQLite's ("attempt to write a readonly
    database")."""

    def __init__(self, text: str = "read-only database", **params: Any) -> None:
        ServiceError.__init__(self, text, code="read_only", message=text, **params)


def read_only(exc: BaseException | None) -> bool:
    """Whether a failure is a write refused by a read-only database (the causes searched)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, ReadOnly):
            return True
        text = str(exc).lower()
        if "readonly database" in text or "read-only database" in text:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def read_only_database() -> str | None:
    """The SQLite file opened read-only, when it is (for the screens, which never ask the
    store themselves)."""
    from cockpit.store.sql import lean

    opened = lean()  # read on the driver's own connection: it knows (store/sql.py)
    if opened is not None:
        return None if opened.read_only is None else str(opened.read_only)
    from cockpit.store.db import read_only_file

    path = read_only_file()
    return None if path is None else str(path)


def disk_full(exc: BaseException | None) -> bool:
    """Whether a failure is a full disk, wherever it was raised: a file write (ENOSPC, a
    quota), SQLite ("database or disk is full", and the "cannot rollback" that follows it),
    PostgreSQL (SQLSTATE 53100). The causes are searched too."""
    import errno

    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DiskFull):
            return True
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(exc).lower()
        if ("database or disk is full" in text or "no space left on device" in text
                or getattr(exc, "pgcode", None) == "53100"):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def connection_lost(exc: BaseException) -> bool:
    """Whether a database failure is the connection (server unreachable, cut, file locked
    or read-only, disk full) rather than the server refusing the work (a permission, a
    constraint): the first passes when the connection returns, the second needs someone."""
    import sqlite3

    if isinstance(exc, StoreUnavailable) and exc.__cause__ is None:
        return True  # said by the services themselves: known to be offline
    cause = exc.__cause__ if isinstance(exc, StoreUnavailable) else exc
    kinds: tuple[type[BaseException], ...] = (sqlite3.OperationalError, sqlite3.InterfaceError)
    # A module never loaded is not what failed (peewee on a short command's read, psycopg2
    # on SQLite).
    for name in ("peewee", "psycopg2"):
        module = sys.modules.get(name)
        if module is not None:
            kinds += (module.OperationalError, module.InterfaceError)
    return isinstance(cause, kinds)


def refusal(exc: BaseException) -> str:
    """What the server said, for the caller's screen: its first line (the DETAIL lines, which
    may quote the values, are left out)."""
    if read_only(exc):  # SQLite's own words would puzzle a caller
        from cockpit.store.db import READ_ONLY

        return READ_ONLY
    cause = exc.__cause__ if isinstance(exc, StoreUnavailable) and exc.__cause__ else exc
    text = str(cause).strip()
    return text.splitlines()[0] if text else type(cause).__name__


def _reset_connection() -> None:
    """After a failure the connection may be dead (server restarted, network cut): close it,
    so the next use opens a fresh one instead of failing forever."""
    if "peewee" not in sys.modules:  # nothing opened through it (a short command's read)
        return
    try:
        from cockpit.store.db import database

        if database.obj is not None and not database.obj.is_closed():
            database.obj.close()
    except Exception:  # closing a broken connection may itself fail: it is gone anyway
        pass


def _database_errors() -> tuple[type[BaseException], ...]:
    """What a failing database raises: peewee's errors, or a driver's when a short command
    reads through the driver alone (store/sql.py); a module never loaded raised nothing."""
    import sqlite3

    kinds: tuple[type[BaseException], ...] = (sqlite3.DatabaseError, sqlite3.InterfaceError)
    for name in ("peewee", "psycopg2"):
        module = sys.modules.get(name)
        if module is not None:
            kinds += (module.DatabaseError, module.InterfaceError)
    return kinds


def store_guard(fn: F) -> F:
    """Database failures (unreachable, locked, read-only, disk full) become StoreUnavailable,
    which the screens show as a message instead of crashing."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import time

        # The services keep one view of the connection (the top bar's OFFLINE): every
        # guarded call that reaches the database updates it.
        # (the part's `connection`, when the guarded function is a method of one).
        owner: Connection | None = getattr(args[0], "connection", None) if args else None
        started, troubles = time.monotonic(), owner.troubles if owner is not None else 0
        try:
            result = fn(*args, **kwargs)
        except _database_errors() as exc:  # lost connection too
            from cockpit.logs import log

            _reset_connection()
            if owner is not None:
                owner.trouble(exc, started)
            # The type only: a driver's message may quote the values (PostgreSQL does).
            log.warning("database error in %s: %s", fn.__name__, type(exc).__name__)
            if disk_full(exc):
                raise DiskFull() from exc
            if read_only(exc):
                raise ReadOnly() from exc
            raise StoreUnavailable(refusal(exc)) from exc
        if owner is not None and owner.troubles == troubles:
            owner.answered()  # it answered, and nothing inside failed
        return result

    return cast("F", wrapper)


def store_failed(exc: BaseException) -> bool:
    """Whether `exc` is the database failing (unreachable, cut, read-only, full), whatever
    layer raised it. When it is, the connection is reset, so the next use reconnects."""
    failed = isinstance(exc, StoreUnavailable)
    if not failed:
        import sqlite3

        import peewee

        failed = isinstance(exc, peewee.PeeweeException | sqlite3.Error)
    if not failed:
        psycopg2 = sys.modules.get("psycopg2")  # never loaded: not what failed (SQLite)
        failed = psycopg2 is not None and isinstance(exc, psycopg2.Error)
    if failed:
        _reset_connection()
    return failed
