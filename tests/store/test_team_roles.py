"""db/team.sql on a real PostgreSQL server: a caller's role calls and notes but cannot erase
anyone or read the audit log; the lead's role can."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.cli import main
from tests.conftest import FIXED_NOW
from tests.pg import Server
from tests.rawdb import raw


def _words(ended) -> str:
    """What the cockpit says of the end of a call, in French."""
    from cockpit.i18n import Translator
    from cockpit.tui.call_words import call_end_words

    return call_end_words(ended, Translator("fr"), ZoneInfo("Europe/Paris"))


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")

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
    assert "Rappel" in _words(services.finish_call(call.call_id, "callback", "", "note finale"))
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
    said = _words(services.finish_call(call.call_id, "no_need", "", "pas de besoin, rappeler "
                                                                    "en mars"))
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


# -- each forbidden statement, as each role -------------------------------------------------

def _session(url: str):  # type: ignore[no-untyped-def]
    """A psql-like session of the login (autocommit: each statement on its own)."""
    from urllib.parse import parse_qs, urlparse

    import psycopg2

    parsed = urlparse(url)
    connection = psycopg2.connect(dbname=parsed.path.lstrip("/"), user=parsed.username,
                                  host=parse_qs(parsed.query)["host"][0])
    connection.autocommit = True
    return connection


def _ids(team: dict[str, str]) -> dict[str, int]:
    """Rows to aim at: a colleague's (Sophie's) note, reminder and call; a person on the
    do-not-call list who asked themselves; one without."""
    with raw(team["postgres"]) as db:
        sophie = db.execute("SELECT id FROM caller WHERE name = 'Sophie'").fetchone()[0]
        karim = db.execute("SELECT id FROM caller WHERE name = 'Karim'").fetchone()[0]
        call = db.execute("SELECT id FROM call WHERE caller_id = ? ORDER BY id LIMIT 1",
                          (sophie,)).fetchone()[0]
        note = db.execute("SELECT id FROM note WHERE author_id = ? ORDER BY id LIMIT 1",
                          (sophie,)).fetchone()[0]
        contact = db.execute("SELECT contact_id FROM call WHERE id = ?", (call,)).fetchone()[0]
        db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, "
                   "created_at) VALUES (?, ?, 'callback', '', '2026-11-24 09:00', "
                   "'2026-11-20 09:00')", (sophie, contact))
        reminder = db.execute("SELECT MAX(id) FROM reminder").fetchone()[0]
        db.execute("UPDATE contact SET do_not_call = TRUE, asked_not_to_call = TRUE "
                   "WHERE id = 5")
        db.execute("UPDATE freelance SET do_not_call = TRUE WHERE id = 2")
        db.execute("INSERT INTO do_not_call (e164, digest, reason, created_at) VALUES "
                   "('+33100000000', 'abc', 'asked', '2026-11-20 09:00')")
    return {"sophie": sophie, "karim": karim, "call": call, "note": note,
            "reminder": reminder, "contact": contact}


# Refused by the server with an error, for both roles (the lead included).
REFUSED_TO_ALL = {
    "clear a person's own request": "UPDATE contact SET asked_not_to_call = FALSE WHERE id = 5",
    "update the audit": "UPDATE audit_log SET actor = 'x'",
    "delete the audit": "DELETE FROM audit_log",
    "truncate the audit": "TRUNCATE audit_log",
    "reset a sequence": "SELECT setval('call_id_seq', 1)",
    "reset another sequence": "SELECT setval('note_id_seq', 1, false)",
    "change the schema version": "UPDATE schema_version SET version = 99",
    "delete the schema version": "DELETE FROM schema_version",
    "add a schema version": "INSERT INTO schema_version (version, applied_at) "
                            "VALUES (99, now())",
    # The lead lifts numbers one at a time (cockpit_remove_dnc, audited), never the list.
    "a bare DELETE of do-not-call": "DELETE FROM do_not_call",
    "a bare DELETE of a person": "DELETE FROM contact WHERE id = 3",
    "a bare DELETE of a freelance": "DELETE FROM freelance WHERE id = 3",
    "a bare DELETE of calls": "DELETE FROM call WHERE id = {call}",
    "a bare DELETE of a reminder": "DELETE FROM reminder WHERE id = {reminder}",
    "drop a table": "DROP TABLE note",
    "disable a trigger": "ALTER TABLE audit_log DISABLE TRIGGER audit_actor",
    "disable row security": "ALTER TABLE note DISABLE ROW LEVEL SECURITY",
}
# Refused to a caller only (a lead does these).
REFUSED_TO_CALLERS = {
    "UPDATE contact SET do_not_call = false": "UPDATE contact SET do_not_call = FALSE "
                                              "WHERE id = 5",
    "UPDATE freelance SET do_not_call = false": "UPDATE freelance SET do_not_call = FALSE "
                                                "WHERE id = 2",
    "change a do-not-call digest": "UPDATE do_not_call SET digest = 'x'",
    "read the audit": "SELECT * FROM audit_log",
    "read the audit's ids": "SELECT id FROM audit_log",
    "count the audit": "SELECT COUNT(*) FROM audit_log",
    "make oneself lead": "UPDATE caller SET is_lead = TRUE WHERE login = 'karim_t'",
    "take a login": "UPDATE caller SET login = 'karim_t' WHERE name = 'Melissa'",
    "add a caller": "INSERT INTO caller (name, first_name, last_name, email, is_lead, active)"
                    " VALUES ('X', 'X', '', '', TRUE, TRUE)",
    "a call in a colleague's name": "INSERT INTO call (caller_id, contact_id, started_at, "
                                    "script, state) VALUES ({sophie}, 3, now(), '', '')",
    "a note in a colleague's name": "INSERT INTO note (author_id, contact_id, body, is_draft, "
                                    "created_at, updated_at) VALUES ({sophie}, 3, 'x', FALSE, "
                                    "now(), now())",
    "give one's reminder to a colleague": "UPDATE reminder SET owner_id = {sophie} WHERE "
                                          "owner_id = {karim}",
    "change the settings": "INSERT INTO setting (key, value) VALUES ('x', 'y')",
}


@pytest.mark.parametrize("role", ["karim_t", "melissa_t"])
@pytest.mark.parametrize("what", sorted(REFUSED_TO_ALL))
def test_the_server_refuses_to_every_role(team: dict[str, str], role: str, what: str) -> None:
    import psycopg2

    ids = _ids(team)
    connection = _session(team[role])
    with pytest.raises(psycopg2.Error) as refused:
        connection.cursor().execute(REFUSED_TO_ALL[what].format(**ids))
    connection.close()
    assert refused.value.pgcode in ("42501", "42809"), refused.value  # no privilege / owner
    with raw(team["postgres"]) as db:  # and nothing changed
        assert db.execute("SELECT asked_not_to_call FROM contact WHERE id = 5").fetchone() \
            == (True,)
        assert db.execute("SELECT COUNT(*) FROM contact WHERE id = 3").fetchone() == (1,)
        assert db.execute("SELECT COUNT(*) FROM note WHERE id = ?", (ids["note"],)
                          ).fetchone() == (1,)
        assert db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] < 99
        assert db.execute("SELECT COUNT(*) FROM audit_log WHERE actor = 'x'").fetchone() \
            == (0,)


@pytest.mark.parametrize("what", sorted(REFUSED_TO_CALLERS))
def test_the_server_refuses_to_a_caller(team: dict[str, str], what: str) -> None:
    import psycopg2

    ids = _ids(team)
    connection = _session(team["karim_t"])
    with pytest.raises(psycopg2.Error) as refused:
        connection.cursor().execute(REFUSED_TO_CALLERS[what].format(**ids))
    connection.close()
    # 42501: no privilege (a grant, a trigger); 42501 too for a row policy's WITH CHECK.
    assert refused.value.pgcode == "42501", refused.value
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT do_not_call FROM contact WHERE id = 5").fetchone() == (True,)
        assert db.execute("SELECT do_not_call FROM freelance WHERE id = 2").fetchone() \
            == (True,)
        assert db.execute("SELECT COUNT(*) FROM do_not_call WHERE e164 = '+33100000000' "
                          "AND digest = 'abc'").fetchone() == (1,)
        assert db.execute("SELECT login, is_lead FROM caller WHERE name = 'Karim'"
                          ).fetchone() == ("karim_t", False)


# Row-level security: a colleague's rows are out of reach; the statement changes nothing.
UNTOUCHED_BY_A_CALLER = {
    "DELETE a colleague's note": ("DELETE FROM note WHERE id = {note}",
                                  "SELECT body FROM note WHERE id = {note}"),
    "UPDATE a colleague's note": ("UPDATE note SET body = 'effacé' WHERE id = {note}",
                                  "SELECT body FROM note WHERE id = {note}"),
    "UPDATE a colleague's reminder": ("UPDATE reminder SET done_at = now() "
                                      "WHERE id = {reminder}",
                                      "SELECT done_at FROM reminder WHERE id = {reminder}"),
    "UPDATE a colleague's call": ("UPDATE call SET outcome = 'do_not_call' "
                                  "WHERE id = {call}",
                                  "SELECT outcome FROM call WHERE id = {call}"),
    "UPDATE every colleague's note": ("UPDATE note SET body = '' WHERE author_id <> {karim}",
                          "SELECT COUNT(*) FROM note WHERE body = '' AND author_id <> {karim}"),
    "DELETE one's own final notes": ("DELETE FROM note WHERE author_id = {karim} "
                                     "AND is_draft = FALSE",
                                     "SELECT COUNT(*) FROM note WHERE author_id = {karim}"),
}


@pytest.mark.parametrize("what", sorted(UNTOUCHED_BY_A_CALLER))
def test_a_colleagues_rows_are_out_of_a_callers_reach(team: dict[str, str],
                                                      what: str) -> None:
    ids = _ids(team)
    change, check = (sql.format(**ids) for sql in UNTOUCHED_BY_A_CALLER[what])
    with raw(team["postgres"]) as db:
        before = db.execute(check).fetchall()
    connection = _session(team["karim_t"])
    cursor = connection.cursor()
    cursor.execute(change)
    assert cursor.rowcount == 0
    connection.close()
    with raw(team["postgres"]) as db:
        assert db.execute(check).fetchall() == before


def test_a_lead_cannot_delete_a_note_outside_an_erasure(team: dict[str, str]) -> None:
    import psycopg2

    ids = _ids(team)
    connection = _session(team["melissa_t"])
    with pytest.raises(psycopg2.Error, match="person forget") as refused:
        connection.cursor().execute(f"DELETE FROM note WHERE id = {ids['note']}")
    connection.close()
    assert refused.value.pgcode == "42501"
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT COUNT(*) FROM note WHERE id = ?", (ids["note"],)
                          ).fetchone() == (1,)


@pytest.mark.parametrize("role", ["karim_t", "melissa_t"])
def test_the_server_writes_who_did_it_in_the_audit(team: dict[str, str], role: str) -> None:
    connection = _session(team[role])
    connection.cursor().execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, details) "
        "VALUES (now(), 'Melissa', 'edit', 'contact', 3, 'forged')")
    connection.close()
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT actor FROM audit_log WHERE details = 'forged'"
                          ).fetchall() == [(role,)]


def test_a_leads_delete_is_an_erasure_that_stays_in_the_audit(team: dict[str, str]) -> None:
    """The lead deletes only in a transaction that wrote the erasure first; that line is
    there for good."""
    import psycopg2

    connection = _session(team["melissa_t"])
    connection.autocommit = False
    cursor = connection.cursor()
    cursor.execute("INSERT INTO audit_log (at, actor, action, entity, entity_id, details) "
                   "VALUES (now(), '', 'erase', 'contact', 3, 'by hand')")
    cursor.execute("DELETE FROM phone WHERE contact_id = 3")
    cursor.execute("DELETE FROM reminder WHERE contact_id = 3")
    connection.commit()
    # The next transaction wrote no erasure: refused again.
    with pytest.raises(psycopg2.Error, match="person forget"):
        cursor.execute("DELETE FROM contact WHERE id = 3")
    connection.rollback()
    with pytest.raises(psycopg2.Error, match="permission denied"):
        cursor.execute("DELETE FROM audit_log WHERE details = 'by hand'")
    connection.close()
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT actor FROM audit_log WHERE details = 'by hand'"
                          ).fetchall() == [("melissa_t",)]


def test_team_sql_runs_twice(team: dict[str, str], pg_server: Server) -> None:
    done = _team_sql(pg_server, "team_roles")
    assert done.returncode == 0, done.stderr
    import psycopg2

    connection = _session(team["karim_t"])
    with pytest.raises(psycopg2.Error, match="permission denied"):
        connection.cursor().execute("SELECT setval('call_id_seq', 1)")
    connection.close()


# -- each feature of the cockpit, as each role ----------------------------------------------

def _reminder_of(team: dict[str, str], owner: str) -> int:
    with raw(team["postgres"]) as db:
        db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, "
                   "created_at) SELECT id, 3, 'callback', '', '2026-11-24 09:00', "
                   "'2026-11-20 09:00' FROM caller WHERE name = ?", (owner,))
        return int(db.execute("SELECT MAX(id) FROM reminder").fetchone()[0])


def test_a_caller_is_their_login(team: dict[str, str],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.services import open_services

    services = open_services(team["karim_t"], clock=lambda: FIXED_NOW)
    assert services.signed_in()[:2] == ("karim_t", "caller")  # type: ignore[index]
    assert services.acting_caller(None).name == "Karim"  # type: ignore[union-attr]
    assert main(["queue", "--db", team["karim_t"], "--limit", "1"]) == 0
    capsys.readouterr()
    for argv in (["queue", "--caller", "Sophie"], ["audit", "--as", "Melissa"],
                 ["report", "--as", "Melissa"], ["portfolio", "--caller", "Sophie"],
                 ["person", "forget", "contact:3", "--as", "Melissa", "--yes"],
                 ["reminders", "--caller", "Melissa", "--reassign", "1", "--to", "Karim"]):
        assert main([*argv, "--db", team["karim_t"]]) == 2, argv
        said = capsys.readouterr().err
        assert "karim_t" in said and "Karim" in said, (argv, said)
    # Karim named as himself is fine; the lead may look at anyone.
    assert main(["reminders", "--caller", "karim", "--db", team["karim_t"]]) == 0
    assert main(["reminders", "--caller", "Sophie", "--db", team["melissa_t"]]) == 0


def test_a_login_nobody_has_is_told_so(team: dict[str, str],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    with raw(team["postgres"]) as db:
        db.execute("UPDATE caller SET login = NULL WHERE name = 'Sophie'")
    assert main(["queue", "--db", team["sophie_t"]]) == 2
    assert "sophie_t" in capsys.readouterr().err


def test_a_callers_own_work_goes_through(team: dict[str, str], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Card edit, never-call-again, portfolio, a note outside a call, reminders, an import:
    all under the caller's own role (these failed on the audit log before)."""
    from cockpit.services import open_services
    from cockpit.services.views import PersonRef

    url = team["karim_t"]
    services = open_services(url, clock=lambda: FIXED_NOW)
    karim = services.acting_caller(None)
    assert karim is not None
    services.edit_contact(karim.id, PersonRef("contact", 3),
                          {"first_name": "Jeanne", "last_name": "Martin", "role": "DSI"})
    services.mark_do_not_call(karim.id, PersonRef("contact", 4))
    assert main(["portfolio", "--add", "6", "--db", url]) == 0
    assert main(["portfolio", "--remove", "6", "--db", url]) == 0
    own = _reminder_of(team, "Karim")
    assert main(["reminders", "--done", str(own), "--db", url]) == 0
    theirs = _reminder_of(team, "Sophie")
    capsys.readouterr()
    assert main(["reminders", "--done", str(theirs), "--db", url]) == 2
    assert "Sophie" in capsys.readouterr().err
    assert main(["reminders", "--snooze", str(theirs), "--until", "demain 10h",
                 "--db", url]) == 2
    source = tmp_path / "prospects.csv"
    source.write_text("Société;Prénom;Nom;Fonction;Téléphone\n"
                      "Neuve SAS;Lina;Quesnoy-Lambert;DSI;06 12 34 56 78\n", encoding="utf-8")
    assert main(["import", "contacts", str(source), "--db", url]) == 0
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT first_name, last_name FROM contact WHERE id = 3"
                          ).fetchone() == ("Jeanne", "Martin")
        assert db.execute("SELECT do_not_call, asked_not_to_call FROM contact WHERE id = 4"
                          ).fetchone() == (True, True)
        assert db.execute("SELECT done_at IS NOT NULL FROM reminder WHERE id IN (?, ?) "
                          "ORDER BY id", (own, theirs)).fetchall() == [(True,), (False,)]
        assert db.execute("SELECT COUNT(*) FROM contact WHERE last_name = 'Quesnoy-Lambert'"
                          ).fetchone() == (1,)
        actors = {a for (a,) in db.execute("SELECT DISTINCT actor FROM audit_log WHERE "
                                           "action IN ('edit', 'do_not_call', 'set_owner') "
                                           "AND entity_id IN (3, 4, 6)")}
    assert actors == {"karim_t"}


def test_the_leads_work_goes_through(team: dict[str, str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    url = team["melissa_t"]
    theirs = _reminder_of(team, "Sophie")
    assert main(["reminders", "--reassign", str(theirs), "--to", "Karim", "--db", url]) == 0
    assert main(["reminders", "--done", str(theirs), "--db", url]) == 0
    assert main(["report", "--date", "2026-11-20", "--db", url]) == 0
    assert main(["person", "forget", "contact:7", "--yes", "--db", url]) == 0
    with raw(team["postgres"]) as db:  # one prospect not called for four years
        db.execute("UPDATE contact SET last_contacted_at = '2022-06-01' WHERE id = 8")
    assert main(["purge", "--older-than", "3y", "--yes", "--db", url]) == 0
    if _server_version(team["postgres"]) < 170000:  # the lead may not VACUUM: it says so
        assert "only wiped when its owner runs `cockpit person vacuum`" in \
            capsys.readouterr().out
    assert main(["dnc", "add", "01 00 00 00 09", "--db", team["karim_t"]]) == 0
    capsys.readouterr()
    assert main(["dnc", "remove", "01 00 00 00 09", "--db", team["karim_t"]]) == 2
    assert "permission denied" in capsys.readouterr().err
    assert main(["dnc", "remove", "01 00 00 00 09", "--db", url]) == 0
    capsys.readouterr()
    assert main(["audit", "--db", url]) == 0
    said = capsys.readouterr().out
    assert "melissa_t reassignment reminder" in said and "melissa_t erasure contact" in said
    assert "melissa_t lifted off do-not-call" in said
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT COUNT(*) FROM contact WHERE id IN (7, 8)").fetchone() \
            == (0,)
        assert db.execute("SELECT k.name FROM reminder r JOIN caller k ON k.id = r.owner_id "
                          "WHERE r.id = ?", (theirs,)).fetchone() == ("Karim",)


# -- on SQLite as on PostgreSQL (no team role: names are taken as given) --------------------

def test_reminders_done_closes_ones_own_the_lead_anyones(demo_url: str,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)
    with raw(demo_url) as db:
        db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, "
                   "created_at) SELECT id, 3, 'callback', '', '2026-11-24 09:00:00', "
                   "'2026-11-20 09:00:00' FROM caller WHERE name = 'Sophie'")
        theirs = int(db.execute("SELECT MAX(id) FROM reminder").fetchone()[0])
    assert main(["reminders", "--done", str(theirs), "--caller", "Karim",
                 "--db", demo_url]) == 2
    assert "Sophie" in capsys.readouterr().err
    assert main(["reminders", "--snooze", str(theirs), "--until", "25/11/2026 10h",
                 "--caller", "Karim", "--db", demo_url]) == 2
    assert main(["reminders", "--done", str(theirs), "--caller", "Sophie",
                 "--db", demo_url]) == 0
    with raw(demo_url) as db:
        db.execute("UPDATE reminder SET done_at = NULL WHERE id = ?", (theirs,))
    assert main(["reminders", "--done", str(theirs), "--caller", "Melissa",
                 "--db", demo_url]) == 0
    with raw(demo_url) as db:
        assert db.execute("SELECT done_at IS NOT NULL FROM reminder WHERE id = ?",
                          (theirs,)).fetchone()[0]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_person_forget_names_who_and_what_then_asks(demo_url: str,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def count() -> int:
        with raw(demo_url) as db:
            return int(db.execute("SELECT COUNT(*) FROM contact WHERE id = 7").fetchone()[0])

    # Not a terminal and no --yes: nothing erased, and said how to.
    assert main(["person", "forget", "contact:7", "--db", demo_url]) == 2
    said = capsys.readouterr()
    assert "contact #7, Sandrine Haddad — 3 calls, 3 notes" in said.out
    assert "--yes" in said.err and count() == 1
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    assert main(["person", "forget", "contact:7", "--db", demo_url]) == 1
    assert "Nothing erased" in capsys.readouterr().out and count() == 1
    monkeypatch.setattr("sys.stdin", _Terminal("o\n"))
    assert main(["person", "forget", "contact:7", "--db", demo_url]) == 0
    assert "contact #7 erased" in capsys.readouterr().out and count() == 0


# -- what an erasure leaves in the server's files ----------------------------------------------

ERASED_TABLES = ("contact", "freelance", "phone", "call", "call_event", "note", "reminder",
                 "proposal", "need", "do_not_call")


def _dead_rows(url: str) -> dict[str, int]:
    """Dead row versions left in each table an erasure touches, counted in the pages
    themselves (pgstattuple), not from the statistics, which lag."""
    with raw(url) as db:
        db.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        return {t: db.execute("SELECT dead_tuple_count FROM pgstattuple(?)", (t,)
                              ).fetchone()[0] for t in ERASED_TABLES}


def _files_holding(server: Server, url: str, text: str) -> list[str]:
    """The tables and indexes whose files on the server's disk still hold `text`."""
    found = []
    with raw(url) as db:
        db.execute("CHECKPOINT")  # what VACUUM changed, written to the files
        files = db.execute("SELECT c.relname, pg_relation_filepath(c.oid) FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                           "n.nspname = 'public' AND c.relkind IN ('r', 'i')").fetchall()
    for name, path in files:
        if path and text.encode() in (server.data / path).read_bytes():
            found.append(name)
    return found


def _marked_contact(url: str) -> int:
    """A contact with a call and its note, its name and note made words found nowhere else."""
    with raw(url) as db:
        person_id = db.execute("SELECT c.id FROM contact c JOIN call k ON k.contact_id = c.id "
                               "JOIN note n ON n.call_id = k.id ORDER BY c.id LIMIT 1"
                               ).fetchone()[0]
        db.execute("UPDATE contact SET last_name = 'Zyxquorren' WHERE id = ?", (person_id,))
        db.execute("UPDATE note SET body = 'Wqvtrelmax rappeler' WHERE call_id IN "
                   "(SELECT id FROM call WHERE contact_id = ?)", (person_id,))
    return int(person_id)


def _traces(server: Server, url: str) -> list[str]:
    return _files_holding(server, url, "Zyxquorren") + _files_holding(server, url, "Wqvtrelmax")


def test_the_owners_forget_leaves_no_dead_row_nor_the_name_in_the_files(
        team: dict[str, str], pg_server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    owner = team["postgres"]
    person_id = _marked_contact(owner)
    assert _traces(pg_server, owner) == ["contact", "contact_last_name", "note"]
    assert main(["person", "forget", f"contact:{person_id}", "--yes", "--db", owner]) == 0
    said = capsys.readouterr().out
    assert f"contact #{person_id} erased" in said and "vacuum" not in said
    assert _dead_rows(owner) == dict.fromkeys(ERASED_TABLES, 0)
    assert _traces(pg_server, owner) == []


def _server_version(url: str) -> int:
    with raw(url) as db:
        return int(db.execute("SHOW server_version_num").fetchone()[0])


def test_the_leads_forget_says_what_is_left_for_the_owner_who_vacuums(
        team: dict[str, str], pg_server: Server, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    owner, lead = team["postgres"], team["melissa_t"]
    person_id = _marked_contact(owner)
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    assert main(["person", "forget", f"contact:{person_id}", "--yes", "--db", lead]) == 0
    said = capsys.readouterr().out
    if _server_version(owner) >= 170000:  # db/team.sql gives the lead MAINTAIN
        assert "vacuum" not in said and _traces(pg_server, owner) == []
        return
    assert ("les lignes sont supprimées, mais leur place dans les fichiers du serveur n'est "
            "nettoyée que lorsque son propriétaire lance `cockpit person vacuum`") in said
    assert _dead_rows(owner)["contact"] > 0 and "contact" in _traces(pg_server, owner)
    assert main(["person", "vacuum", "--db", lead]) == 2
    assert ("Pas nettoyé (seul le propriétaire des tables en a le droit)\u00a0: contact, "
            "freelance") in capsys.readouterr().err
    monkeypatch.setenv("COCKPIT_LANG", "en")
    assert main(["person", "vacuum", "--db", owner]) == 0
    assert ("rewritten (VACUUM FULL), nothing left of the erased rows: contact, freelance, "
            "phone, call, call_event, note, reminder, proposal, need, do_not_call"
            ) in capsys.readouterr().out
    assert _dead_rows(owner) == dict.fromkeys(ERASED_TABLES, 0)
    assert _traces(pg_server, owner) == []


def test_a_table_in_use_is_freed_and_left_for_person_vacuum(
        team: dict[str, str], pg_server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    """Someone reading the notes keeps VACUUM FULL from locking them: the erasure still ends,
    freeing the rows, and says the table's files wait for `cockpit person vacuum`."""
    owner = team["postgres"]
    person_id = _marked_contact(owner)
    with raw(owner) as reader:
        reader.execute("LOCK TABLE note IN ACCESS SHARE MODE")  # held until the block ends
        assert main(["person", "forget", f"contact:{person_id}", "--yes", "--db", owner]) == 0
        assert "a table was in use" in capsys.readouterr().out
    assert _dead_rows(owner)["note"] == 0 and _traces(pg_server, owner) == ["note"]
    assert main(["person", "vacuum", "--db", owner]) == 0
    assert _traces(pg_server, owner) == []


def test_person_vacuum_on_sqlite_and_person_forget_without_who(demo_url: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    if demo_url.startswith("sqlite"):
        assert main(["person", "vacuum", "--db", demo_url]) == 2
        assert "on SQLite, forget wipes the file at once" in capsys.readouterr().err
    assert main(["person", "forget", "--db", demo_url]) == 2
    assert "person forget: say who" in capsys.readouterr().err


def test_searching_under_a_callers_role_never_finds_a_colleagues_private_contact(
        team: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """`cockpit search` (and `/`) read as the caller's own login: the server's rights hold,
    and a contact Sophie keeps privately is neither listed nor opened for Karim."""
    from cockpit.services import open_services
    from cockpit.services.errors import ServiceError
    from cockpit.services.views import PersonRef

    with raw(team["postgres"]) as db:
        (sophie_id,) = db.execute("SELECT id FROM caller WHERE name = 'Sophie'").fetchone()
        person_id, last = db.execute(
            "SELECT id, last_name FROM contact WHERE NOT is_switchboard AND owner_id IS NULL "
            "ORDER BY id LIMIT 1").fetchone()
        db.execute("UPDATE contact SET owner_id = ? WHERE id = ?", (sophie_id, person_id))
    capsys.readouterr()
    assert main(["search", last, "--db", team["karim_t"]]) in (0, 1)
    said = capsys.readouterr()
    assert f"contact:{person_id} " not in said.out and "permission" not in said.err
    assert main(["search", last, "--db", team["sophie_t"]]) == 0
    assert f"contact:{person_id} " in capsys.readouterr().out
    services = open_services(team["karim_t"], clock=lambda: FIXED_NOW)
    karim = services.find_caller("Karim")
    with pytest.raises(ServiceError) as refused:
        services.person_record(karim.id, PersonRef("contact", person_id))
    assert refused.value.code == "record_private"


def test_a_caller_mends_and_cancels_their_own_calls_only(team: dict[str, str]) -> None:
    """Under a caller's role: their own end mended, their own call started by mistake
    cancelled (the server deletes it and writes the audit line); a colleague's call can be
    neither mended nor cancelled, and stays as it was."""
    import peewee

    from cockpit.services import open_services
    from cockpit.services.errors import ServiceError
    from cockpit.store import calls
    from cockpit.store.db import database

    sophie_services = open_services(team["sophie_t"], clock=lambda: FIXED_NOW)
    sophie = sophie_services.find_caller("Sophie")
    person = sophie_services.queue_page(sophie.id, limit=1).rows[0].person
    hers = sophie_services.start_call(sophie.id, person)
    sophie_services.finish_call(hers.call_id, "no_answer", "24/11/2026 14:00", "messagerie")

    services = open_services(team["karim_t"], clock=lambda: FIXED_NOW)
    karim = services.find_caller("Karim")
    with pytest.raises(ServiceError) as refused:
        services.mend_call(karim.id, hers.call_id, "callback", "", "")
    assert refused.value.code == "mend_not_yours"
    # Even claiming to be her: the server moves none of her rows.
    with pytest.raises(ServiceError):
        services.mend._write_mend(sophie.id, hers.call_id, "callback", "", None, FIXED_NOW)
    with pytest.raises(peewee.ProgrammingError, match="permission denied"):
        database.obj.execute_sql("SELECT cockpit_cancel_call(%s)", (hers.call_id,))
    database.obj.rollback()
    with pytest.raises(LookupError):
        calls.cancel(hers.call_id, karim.id, FIXED_NOW, "Karim")

    mine_person = next(r.person for r in services.queue_page(karim.id, limit=5).rows
                       if r.person != person)
    mine = services.start_call(karim.id, mine_person)
    services.finish_call(mine.call_id, "no_answer", "24/11/2026 14:00", "")
    services.mend_call(karim.id, mine.call_id, "callback", "25/11/2026 10:30", "a rappelé")
    by_mistake = services.start_call(karim.id, person)
    services.cancel_call(by_mistake.call_id)
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT outcome FROM call WHERE id = ?", (hers.call_id,)
                          ).fetchone() == ("no_answer",)
        assert db.execute("SELECT outcome FROM call WHERE id = ?", (mine.call_id,)
                          ).fetchone() == ("callback",)
        assert db.execute("SELECT COUNT(*) FROM call WHERE id = ?", (by_mistake.call_id,)
                          ).fetchone() == (0,)
        assert db.execute("SELECT actor, action FROM audit_log WHERE action IN "
                          "('mend_call', 'cancel_call') ORDER BY id").fetchall() == [
            ("karim_t", "mend_call"), ("karim_t", "cancel_call")]
