"""Ends of calls kept on this machine while the database cannot be reached, one JSON file per
call, written atomically and readable by their owner only; taken off once written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cockpit.paths import state_dir
from cockpit.services.state_files import write_private


def _folder() -> Path:
    return state_dir() / "outbox"


def put(call_id: int, entry: dict[str, Any]) -> None:
    write_private(_folder() / f"call-{call_id}.json",
                  json.dumps(entry, ensure_ascii=False, default=str))


def entries() -> Iterator[tuple[int, dict[str, Any]]]:
    """Oldest first."""
    folder = _folder()
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("call-*.json"), key=lambda p: p.stat().st_mtime):
        try:
            yield int(path.stem.removeprefix("call-")), json.loads(path.read_text("utf-8"))
        except (ValueError, OSError):
            continue  # a half-written file is never left (atomic replace); skip anything else


def remove(call_id: int) -> None:
    (_folder() / f"call-{call_id}.json").unlink(missing_ok=True)


def count() -> int:
    folder = _folder()
    return len(list(folder.glob("call-*.json"))) if folder.is_dir() else 0
