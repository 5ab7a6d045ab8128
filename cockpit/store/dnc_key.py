"""The key of the do-not-call digests: random, one per installation, in a file only its owner
reads, outside the database. A dump of the database alone cannot list the numbers of the
people erased; whoever has the dump and this file can (see the README).

The database keeps a check value of the key it was used with (an HMAC of a fixed text, which
says nothing of the key): a machine holding another key is refused loudly, instead of
checking numbers against digests that never match."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import weakref
from pathlib import Path

import peewee as pw

from cockpit.paths import dnc_key_path
from cockpit.store.db import StoreError, database

# The key every digest was made with before keys were per installation: still checked, so
# a number put on the list then is still refused (see privacy.digests).
LEGACY_KEY = b"cockpit-do-not-call"
CHECK_SETTING = "dnc_key_check"
_CHECK_TEXT = b"cockpit do-not-call key check"


class KeyMismatch(StoreError):
    """This machine's key is not the one the database's digests were made with."""

    code = "dnc_key_mismatch"

    def __init__(self, path: Path) -> None:
        super().__init__(f"the do-not-call list of this database was made with another key "
                         f"than {path}: copy the team's key file there (or set "
                         "COCKPIT_DNC_KEY_FILE); nothing was checked against the list")
        self.params = {"path": str(path)}


def key_path() -> Path:
    """$COCKPIT_DNC_KEY_FILE, else the user's config folder (~/.config/cockpit/dnc.key)."""
    return dnc_key_path()


def installation_key() -> bytes:
    """The key, created on first need: 32 random bytes, written hex in a 0600 file."""
    path = key_path()
    if not path.exists():
        _create(path)
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)  # a key others can read protects nothing
    text = path.read_text(encoding="ascii", errors="replace").strip()
    if len(text) < 32:
        raise StoreError(f"{path}: the do-not-call key file is damaged (too short); restore "
                         "it from a backup or from a colleague's machine", "store_key_damaged",
                         path=str(path))
    return text.encode()


def _create(path: Path) -> None:
    """Written aside then linked in place: two commands starting together keep one key."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(aside, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        os.write(fd, (secrets.token_hex(32) + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(aside, path)
    except FileExistsError:
        pass  # another command made it first: theirs is the key
    finally:
        aside.unlink(missing_ok=True)


def check_value(key: bytes) -> str:
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).hexdigest()


_checked: weakref.WeakSet[pw.Database] = weakref.WeakSet()


def ensure_matches(key: bytes, path: Path) -> None:
    """Once per database: the key is the one its digests were made with. A database without
    a check value takes this key's (a new one, or one made before keys were per
    installation, whose digests the legacy key still reads)."""
    db = database.obj
    if db is None or db in _checked:
        return
    from cockpit.store.models import Setting

    mine = check_value(key)
    row = Setting.get_or_none(Setting.key == CHECK_SETTING)
    if row is None:
        try:
            with db.atomic():  # a savepoint: a caller's role may not write settings
                Setting.insert(key=CHECK_SETTING, value=mine).on_conflict_ignore().execute()
        except pw.DatabaseError:
            pass  # the lead's first command writes it
        row = Setting.get_or_none(Setting.key == CHECK_SETTING)
    if row is not None and row.value != mine:
        raise KeyMismatch(path)
    _checked.add(db)
