"""Where a database URL points, and the checks on it that need no database library: shared
by peewee's opening (store/db.py) and the driver-only one of short commands (store/sql.py).

A short command's SQLite file is found and checked with os.path: pathlib and urllib, with
the `re` they import, would cost each `cockpit queue` ~6 ms."""

from __future__ import annotations

import os

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,  # ms: concurrent callers wait for each other rather than fail
    "synchronous": "normal",
    # KiB (SQLite's default is 2,000): the queue's walk reads a few hundred pages of indexes
    # on each refresh; on a large base they no longer fit and are read again every time.
    "cache_size": -8000,
}


def mask_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" not in url:
        return url  # no user, so no password
    import re

    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite URL (None for other schemes or :memory:)."""
    from pathlib import Path

    file = sqlite_file(url)
    return None if file is None else Path(file)


def sqlite_file(url: str) -> str | None:
    """sqlite_path, as text."""
    if not url.startswith("sqlite:"):
        return None
    rest = url[len("sqlite:") :]
    if rest.startswith("///"):
        rest = rest[3:]
    elif rest.startswith("//"):
        rest = rest[2:]
    rest = rest.split("?", 1)[0]
    if "%" in rest:
        from urllib.parse import unquote

        rest = unquote(rest)
    if rest in ("", ":memory:"):
        return None
    return os.path.expanduser(rest)


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """The owner's write bit, not os.access: root may write anything, yet a file its owner
    made 0400 is meant to stay untouched."""
    return os.path.exists(path) and not os.stat(path).st_mode & 0o200


def private_file(path: str | os.PathLike[str]) -> None:
    """Create the file readable by its owner only before SQLite opens it; its side files
    (made with the umask) owner-only too."""
    if not os.path.exists(path):
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = os.fspath(path) + suffix
        if os.path.exists(candidate):
            os.chmod(candidate, 0o600)


def postgres_params(url: str) -> tuple[str, dict[str, Any]]:
    """(database name, libpq keywords) of a postgresql:// URL; ValueError without a name."""
    from urllib.parse import parse_qs, unquote, urlparse

    parsed = urlparse(url)
    query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
    name = unquote(parsed.path.lstrip("/"))
    if not name:
        raise ValueError("no database name")
    params: dict[str, Any] = {}
    if parsed.hostname:
        params["host"] = parsed.hostname
    if "host" in query:  # a Unix socket folder
        params["host"] = query.pop("host")
    if parsed.port:
        params["port"] = parsed.port
    if parsed.username:
        params["user"] = unquote(parsed.username)
    if parsed.password:
        params["password"] = unquote(parsed.password)
    params.update(query)
    params.setdefault("connect_timeout", 5)
    # A network that drops silently (Wi-Fi, VPN) must not leave a query waiting for TCP to
    # give up (minutes): unanswered sends fail after 10 s, idle links are probed. Unix
    # sockets ignore these; the URL's own values win.
    for key, value in (("keepalives", 1), ("keepalives_idle", 10), ("keepalives_interval", 3),
                       ("keepalives_count", 3), ("tcp_user_timeout", 10000)):
        params.setdefault(key, value)
    return name, params
