"""One URL picks the database: SQLite (embedded, the default) or PostgreSQL (a team's).

The models are bound to a proxy, so the same models and queries serve both."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

import peewee

# sqlite_path and mask_url are also used from here by the rest of the store.
from cockpit.store.location import (
    SQLITE_PRAGMAS,
    is_read_only,
    mask_url,
    postgres_params,
    private_file,
    sqlite_path,
)

database = peewee.DatabaseProxy()


class StoreError(Exception):
    """The database cannot be used: the message says which one and why (in English, for
    the log); `code` and `params` let the interface say it in the user's language."""

    code: str | None = None  # a subclass may name its own

    def __init__(self, message: str, code: str = "", **params: object) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.params = params


READ_ONLY = "base en lecture seule"
_read_only: Path | None = None  # the SQLite file opened read-only, when it is


def read_only_file() -> Path | None:
    """The SQLite file, when its owner made it read-only (then nothing can be saved)."""
    return _read_only


def read_only_message(exc: BaseException) -> str | None:
    """The message for a write refused because the database is read-only, else None."""
    text = str(exc)
    if "readonly database" not in text and "read-only" not in text:
        return None
    where = f" ({_read_only}: chmod u+w pour y écrire)" if _read_only else ""
    return f"{READ_ONLY}{where} : rien n'a été enregistré"


def _open_sqlite(url: str) -> peewee.Database:
    global _read_only
    path = sqlite_path(url)
    _read_only = None
    if path is None:
        if ":memory:" not in url:  # "sqlite:///": nothing typed would be kept anywhere
            raise StoreError(f"{mask_url(url)}: names no file", "store_no_file",
                             url=mask_url(url))
        return peewee.SqliteDatabase(":memory:", pragmas=SQLITE_PRAGMAS)
    if "\0" in str(path):  # no file can be named so: the system would refuse it later
        raise StoreError(f"{mask_url(url)}: a file name cannot hold a null character (%00)",
                         "store_null_in_path", url=mask_url(url))
    if path.exists() and path.is_dir():
        raise StoreError(f"{mask_url(url)}: {path} is a folder, not a database file",
                         "store_folder", url=mask_url(url), path=str(path))
    if is_read_only(path):
        return _open_read_only(url, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        private_file(path)
    except OSError as exc:
        raise StoreError(f"{mask_url(url)}: cannot create {path}: {exc.strerror}",
                         "store_cannot_create", url=mask_url(url), path=str(path),
                         detail=str(exc.strerror)) from exc
    if not os.access(path, os.R_OK):
        raise StoreError(f"{mask_url(url)}: {path} is not readable", "store_unreadable",
                         url=mask_url(url), path=str(path))
    with path.open("rb") as handle:
        head = handle.read(16)
    if head and head != b"SQLite format 3\x00":
        raise StoreError(f"{mask_url(url)}: {path} is not a SQLite database", "store_not_sqlite",
                         url=mask_url(url), path=str(path))
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)


def _open_read_only(url: str, path: Path) -> peewee.Database:
    """Opened by SQLite itself read-only (mode=ro): its mode is left as the owner set it."""
    global _read_only
    if not os.access(path, os.R_OK):
        raise StoreError(f"{mask_url(url)}: {path} is not readable", "store_unreadable",
                         url=mask_url(url), path=str(path))
    _read_only = path
    pragmas = {k: v for k, v in SQLITE_PRAGMAS.items() if k != "journal_mode"}
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return peewee.SqliteDatabase(uri, uri=True, pragmas=pragmas, check_same_thread=False)


def _open_postgres(url: str) -> peewee.Database:
    try:
        name, params = postgres_params(url)  # libpq's keywords, handed on by peewee to psycopg2
    except ValueError:
        raise StoreError(f"{mask_url(url)}: the URL names no database (…/dbname)",
                         "store_no_name", url=mask_url(url)) from None
    try:
        import psycopg2  # noqa: F401
    except ImportError as exc:
        raise StoreError("PostgreSQL needs psycopg2: pip install 'cockpit[postgres]'",
                         "store_no_driver") from exc
    return peewee.PostgresqlDatabase(name, autoconnect=True, **params)


def open_database(url: str) -> peewee.Database:
    """A peewee database for the URL; raises StoreError with a clear reason."""
    global _read_only
    _read_only = None  # an earlier file's, in this process, is not this database's
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "sqlite":
        return _open_sqlite(url)
    if scheme in ("postgresql", "postgres"):
        return _open_postgres(url)
    raise StoreError(
        f"{mask_url(url)}: unknown database URL; use sqlite:///path/file.sqlite "
        "or postgresql://user@host/dbname", "store_unknown_url", url=mask_url(url)
    )


def open_store(url: str) -> peewee.Database:
    """Open the database and bind the models to it; a newer schema is refused. The schema
    is not touched: `cockpit.store.migrations.open_and_migrate` also brings it up to date."""
    from cockpit.store.schema import refuse_newer

    db = open_database(url)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        refuse_newer(db)
    except (peewee.OperationalError, peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise failed(url, exc) from exc
    keep_private(url)
    return db


def keep_private(url: str) -> None:
    """SQLite made its side files (-wal, -shm) with the umask: owner-only, like the file."""
    path = sqlite_path(url)
    if path is not None and _read_only is None:
        private_file(path)


def is_postgres() -> bool:
    return database.obj.__class__.__name__.startswith("Postgres")


def refresh_statistics() -> None:
    """After a bulk load (demo, import), tell the planner the new sizes. PostgreSQL's
    autovacuum would do it in its own time; until then it scans whole tables where an index
    serves (the large demo's queue: 90 ms before, 30 ms after)."""
    db = database.obj
    db.execute_sql("ANALYZE" if is_postgres() else "PRAGMA optimize")


def failed(url: str, exc: BaseException) -> StoreError:
    """The database refused to open or to migrate: said with its cause's code."""
    code, params = explain_code(exc)
    return StoreError(f"{mask_url(url)}: {explain(exc)}", code, url=mask_url(url), **params)


def explain_code(exc: BaseException) -> tuple[str, dict[str, object]]:
    """The code (an `error.*` text) and parameters of what explain() says."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "file is not a database" in text:
        return "store_not_sqlite_file", {}
    if "readonly" in text or "read-only" in text:
        return ("store_read_only_schema" if _read_only else "store_read_only"), {}
    if "no password supplied" in text:
        return "store_password", {"detail": text}
    if "FATAL:" in text:
        return "store_refused", {"detail": text.split("FATAL:", 1)[1].strip()}
    if any(s in text for s in ("could not connect", "Connection refused", "connection to server")):
        return "store_unreachable", {"detail": text}
    return "store_failed", {"detail": text}


def explain(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "file is not a database" in text:
        return "the file is not a SQLite database"
    if "readonly" in text or "read-only" in text:
        return READ_ONLY + (" and its schema needs an update: make it writable (chmod u+w) once"
                            if _read_only else "")
    if "no password supplied" in text:  # reached, but this login has no password here
        return ("the PostgreSQL server asks for a password: put it in ~/.pgpass (mode 0600), "
                f"never in the URL ({text})")
    if "FATAL:" in text:  # the server answered and refused (unknown role or database…)
        return f"the PostgreSQL server refused: {text.split('FATAL:', 1)[1].strip()}"
    if any(s in text for s in ("could not connect", "Connection refused", "connection to server")):
        return f"cannot reach the PostgreSQL server ({text})"
    return text


def summary() -> dict[str, object]:
    """What `cockpit check --db` reports: engine, schema version, how many of each."""
    from cockpit.store.schema import stored_version

    db = database.obj
    counts = {table: db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("caller", "contact", "freelance", "call")}
    return {"engine": "PostgreSQL" if is_postgres() else "SQLite",
            "schema": stored_version(db), **counts}
