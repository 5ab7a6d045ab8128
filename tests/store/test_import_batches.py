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
