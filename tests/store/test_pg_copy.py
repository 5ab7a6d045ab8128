"""An import into PostgreSQL streams its rows by COPY: whatever a cell holds (tabs, line
breaks, backslashes, the text "\\N", accents) comes back as it does from SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.store.pg_copy import as_copy_text, copyable
from tests.rawdb import raw

TRICKY = (
    'Société;Prénom;Nom;Fonction;Téléphone;Dernier contact;Commentaire\n'
    'Alpha;Jean;O\\Brien;DSI;06 12 34 56 78;20/11/2026;"appelé\tlundi\r\nrappeler\\N"\n'
    'Beta;\\N;Nuñez-Ça;C:\\temp\\x;06 12 34 56 79;21/11/2026;\\\\ deux barres\n'
    'Gamma;;Zoë;;06 12 34 56 80;;\n'
)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def _held(url: str) -> list[tuple]:
    with raw(url) as db:
        return db.execute(
            "SELECT c.first_name, c.last_name, c.role, co.name, p.e164, c.created_at, "
            "(SELECT n.body FROM note n WHERE n.contact_id = c.id) FROM contact c "
            "JOIN company co ON co.id = c.company_id JOIN phone p ON p.contact_id = c.id "
            "WHERE c.is_switchboard = FALSE ORDER BY c.last_name").fetchall()


def test_cells_with_tabs_breaks_and_backslashes_come_back_as_from_sqlite(
        pg_server, tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text(TRICKY, encoding="utf-8")
    sqlite_url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    pg_url = pg_server.create("copy_tricky")
    for url in (sqlite_url, pg_url):
        assert main(["import", "contacts", str(source), "--db", url]) == 0
    on_sqlite, on_pg = _held(sqlite_url), _held(pg_url)
    assert [row[:5] for row in on_pg] == [row[:5] for row in on_sqlite]
    assert on_pg[0][:3] == ("\\N", "Nuñez-Ça", "C:\\temp\\x")  # the text, not a NULL
    assert on_pg[1][:3] == ("Jean", "O\\Brien", "DSI")
    assert str(on_pg[0][5]).startswith("2026-11-23 09:42")  # a moment, at the import's time
    assert [row[6] for row in on_pg] == [row[6] for row in on_sqlite]  # the history's notes
    assert on_pg[1][6] is not None and "\t" in on_pg[1][6] and "\n" in on_pg[1][6]
    assert on_pg[1][6].endswith("rappeler\\N") and on_pg[0][6] == "\\\\ deux barres"


def test_values_copy_would_not_say_as_insert_does_go_by_insert() -> None:
    assert all(copyable(v) for v in ("a", 1, 2.5, True, None, date(2026, 1, 2),
                                     datetime(2026, 1, 2, 3, 4)))
    assert not copyable(datetime(2026, 1, 2, tzinfo=UTC))  # the session's zone would shift it
    assert not copyable(b"bytes") and not copyable(memoryview(b"x"))
    assert as_copy_text(None) == "\\N" and as_copy_text("\\N") == "\\\\N"
    assert as_copy_text(False) == "f" and as_copy_text(datetime(2026, 1, 2, 3, 4)) == \
        "2026-01-02 03:04:00"
