"""The team from the command line, on a real database (SQLite file and PostgreSQL): a new
firm's first person, the lead's moves, someone leaving with their work handed over, private
portfolios only the lead gives away, and the schema of the previous version migrated."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli import main
from tests.conftest import FIXED_NOW
from tests.rawdb import raw


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    for name in ("COCKPIT_CALLER", "COCKPIT_FIRM"):
        monkeypatch.delenv(name, raising=False)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_new_database_says_how_to_create_the_team_never_the_demo(
        store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["queue"], ["next"], ["reminders"], ["portfolio"], ["review"],
                    ["report"]):
        code, _out, err = _run(capsys, *command, "--db", store_url)
        assert code == 2, command
        assert "cockpit team add NOM --lead" in err and "demo" not in err, command


def test_the_first_person_needs_nobody_and_becomes_the_lead(
        store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "team", "add", "Inès Durand", "--email", "ines@acme.fr",
                        "--db", store_url)
    assert code == 0 and "chef d'équipe" in out and "cockpit import contacts" in out
    # After her, adding someone is a lead's: Inès by default, Karim refused.
    assert _run(capsys, "team", "add", "Karim", "--login", "karim", "--db", store_url)[0] == 0
    code, _, err = _run(capsys, "team", "add", "Julie", "--as", "Karim", "--db", store_url)
    assert code == 2 and "Réservé au chef d'équipe" in err and "Karim" in err
    code, out, _ = _run(capsys, "team", "list", "--db", store_url)
    assert "Inès Durand" in out and "chef d'équipe · ines@acme.fr" in out
    assert "Karim" in out and "connexion karim" in out and "2 personnes actives" in out
    with raw(store_url) as db:
        rows = db.execute("SELECT name, first_name, last_name, is_lead, login FROM caller "
                          "ORDER BY id").fetchall()
        assert [tuple(r) for r in rows] == [("Inès Durand", "Inès", "Durand", True, None),
                                            ("Karim", "Karim", "", False, "karim")]
        actions = [r[0] for r in db.execute("SELECT action FROM audit_log ORDER BY id")]
        assert actions == ["team_add", "team_add"]


@pytest.mark.parametrize(("argv", "said"), [
    (["team", "add", "karim"], "Karim fait déjà partie de l'équipe"),
    (["team", "add", "Julie", "--login", "karim"], "déjà celle de quelqu'un"),
    (["team", "add", "Julie", "--login", "Julie Roux"], "un nom de rôle PostgreSQL"),
    (["team", "add", "Julie", "--email", "julie-at-acme"], "n'est pas une adresse e-mail"),
    (["team", "add", "\x1b[2J"], "un nom fait de lettres"),
    (["team", "lead", "Nobody"], "Personne ne s'appelle Nobody"),
    (["team", "leave", "Nobody"], "Personne ne s'appelle Nobody"),
    (["team", "leave", "Melissa"], "Melissa est le seul chef d'équipe"),
    (["team", "lead", "Melissa", "--off"], "Melissa est le seul chef d'équipe"),
    (["team", "firm", "x" * 81], "80 caractères au plus"),
])
def test_each_refusal_says_what_is_wrong_and_changes_nothing(
        demo_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], said: str) -> None:
    with raw(demo_url) as db:
        before = [tuple(r) for r in db.execute("SELECT * FROM caller ORDER BY id")]
    if "--login" in argv and argv[-1] == "karim":
        assert _run(capsys, "team", "add", "Karim2", "--login", "karim", "--db", demo_url)[0] == 0
        with raw(demo_url) as db:
            before = [tuple(r) for r in db.execute("SELECT * FROM caller ORDER BY id")]
    code, _, err = _run(capsys, *argv, "--db", demo_url)
    assert code == 2 and said in err and "Traceback" not in err
    with raw(demo_url) as db:
        assert [tuple(r) for r in db.execute("SELECT * FROM caller ORDER BY id")] == before


def _open_reminders(db, name: str) -> int:
    return db.execute("SELECT COUNT(*) FROM reminder r JOIN caller k ON k.id = r.owner_id "
                      "WHERE k.name = ? AND r.done_at IS NULL", (name,)).fetchone()[0]


def test_someone_who_leaves_keeps_their_history_and_hands_their_work_to_the_lead(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.services import open_services

    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    karim = services.find_caller("Karim")
    contact = services.queue_page(karim.id, limit=1).rows[0].person
    services.change_portfolio(karim.id, contact.id, karim.id)  # his own private contact
    with raw(demo_url) as db:
        calls = db.execute("SELECT COUNT(*) FROM call WHERE caller_id = ?",
                           (karim.id,)).fetchone()[0]
        notes = db.execute("SELECT COUNT(*) FROM note WHERE author_id = ?",
                           (karim.id,)).fetchone()[0]
        reminders = _open_reminders(db, "Karim")
        lead_before = _open_reminders(db, "Melissa")
        private = db.execute("SELECT COUNT(*) FROM contact WHERE owner_id = ?",
                             (karim.id,)).fetchone()[0]
    assert calls and reminders and private
    code, out, _ = _run(capsys, "team", "leave", "Karim", "--db", demo_url)
    assert code == 0 and "Karim a quitté l'équipe\u00a0: ses appels" in out
    assert (f"Confiés à Melissa\u00a0: {reminders} rappels ouverts et {private} contacts "
            "privés") in out
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM call WHERE caller_id = ?",
                          (karim.id,)).fetchone()[0] == calls
        assert db.execute("SELECT COUNT(*) FROM note WHERE author_id = ?",
                          (karim.id,)).fetchone()[0] == notes
        assert _open_reminders(db, "Karim") == 0
        assert _open_reminders(db, "Melissa") == lead_before + reminders
        assert db.execute("SELECT k.name FROM contact c JOIN caller k ON k.id = c.owner_id "
                          "WHERE c.id = ?", (contact.id,)).fetchone()[0] == "Melissa"
        line = db.execute("SELECT actor, action, details FROM audit_log ORDER BY id DESC"
                          ).fetchone()
        assert line[:2] == ("Melissa", "team_leave") and f"{reminders} reminder" in line[2]
    # He is no longer offered anywhere, and cannot be chosen.
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    assert "Karim" not in {c.name for c in services.callers()}
    assert "Karim" not in {r.name for r in services.team_today(services.find_caller(
        "Melissa").id).rows}
    code, _, err = _run(capsys, "queue", "--caller", "Karim", "--db", demo_url)
    assert code == 2 and "Karim a quitté l'équipe" in err
    code, _, err = _run(capsys, "reminders", "--db", demo_url, "--reassign", "1", "--to",
                        "Karim", "--caller", "Melissa")
    assert code == 2
    code, out, _ = _run(capsys, "team", "list", "--db", demo_url)
    assert "a quitté l'équipe le 23/11/2026" in out
    code, _, err = _run(capsys, "team", "add", "Karim", "--db", demo_url)
    assert code == 2 and "garde son historique" in err


def test_a_new_lead_may_then_let_the_first_one_go(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "team", "lead", "Karim", "--db", demo_url)[0] == 0
    code, out, _ = _run(capsys, "team", "leave", "Melissa", "--as", "Karim", "--db", demo_url)
    assert code == 0 and "Confiés à Karim" in out
    code, _, err = _run(capsys, "team", "leave", "Karim", "--db", demo_url)
    assert code == 2 and "Karim est le seul chef d'équipe" in err


def test_the_firms_name_is_kept_in_the_database_and_said_by_the_scripts(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.services import open_services

    assert _run(capsys, "team", "firm", "Cabinet Lumière", "--db", demo_url)[0] == 0
    assert _run(capsys, "team", "firm", "--db", demo_url)[1] == "Cabinet Lumière\n"
    code, _, err = _run(capsys, "team", "firm", "Autre", "--as", "Karim", "--db", demo_url)
    assert code == 2 and "Réservé au chef d'équipe" in err
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    karim = services.find_caller("Karim")
    decision_maker = next(r.person for r in services.queue_page(karim.id, limit=500).rows
                          if r.is_decision_maker and not r.held)
    call = services.start_call(karim.id, decision_maker)
    call = services.choose(call.call_id, 1)  # the switchboard puts the call through
    assert "de la société Cabinet Lumière" in " ".join(call.text.split())


def test_only_the_lead_gives_a_contact_and_its_reminders_go_with_it(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with raw(demo_url) as db:
        contact_id, owner = db.execute(
            "SELECT r.contact_id, k.name FROM reminder r JOIN caller k ON k.id = r.owner_id "
            "WHERE r.done_at IS NULL AND r.contact_id IS NOT NULL AND k.name = 'Karim' "
            "ORDER BY r.id").fetchone()
    portfolio = ["portfolio", "--db", demo_url]
    # Karim takes the shared contact for himself: the existing behaviour.
    assert _run(capsys, *portfolio, "--caller", "Karim", "--add", str(contact_id))[0] == 0
    # Julie is added; she may not take Karim's private contact, nor give one away.
    assert _run(capsys, "team", "add", "Julie", "--db", demo_url)[0] == 0
    code, _, err = _run(capsys, *portfolio, "--caller", "Julie", "--add", str(contact_id))
    assert code == 2 and "portefeuille privé de Karim" in err
    code, _, err = _run(capsys, *portfolio, "--caller", "Julie", "--remove", str(contact_id))
    assert code == 2 and "portefeuille privé de Karim" in err
    code, _, err = _run(capsys, *portfolio, "--caller", "Karim", "--add", str(contact_id),
                        "--as", "Julie")
    assert code == 2 and "Seul le chef d'équipe" in err
    with raw(demo_url) as db:
        assert db.execute("SELECT k.name FROM contact c JOIN caller k ON k.id = c.owner_id "
                          "WHERE c.id = ?", (contact_id,)).fetchone()[0] == "Karim"
    # The lead gives it to Julie: its open reminders go with it.
    assert _run(capsys, *portfolio, "--caller", "Julie", "--add", str(contact_id),
                "--as", "Melissa")[0] == 0
    with raw(demo_url) as db:
        owners = {r[0] for r in db.execute(
            "SELECT k.name FROM reminder r JOIN caller k ON k.id = r.owner_id "
            "WHERE r.contact_id = ? AND r.done_at IS NULL", (contact_id,))}
        assert owners == {"Julie"}
    from cockpit.services import open_services

    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    julie = services.find_caller("Julie")
    rows = services.queue_page(julie.id, limit=500).rows
    assert contact_id in {r.person.id for r in rows if r.person.kind == "contact"}
    assert owner == "Karim"


def test_a_database_of_version_6_is_migrated_keeping_its_callers(
        store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.store.db import database, open_database
    from cockpit.store.migrations import CURRENT, current_version, migrate, open_and_migrate

    db = open_database(store_url)
    database.initialize(db)
    migrate(db, target=1)
    # Version 1 as this code creates it already has the new columns: take them away, as a
    # database made by the previous release never had them.
    for column in ("login", "left_at"):
        if store_url.startswith("sqlite"):
            db.execute_sql("DROP INDEX IF EXISTS caller_login")
        db.execute_sql(f"ALTER TABLE caller DROP COLUMN {column}")
    migrate(db, target=6)
    db.execute_sql("INSERT INTO caller (name, first_name, last_name, email, is_lead, active) "
                   "VALUES ('Melissa', 'Melissa', '', '', TRUE, TRUE)")
    db.close()
    open_and_migrate(store_url)
    assert current_version(database.obj) == CURRENT >= 7
    assert {"login", "left_at"} <= {c.name for c in database.obj.get_columns("caller")}
    code, _out, _ = _run(capsys, "team", "add", "Karim", "--login", "karim", "--db", store_url)
    assert code == 0
    code, _, err = _run(capsys, "team", "add", "Julie", "--login", "karim", "--db", store_url)
    assert code == 2 and "déjà celle de quelqu'un" in err
