"""Version 8: search from anywhere (issue 19).

SQLite: one FTS5 table a kind (search_company, search_contact, search_freelance,
search_need), its rowid the row's id, two columns: `name` (what the row is called) and
`body` (the rest a caller may type: role, e-mail, company, numbers, skills, technologies…).
Triggers keep them current whatever writes the rows (imports, edits, the demo, calls).
The tokenizer drops case and accents; prefix indexes make a one-letter key cheap.
PostgreSQL searches the tables themselves (its row-level security applies as to any read):
nothing to create there."""

from __future__ import annotations

import peewee as pw

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"

# A number's words: its E.164 digits and, for a French one, the national spelling.
_DIGITS = ("replace(p.e164, '+', '') || CASE WHEN p.e164 LIKE '+33%' "
           "THEN ' 0' || substr(p.e164, 4) ELSE '' END")

# What each table indexes, for the rows that `{where}` keeps (frozen here: later versions
# change their own copy).
ROWS = {
    "company": (
        "SELECT co.id, co.name, co.sector || ' ' || co.city || ' ' || co.technologies || ' ' || "
        "co.website || ' ' || COALESCE((SELECT group_concat(" + _DIGITS + ", ' ') FROM phone p "
        "JOIN contact s ON s.id = p.contact_id WHERE s.company_id = co.id "
        "AND s.is_switchboard), '') FROM company co WHERE {where}"),
    "contact": (
        "SELECT c.id, c.first_name || ' ' || c.last_name, c.role || ' ' || c.email || ' ' || "
        "COALESCE((SELECT name FROM company WHERE id = c.company_id), '') || ' ' || "
        "COALESCE((SELECT group_concat(" + _DIGITS + ", ' ') FROM phone p "
        "WHERE p.contact_id = c.id), '') FROM contact c WHERE {where}"),
    "freelance": (
        "SELECT f.id, f.first_name || ' ' || f.last_name, f.title || ' ' || f.skills || ' ' || "
        "f.city || ' ' || f.email || ' ' || COALESCE((SELECT group_concat(" + _DIGITS + ", ' ') "
        "FROM phone p WHERE p.freelance_id = f.id), '') FROM freelance f WHERE {where}"),
    "need": (
        "SELECT n.id, n.title, n.technologies || ' ' || n.region || ' ' || n.profile || ' ' || "
        "COALESCE((SELECT name FROM company WHERE id = n.company_id), '') "
        "FROM need n WHERE {where}"),
}
ALIAS = {"company": "co", "contact": "c", "freelance": "f", "need": "n"}
# The columns whose change changes what is indexed (claims and last contacts do not).
WATCHED = {"company": "name, sector, city, technologies, website",
           "contact": "first_name, last_name, role, email, company_id, is_switchboard",
           "freelance": "first_name, last_name, title, skills, city, email",
           "need": "title, technologies, region, profile, company_id"}


def refresh(kind: str, where: str) -> str:
    """Statements that re-index the rows of `kind` that `where` selects."""
    return (f"DELETE FROM search_{kind} WHERE rowid IN (SELECT {ALIAS[kind]}.id FROM {kind} "
            f"{ALIAS[kind]} WHERE {where}); "
            f"INSERT INTO search_{kind} (rowid, name, body) "
            + ROWS[kind].format(where=where) + ";")


def _triggers(kind: str) -> list[str]:
    a = ALIAS[kind]
    own = refresh(kind, f"{a}.id = new.id")
    out = [f"CREATE TRIGGER IF NOT EXISTS search_{kind}_ins AFTER INSERT ON {kind} "
           f"BEGIN {own} END",
           f"CREATE TRIGGER IF NOT EXISTS search_{kind}_upd AFTER UPDATE OF {WATCHED[kind]} "
           f"ON {kind} BEGIN {own} END",
           f"CREATE TRIGGER IF NOT EXISTS search_{kind}_del AFTER DELETE ON {kind} "
           f"BEGIN DELETE FROM search_{kind} WHERE rowid = old.id; END"]
    return out


def _phone_triggers() -> list[str]:
    def body(row: str) -> str:
        return (refresh("contact", f"c.id = {row}.contact_id")
                + refresh("freelance", f"f.id = {row}.freelance_id")
                + refresh("company", f"co.id = (SELECT company_id FROM contact "
                                     f"WHERE id = {row}.contact_id AND is_switchboard)"))

    # An insert or a delete re-indexes only the one its number belongs to (imports write
    # many numbers: no query for the others).
    out = []
    for event, row in (("ins", "new"), ("del", "old")):
        when = "INSERT" if event == "ins" else "DELETE"
        out += [
            f"CREATE TRIGGER IF NOT EXISTS search_phone_{event}_contact AFTER {when} ON phone "
            f"WHEN {row}.contact_id IS NOT NULL BEGIN "
            + refresh("contact", f"c.id = {row}.contact_id")
            + refresh("company", f"co.id = (SELECT company_id FROM contact WHERE id = "
                                 f"{row}.contact_id AND is_switchboard)") + " END",
            f"CREATE TRIGGER IF NOT EXISTS search_phone_{event}_freelance AFTER {when} ON phone "
            f"WHEN {row}.freelance_id IS NOT NULL BEGIN "
            + refresh("freelance", f"f.id = {row}.freelance_id") + " END"]
    out.append(f"CREATE TRIGGER IF NOT EXISTS search_phone_upd AFTER UPDATE ON phone "
               f"BEGIN {body('old')} {body('new')} END")
    return out


def _company_name_triggers() -> list[str]:
    # The company's name is in its people's and needs' words.
    return ["CREATE TRIGGER IF NOT EXISTS search_company_name AFTER UPDATE OF name ON company "
            "BEGIN " + refresh("contact", "c.company_id = new.id")
            + refresh("need", "n.company_id = new.id") + " END"]


def apply(db: pw.Database) -> None:
    if not isinstance(db, pw.SqliteDatabase):
        return
    for kind in ROWS:
        exists = db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = ?",
                                (f"search_{kind}",)).fetchone()
        if not exists:
            db.execute_sql(f"CREATE VIRTUAL TABLE search_{kind} USING fts5(name, body, "
                           f"{TOKENIZE})")
            db.execute_sql(f"INSERT INTO search_{kind} (rowid, name, body) "
                           + ROWS[kind].format(where="1"))
        for sql in _triggers(kind):
            db.execute_sql(sql)
    for sql in (*_phone_triggers(), *_company_name_triggers()):
        db.execute_sql(sql)
