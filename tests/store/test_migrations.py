"""Every past schema version upgrades to the current one, keeping its rows; the migrations
never lean on today's models (else an old database stops migrating once a model changes).

The old databases are SQL frozen from the cockpit that made each version (old_schemas/),
not built by this code, and hold rows written with the columns of that time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cockpit.store.migrations import CURRENT, open_and_migrate

OLD = Path(__file__).with_name("old_schemas")

# Rows as the cockpit of each version wrote them: the columns of version 1, plus those later
# versions made NOT NULL without a default (see _rows).
ROWS = """
INSERT INTO caller (id, name, first_name, last_name, email, is_lead, active)
    VALUES (1, 'Melissa', 'Melissa', 'Roux', '', 0, 1);
INSERT INTO company (id, name, kind, sector, city, website, posts_missions, technologies,
    created_at)
    VALUES (1, 'Octo Conseil', 'esn_conseil', 'ESN', 'Lyon', '', 0, 'java', '2026-01-05 09:00:00');
INSERT INTO contact (id, company_id, civility, first_name, last_name, role, is_decision_maker,
    is_switchboard, persona, email, do_not_call, created_at{contact})
    VALUES (1, 1, 'Madame', 'Sophie', 'Martin', 'DSI', 1, 0, '', '', 0, '2026-01-05 09:00:00'
    {contact_values});
INSERT INTO freelance (id, first_name, last_name, title, skills, availability, mobility, billing,
    siret, email, city, cv_text, "references", do_not_call, created_at{freelance})
    VALUES (1, 'Jean', 'Dupont', 'Développeur Java', 'java spring', 'available', 'Lyon',
    'unknown', '', '', 'Lyon', '', '[]', 0, '2026-01-05 09:00:00'{freelance_values});
INSERT INTO call (id, caller_id, contact_id, started_at, ended_at, script, outcome, state)
    VALUES (1, 1, 1, '2026-11-20 09:00:00', '2026-11-20 09:03:00', 'standard', 'callback', '');
INSERT INTO note (contact_id, call_id, author_id, body, is_draft, created_at, updated_at)
    VALUES (1, 1, 1, 'Rappeler après le comité budgétaire', 0, '2026-11-20 09:03:00',
    '2026-11-20 09:03:00');
INSERT INTO reminder (owner_id, contact_id, call_id, kind, reason, due_at, created_at)
    VALUES (1, 1, 1, 'callback', 'comité', '2026-11-27 09:00:00', '2026-11-20 09:03:00');
"""


def _rows(version: int) -> str:
    contact: dict[str, str] = {}
    freelance: dict[str, str] = {}
    if version >= 5:  # the search words, written with every freelance
        freelance["search"] = "' jean dupont developpeur java spring lyon '"
    if version >= 6:
        contact["asked_not_to_call"] = freelance["asked_not_to_call"] = "0"
    return ROWS.format(
        contact="".join(f", {c}" for c in contact),
        contact_values="".join(f", {v}" for v in contact.values()),
        freelance="".join(f", {c}" for c in freelance),
        freelance_values="".join(f", {v}" for v in freelance.values()))


def _old_database(path: Path, version: int) -> None:
    connection = sqlite3.connect(path)
    connection.executescript((OLD / f"v{version}.sql").read_text() + _rows(version))
    connection.executemany("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                           [(v, "2026-01-05 08:00:00") for v in range(1, version + 1)])
    connection.commit()
    connection.close()


def schema(path: Path) -> dict[str, tuple[set[Any], set[Any], set[Any]]]:
    """What a table holds, whatever its history: columns (name, NOT NULL, key), foreign keys,
    indexes (name, unique, columns, partial). Column order and declared types differ between
    CREATE TABLE and ALTER TABLE … ADD COLUMN; neither changes what the code can do."""
    connection = sqlite3.connect(path)
    found: dict[str, tuple[set[Any], set[Any], set[Any]]] = {}
    tables = [r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in sorted(tables):
        columns = {(r[1], r[3], r[5]) for r in connection.execute(f'PRAGMA table_info("{table}")')}
        keys = {(*r[2:5], r[6]) for r in connection.execute(
            f'PRAGMA foreign_key_list("{table}")')}
        indexes = {(r[1], r[2], r[4], tuple(c[2] for c in connection.execute(
            f'PRAGMA index_info("{r[1]}")'))) for r in connection.execute(
            f'PRAGMA index_list("{table}")')}
        found[table] = (columns, keys, indexes)
    connection.close()
    return found


def _fresh(tmp_path: Path) -> Path:
    path = tmp_path / "fresh.sqlite"
    open_and_migrate(f"sqlite:///{path}")
    return path


@pytest.mark.parametrize("version", range(1, CURRENT))
def test_a_database_of_every_past_version_upgrades_keeping_its_rows(
        tmp_path: Path, version: int) -> None:
    from cockpit.store import freelance_search
    from cockpit.store.models import Call, Contact, Note, Reminder

    path = tmp_path / f"v{version}.sqlite"
    _old_database(path, version)
    open_and_migrate(f"sqlite:///{path}")  # what every command does

    sophie = Contact.get_by_id(1)
    assert (sophie.first_name, sophie.company.name) == ("Sophie", "Octo Conseil")
    assert not sophie.asked_not_to_call
    assert Call.get_by_id(1).outcome == "callback"
    assert Note.get(Note.contact == 1).body == "Rappeler après le comité budgétaire"
    assert Reminder.get(Reminder.contact == 1).reason == "comité"
    # Version 5's search words were computed for the freelances already there.
    assert [f.id for f in freelance_search.find("dup jav")] == [1]
    # Version 8's search index was built for the rows already there.
    from cockpit.domain.search import search_terms
    from cockpit.store import search

    found = search.find(search_terms("sophie octo"), None)
    assert [h.id for h in found["contact"][0]] == [1]
    assert [h.name for h in search.find(search_terms("octo"), None)["company"][0]] == [
        "Octo Conseil"]
    assert schema(path) == schema(_fresh(tmp_path))
    versions = sqlite3.connect(path).execute("SELECT version FROM schema_version").fetchall()
    assert [v for (v,) in versions] == list(range(1, CURRENT + 1))


def test_a_fresh_database_has_the_tables_todays_models_declare(tmp_path: Path) -> None:
    """The migrations and the models must not drift apart: a field added to a model needs
    its version."""
    import peewee as pw

    from cockpit.store.models import ALL_MODELS

    declared = tmp_path / "declared.sqlite"
    db = pw.SqliteDatabase(str(declared))
    with db.bind_ctx(ALL_MODELS):
        db.create_tables(ALL_MODELS)
    db.close()
    fresh, models = schema(_fresh(tmp_path)), schema(declared)
    # The search index (schema v8) is SQLite's FTS5, kept by triggers, no model's table.
    fresh = {t: v for t, v in fresh.items() if not t.startswith("search_")}
    assert fresh.keys() == models.keys()
    for table, (columns, keys, indexes) in models.items():
        fresh_columns, fresh_keys, fresh_indexes = fresh[table]
        assert (fresh_columns, fresh_keys) == (columns, keys), table
        assert indexes <= fresh_indexes, table  # some indexes only migrations declare


def test_opening_does_not_migrate(tmp_path: Path) -> None:
    from cockpit.store.db import open_store

    path = tmp_path / "new.sqlite"
    db = open_store(f"sqlite:///{path}")
    assert db.get_tables() == []


# Run in a child: this test process has imported the models long ago.
_WITHOUT_MODELS = """
import sqlite3, sys
from pathlib import Path
from typing import Any
from cockpit.store.db import open_store
from cockpit.store.migrations import migrate
for name, sql in (("old", sys.argv[2]), ("new", None)):
    path = Path(sys.argv[1]) / f"{name}.sqlite"
    if sql:
        connection = sqlite3.connect(path)
        connection.executescript(Path(sql).read_text())
        connection.execute("INSERT INTO schema_version (version, applied_at) VALUES (1, '')")
        connection.commit()
        connection.close()
    migrate(open_store(f"sqlite:///{path}"))
leaked = sorted(m for m in sys.modules if m == "cockpit.store.models" or
                m.startswith("cockpit.store.") and not m.startswith(("cockpit.store.migrations",
                "cockpit.store.db", "cockpit.store.schema")))
print(" ".join(leaked))
"""


def test_opening_and_migrating_import_no_model(tmp_path: Path) -> None:
    """Opening and every step, run on a new and on a version-1 database, import neither the
    models nor any store module built on them."""
    done = subprocess.run([sys.executable, "-c", _WITHOUT_MODELS, str(tmp_path),
                           str(OLD / "v1.sql")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
