"""Local copies of note drafts, kept only while the database cannot take them."""

from __future__ import annotations

from pathlib import Path

from cockpit.paths import state_dir
from cockpit.services.state_files import write_private


def _folder() -> Path:
    return state_dir() / "drafts"


def write(call_id: int, text: str) -> None:
    write_private(_folder() / f"call-{call_id}.txt", text)


def read(call_id: int) -> str | None:
    path = _folder() / f"call-{call_id}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def remove(call_id: int) -> None:
    (_folder() / f"call-{call_id}.txt").unlink(missing_ok=True)


def call_ids() -> list[int]:
    """The calls with a local draft."""
    folder = _folder()
    if not folder.is_dir():
        return []
    ids = []
    for path in folder.glob("call-*.txt"):
        try:
            ids.append(int(path.stem.removeprefix("call-")))
        except ValueError:
            continue
    return ids


def forget_orphans() -> None:
    """Local drafts of calls the database no longer has (the person was erased since):
    nothing of an erased person stays on this computer."""
    from cockpit.store import calls

    for call_id in call_ids():
        try:
            calls.outcome_of(call_id)
        except LookupError:
            remove(call_id)
