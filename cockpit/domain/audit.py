"""Reading the audit log. It is append-only (in team mode the database roles may only add
to it), so an erasure is told by the line it adds, not by rewriting earlier ones. SQLite may
give the highest id again once its row is gone: a line about an erased person (or one of
their reminders) is labelled as such, so it never reads as about whoever got that id next."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

ERASED = " (erased)"
_REMINDERS = re.compile(r"reminders((?: #\d+)+)")  # as the erasure's line names them
_NUMBER = re.compile(r"\d+")


class AuditLine(NamedTuple):
    seq: int  # the order lines were written in
    at: object
    actor: str
    action: str
    entity: str
    entity_id: int | None
    details: str


def mark_erased(lines: Iterable[AuditLine]) -> list[AuditLine]:
    """The lines, each about an erased person or reminder labelled "… (erased)": those
    written up to that erasure (the latest, when an id was erased twice)."""
    lines = list(lines)
    erased_at: dict[tuple[str, int | None], int] = {}

    def cover(key: tuple[str, int | None], seq: int) -> None:
        erased_at[key] = max(erased_at.get(key, -1), seq)

    for line in lines:
        if line.action == "erase" and line.entity_id is not None:
            cover((line.entity, line.entity_id), line.seq)
            found = _REMINDERS.search(line.details)
            for reminder in _NUMBER.findall(found.group(1) if found else ""):
                cover(("reminder", int(reminder)), line.seq)
    return [line._replace(entity=line.entity + ERASED)
            if line.seq <= erased_at.get((line.entity, line.entity_id), -1) else line
            for line in lines]
