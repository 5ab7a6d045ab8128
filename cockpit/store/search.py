"""Search from anywhere: companies, people, freelances and needs matching typed words or a
number. SQLite reads the FTS5 tables of schema v8 (kept by triggers); PostgreSQL reads the
tables themselves with LIKE, under the caller's own role, so its row-level security holds.
A contact in a colleague's private portfolio is never returned to a caller."""

from __future__ import annotations

from cockpit.domain.named import NamedTuple
from cockpit.domain.search import KINDS, Terms
from cockpit.store.sql import is_postgres, rows

COUNT_CAP = 1000  # beyond this a count says "1000+": counting all would cost every key


class Hit(NamedTuple):  # a named tuple: a short command loads no dataclasses
    kind: str  # company | contact | freelance | need
    id: int
    name: str
    detail: tuple[str, ...]  # kind-specific words: role and company, title, status…
    flag: bool = False  # contact: decision maker; freelance: available; need: open


# Per kind: the columns shown, the table, the privacy clause for contacts ({me}).
_SHOWN = {
    "company": ("SELECT co.id, co.name, co.kind, co.sector, co.city, 0 FROM company co",
                "co"),
    "contact": ("SELECT c.id, c.first_name || ' ' || c.last_name, c.role, "
                "COALESCE(co.name, ''), CASE WHEN c.do_not_call THEN 'dnc' ELSE '' END, "
                "c.is_decision_maker FROM contact c LEFT JOIN company co ON co.id = c.company_id",
                "c"),
    "freelance": ("SELECT f.id, f.first_name || ' ' || f.last_name, f.title, f.skills, "
                  "CASE WHEN f.do_not_call THEN 'dnc' ELSE '' END, "
                  "f.availability = 'available' FROM freelance f", "f"),
    "need": ("SELECT n.id, n.title, n.status, COALESCE(co.name, ''), n.technologies, "
             "n.status = 'open' FROM need n LEFT JOIN company co ON co.id = n.company_id", "n"),
}


def _hidden(kind: str, me: int | None) -> str:
    """The rows this search may not return: a switchboard is its company's, and a contact
    someone else keeps privately is theirs (`me` None: the lead, who sees every portfolio)."""
    if kind != "contact":
        return "TRUE"
    own = "TRUE" if me is None else f"(c.owner_id IS NULL OR c.owner_id = {int(me)})"
    return f"NOT c.is_switchboard AND {own}"


def _fts_query(terms: Terms) -> str:
    if terms.digits:
        return f'"{terms.digits}"*'
    return " AND ".join(f'"{w}"*' for w in terms.words)


def find(terms: Terms, me: int | None, limit: int = 8,
         kinds: tuple[str, ...] = KINDS) -> dict[str, tuple[list[Hit], int]]:
    """Per kind, the first `limit` hits (those whose name matches first) and how many match
    in all (counted up to COUNT_CAP)."""
    if terms.empty:
        return {k: ([], 0) for k in kinds}
    search = _like if is_postgres() else _fts
    return {kind: search(kind, terms, me, limit) for kind in kinds}


def _fts(kind: str, terms: Terms, me: int | None, limit: int) -> tuple[list[Hit], int]:
    shown, alias = _SHOWN[kind]
    query = _fts_query(terms)
    base = (f"{shown} JOIN search_{kind} s ON s.rowid = {alias}.id "
            f"WHERE search_{kind} MATCH ? AND {_hidden(kind, me)}")
    hits: list[Hit] = []
    seen: set[int] = set()
    # The name first: "Dupont" finds the Duponts before the people working at Dupont SA.
    for match in (f"name : ({query})", query):
        if len(hits) >= limit:
            break
        for row in rows(f"{base} LIMIT {limit + len(seen)}", (match,)):
            if row[0] not in seen and len(hits) < limit:
                seen.add(row[0])
                hits.append(_hit(kind, row))
    if len(hits) < limit:
        total = len(hits)
    else:
        # Counted on the index alone, but for contacts, whose privacy needs their row.
        counted = (f"SELECT 1 FROM search_{kind} s JOIN contact c ON c.id = s.rowid "
                   f"WHERE search_{kind} MATCH ? AND {_hidden(kind, me)}"
                   if kind == "contact" else
                   f"SELECT 1 FROM search_{kind} WHERE search_{kind} MATCH ?")
        ((total,),) = rows(f"SELECT COUNT(*) FROM ({counted} LIMIT {COUNT_CAP})", (query,))
    return hits, int(total)


# PostgreSQL: the same words, found in a folded copy of each row's text (no index: a team's
# tables are small next to the demo's, and the server's own security applies to the read).
_FOLD = ("translate(lower({x}), 'àáâäãåçèéêëìíîïñòóôöõùúûüýÿ', "
         "'aaaaaaceeeeiiiinooooouuuuyy')")
_PHONES = ("COALESCE((SELECT string_agg(replace(p.e164, '+', '') || CASE WHEN p.e164 LIKE "
           "'+33%%' THEN ' 0' || substr(p.e164, 4) ELSE '' END, ' ') FROM phone p WHERE {w}), '')")
_TEXT = {
    "company": ("co.name || ' ' || co.sector || ' ' || co.city || ' ' || co.technologies || ' ' "
                "|| co.website || ' ' || " + _PHONES.format(
                    w="p.contact_id IN (SELECT s.id FROM contact s WHERE s.company_id = co.id "
                      "AND s.is_switchboard)")),
    "contact": ("c.first_name || ' ' || c.last_name || ' ' || c.role || ' ' || c.email || ' ' "
                "|| COALESCE(co.name, '') || ' ' || " + _PHONES.format(w="p.contact_id = c.id")),
    "freelance": ("f.first_name || ' ' || f.last_name || ' ' || f.title || ' ' || f.skills "
                  "|| ' ' || f.city || ' ' || f.email || ' ' || "
                  + _PHONES.format(w="p.freelance_id = f.id")),
    "need": ("n.title || ' ' || n.technologies || ' ' || n.region || ' ' || n.profile || ' ' "
             "|| COALESCE(co.name, '')"),
}
_NAME = {"company": "co.name", "contact": "c.first_name || ' ' || c.last_name",
         "freelance": "f.first_name || ' ' || f.last_name", "need": "n.title"}


def _like(kind: str, terms: Terms, me: int | None, limit: int) -> tuple[list[Hit], int]:
    shown, _alias = _SHOWN[kind]
    text = _FOLD.format(x=_TEXT[kind])
    name = _FOLD.format(x=_NAME[kind])
    wanted = [terms.digits] if terms.digits else list(terms.words)
    where = " AND ".join(f"{text} LIKE ?" for _ in wanted)
    args = [f"%{w}%" for w in wanted]
    in_name = " AND ".join(f"{name} LIKE ?" for _ in wanted)
    sql = (f"{shown} WHERE {where} AND {_hidden(kind, me)} "
           f"ORDER BY CASE WHEN {in_name} THEN 0 ELSE 1 END, 2 LIMIT {int(limit)}")
    found = rows(sql, [*args, *args])
    ((total,),) = rows(f"SELECT COUNT(*) FROM ({shown} WHERE {where} AND "
                       f"{_hidden(kind, me)} LIMIT {COUNT_CAP}) t", args)
    return [_hit(kind, r) for r in found], int(total)


def rewrite_index() -> None:
    """SQLite: merge each search table into one new b-tree (FTS5's 'optimize'): the words of
    a deleted row stay in the older segments until then, and an erasure must leave none.
    The pages freed are zeroed (secure_delete, which the erasure turned on)."""
    from cockpit.store.db import database

    if is_postgres():
        return
    db = database.obj
    with db.atomic():
        for kind in KINDS:
            if db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = ?",
                              (f"search_{kind}",)).fetchone():
                db.execute_sql(f"INSERT INTO search_{kind} (search_{kind}) VALUES ('optimize')")


def _hit(kind: str, row: tuple) -> Hit:
    id_, name, *detail, flag = row
    return Hit(kind, int(id_), str(name or "").strip(), tuple(str(d or "") for d in detail),
               bool(flag))
