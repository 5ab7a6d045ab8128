"""Whole tables as plain rows, for `cockpit export`: what a team takes with it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cockpit.store.db import database, is_postgres

_QUERIES = {
    "companies": (
        "SELECT co.id, co.name, co.kind, co.sector, co.siren, co.siret, co.address, "
        "co.postcode, co.city, co.website, co.switchboard, co.technologies, co.posts_missions, "
        "co.next_budget, co.created_at FROM company co ORDER BY co.id",
        ("id", "name", "kind", "sector", "siren", "siret", "address", "postcode", "city",
         "website", "phone", "technologies", "posts_missions", "next_budget", "created_at")),
    "contacts": (
        "SELECT c.id, co.name, c.civility, c.first_name, c.last_name, c.role, "
        "c.is_decision_maker, c.email, c.other_emails, (SELECT MIN(p.e164) FROM phone p "
        "WHERE p.contact_id = c.id), {others}, c.do_not_call, c.last_contacted_at, k.name, "
        "(SELECT n.body FROM note n WHERE n.contact_id = c.id AND n.is_draft = FALSE "
        "ORDER BY n.created_at DESC, n.id DESC LIMIT 1), c.created_at "
        "FROM contact c LEFT JOIN company co ON co.id = c.company_id "
        "LEFT JOIN caller k ON k.id = c.owner_id WHERE c.is_switchboard = FALSE ORDER BY c.id",
        ("id", "company", "civility", "first_name", "last_name", "role", "decision_maker",
         "email", "other_emails", "phone", "other_phones", "do_not_call",
         "last_contacted_at", "owner", "comment", "created_at")),
    "freelances": (
        "SELECT f.id, f.first_name, f.last_name, f.title, TRIM(f.skills), f.day_rate, "
        "f.availability, f.available_from, f.mobility, f.city, f.billing, f.siret, f.email, "
        "f.other_emails, (SELECT MIN(p.e164) FROM phone p WHERE p.freelance_id = f.id), "
        "{others}, f.do_not_call, "
        "f.last_contacted_at, f.created_at FROM freelance f ORDER BY f.id",
        ("id", "first_name", "last_name", "title", "skills", "day_rate", "availability",
         "available_from", "mobility", "city", "billing", "siret", "email", "other_emails",
         "phone", "other_phones", "do_not_call", "last_contacted_at", "created_at")),
    "calls": (
        "SELECT c.id, k.name, c.contact_id, c.freelance_id, c.need_id, c.started_at, "
        "c.ended_at, c.script, c.outcome, (SELECT n.body FROM note n WHERE n.call_id = c.id "
        "AND n.is_draft = FALSE ORDER BY n.id DESC LIMIT 1) FROM call c "
        "JOIN caller k ON k.id = c.caller_id ORDER BY c.id",
        ("id", "caller", "contact_id", "freelance_id", "need_id", "started_at", "ended_at",
         "script", "outcome", "note")),
}
KINDS = tuple(_QUERIES)
# SQLite gives 0/1 where PostgreSQL gives booleans: one file whatever the database.
_BOOLEANS = frozenset({"decision_maker", "do_not_call", "posts_missions"})


def columns(kind: str) -> tuple[str, ...]:
    """The file's columns; a company's figures take two a year held ("revenue_2023",
    "headcount_2023", …, as the import reads them back), the oldest year first."""
    names = _QUERIES[kind][1]
    if kind != "companies":
        return names
    years = [y for (y,) in database.obj.execute_sql(
        "SELECT DISTINCT year FROM company_figure ORDER BY year")]
    return (*names, *(f"{measure}_{year}" for year in years
                      for measure in ("revenue", "headcount")))


def _other_phones(kind: str) -> str:
    """A person's numbers beside the one in `phone`, in the order they came, " ::: " between
    them (as Google writes several values in one cell, which the import reads back)."""
    owner, alias = ("contact_id", "c") if kind == "contacts" else ("freelance_id", "f")
    others = (f"FROM phone o WHERE o.{owner} = {alias}.id AND o.e164 <> (SELECT MIN(m.e164)"
              f" FROM phone m WHERE m.{owner} = {alias}.id)")
    if is_postgres():
        return f"COALESCE((SELECT string_agg(o.e164, ' ::: ' ORDER BY o.id) {others}), '')"
    return (f"COALESCE((SELECT group_concat(e164, ' ::: ') FROM (SELECT o.e164 {others}"
            " ORDER BY o.id)), '')")


def rows(kind: str, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Rows one batch at a time: 200,000 calls never sit in memory at once. Every row has
    every column of `columns(kind)`, in that order (empty where a company has no figure)."""
    sql, names = _QUERIES[kind]
    sql = sql.replace("{others}", _other_phones(kind))
    figure_names = columns(kind)[len(names):]
    cursor = database.obj.execute_sql(sql)
    while True:
        chunk = cursor.fetchmany(batch)
        if not chunk:
            return
        figures = _figures([row[0] for row in chunk]) if figure_names else {}
        for row in chunk:
            found = dict(zip(names, row, strict=True))
            for name in _BOOLEANS & found.keys():
                if found[name] is not None:
                    found[name] = bool(found[name])
            held = figures.get(row[0], {})
            found.update((name, held.get(name)) for name in figure_names)
            yield found


def _figures(company_ids: list[int]) -> dict[int, dict[str, int | None]]:
    """Each company's figures of a batch, by export column ("revenue_2023": 5800000)."""
    held: dict[int, dict[str, int | None]] = {}
    marks = ", ".join(["%s" if is_postgres() else "?"] * len(company_ids))
    for company_id, year, revenue, headcount in database.obj.execute_sql(
            "SELECT company_id, year, revenue, headcount FROM company_figure "
            f"WHERE company_id IN ({marks})", company_ids):
        held.setdefault(company_id, {}).update(
            {f"revenue_{year}": revenue, f"headcount_{year}": headcount})
    return held
