"""Reading the audit log. It is append-only (in team mode the database roles may only add
to it), so an erasure is told by the line it adds, not by rewriting earlier ones. SQLite may
give the highest id again once its row is gone: a line about an erased person (or one of
their reminders) is labelled as such, so it never reads as about whoever got that id next."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

ERASED = " (erased)"
_REMINDERS = re.compile(r"reminders((?: #\d+)+)")


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
    written up to that erasure."""
    lines = list(lines)
    erased_at: dict[tuple[str, int], int] = {}
    for line in lines:
        if line.action != "erase" or line.entity_id is None:
            continue
        # The latest erasure of an id covers every earlier line about that id.
        current = erased_at.get((line.entity, line.entity_id), -1)
        erased_at[(line.entity, line.entity_id)] = max(current, line.seq)
        found = _REMINDERS.search(line.details)
        for reminder in map(int, re.findall(r"\d+", found.group(1) if found else "")):
            key = ("reminder", reminder)
            erased_at[key] = max(erased_at.get(key, -1), line.seq)
    marked = []
    for line in lines:
        until = erased_at.get((line.entity, line.entity_id)) if line.entity_id is not None \
            else None
        marked.append(line._replace(entity=line.entity + ERASED)
                      if until is not None and line.seq <= until else line)
    return marked
