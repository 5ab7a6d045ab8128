"""What a list says of the past comes in with it: the last contact's date and its comment
become the person's history (a past call by the caller the file names, else a note by
nobody), so the queue no longer offers as new a DO called last week, and the card shows
what was said. The files are in the layouts of a HubSpot contacts export (its column names:
knowledge.hubspot.com, "Contact properties") and of a French caller's Excel sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.services import open_services
from cockpit.services.views import PersonRef
from cockpit.store.migrations import open_and_migrate
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

FILES = Path(__file__).with_name("import_files")


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_NOW", FIXED_NOW.isoformat())


def _team(url: str) -> dict[str, int]:
    open_and_migrate(url)
    with raw(url) as db:
        for name, last in (("Melissa", "Roux"), ("Karim", "Benali")):
            db.execute("INSERT INTO caller (name, first_name, last_name, email, is_lead, "
                       f"active) VALUES ('{name}', '{name}', '{last}', '', FALSE, TRUE)")
        return {n: int(i) for i, n in db.execute("SELECT id, name FROM caller").fetchall()}


def _ids(url: str) -> dict[str, int]:
    with raw(url) as db:
        return {last: int(i) for i, last in
                db.execute("SELECT id, last_name FROM contact").fetchall()}


def test_a_do_called_last_week_is_not_offered_as_new_and_the_card_shows_the_note(
        store_url: str) -> None:
    team = _team(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    report = services.import_file("contacts", FILES / "hubspot_contacts.csv")
    assert report.created == 3 and report.history == 2
    ids = _ids(store_url)
    rows = {r.person.id: r for r in services.queue_page(team["Melissa"], limit=50).rows}
    # Paul Girard, never called, is new; Sophie Martin (called on the 16th) is not, and
    # Anne Roux, who said no on the 18th, is kept out for the usual while.
    assert rows[ids["Girard"]].bucket == "new"
    assert ids["Martin"] not in rows or rows[ids["Martin"]].bucket != "new"
    assert ids["Roux"] not in rows

    card = services.contact_card(PersonRef("contact", ids["Martin"]))
    assert card is not None
    [item] = card.history
    assert (item.who, item.outcome, item.note) == (
        "Karim", "callback", "Rappeler après le comité budgétaire de janvier")
    assert item.at.isoformat() == "2026-11-16T09:30:00+00:00"  # 10:30 in Paris
    [said] = services.contact_card(PersonRef("contact", ids["Roux"])).history
    assert (said.who, said.outcome) == ("", "note")  # nobody of the team named: a note
    with raw(store_url) as db:
        assert db.execute("SELECT outcome FROM call").fetchall() == [("callback",)]


def test_the_caller_named_in_the_sheet_gets_the_call_and_a_rerun_adds_nothing(
        store_url: str) -> None:
    team = _team(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    first = services.import_file("contacts", FILES / "excel_contacts.csv")
    again = services.import_file("contacts", FILES / "excel_contacts.csv")
    assert (first.history, again.history) == (1, 0)
    ids = _ids(store_url)
    with raw(store_url) as db:
        calls = db.execute("SELECT caller_id, contact_id, outcome FROM call").fetchall()
        notes = db.execute("SELECT author_id, body FROM note").fetchall()
        last = db.execute("SELECT last_name, last_contacted_at FROM contact "
                          "ORDER BY id").fetchall()
        # The "Standard" column: the company's switchboard, kept on it and on its people.
        board = db.execute("SELECT name, switchboard FROM company").fetchall()
        labels = db.execute("SELECT c.last_name, p.e164, p.label FROM phone p JOIN contact c "
                            "ON c.id = p.contact_id ORDER BY c.id, p.e164").fetchall()
    assert calls == [(team["Melissa"], ids["Benali"], "no_answer")]  # "Messagerie…"
    assert notes == [(team["Melissa"], "Messagerie, rappeler jeudi")]
    assert [(n, str(t)[:16] if t else None) for n, t in last] == [
        ("Benali", "2026-11-20 13:30"), ("Dupont", None)]  # 14h30 in Paris
    assert board == [("Hexa Conseil", "+33142685300")]
    assert labels == [("Benali", "+33142685300", "standard"),
                      ("Benali", "+33142685310", "direct"), ("Benali", "+33781345678", "mobile"),
                      ("Dupont", "+33142685300", "standard")]


def test_a_call_made_since_is_not_moved_back_by_an_old_file(store_url: str,
                                                             tmp_path: Path) -> None:
    _team(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    services.import_file("contacts", FILES / "excel_contacts.csv")
    old = tmp_path / "old.csv"
    old.write_text("Société;Prénom;Nom;Standard;Ligne directe;Dernier contact;Commentaire\n"
                   "Hexa Conseil;Lina;Benali;01 42 68 53 00;01 42 68 53 10;02/03/2025;"
                   "Premier contact au salon\n", encoding="utf-8")
    report = services.import_file("contacts", old)
    assert report.created == 0 and report.history == 1
    with raw(store_url) as db:
        assert str(db.execute("SELECT last_contacted_at FROM contact WHERE last_name = "
                              "'Benali'").fetchone()[0])[:10] == "2026-11-20"
        assert db.execute("SELECT COUNT(*) FROM note").fetchone()[0] == 2


def test_a_bad_or_future_date_is_refused_with_its_line_and_nothing_is_written(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _team(store_url)
    path = tmp_path / "bad.csv"
    path.write_text("Société;Nom;Téléphone;Dernier contact\n"
                    "Hexa;Durand;01 42 68 53 20;12/12/2026\n"
                    "Hexa;Petit;01 42 68 53 21;la semaine dernière\n", encoding="utf-8")
    assert main(["import", "contacts", str(path), "--db", store_url, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "line 2, column “Dernier contact”: “12/12/2026” is in the future" in out
    assert "line 3, column “Dernier contact”: “la semaine dernière” is not a date" in out
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == 0


def test_the_command_says_whose_history_came_in(store_url: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    _team(store_url)
    path = FILES / "hubspot_contacts.csv"
    assert main(["import", "contacts", str(path), "--db", store_url, "--lang", "en"]) == 0
    assert "history taken in for 2 people" in capsys.readouterr().out
