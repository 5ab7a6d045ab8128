"""People's rights over their data, on a real database file: export, erasure that leaves no
trace in the file or its journal, the do-not-call list, retention, exports, the audit log,
and a log that never names anyone."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.services import open_services
from tests.conftest import FIXED_NOW
from tests.rawdb import Raw, raw


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")

CANARY_NAME = "Quichotte-Canari"
CANARY_FIRST = "Zébulon"
CANARY_EMAIL = "zebulon.canari@exemple-unique.fr"
CANARY_NUMBER = "06 99 88 77 66"
CANARY_E164 = "+33699887766"
CANARY_NOTE = "Préfère être rappelé après ses vacances à Tombouctou"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def _db(url: str) -> Raw:
    return raw(url)


def _canary(url: str, tmp_path: Path) -> int:
    """The canary person imported, called once with a note."""
    path = tmp_path / "canary.csv"
    path.write_text(f"Société;Prénom;Nom;Fonction;Téléphone;E-mail\nCanari SA;{CANARY_FIRST};"
                    f"{CANARY_NAME};Directeur de département;{CANARY_NUMBER};{CANARY_EMAIL}\n",
                    encoding="utf-8")
    assert main(["import", "contacts", str(path), "--db", url]) == 0
    services = open_services(url, clock=lambda: FIXED_NOW)
    (person,) = services.find_people(CANARY_EMAIL)
    caller = services.callers()[0]
    call = services.start_call(caller.id, person)
    services.save_draft(call.call_id, CANARY_NOTE)
    services.finish_call(call.call_id, "callback", "", CANARY_NOTE)
    return person.id


def test_export_holds_everything_about_the_person(demo_url: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    person_id = _canary(demo_url, tmp_path)
    capsys.readouterr()
    assert main(["person", "export", "+33 (0)6 99 88 77 66", "--db", demo_url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["person"]["id"] == person_id and data["person"]["last_name"] == CANARY_NAME
    assert data["phones"][0]["e164"] == CANARY_E164
    assert len(data["calls"]) == 1 and data["call_events"]
    assert any(n["body"] == CANARY_NOTE for n in data["notes"])
    assert data["company"]["name"] == "Canari SA"
    out = tmp_path / "me.json"
    assert main(["person", "export", CANARY_EMAIL.upper(), "--db", demo_url,
                 "--out", str(out)]) == 0
    assert json.loads(out.read_text())["person"]["id"] == person_id
    assert out.stat().st_mode & 0o777 == 0o600


def test_forget_leaves_no_trace_in_the_file_or_its_journal(demo_url: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    person_id = _canary(demo_url, tmp_path)
    assert main(["person", "forget", f"contact:{person_id}", "--db", demo_url, "--yes"]) == 0
    said = capsys.readouterr().out
    assert f"contact #{person_id} erased" in said and "calls: 1" in said and "notes" in said
    if demo_url.startswith("sqlite"):  # the file and its journal, byte by byte
        path = Path(demo_url.removeprefix("sqlite:///"))
        wal = path.with_name(path.name + "-wal")
        blob = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        for secret in (CANARY_NAME, CANARY_EMAIL, CANARY_E164, "0699887766", CANARY_NOTE,
                       "Tombouctou"):
            assert secret.encode() not in blob, secret
    with _db(demo_url) as db:  # and nothing left that a query can find
        for table, column, secret in (("contact", "last_name", CANARY_NAME),
                                      ("phone", "e164", CANARY_E164),
                                      ("note", "body", CANARY_NOTE),
                                      ("do_not_call", "e164", CANARY_E164)):
            assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?",
                              (secret,)).fetchone()[0] == 0, table
    with _db(demo_url) as db:
        kept = db.execute("SELECT e164, digest FROM do_not_call WHERE reason LIKE "
                          "'erased%'").fetchall()
    assert len(kept) == 1 and kept[0][0] is None and len(kept[0][1]) == 64
    # The number comes back in a new spreadsheet: the person is flagged, never called.
    again = tmp_path / "again.csv"
    again.write_text(f"Nom;Téléphone\nNouveau;{CANARY_E164}\n", encoding="utf-8")
    assert main(["import", "contacts", str(again), "--db", demo_url]) == 0
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    (back,) = services.find_people(CANARY_NUMBER)
    with _db(demo_url) as db:
        assert db.execute("SELECT do_not_call FROM contact WHERE id = ?",
                          (back.id,)).fetchone() == (1,)
    from cockpit.services.errors import ServiceError

    with pytest.raises(ServiceError, match="do-not-call"):
        services.start_call(services.callers()[0].id, back)


def test_do_not_call_any_spelling(demo_url: str, capsys: pytest.CaptureFixture[str],
                                  tmp_path: Path) -> None:
    person_id = _canary(demo_url, tmp_path)
    assert main(["dnc", "add", "0033 6 99 88 77 66", "--db", demo_url]) == 0
    assert ("+33699887766: added; blocked for everyone with this number: 1 person flagged"
            in capsys.readouterr().out)
    assert main(["dnc", "add", "+33 6 99 88 77 66", "--db", demo_url]) == 0
    assert "already on the list" in capsys.readouterr().out
    with _db(demo_url) as db:
        assert db.execute("SELECT do_not_call FROM contact WHERE id = ?",
                          (person_id,)).fetchone() == (1,)
    # Lifting someone's request is a lead's: a caller is refused, and nothing changes.
    assert main(["--caller", "Karim", "dnc", "remove", "06.99.88.77.66", "--db", demo_url]) == 2
    assert "team lead" in capsys.readouterr().err
    with _db(demo_url) as db:
        assert db.execute("SELECT do_not_call FROM contact WHERE id = ?",
                          (person_id,)).fetchone() == (1,)
    assert main(["dnc", "remove", "06.99.88.77.66", "--db", demo_url]) == 0
    with _db(demo_url) as db:
        assert db.execute("SELECT do_not_call FROM contact WHERE id = ?",
                          (person_id,)).fetchone() == (0,)
    listed = tmp_path / "liste-rouge.csv"
    listed.write_text("numero\n01 42 68 53 00\n+32 2 555 12 34\npas un numéro\n",
                      encoding="utf-8")
    assert main(["dnc", "import", str(listed), "--db", demo_url]) == 1
    out = capsys.readouterr().out
    assert "2 numbers added" in out and "line 4: “pas un numéro” has no digits" in out
    # Each line's reason in the user's language too (it came out in English in French).
    assert main(["--lang", "fr", "dnc", "import", str(listed), "--db", demo_url]) == 1
    out = capsys.readouterr().out
    assert "ligne 4\xa0: «\xa0pas un numéro\xa0» ne contient aucun chiffre" in out, out


def test_purge_lists_then_erases_prospects_untouched_for_three_years(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with _db(demo_url) as db:
        old = db.execute("SELECT id FROM contact WHERE is_switchboard = FALSE ORDER BY id "
                         "LIMIT 2").fetchall()
        ancient = (FIXED_NOW - timedelta(days=4 * 365)).replace(tzinfo=None).isoformat(" ")
        db.executemany("UPDATE contact SET last_contacted_at = ? WHERE id = ?",
                       [(ancient, i) for (i,) in old])
        before = db.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
    assert main(["purge", "--older-than", "3y", "--dry-run", "--db", demo_url]) == 0
    out = capsys.readouterr().out
    assert all(f"#{i} " in out for (i,) in old) and "dry run: nothing erased" in out
    assert "with no contact for 3 years" in out  # "3y" is what one types, not what one reads
    with _db(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == before
    # A caller may not purge, nor forget someone; nobody erases without a terminal and
    # without --yes.
    assert main(["person", "forget", "contact:1", "--as", "Karim", "--yes",
                 "--db", demo_url]) == 2
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact WHERE id = 1").fetchone() == (1,)
    assert main(["purge", "--older-than", "3y", "--as", "Karim", "--yes", "--db", demo_url]) == 2
    assert "team lead" in capsys.readouterr().err
    assert main(["purge", "--older-than", "3y", "--as", "Melissa", "--db", demo_url]) == 2
    assert "add --yes" in capsys.readouterr().err
    with _db(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == before
    assert main(["purge", "--older-than", "3y", "--as", "Melissa", "--yes", "--db",
                 demo_url]) == 0
    assert "2 prospects erased" in capsys.readouterr().out
    with _db(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == before - 2
    assert main(["purge", "--older-than", "trois ans", "--db", demo_url]) == 2


def test_exports_open_in_excel_and_hold_no_formula(demo_url: str, tmp_path: Path) -> None:
    with _db(demo_url) as db:
        db.execute("UPDATE contact SET role = '=cmd|'' /C calc''!A0' WHERE id = 1")
        count = db.execute("SELECT COUNT(*) FROM contact WHERE is_switchboard = FALSE"
                           ).fetchone()[0]
    out = tmp_path / "contacts.csv"
    assert main(["export", "contacts", str(out), "--db", demo_url]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and out.stat().st_mode & 0o777 == 0o600
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == count + 1
    assert all(not c.startswith(("=", "+", "@", "\t", "\r")) for r in rows for c in r)
    assert rows[1][5] == "'=cmd|' /C calc'!A0"
    calls = tmp_path / "calls.json"
    assert main(["export", "calls", str(calls), "--db", demo_url]) == 0
    data = json.loads(calls.read_text(encoding="utf-8"))
    with _db(demo_url) as db:
        assert len(data) == db.execute("SELECT COUNT(*) FROM call").fetchone()[0]


def test_audit_log_is_for_the_lead(demo_url: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    person_id = _canary(demo_url, tmp_path)
    assert main(["person", "forget", str(person_id), "--db", demo_url]) == 2  # also a freelance
    assert "matches several people" in capsys.readouterr().err
    assert main(["person", "forget", f"contact:{person_id}", "--db", demo_url,
                 "--as", "Melissa", "--yes"]) == 0
    capsys.readouterr()
    assert main(["audit", "--db", demo_url, "--as", "Melissa"]) == 0
    # Stored in UTC, read in Paris time (09:42 UTC is 10:42 in November).
    said = capsys.readouterr().out
    assert f"23 Nov 2026 10:42 Melissa erasure contact (erased) #{person_id}" in said
    assert main(["audit", "--db", demo_url, "--as", "Karim"]) == 2
    assert "For the team lead only" in capsys.readouterr().err


def test_the_log_never_names_anyone(demo_url: str, tmp_path: Path) -> None:
    """A canary goes through import (good and bad rows), export, calls, the do-not-call list
    and erasure, each in its own `cockpit` process; the log must not hold it in any form."""
    log = tmp_path / "cockpit.log"
    env = dict(os.environ, COCKPIT_LOG=str(log), COCKPIT_STATE=str(tmp_path / "state"))
    good = tmp_path / "in.csv"
    good.write_text(f"Nom;Prénom;Téléphone;E-mail\n{CANARY_NAME};{CANARY_FIRST};{CANARY_NUMBER};"
                    f"{CANARY_EMAIL}\n{CANARY_NAME}-bis;X;06 99 88;\n", encoding="utf-8")

    def cockpit(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "cockpit", *args, "--db", demo_url], env=env,
                       capture_output=True, check=False, timeout=60)

    cockpit("import", "contacts", str(good))
    cockpit("import", "contacts", str(good), "--skip-invalid")
    cockpit("person", "export", CANARY_EMAIL)
    cockpit("dnc", "add", CANARY_NUMBER)
    cockpit("export", "contacts", str(tmp_path / "out.csv"))
    cockpit("person", "forget", CANARY_EMAIL, "--yes")
    cockpit("person", "forget", CANARY_EMAIL, "--yes")  # a second time: nobody matches
    text = log.read_text(encoding="utf-8")
    assert "import contacts" in text and "erased contact #" in text and "failed" in text
    digits = "".join(ch for ch in text if ch.isdigit() or ch == "\n")
    for secret in (CANARY_NAME, CANARY_FIRST, CANARY_EMAIL, "canari", "exemple-unique"):
        assert secret.casefold() not in text.casefold(), secret
    for number in ("0699887766", "33699887766", "699887766", "0699888"):
        assert number not in digits.replace("\n", ""), number
    assert log.stat().st_mode & 0o777 == 0o600


def test_the_audit_keeps_an_erased_person_apart_from_a_newcomer(demo_url: str,
                                                                 tmp_path: Path) -> None:
    """SQLite gives the highest id again once its row is gone: after an erasure, the audit's
    lines about the erased person never read as about whoever gets that id next."""
    person_id = _canary(demo_url, tmp_path)  # the newest contact: the highest id
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    lead = next(c for c in services.callers() if c.is_lead)
    services.set_private_owner(lead.id, person_id, lead.name)
    services.forget_person(f"contact:{person_id}", actor=lead.name)
    newcomer = tmp_path / "newcomer.csv"
    newcomer.write_text("Société;Prénom;Nom;Téléphone\nNouvelle SA;Léa;Nouvelle;01 45 67 89 10\n",
                        encoding="utf-8")
    assert main(["import", "contacts", str(newcomer), "--db", demo_url]) == 0
    with _db(demo_url) as db:
        new_id = db.execute("SELECT id FROM contact WHERE last_name = 'Nouvelle'").fetchone()[0]
    services.set_private_owner(lead.id, new_id, lead.name)  # a line about the newcomer
    read = [(action, entity, entity_id) for _at, _actor, action, entity, entity_id, _details
            in services.audit(lead.id)]
    about_erased = [r for r in read if r[2] == person_id and r[1] == "contact (erased)"]
    assert {action for action, _e, _i in about_erased} == {"set_owner", "erase"}
    if demo_url.startswith("sqlite"):
        assert new_id == person_id  # the reuse that made this necessary
    assert read[0] == ("set_owner", "contact", new_id)  # the newcomer's line reads as theirs
