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

ROOT = Path(__file__).resolve().parents[2]


ROLES = {"melissa_t": ("Melissa", "cockpit_lead"), "karim_t": ("Karim", "cockpit_caller"),
         "sophie_t": ("Sophie", "cockpit_caller")}


def _team_sql(server: Server, name: str) -> subprocess.CompletedProcess[str]:
    assert server.bin is not None
    return subprocess.run([str(server.bin / "psql"), "-h", str(server.socket), "-U",
                           "postgres", "-d", name, "-v", "ON_ERROR_STOP=1", "-v", f"db={name}",
                           "-v", "owner=postgres", "-q", "-f", str(ROOT / "db" / "team.sql")],
                          capture_output=True, text=True)


@pytest.fixture
def team(pg_server: Server, pg_demo_template: str, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)
    name = "team_roles"
    pg_server.create(name, pg_demo_template)
    with raw(pg_server.url(name)) as db:
        # Schema 7 gives the caller its login (the team's migration); a no-op once there.
        db.execute("ALTER TABLE caller ADD COLUMN IF NOT EXISTS login VARCHAR(255)")
        for role, (caller, _) in ROLES.items():
            db.execute("UPDATE caller SET login = ? WHERE name = ?", (role, caller))
    done = _team_sql(pg_server, name)
    assert done.returncode == 0, done.stderr
    with pg_server.admin() as cursor:
        for role, (_, group) in ROLES.items():
            cursor.execute(f"DROP ROLE IF EXISTS {role}")  # type: ignore[attr-defined]
            cursor.execute(f"CREATE ROLE {role} LOGIN IN ROLE {group}")  # type: ignore[attr-defined]
    urls = {r: f"postgresql://{r}@/{name}?host={pg_server.socket}" for r in ROLES}
    yield {**urls, "postgres": pg_server.url(name)}
    from cockpit.store.db import database

    database.obj.close()
    pg_server.drop(name)
    with pg_server.admin() as cursor:
        for role in ROLES:
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
                 team["karim_t"], "--yes"]) == 2
    assert "permission denied" in capsys.readouterr().err
    import peewee

    from cockpit.store.db import database

    with pytest.raises(peewee.ProgrammingError, match="permission denied for table audit_log"):
        database.obj.execute_sql("SELECT * FROM audit_log")
    database.obj.rollback()


def test_the_lead_erases_and_reads_the_audit(team: dict[str, str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["person", "forget", "contact:3", "--db", team["melissa_t"],
                 "--as", "Melissa", "--yes"]) == 0
    assert "contact #3 erased" in capsys.readouterr().out
    assert main(["audit", "--db", team["melissa_t"], "--as", "Melissa"]) == 0
    assert "erase contact (erased) #3" in capsys.readouterr().out


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
    done = _team_sql(pg_server, "no_schema_yet")
    pg_server.drop("no_schema_yet")
    assert done.returncode != 0
    assert "the cockpit schema is not in this database yet" in done.stderr
