"""Opening databases: clear messages for bad URLs and files; private files; migrations."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cockpit.store.db import StoreError, mask_url
from cockpit.store.migrations import CURRENT, current_version, open_and_migrate
from tests.pg import Server


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.sqlite_only
def test_sqlite_file_and_wal_are_private(store_url: str, tmp_path: Path) -> None:
    from cockpit.store.models import Caller

    open_and_migrate(store_url)
    Caller.create(name="Melissa", first_name="Melissa")
    path = tmp_path / "store.sqlite"
    assert _mode(path) == 0o600
    wal = tmp_path / "store.sqlite-wal"
    assert wal.exists() and _mode(wal) == 0o600


@pytest.mark.parametrize(("url", "expected"), [
    ("mysql://x/y", "unknown database URL"),
    ("db.sqlite", "unknown database URL"),
    ("postgresql://user:secret@localhost:1/", "names no database"),
])
def test_bad_urls_are_explained(url: str, expected: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_and_migrate(url)
    assert expected in str(caught.value)
    assert "secret" not in str(caught.value)


def test_a_folder_or_a_foreign_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_and_migrate(f"sqlite:///{tmp_path}")
    garbage = tmp_path / "notes.txt"
    garbage.write_text("hello, this is not a database at all")
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_and_migrate(f"sqlite:///{garbage}")


def test_password_is_masked() -> None:
    assert mask_url("postgresql://bob:hunter2@db/cockpit") == "postgresql://bob:***@db/cockpit"


def test_an_older_schema_is_migrated_keeping_its_data(store_url: str, tmp_path: Path) -> None:
    from cockpit.store.db import database, open_database
    from cockpit.store.migrations import migrate
    from cockpit.store.models import Caller

    db = open_database(store_url)
    database.initialize(db)
    migrate(db, target=1)  # as the first release left it
    Caller.create(name="Karim", first_name="Karim")
    assert "freelance_city" not in {i.name for i in db.get_indexes("freelance")}
    db.close()

    open_and_migrate(store_url)  # what every command does
    assert current_version(database.obj) == CURRENT
    assert Caller.get(Caller.name == "Karim").first_name == "Karim"
    indexes = {i.name for i in database.obj.get_indexes("freelance")}
    assert "freelance_city" in indexes
    assert "call_unfinished" in {i.name for i in database.obj.get_indexes("call")}


def test_a_newer_schema_is_refused(store_url: str) -> None:
    from cockpit.store.models import SchemaVersion

    open_and_migrate(store_url)
    SchemaVersion.create(version=CURRENT + 1, applied_at=datetime.now(UTC).replace(tzinfo=None))
    with pytest.raises(StoreError, match="newer than this cockpit"):
        open_and_migrate(store_url)


def test_check_with_a_database_creates_its_schema_and_says_what_it_holds(
        store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.cli import main

    assert main(["check", "--db", store_url]) == 0
    out = capsys.readouterr().out
    assert "content OK" in out
    assert f"schema v{CURRENT}): 0 callers, 0 contacts" in out
    assert current_version(open_and_migrate(store_url)) == CURRENT


def test_a_role_the_server_does_not_know_is_named(pg_server: Server,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.cli import main

    url = pg_server.url("postgres").replace("postgres@", "karim_unknown@")
    assert main(["check", "--db", url]) == 2
    assert 'the PostgreSQL server refused: role "karim_unknown" does not exist' in \
        capsys.readouterr().err


def test_a_silent_network_drop_is_bounded_on_postgresql(pg_server: Server) -> None:
    """A Wi-Fi or VPN that drops without a word must fail a query within seconds, not hang
    the end of a call for minutes: the connection asks libpq for keepalives and a TCP user
    timeout (a value in the URL wins)."""
    from cockpit.store.db import database

    url = pg_server.create("dsn_check")
    open_and_migrate(url)
    dsn = database.obj.connection().get_dsn_parameters()
    assert dsn["keepalives"] == "1" and dsn["tcp_user_timeout"] == "10000"
    database.obj.close()
    open_and_migrate(url + "&tcp_user_timeout=2500")
    assert database.obj.connection().get_dsn_parameters()["tcp_user_timeout"] == "2500"
    database.obj.close()
    pg_server.drop("dsn_check")
