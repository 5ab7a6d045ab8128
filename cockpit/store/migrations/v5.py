"""Version 5: needs and freelances (issue 5): type-to-search words, proposals followed up."""

from __future__ import annotations

import peewee as pw

# Added when missing: a database created at version 1 by later code already has them.
COLUMNS = {
    "freelance": (("search", "TEXT NOT NULL DEFAULT ''"),),
    "proposal": (("anonymised_cv", "TEXT NOT NULL DEFAULT ''"), ("interview_at", "TIMESTAMP"),
                 ("placed_at", "TIMESTAMP"),
                 ("non_compete_signed", "BOOLEAN NOT NULL DEFAULT FALSE"),
                 ("non_solicitation_signed", "BOOLEAN NOT NULL DEFAULT FALSE")),
}


def apply(db: pw.Database) -> None:
    # The words come from the domain (pure, no models): the search of this code reads them.
    from cockpit.domain.matching import search_text

    for table, columns in COLUMNS.items():
        present = {c.name for c in db.get_columns(table)}
        for name, sql_type in columns:
            if name not in present:
                db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")
    found = db.execute_sql("SELECT id, first_name, last_name, title, skills, city FROM freelance")
    rows = [(search_text(first, last, title, skills, city), id_)
            for id_, first, last, title, skills, city in found.fetchall()]
    if rows:
        db.cursor().executemany(f"UPDATE freelance SET search = {db.param} WHERE id = {db.param}",
                                rows)
