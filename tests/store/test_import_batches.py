"""A big import goes in short transactions: another caller's `next` is served while it runs,
never "database is locked"; a re-run of the same file merges instead of doubling."""

from __future__ import annotations

import threading
from pathlib import Path

import peewee as pw
import pytest

from cockpit.services import open_services
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

ROWS = 3000  # six batches


def _big_csv(path: Path, rows: int = ROWS) -> Path:
    lines = ["Société;Prénom;Nom;Fonction;Téléphone;E-mail"]
    lines += [f"Import {i % 300};Jeanne;Martin{i};Directrice des achats;"
              f"+33 1 {40 + i // 10000:02d} {i // 100 % 100:02d} {i % 100:02d} {i % 7:02d};"
              f"jeanne.martin{i}@example.fr" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _big_companies_csv(path: Path, rows: int = ROWS) -> Path:
    """Companies with their switchboard, revenue and headcount: several writes a row."""
    lines = ["Nom;Ville;Téléphone;CA;Effectif"]
    lines += [f"Import SA {i};Lyon;+33 4 {70 + i // 10000:02d} {i // 100 % 100:02d} "
              f"{i % 100:02d} {i % 7:02d};{i + 1} M€;{i % 90 + 10}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["contacts", "companies"])
def test_claims_go_through_while_a_big_import_runs(demo_url: str, tmp_path: Path,
                                                   kind: str) -> None:
    if not demo_url.startswith("sqlite"):
        pytest.skip("SQLite's one write lock; PostgreSQL locks rows")
    source = (_big_csv if kind == "contacts" else _big_companies_csv)(tmp_path / "gros.csv")
    importer = open_services(demo_url, clock=lambda: FIXED_NOW)
    claimer = open_services(demo_url, clock=lambda: FIXED_NOW)
    caller = claimer.find_caller("Karim")
    assert caller is not None
    events: list[str] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def claim_repeatedly() -> None:
        while not done.is_set():
            try:
                claimer.claim_next(caller.id)
                events.append("claim")
            except BaseException as exc:
                failures.append(exc)
                return

    def import_it() -> None:
        try:
            report = importer.import_file(
                kind, source, progress=lambda n, total: events.append(f"import {n}"))
            events.append(f"imported {report.created}")
        except BaseException as exc:
            failures.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=claim_repeatedly)
    thread.start()
    while "claim" not in events and not failures:  # the claimer is at work first
        threading.Event().wait(0.01)
    import_it()
    thread.join()
    assert not failures, failures
    assert f"imported {ROWS}" in events
    batches = [i for i, e in enumerate(events) if e.startswith("import ")]
    between = [e for e in events[batches[0]:batches[-1]] if e == "claim"]
    assert between, "no claim was served while the import ran"
    (count,) = raw(demo_url).execute(
        "SELECT COUNT(*) FROM contact WHERE email LIKE 'jeanne.martin%'" if kind == "contacts"
        else "SELECT COUNT(*) FROM company WHERE name LIKE 'Import SA %'").fetchone()
    assert count == ROWS


def test_running_the_same_import_again_merges(demo_url: str, tmp_path: Path) -> None:
    """What a failure midway tells the user to do: the rows already in are merged."""
    if not demo_url.startswith("sqlite"):
        pytest.skip("the same code on both; one is enough")
    rows = 1200  # three batches, the last one short
    source = _big_csv(tmp_path / "gros.csv", rows)
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    first = services.import_file("contacts", source)
    again = services.import_file("contacts", source)
    assert (first.created, again.created, len(again.merged)) == (rows, 0, rows)


def test_rows_added_after_a_big_import_take_new_ids(demo_url: str, tmp_path: Path) -> None:
    """The import writes its ids itself; the database's own ids (PostgreSQL's sequences)
    must then go on after them: a contact, a company or a number added afterwards the
    ordinary way never lands on an imported one."""
    source = _big_csv(tmp_path / "gros.csv", 1200)  # three batches, the last one short
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    assert services.import_file("contacts", source).created == 1200
    from cockpit.store.models import Company, Contact, Phone

    before = [m.select(pw.fn.MAX(m.id)).scalar() for m in (Company, Contact, Phone)]
    company = Company.create(name="Après import", created_at=FIXED_NOW)
    contact = Contact.create(first_name="Léa", last_name="Après", company=company,
                             created_at=FIXED_NOW)
    phone = Phone.create(e164="+33199999999", kind="landline", time_zone="Europe/Paris",
                         label="direct", contact=contact)
    # Past the last imported id (a sequence may leave gaps: ids are never handed back).
    assert all(new > last for new, last in zip([company.id, contact.id, phone.id], before,
                                               strict=True))


_HOLDER = """
import sqlite3, sys, time
from pathlib import Path
db = sqlite3.connect(sys.argv[1], timeout=30)
db.execute("SELECT COUNT(*) FROM contact").fetchone()  # open, as a cockpit on screen is
Path(sys.argv[2]).touch()
while not Path(sys.argv[3]).exists():  # idle until the import is under way
    time.sleep(0.005)
db.execute("UPDATE caller SET name = name WHERE id = (SELECT MIN(id) FROM caller)")
db.commit()
Path(sys.argv[4]).touch()
db.close()
"""


def test_another_process_with_the_file_open_gets_in_while_a_big_import_runs(
        demo_url: str, tmp_path: Path) -> None:
    """A caller's cockpit left open on the database does not write until the caller acts;
    the import must still leave it room then (it may not take the file as its own)."""
    if not demo_url.startswith("sqlite"):
        pytest.skip("SQLite's one write lock; PostgreSQL locks rows")
    import subprocess
    import sys

    rows = 30_000
    source = _big_csv(tmp_path / "gros.csv", rows)
    opened, go, wrote = (tmp_path / n for n in ("opened", "go", "wrote"))
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER,
                               demo_url.removeprefix("sqlite:///"), str(opened), str(go),
                               str(wrote)])
    try:
        while not opened.exists():
            assert holder.poll() is None, "the other process stopped"
            threading.Event().wait(0.01)
        seen_at: list[int] = []

        def progress(done: int, total: int) -> None:
            if done >= 1000:
                go.touch()  # past the first batch and its gap: the other one writes now
            if wrote.exists() and not seen_at:
                seen_at.append(done)

        report = open_services(demo_url, clock=lambda: FIXED_NOW).import_file(
            "contacts", source, progress=progress)
        assert holder.wait(timeout=30) == 0
    finally:
        holder.kill()
    assert report.created == rows
    assert seen_at and seen_at[0] < rows, "the other process waited for the whole import"


def test_whether_another_process_has_the_file_open(tmp_path: Path) -> None:
    import sqlite3
    import subprocess
    import sys

    from cockpit.store.sharing import others_have_it_open

    path = tmp_path / "base.sqlite"
    assert others_have_it_open(str(path)) is None  # no file at all: cannot tell
    own = sqlite3.connect(path)
    own.execute("PRAGMA journal_mode=wal")
    own.execute("CREATE TABLE t (a)")
    own.commit()
    assert others_have_it_open(str(path)) is False  # this process's own connection
    ready = tmp_path / "ready"
    other = subprocess.Popen([sys.executable, "-c",
                              "import sqlite3, sys, time, pathlib;"
                              "db = sqlite3.connect(sys.argv[1]);"
                              "db.execute('SELECT * FROM t').fetchall();"
                              "pathlib.Path(sys.argv[2]).touch(); time.sleep(60)",
                              str(path), str(ready)])
    try:
        while not ready.exists():
            assert other.poll() is None
            threading.Event().wait(0.01)
        assert others_have_it_open(str(path)) is True  # idle, but open
    finally:
        other.kill()
        other.wait()
    assert others_have_it_open(str(path)) is False  # gone
    own.close()
