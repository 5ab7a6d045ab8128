"""Local copies of note drafts, kept only while the database cannot take them."""

from __future__ import annotations

import os
from pathlib import Path

from cockpit.paths import state_dir


def _folder() -> Path:
    return state_dir() / "drafts"


def write(call_id: int, text: str) -> None:
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"call-{call_id}.txt"
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def read(call_id: int) -> str | None:
    path = _folder() / f"call-{call_id}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def remove(call_id: int) -> None:
    (_folder() / f"call-{call_id}.txt").unlink(missing_ok=True)
