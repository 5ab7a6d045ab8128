"""A freelance's CV files, newest first (the last attached: ids, not clocks, say the order).
Attaching one also makes it the freelance's CV text (what is anonymised) and puts its words
in the freelance's search words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import peewee as pw

from cockpit.store.db import database
from cockpit.store.models import Caller, CvFile, Freelance
from cockpit.store.rows import dicts
from cockpit.store.times import aware, naive

_LISTED = (CvFile.id, CvFile.name, CvFile.format, CvFile.size, CvFile.scanned,
           CvFile.added_at, CvFile.sha256, Caller.first_name)


def add(freelance_id: int, *, name: str, format: str, content: bytes, sha256: str, text: str,
        scanned: bool, caller_id: int | None, now: datetime) -> tuple[int, bool]:
    """Keep a new version (its id, True); a file the freelance has already is not kept twice
    (its id, False). A scan leaves the freelance with no CV text (nothing to read)."""
    from cockpit.store.freelance_search import refresh_search_text  # loads domain.matching

    with database.obj.atomic():
        same = (CvFile.select(CvFile.id).where(CvFile.freelance == freelance_id,
                                               CvFile.sha256 == sha256).scalar())
        if same is not None:
            return int(same), False
        cv_id = CvFile.insert(freelance=freelance_id, name=name, format=format,
                              size=len(content), sha256=sha256, content=content, text=text,
                              scanned=scanned, added_at=naive(now),
                              added_by=caller_id).execute()
        Freelance.update(cv_text="" if scanned else text).where(
            Freelance.id == freelance_id).execute()
        refresh_search_text([freelance_id])
    return int(cv_id), True


def listed(freelance_id: int) -> list[dict[str, Any]]:
    """The versions, newest first, without their bytes."""
    query = (CvFile.select(*_LISTED).join(Caller, on=(CvFile.added_by == Caller.id),
                                          join_type=pw.JOIN.LEFT_OUTER)
             .where(CvFile.freelance == freelance_id)
             .order_by(CvFile.id.desc()))
    return [{**row, "added_at": aware(row["added_at"])} for row in dicts(query)]


def newest(freelance_id: int) -> CvFile | None:
    return (CvFile.select().where(CvFile.freelance == freelance_id)
            .order_by(CvFile.id.desc()).first())
