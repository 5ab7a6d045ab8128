"""Colleagues listed with their company's switchboard are never merged by an import: the same
number under another name is another person, and the number is kept as the company's
switchboard, shared by them. "Never call me again" from one of them then leaves the others
callable through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.services import open_services
from cockpit.services.views import PersonRef
from cockpit.store.migrations import open_and_migrate
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

SWITCHBOARD = "+33142685300"

# One company, five colleagues on its switchboard; two also give their own mobile; Hélène
# comes twice (capitals, no accents: the same person); a sixth row is someone else's
# mobile... under the same name as its owner: one person.
OFFICE = (
    "Société;Prénom;Nom;Fonction;Téléphone;Mobile\n"
    "Hexa Conseil;Hélène;Bérard;Assistante de direction;01 42 68 53 00;06 11 22 33 44\n"
    "Hexa Conseil;Jean;Dupont;Directeur de département;01 42 68 53 00;\n"
    "Hexa Conseil;Lina;Benali;Responsable staffing;+33 1 42 68 53 00;07 81 34 56 78\n"
    "Hexa Conseil;Paul;Leroy;Ingénieur commercial;0142685300;\n"
    "Hexa Conseil;Marc;Olivier;Directeur des achats;01.42.68.53.00;\n"
    "Hexa Conseil;HELENE;BERARD;Assistante de direction;01 42 68 53 00;\n"
)


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_NOW", FIXED_NOW.isoformat())


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def _with_caller(url: str) -> int:
    open_and_migrate(url)  # the schema, as every command makes it
    with raw(url) as db:
        db.execute("INSERT INTO caller (name, first_name, last_name, email, is_lead, active) "
                   "VALUES ('Melissa', 'Melissa', '', '', FALSE, TRUE)")
        return int(db.execute("SELECT id FROM caller").fetchone()[0])


def _phones(url: str) -> list[tuple[str, str, str, str]]:
    """(first name, last name, number, label) of every contact's number, by person."""
    with raw(url) as db:
        return db.execute(
            "SELECT c.first_name, c.last_name, p.e164, p.label FROM contact c "
            "JOIN phone p ON p.contact_id = c.id ORDER BY c.id, p.e164").fetchall()


def _ids(url: str) -> dict[str, int]:
    with raw(url) as db:
        return {last: int(i) for i, last in
                db.execute("SELECT id, last_name FROM contact").fetchall()}


def test_five_colleagues_on_one_switchboard_stay_five_and_one_can_leave(
        store_url: str, tmp_path: Path) -> None:
    caller = _with_caller(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    report = services.import_file("contacts", _write(tmp_path, "hexa.csv", OFFICE))
    assert report.created == 5  # the five colleagues, Hélène's second row merged into her
    assert report.merged_in_file == [(7, 2)]
    assert report.switchboards == 1
    assert _phones(store_url) == [
        ("Hélène", "Bérard", SWITCHBOARD, "standard"),
        ("Hélène", "Bérard", "+33611223344", "mobile"),
        ("Jean", "Dupont", SWITCHBOARD, "standard"),
        ("Lina", "Benali", SWITCHBOARD, "standard"),
        ("Lina", "Benali", "+33781345678", "mobile"),
        ("Paul", "Leroy", SWITCHBOARD, "standard"),
        ("Marc", "Olivier", SWITCHBOARD, "standard"),
    ]
    ids = _ids(store_url)
    queued = {r.person.id for r in services.queue_page(caller, limit=50).rows}
    assert queued == set(ids.values())

    # « Ne rappelez plus » from the assistant: she and her mobile, not the switchboard.
    blocked = services.mark_do_not_call(caller, PersonRef("contact", ids["Bérard"]))
    assert blocked.own == ("+33611223344",) and blocked.shared == (SWITCHBOARD,)
    with raw(store_url) as db:
        assert db.execute("SELECT e164 FROM do_not_call").fetchall() == [("+33611223344",)]
    queued = {r.person.id for r in services.queue_page(caller, limit=50).rows}
    assert queued == set(ids.values()) - {ids["Bérard"]}
    call = services.start_call(caller, PersonRef("contact", ids["Dupont"]))
    assert (call.dial, call.script_title) == ("01 42 68 53 00", "Standard")
    services.finish_call(call.call_id, "no_answer", "", "")


def test_the_command_says_which_numbers_were_kept_as_a_switchboard(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_and_migrate(store_url)
    path = _write(tmp_path, "hexa.csv", OFFICE)
    assert main(["import", "contacts", str(path), "--db", store_url, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "created 5 contacts" in out
    assert "1 number shared by several people: kept as the company's switchboard" in out
    assert main(["import", "contacts", str(path), "--db", store_url, "--dry-run"]) == 0
    said = capsys.readouterr().out  # French by default; the same file again merges all five
    assert "1 numéro partagé par plusieurs personnes" in said


def test_a_colleague_imported_later_shares_the_switchboard_instead_of_taking_it(
        store_url: str, tmp_path: Path) -> None:
    """The first file had one person on the number (taken for her direct line); the next
    brings a colleague with it: two people, and the number becomes the switchboard for both.
    The same person again, by name or by e-mail, is merged."""
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    services.import_file("contacts", _write(tmp_path, "a.csv", (
        "Société;Prénom;Nom;Téléphone\nHexa Conseil;Hélène;Bérard;01 42 68 53 00\n")))
    assert _phones(store_url) == [("Hélène", "Bérard", SWITCHBOARD, "direct")]
    report = services.import_file("contacts", _write(tmp_path, "b.csv", (
        "Société;Prénom;Nom;Téléphone;E-mail\n"
        "Hexa Conseil;Jean;Dupont;01 42 68 53 00;j.dupont@hexa.fr\n"
        "Hexa Conseil;;Berard;01 42 68 53 00;\n"  # her, without her first name
        "Autre SA;Paul;Leroy;01 42 68 53 00;\n")))  # another company on the number
    assert report.created == 2 and [why for _, _, why in report.merged] == [
        "same phone and name"]
    assert report.switchboards == 1
    assert _phones(store_url) == [
        ("Hélène", "Bérard", SWITCHBOARD, "standard"),
        ("Jean", "Dupont", SWITCHBOARD, "standard"),
        ("Paul", "Leroy", SWITCHBOARD, "direct"),
    ]
    again = services.import_file("contacts", _write(tmp_path, "c.csv", (
        "Société;Prénom;Nom;Téléphone;E-mail\n"
        "Hexa Conseil;Jean-Marc;Dupont;06 98 76 54 32;J.Dupont@hexa.fr\n")))
    assert again.created == 0 and [why for _, _, why in again.merged] == ["same e-mail"]


def test_columns_that_say_what_a_number_is_are_followed(store_url: str,
                                                        tmp_path: Path) -> None:
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    report = services.import_file("contacts", _write(tmp_path, "cols.csv", (
        "Société;Prénom;Nom;Ligne directe;Standard;Portable\n"
        "Hexa Conseil;Jean;Dupont;01 42 68 53 10;01 42 68 53 00;\n"
        "Hexa Conseil;Lina;Benali;;;06 11 22 33 44\n"
        "Kappa;Marc;Olivier;06 55 44 33 22;04 72 00 00 00;\n")))
    assert report.created == 3 and report.unknown_columns == ()
    assert report.switchboards == 0  # said by the columns, not found shared
    assert _phones(store_url) == [
        ("Jean", "Dupont", SWITCHBOARD, "standard"),
        ("Jean", "Dupont", "+33142685310", "direct"),
        ("Lina", "Benali", "+33611223344", "mobile"),
        ("Marc", "Olivier", "+33472000000", "standard"),
        ("Marc", "Olivier", "+33655443322", "mobile"),  # a mobile is its owner's, always
    ]


def test_a_company_phone_its_people_already_have_becomes_their_switchboard(
        store_url: str, tmp_path: Path) -> None:
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    services.import_file("contacts", _write(tmp_path, "a.csv", (
        "Société;Prénom;Nom;Téléphone\nHexa Conseil;Hélène;Bérard;01 42 68 53 00\n")))
    report = services.import_file("companies", _write(tmp_path, "co.csv", (
        "Nom;Ville;Téléphone société\n"
        "Hexa Conseil;Paris;01 42 68 53 00\n"
        "Kappa;Lyon;04 72 00 00 00\n")))
    assert report.created == 1 and report.switchboards == 1
    assert _phones(store_url) == [
        ("Hélène", "Bérard", SWITCHBOARD, "standard"),  # no second "Standard" for Hexa
        ("", "Standard", "+33472000000", "standard"),
    ]
    # A colleague imported next joins the switchboard: one more person, not a merge.
    services.import_file("contacts", _write(tmp_path, "b.csv", (
        "Société;Prénom;Nom;Téléphone\nKappa;Marc;Olivier;04 72 00 00 00\n")))
    assert _phones(store_url)[-1] == ("Marc", "Olivier", "+33472000000", "standard")


def test_a_surname_alone_is_completed_by_one_colleague_not_by_all(store_url: str,
                                                                  tmp_path: Path) -> None:
    """"Dupont" on the switchboard is Hélène Dupont once a file says so; Jean Dupont on the
    same switchboard is then someone else, not a third name for her."""
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    services.import_file("contacts", _write(tmp_path, "a.csv", (
        "Société;Prénom;Nom;Téléphone\nHexa Conseil;;Dupont;01 42 68 53 00\n")))
    report = services.import_file("contacts", _write(tmp_path, "b.csv", (
        "Société;Prénom;Nom;Téléphone\n"
        "Hexa Conseil;Hélène;Dupont;01 42 68 53 00\n"
        "Hexa Conseil;Jean;Dupont;01 42 68 53 00\n")))
    assert report.created == 1 and len(report.merged) == 1
    assert _phones(store_url) == [("Hélène", "Dupont", SWITCHBOARD, "standard"),
                                  ("Jean", "Dupont", SWITCHBOARD, "standard")]


def test_a_big_office_on_one_switchboard_is_merged_again_only_by_name(
        store_url: str, tmp_path: Path) -> None:
    """Twenty colleagues on the switchboard (past the few looked through one by one): the
    same file again merges each into themselves, a newcomer is added."""
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    rows = [f"Hexa Conseil;Prénom{i};Nom{i % 10};01 42 68 53 00" for i in range(20)]
    head = "Société;Prénom;Nom;Téléphone\n"
    first = services.import_file("contacts", _write(tmp_path, "a.csv", head + "\n".join(rows)))
    assert (first.created, first.switchboards) == (20, 1)
    rows.append("Hexa Conseil;Prénom20;Nom0;01 42 68 53 00")
    again = services.import_file("contacts", _write(tmp_path, "b.csv", head + "\n".join(rows)))
    assert again.created == 1 and len(again.merged) == 20
    merged_into = {line: pid for line, pid, _ in again.merged}
    assert len(set(merged_into.values())) == 20  # each into themselves
    assert {label for *_, label in _phones(store_url)} == {"standard"}


def test_the_first_switchboard_a_file_gives_a_company_is_kept_whatever_the_hash_seed(
        tmp_path: Path) -> None:
    """Two switchboards for one company in one file: the first stays. The batch kept them
    in a set, so which one won changed from one run of the same file to the next."""
    import os
    import subprocess
    import sys

    text = "Société;Prénom;Nom;Standard\n" + "".join(
        f"Hexa Conseil;Prénom{n};Nom{n};01 42 68 53 {n:02d}\n" for n in range(10, 40))
    source = _write(tmp_path, "contacts.csv", text)
    kept = set()
    for seed in range(6):
        url = f"sqlite:///{tmp_path / f'seed{seed}.sqlite'}"
        _with_caller(url)
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "COCKPIT_DB": url}
        done = subprocess.run([sys.executable, "-m", "cockpit", "import", "contacts",
                               str(source)], capture_output=True, text=True, env=env,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        with raw(url) as db:
            kept.add(db.execute("SELECT switchboard FROM company").fetchone()[0])
    assert kept == {"+33142685310"}
