"""The cockpit's own log: what happened (commands, imports, exports, erasures, errors), never
who it happened to. Lines name ids and counts only; a filter also masks anything shaped like
a phone number or an e-mail address, should a message ever carry one. The file lives beside
the drafts, readable by its owner only."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from cockpit.paths import state_dir

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGITS = re.compile(r"\+?\d[\d\s().-]{5,}\d")
log = logging.getLogger("cockpit")


class _Redact(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _DIGITS.sub("[number]", _EMAIL.sub("[e-mail]", message))
        if masked != message:
            record.msg, record.args = masked, ()
        return True


def log_path() -> Path:
    return Path(os.environ.get("COCKPIT_LOG") or state_dir() / "cockpit.log")


KEEP_BYTES = 2_000_000
KEEP_FILES = 3


def _rotate(path: Path) -> None:
    """At start, a log past 2 MB becomes cockpit.log.1 (and so on, three kept). Rotating
    at start rather than while writing spares every start the import of logging.handlers;
    one day's log (ids and counts only) stays far below the limit."""
    try:
        if path.stat().st_size < KEEP_BYTES:
            return
    except FileNotFoundError:
        return
    for n in range(KEEP_FILES - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def setup() -> None:
    """Once per process; a log that cannot be written is skipped, never an error."""
    if log.handlers:
        return
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _rotate(path)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        log.addHandler(logging.NullHandler())
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.addFilter(_Redact())
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
