"""db/team.sql on a real PostgreSQL server: a caller's role calls and notes but cannot erase
anyone or read the audit log; the lead's role can."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cockpit.cli import main
from tests.conftest import FIXED_NOW
from tests.pg import Server
from tests.rawdb import raw


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def team(pg_server: Server, pg_demo_template: str, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    name = "team_roles"
    pg_server.create(name, pg_demo_template)
    assert pg_server.bin is not None
    done = subprocess.run([str(pg_server.bin / "psql"), "-h", str(pg_server.socket), "-U",
                           "postgres", "-d", name, "-v", "ON_ERROR_STOP=1", "-v", f"db={name}",
                           "-v", "owner=postgres", "-q", "-f", str(ROOT / "db" / "team.sql")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with pg_server.admin() as cursor:
        for role, group in (("melissa_t", "cockpit_lead"), ("karim_t", "cockpit_caller")):
            cursor.execute(f"DROP ROLE IF EXISTS {role}")  # type: ignore[attr-defined]
            cursor.execute(f"CREATE ROLE {role} LOGIN IN ROLE {group}")  # type: ignore[attr-defined]
    urls = {r: f"postgresql://{r}@/{name}?host={pg_server.socket}" for r in ("melissa_t",
                                                                               "karim_t")}
    yield {**urls, "postgres": pg_server.url(name)}
    from cockpit.store.db import database

    database.obj.close()
    pg_server.drop(name)
    with pg_server.admin() as cursor:
        for role in ("melissa_t", "karim_t"):
            cursor.execute(f"DROP ROLE IF EXISTS {role}")  # type: ignore[attr-defined]


def test_a_caller_calls_but_cannot_erase_or_read_the_audit(team: dict[str, str],
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    from cockpit.services import open_services

    services = open_services(team["karim_t"], clock=lambda: FIXED_NOW)
    karim = services.find_caller("Karim")
    person = services.queue_page(karim.id, limit=1).rows[0].person
    call = services.start_call(karim.id, person)
    services.save_draft(call.call_id, "brouillon")
    assert "Rappel" in services.finish_call(call.call_id, "callback", "", "note finale")
    assert (services.offline, services.refused) == (False, None)
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT outcome FROM call WHERE id = ?", (call.call_id,)
                          ).fetchone() == ("callback",)
        assert db.execute("SELECT body, is_draft FROM note WHERE call_id = ?",
                          (call.call_id,)).fetchall() == [("note finale", False)]
    assert main(["person", "forget", f"{person.kind}:{person.id}", "--db",
                 team["karim_t"]]) == 2
    assert "permission denied" in capsys.readouterr().err
    import peewee

    from cockpit.store.db import database

    with pytest.raises(peewee.ProgrammingError, match="permission denied for table audit_log"):
        database.obj.execute_sql("SELECT * FROM audit_log")
    database.obj.rollback()


def test_the_lead_erases_and_reads_the_audit(team: dict[str, str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["person", "forget", "contact:3", "--db", team["melissa_t"],
                 "--as", "Melissa"]) == 0
    assert "contact #3 erased" in capsys.readouterr().out
    assert main(["audit", "--db", team["melissa_t"], "--as", "Melissa"]) == 0
    assert "erasure contact (erased) #3" in capsys.readouterr().out


def test_a_refused_write_is_kept_said_and_written_once_allowed(
        team: dict[str, str]) -> None:
    """The server refusing (a right missing) is not being offline: the end of the call waits
    on this computer, the screen says the database refused it and why, and once the right is
    given the call is written, once."""
    from cockpit.services import open_services, outbox

    services = open_services(team["karim_t"], clock=lambda: FIXED_NOW)
    karim = services.find_caller("Karim")
    person = services.queue_page(karim.id, limit=1).rows[0].person
    call = services.start_call(karim.id, person)
    with raw(team["postgres"]) as db:
        db.execute("REVOKE INSERT ON note FROM cockpit_caller")
    said = services.finish_call(call.call_id, "no_need", "", "pas de besoin, rappeler en mars")
    assert "la base a refusé l'enregistrement (permission denied for table note)" in said
    assert services.refused == "permission denied for table note"
    assert services.offline is False
    assert [c for c, _ in outbox.entries()] == [call.call_id]
    assert services.flush_outbox() == 0  # still refused: still kept
    with raw(team["postgres"]) as db:
        db.execute("GRANT INSERT ON note TO cockpit_caller")
    assert services.flush_outbox() == 1
    assert services.flush_outbox() == 0
    assert services.refused is None
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT outcome FROM call WHERE id = ?", (call.call_id,)
                          ).fetchone() == ("no_need",)
        assert db.execute("SELECT body FROM note WHERE call_id = ?", (call.call_id,)
                          ).fetchall() == [("pas de besoin, rappeler en mars",)]


def test_team_sql_refuses_a_database_without_the_schema(pg_server: Server) -> None:
    pg_server.create("no_schema_yet")
    assert pg_server.bin is not None
    done = subprocess.run([str(pg_server.bin / "psql"), "-h", str(pg_server.socket), "-U",
                           "postgres", "-d", "no_schema_yet", "-v", "db=no_schema_yet",
                           "-v", "owner=postgres", "-q", "-f", str(ROOT / "db" / "team.sql")],
                          capture_output=True, text=True)
    pg_server.drop("no_schema_yet")
    assert done.returncode != 0
    assert "the cockpit schema is not in this database yet" in done.stderr
