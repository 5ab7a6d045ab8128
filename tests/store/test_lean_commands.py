"""`cockpit reminders`, `report`, `search` (and `queue`, `next`) read through the driver
alone when the database is at this code's schema (services/lean.py): what they print, the
exit code and the refusals are those of the full way (COCKPIT_BOOT_WITHOUT=lean), on SQLite
and under a team member's PostgreSQL login; a database to migrate still goes the full way."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from cockpit.cli import main
from tests.pg import Server
from tests.store.test_migrations import _old_database

ASKED = [
    ["reminders"], ["reminders", "--all"], ["reminders", "--caller", "karim"],
    ["reminders", "--caller", "Nobody"], ["--lang", "en", "reminders", "--caller", "Sophie"],
    ["report"], ["report", "--date", "2026-11-20"], ["report", "--week", "2026-W47"],
    ["report", "--format", "csv", "--date", "2026-11-20"], ["report", "--as", "Karim"],
    ["report", "--as", "Karim", "--caller", "Melissa"], ["report", "--caller", "Nobody"],
    ["report", "--date", "2026-02-30"], ["report", "--format", "html", "--lang", "en"],
    ["search", "martin"], ["search", "06"], ["search", "zzzqx"], ["search", "a", "--limit", "3"],
    ["search", "dupont", "--caller", "Karim"], ["search", "it", "--caller", "Gone"],
    ["queue", "--limit", "5"], ["queue", "--why", "--limit", "3", "--caller", "Sophie"],
    ["queue", "--at", "2026-11-28T20:00:00+01:00"], ["next", "--caller", "Karim"],
]


def _both_ways(argv: list[str], url: str, capsys: pytest.CaptureFixture[str],
               monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[int, str, str], ...]:
    said = []
    for without in ("lean", ""):
        monkeypatch.setenv("COCKPIT_BOOT_WITHOUT", without)
        code = main([*argv, "--db", url])
        out = capsys.readouterr()
        said.append((code, out.out, out.err))
    return tuple(said)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)
    monkeypatch.delenv("COCKPIT_LANG", raising=False)


@pytest.mark.parametrize("argv", ASKED, ids=" ".join)
def test_the_lean_way_prints_what_the_full_way_prints(
        argv: list[str], demo_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    full, lean = _both_ways(argv, demo_url, capsys, monkeypatch)
    assert lean == full
    assert full[1] or full[2]  # something was said, either way


def test_a_database_to_migrate_goes_the_full_way(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.sqlite"
    _old_database(path, 10)
    assert main(["reminders", "--db", f"sqlite:///{path}"]) == 0
    assert "comité" in capsys.readouterr().out
    version = sqlite3.connect(path).execute("SELECT MAX(version) FROM schema_version")
    from cockpit.store.versions import CURRENT

    assert version.fetchone()[0] == CURRENT  # migrated, as the full way does
    assert main(["search", "dupont", "--db", f"sqlite:///{path}"]) == 0
    assert main(["report", "--date", "2026-11-20", "--db", f"sqlite:///{path}"]) == 0


def test_a_read_only_file_is_said_and_read(demo_url: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    if not demo_url.startswith("sqlite"):
        pytest.skip("a file's mode: SQLite only")
    path = Path(demo_url.removeprefix("sqlite:///"))
    path.chmod(0o400)
    try:
        full, lean = _both_ways(["reminders"], demo_url, capsys, monkeypatch)
    finally:
        path.chmod(0o600)
    assert lean == full and full[0] == 0 and str(path) in full[2]


ROLES = {"melissa_t": ("Melissa", "cockpit_lead"), "karim_t": ("Karim", "cockpit_caller")}


def test_a_callers_login_is_refused_and_filtered_the_same_lean(
        pg_server: Server, pg_demo_template: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.rawdb import raw
    from tests.store.test_team_roles import _team_sql

    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    name = "lean_roles"
    pg_server.create(name, pg_demo_template)
    try:
        with raw(pg_server.url(name)) as db:
            for role, (caller, _) in ROLES.items():
                db.execute("UPDATE caller SET login = ? WHERE name = ?", (role, caller))
            (sophie,) = db.execute("SELECT id FROM caller WHERE name = 'Sophie'").fetchone()
            person, last = db.execute(
                "SELECT id, last_name FROM contact WHERE NOT is_switchboard AND owner_id IS "
                "NULL ORDER BY id LIMIT 1").fetchone()
            db.execute("UPDATE contact SET owner_id = ? WHERE id = ?", (sophie, person))
        assert _team_sql(pg_server, name).returncode == 0
        with pg_server.admin() as cursor:
            for role, (_, group) in ROLES.items():
                cursor.execute(f"DROP ROLE IF EXISTS {role}")  # type: ignore[attr-defined]
                cursor.execute(f"CREATE ROLE {role} LOGIN IN ROLE {group}")  # type: ignore[attr-defined]
        karim = f"postgresql://karim_t@/{name}?host={pg_server.socket}"
        lead = f"postgresql://melissa_t@/{name}?host={pg_server.socket}"
        for argv in (["reminders", "--caller", "Melissa"], ["report", "--as", "Melissa"]):
            full, lean = _both_ways(argv, karim, capsys, monkeypatch)
            assert lean == full and full[0] == 2 and "karim_t" in full[2], argv
        # Karim's own figures, never Melissa's: refused as a caller's.
        full, lean = _both_ways(["report", "--caller", "Melissa"], karim, capsys, monkeypatch)
        assert lean == full and full[0] == 2 and "chef" in full[2]
        full, lean = _both_ways(["search", last], karim, capsys, monkeypatch)
        assert lean == full and f"contact:{person} " not in full[1]
        full, lean = _both_ways(["search", last], lead, capsys, monkeypatch)
        assert lean == full and f"contact:{person} " in full[1]
        for argv in (["reminders"], ["report"], ["reminders", "--caller", "Karim"]):
            full, lean = _both_ways(argv, karim, capsys, monkeypatch)
            assert lean == full and full[0] == 0, argv
    finally:
        from cockpit.store.db import database

        if database.obj is not None:
            database.obj.close()
        pg_server.drop(name)
        with pg_server.admin() as cursor:
            for role in ROLES:
                cursor.execute(f"DROP ROLE IF EXISTS {role}")  # type: ignore[attr-defined]


def test_the_demo_copy_is_untouched(demo_template: Path, tmp_path: Path) -> None:
    """The lean way opens the file as it is: a copy read lean stays byte for byte."""
    target = tmp_path / "copy.sqlite"
    shutil.copyfile(demo_template, target)
    before = target.read_bytes()
    assert main(["reminders", "--db", f"sqlite:///{target}"]) == 0
    assert target.read_bytes() == before


def test_a_table_gone_is_said_as_the_full_way_says_it(
        tmp_path: Path, demo_template: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The schema's version is right but a table is gone (a hand-made repair): one line,
    exit code 2, both ways — never a traceback."""
    target = tmp_path / "broken.sqlite"
    shutil.copyfile(demo_template, target)
    with sqlite3.connect(target) as db:
        db.execute("DROP TABLE reminder")
    full, lean = _both_ways(["reminders"], f"sqlite:///{target}", capsys, monkeypatch)
    assert lean == full and full[0] == 2 and "reminder" in full[2]
    assert "Traceback" not in lean[2]


def test_next_claims_the_same_people_lean(demo_template: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Two copies, one claimed the full way, the other lean: the same people, the same
    lines, the same leases; a second caller never gets the first one's person."""
    copies = {}
    for without in ("lean", ""):
        target = tmp_path / f"copy-{without or 'plain'}.sqlite"
        shutil.copyfile(demo_template, target)
        monkeypatch.setenv("COCKPIT_BOOT_WITHOUT", without)
        said = []
        for caller in ("Melissa", "Karim", "Karim", "Sophie"):
            code = main(["next", "--caller", caller, "--db", f"sqlite:///{target}"])
            out = capsys.readouterr()
            said.append((code, out.out, out.err))
        with sqlite3.connect(target) as db:
            held = db.execute("SELECT id, claimed_by_id FROM contact WHERE claimed_by_id "
                              "IS NOT NULL ORDER BY id").fetchall()
        copies[without] = (said, held)
    assert copies["lean"] == copies[""]
    said, held = copies[""]
    assert all(code == 0 for code, _, _ in said) and said[1] == said[2]  # Karim keeps his
    assert len({line for _, line, _ in said}) == 3 and len(held) == 3
