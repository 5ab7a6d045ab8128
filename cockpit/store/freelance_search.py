"""Type-to-search over the freelances: one LIKE per typed word on the folded `search` column,
which holds every word of the name, title, skills and city between spaces."""

from __future__ import annotations

import re
from datetime import date, datetime

from cockpit.domain.matching import FreelanceFacts, search_text, search_words
from cockpit.store.db import database
from cockpit.store.models import CvFile, Freelance
from cockpit.store.rows import tuples
from cockpit.store.times import aware

_COLUMNS = ("id, first_name, last_name, title, skills, day_rate, availability, available_from, "
            "mobility, city, last_contacted_at")


def search_text_of(first_name: str, last_name: str, title: str, skills: str, city: str,
                   cv: str = "") -> str:
    # A CV's words without the punctuation around them ("Kubernetes," is "kubernetes").
    words = " ".join(re.findall(r"[\w#+][\w#+.\-]*[\w#+]|[\w#+]", cv))
    return search_text(first_name, last_name, title, skills, city, words)


def refresh_search_text(ids: list[int] | None = None) -> None:
    """Recompute the search words (all freelances, or those given), with the words of their
    newest CV file."""
    cvs = _newest_cv_texts(ids)
    query = Freelance.select(Freelance.id, Freelance.first_name, Freelance.last_name,
                             Freelance.title, Freelance.skills, Freelance.city)
    if ids is not None:
        query = query.where(Freelance.id.in_(ids))
    rows = [(search_text_of(f, last, t, s, c, cvs.get(i, "")), i)
            for i, f, last, t, s, c in tuples(query)]
    db = database.obj
    with db.atomic():
        db.cursor().executemany(f"UPDATE freelance SET search = {db.param} WHERE id = {db.param}",
                                rows)


def find(typed: str = "", any_of: tuple[str, ...] = (), limit: int | None = None,
         ) -> list[FreelanceFacts]:
    """Freelances (not on the do-not-call list) whose words start with every typed word and,
    when `any_of` is given, with at least one of those (a need's technologies)."""
    where = ["do_not_call = FALSE"]
    args: list[object] = []
    for word in search_words(typed):
        where.append("search LIKE ?")
        args.append(f"% {word}%")
    wanted = [w for w in any_of if w]
    if wanted:
        where.append("(" + " OR ".join("search LIKE ?" for _ in wanted) + ")")
        args.extend(f"% {w} %" for w in wanted)
    sql = f"SELECT {_COLUMNS} FROM freelance WHERE {' AND '.join(where)} ORDER BY id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    db = database.obj
    rows = db.execute_sql(sql.replace("?", db.param), args).fetchall()
    return [_facts(row) for row in rows]


def first_page(typed: str, today: date, stale_before: datetime, limit: int,
               ) -> tuple[list[FreelanceFacts], int]:
    """The first `limit` freelances whose words start with every typed word, in seed 001's
    order when no need is given (available, then not contacted for long, then the others;
    the cheapest first), with how many match in all. Ordered and cut in SQL: a single letter
    matches most of the 60,000, and ranking them all in Python would take a second."""
    where = ["do_not_call = FALSE"]
    args: list[object] = []
    for word in search_words(typed):
        where.append("search LIKE ?")
        args.append(f"% {word}%")
    group = ("CASE WHEN (availability = 'available' AND (available_from IS NULL "
             "OR available_from <= ?)) OR (available_from IS NOT NULL AND available_from <= ?) "
             "THEN 0 WHEN last_contacted_at IS NULL OR last_contacted_at <= ? THEN 1 ELSE 2 END")
    order_args: list[object] = [today, today, stale_before.replace(tzinfo=None)]
    sql = (f"SELECT {_COLUMNS}, COUNT(*) OVER () FROM freelance "
           f"WHERE {' AND '.join(where)} "
           f"ORDER BY {group}, day_rate IS NULL, day_rate, first_name, last_name, id "
           f"LIMIT {int(limit)}")
    db = database.obj
    rows = db.execute_sql(sql.replace("?", db.param), [*args, *order_args]).fetchall()
    total = int(rows[0][-1]) if rows else 0
    return [_facts(row[:-1]) for row in rows], total


def _facts(row: tuple) -> FreelanceFacts:
    (id_, first, last, title, skills, rate, availability, available_from, mobility, city,
     last_contacted) = row
    if isinstance(available_from, str):
        available_from = date.fromisoformat(available_from[:10])
    if isinstance(last_contacted, str):
        last_contacted = datetime.fromisoformat(last_contacted)
    return FreelanceFacts(
        id=int(id_), name=f"{first} {last}".strip(), title=title or "",
        skills=tuple((skills or "").split()), day_rate=rate, availability=availability,
        available_from=available_from, mobility=mobility or "", city=city or "",
        last_contacted_at=aware(last_contacted) if last_contacted else None)


def _newest_cv_texts(ids: list[int] | None) -> dict[int, str]:
    """Each freelance's newest CV text (those given, or all), for the search words."""
    newest = (CvFile.select(CvFile.freelance, CvFile.text, CvFile.id)
              .order_by(CvFile.freelance, CvFile.id))
    if ids is not None:
        newest = newest.where(CvFile.freelance.in_(ids))
    found: dict[int, str] = {}
    for row in tuples(newest):  # the last of each freelance wins: the newest
        found[int(row[0])] = row[1] or ""
    return found
