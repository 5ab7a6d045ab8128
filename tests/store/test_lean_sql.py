"""The driver-only connection of short commands (store/sql.py): it reads what peewee reads,
only from a database that needs nothing else, and never loads peewee."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cockpit.store import sql
from cockpit.store.versions import CURRENT

QUERY = ("SELECT c.id, c.last_name, c.last_contacted_at FROM contact c"
         " WHERE c.is_decision_maker = ? AND c.do_not_call = ? ORDER BY c.id LIMIT 20")


@pytest.fixture
def copy(tmp_path: Path, demo_template: Path) -> Iterator[Path]:
    target = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, target)
    target.chmod(0o600)
    yield target
    sql.close_lean()


def test_the_lean_connection_reads_the_rows_peewee_reads(copy: Path) -> None:
    from cockpit.store.db import database, open_store

    open_store(f"sqlite:///{copy}")
    through_peewee = sql.rows(QUERY, (True, False))
    database.obj.close()
    assert sql.open_lean(f"sqlite:///{copy}") is not None
    assert sql.rows(QUERY, (True, False)) == through_peewee
    assert len(through_peewee) == 20


@pytest.mark.parametrize("case", ["missing", "folder", "not sqlite", "older schema", "empty"])
def test_a_database_that_needs_more_than_reading_goes_the_full_way(
        case: str, copy: Path, tmp_path: Path) -> None:
    target = {"missing": tmp_path / "new.sqlite", "folder": tmp_path,
              "not sqlite": tmp_path / "notes.txt", "empty": tmp_path / "empty.sqlite"
              }.get(case, copy)
    if case == "not sqlite":
        target.write_text("Jean Dupont 06 12 34 56 78\n")
    if case == "empty":
        target.touch()
    if case == "older schema":
        with sqlite3.connect(copy) as connection:
            connection.execute("DELETE FROM schema_version WHERE version = ?", (CURRENT,))
    assert sql.open_lean(f"sqlite:///{target}") is None
    assert case != "missing" or not target.exists()  # nothing created on the way


def test_a_read_only_file_is_read_and_left_as_its_owner_set_it(copy: Path) -> None:
    copy.chmod(0o400)
    assert sql.open_lean(f"sqlite:///{copy}") is not None
    assert len(sql.rows(QUERY, (True, False))) == 20
    assert copy.stat().st_mode & 0o777 == 0o400


def test_the_side_files_sqlite_makes_are_owner_only(copy: Path) -> None:
    assert sql.open_lean(f"sqlite:///{copy}") is not None
    sql.rows(QUERY, (True, False))
    for side in copy.parent.glob(copy.name + "-*"):
        assert side.stat().st_mode & 0o077 == 0, side


def test_reading_on_the_driver_alone_loads_no_peewee(copy: Path) -> None:
    program = ("import sys; from cockpit.store import sql;"
               f" assert sql.open_lean({f'sqlite:///{copy}'!r});"
               f" print(len(sql.rows({QUERY!r}, (True, False))),"
               " sorted(m for m in ('peewee', 'psycopg2') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.split() == ["20", "[]"]


def test_the_lean_connection_reads_postgresql_too(pg_server, pg_demo_template: str) -> None:
    from cockpit.store.db import database, open_store

    url = pg_server.create("lean_read", template=pg_demo_template)
    open_store(url)
    through_peewee = sql.rows(QUERY, (True, False))
    database.obj.close()
    try:
        assert sql.open_lean(url) is not None
        assert sql.is_postgres()
        assert sql.rows(QUERY, (True, False)) == through_peewee
    finally:
        sql.close_lean()


def test_the_first_screen_finds_the_call_left_open_as_the_store_does(copy: Path) -> None:
    """The first screen asks for a call to resume in plain SQL (lean_reads.unfinished_call):
    the same call, with its saved session, as the store's `calls.unfinished`."""
    from datetime import UTC, datetime

    from cockpit.store import calls, lean_reads
    from cockpit.store.db import database, open_store
    from cockpit.store.models import Call, Caller, Contact

    open_store(f"sqlite:///{copy}")
    caller = Caller.select().order_by(Caller.id).first()
    contact = Contact.select().order_by(Contact.id).first()
    call_id = calls.start_call(caller.id, "contact", contact.id, "",
                               datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    Call.update(state='{"step": 2}').where(Call.id == call_id).execute()
    row = calls.unfinished(caller.id)
    assert row is not None and row.id == call_id
    assert lean_reads.unfinished_call(caller.id) == (call_id, '{"step": 2}')
    Call.update(outcome="reached").where(Call.id == call_id).execute()
    left = calls.unfinished(caller.id)  # the demo's own, if it has one
    assert lean_reads.unfinished_call(caller.id) == (
        None if left is None else (left.id, left.state))
    database.obj.close()
