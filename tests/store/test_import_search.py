"""A big import writes the search index in bulk, a batch at a time (store/search_index.py):
the people it brings are found exactly as people created by hand, by every spelling of
their numbers, and a killed import leaves an index that matches its rows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.services import open_services
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

ROWS = 1200  # three batches: the people looked for come in the last one
HEADER = "Société;Prénom;Nom;Fonction;Standard;Ligne directe;Portable;E-mail"
QUANTIX = ("Quantix Ingénierie;Héloïse;Dumoulin-Ancel;Directrice technique;01 44 55 66 77;"
           "01 44 55 66 78;06 71 72 73 74;heloise.dumoulin@quantix.fr\n"
           "Quantix Ingénierie;Bertrand;Quéméner;Responsable achats;01 44 55 66 77;;;"
           "bertrand.quemener@quantix.fr\n")


@pytest.fixture(autouse=True)
def _french(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)


def _list(path: Path, rows: int = ROWS, tail: str = QUANTIX) -> Path:
    lines = [HEADER] + [f"Remplissage {i % 40};Jean;Rempli{i};Consultant;;"
                        f"01 45 {i // 100:02d} {i % 100:02d} 00;;jean.rempli{i}@example.fr"
                        for i in range(rows)]
    path.write_text("\n".join(lines) + "\n" + tail, encoding="utf-8")
    return path


def _found(services, typed: str, kind: str = "contact") -> list[int]:
    karim = services.find_caller("Karim")
    groups = {g.kind: g for g in services.search(karim.id, typed).groups}
    return [h.id for h in groups[kind].hits]


def _id(url: str, email: str) -> int:
    with raw(url) as db:
        return int(db.execute("SELECT id FROM contact WHERE email = ?", (email,)).fetchone()[0])


def test_an_imported_person_is_found_as_one_created_by_hand(demo_url: str,
                                                            tmp_path: Path) -> None:
    assert main(["import", "contacts", str(_list(tmp_path / "liste.csv")), "--db",
                 demo_url]) == 0
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    karim = services.find_caller("Karim")
    by_hand = services.create(karim.id, "contact", {
        "first_name": "Héloïse", "last_name": "Dumoulin-Ancel", "company": "Quantix Ingénierie",
        "role": "Directrice technique", "email": "heloise.dumoulin@quantix.fr",
        "direct_phone": "01 44 55 66 78", "mobile_phone": "06 71 72 73 74"},
        even_if_like=True).id
    heloise = min(_id(demo_url, "heloise.dumoulin@quantix.fr"), by_hand)
    bertrand = _id(demo_url, "bertrand.quemener@quantix.fr")
    assert heloise != by_hand
    for typed in ("dumoulin", "HÉLOÏSE ancel", "heloise quantix", "directrice",
                  "heloise.dumoulin@quantix.fr", "01 44 55 66 78", "+33 1 44 55 66 78",
                  "0144556678", "06.71.72.73.74", "0671", "+33671727374"):
        assert {heloise, by_hand} <= set(_found(services, typed)), typed
    # The switchboard both colleagues came with finds them both; the company by its name.
    assert {heloise, bertrand} <= set(_found(services, "01 44 55 66 77"))
    assert _found(services, "quemener bertrand") == [bertrand]
    assert len(_found(services, "quantix ingenierie", "company")) == 1
    assert _found(services, "rempli600") == [_id(demo_url, "jean.rempli600@example.fr")]


def _index(url: str) -> tuple[list[tuple], list[tuple]]:
    with raw(url) as db:
        return (db.execute("SELECT rowid, name, body FROM search_contact ORDER BY rowid")
                .fetchall(),
                db.execute("SELECT rowid, name, body FROM search_company ORDER BY rowid")
                .fetchall())


def _as_the_triggers_write_it(url: str) -> tuple[list[tuple], list[tuple]]:
    """Every entry written again by the triggers themselves (an update of a watched column
    fires them, even to the same value)."""
    with raw(url) as db:
        db.execute("UPDATE contact SET first_name = first_name")
        db.execute("UPDATE company SET name = name")
    return _index(url)


def test_the_bulk_index_holds_what_the_triggers_would_have_written(demo_url: str,
                                                                   tmp_path: Path) -> None:
    if not demo_url.startswith("sqlite"):
        pytest.skip("PostgreSQL searches the tables themselves")
    source = _list(tmp_path / "liste.csv")
    assert main(["import", "contacts", str(source), "--db", demo_url]) == 0
    assert main(["import", "contacts", str(source), "--db", demo_url]) == 0  # merged again
    written = _index(demo_url)
    assert len(written[0]) > ROWS
    assert written == _as_the_triggers_write_it(demo_url)


def test_a_merge_that_fills_a_field_refreshes_the_persons_entry(demo_url: str,
                                                               tmp_path: Path) -> None:
    """A list imported again with what the first one lacked: the people merged are found by
    it at once (their entry written again), those it left as they were are untouched."""
    if not demo_url.startswith("sqlite"):
        pytest.skip("PostgreSQL searches the tables themselves")
    first = _list(tmp_path / "avant.csv", tail=QUANTIX.replace("Responsable achats", ""))
    assert main(["import", "contacts", str(first), "--db", demo_url]) == 0
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    bertrand = _id(demo_url, "bertrand.quemener@quantix.fr")
    assert bertrand not in _found(services, "achats")
    assert main(["import", "contacts", str(_list(tmp_path / "apres.csv")), "--db",
                 demo_url]) == 0
    assert bertrand in _found(open_services(demo_url, clock=lambda: FIXED_NOW), "achats")
    assert _index(demo_url) == _as_the_triggers_write_it(demo_url)


def test_imported_freelances_are_indexed_as_the_triggers_would(demo_url: str,
                                                               tmp_path: Path) -> None:
    if not demo_url.startswith("sqlite"):
        pytest.skip("PostgreSQL searches the tables themselves")
    source = tmp_path / "freelances.csv"
    source.write_text("Prénom;Nom;Titre;Compétences;Ville;Portable;E-mail\n" + "".join(
        f"Inès;Freelance{i};Développeuse Java;java, spring;Lyon;06 80 {i // 100:02d} "
        f"{i % 100:02d} 11;ines{i}@example.fr\n" for i in range(700)), encoding="utf-8")
    assert main(["import", "freelances", str(source), "--db", demo_url]) == 0

    def entries() -> list[tuple]:
        with raw(demo_url) as db:
            return db.execute("SELECT rowid, name, body FROM search_freelance ORDER BY rowid"
                              ).fetchall()

    written = entries()
    with raw(demo_url) as db:
        db.execute("UPDATE freelance SET first_name = first_name")
    assert len(written) > 700 and written == entries()
    assert "0680060011" in " ".join(body for _, _, body in written)


_KILLED = """
import sys, time
from cockpit.services import open_services
from cockpit.store import search_index

calls = []
index = search_index.Held.index


def stop_at_the_second_batch(self, kind, ids):
    index(self, kind, ids)
    calls.append(kind)
    if len(calls) == 3:  # the second batch's people written and indexed, not committed
        print("ready", flush=True)
        time.sleep(120)


search_index.Held.index = stop_at_the_second_batch
open_services(sys.argv[1]).import_file("contacts", sys.argv[2])
"""


def test_an_import_killed_in_a_batch_leaves_an_index_matching_its_rows(
        demo_url: str, tmp_path: Path) -> None:
    if not demo_url.startswith("sqlite"):
        pytest.skip("SQLite's index")
    with raw(demo_url) as db:
        before = db.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "ORDER BY name").fetchall()
    source = _list(tmp_path / "liste.csv")
    child = subprocess.Popen([sys.executable, "-c", _KILLED, demo_url, str(source)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ), cwd=Path(__file__).parents[2])
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        pytest.fail(f"the import did not reach its second batch: {child.communicate()}")
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    with raw(demo_url) as db:
        assert db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                          "ORDER BY name").fetchall() == triggers
        count = db.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
    assert count == before + 500  # the first batch, committed; the second rolled back
    indexed = _index(demo_url)
    assert len(indexed[0]) == count
    assert indexed == _as_the_triggers_write_it(demo_url)
    # Running it again is safe: the first batch merges, the rest comes in, indexed.
    report = open_services(demo_url, clock=lambda: FIXED_NOW).import_file("contacts", source)
    assert (report.created, len(report.merged)) == (ROWS + 2 - 500, 500)
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    assert _found(services, "01 44 55 66 77")
    assert len(_index(demo_url)[0]) == before + ROWS + 2
