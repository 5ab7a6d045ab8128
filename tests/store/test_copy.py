"""`cockpit copy --to URL`: a laptop's whole database onto an empty team server, and back
onto a new file; a target holding anything, or the source itself, is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.store.models import ALL_MODELS
from tests.pg import Server
from tests.rawdb import raw

TABLES = [m._meta.table_name for m in ALL_MODELS]


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)


@pytest.fixture
def laptop(tmp_path: Path, demo_template: Path) -> str:
    target = tmp_path / "laptop.sqlite"
    shutil.copyfile(demo_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def empty_server(pg_server: Server) -> object:
    from cockpit.store.db import database

    url = pg_server.create("copy_target")
    yield url
    if database.obj is not None:
        database.obj.close()
    pg_server.drop("copy_target")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rows(url: str, table: str) -> list[tuple]:
    with raw(url) as db:
        columns = [c for (c,) in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY column_name", (table,)).fetchall()] if db.postgres else sorted(
            r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall())
        key = "key" if table == "setting" else "id"
        return [tuple(_plain(v) for v in row) for row in db.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {key}").fetchall()]


def _plain(value: object) -> object:
    """SQLite keeps booleans as 0/1 and times as text; PostgreSQL as their own types."""
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat(" ")  # type: ignore[attr-defined]
    return value


def _counts(url: str) -> dict[str, int]:
    with raw(url) as db:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_a_laptop_goes_to_the_server_and_back_with_every_row(
        laptop: str, empty_server: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = _counts(laptop)
    code, out, err = _run(capsys, "copy", "--db", laptop, "--to", empty_server)
    assert code == 0, err
    assert "entreprises" in out and "«\xa0ne plus appeler\xa0»" in out  # said in French
    assert f"{before['contact']:>8}  {before['contact']:>8}" in out  # both sides counted
    assert _counts(empty_server) == before
    back = f"sqlite:///{tmp_path / 'back.sqlite'}"
    code, out, err = _run(capsys, "copy", "--db", empty_server, "--to", back)
    assert code == 0, err
    assert _counts(back) == before
    for table in ("contact", "call_event", "note", "do_not_call", "audit_log", "setting",
                  "caller", "schema_version"):
        assert _rows(back, table) == _rows(laptop, table), table
        assert _rows(empty_server, table)[:5] == _rows(laptop, table)[:5], table
    assert _counts(laptop) == before  # the source never changes


def test_new_rows_on_the_server_take_ids_past_the_copied_ones(
        laptop: str, empty_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "copy", "--db", laptop, "--to", empty_server)[0] == 0
    largest = _counts(empty_server)["do_not_call"]
    code, _out, err = _run(capsys, "dnc", "add", "+33 1 99 00 00 01", "--db", empty_server)
    assert code == 0, err
    code, _out, err = _run(capsys, "team", "add", "Nadia", "--db", empty_server, "--as",
                           _lead(laptop))
    assert code == 0, err
    assert _counts(empty_server)["do_not_call"] == largest + 1


def _lead(url: str) -> str:
    with raw(url) as db:
        return db.execute("SELECT name FROM caller WHERE is_lead = ? ORDER BY id",
                          (True,)).fetchone()[0]


def test_a_target_holding_anything_is_refused_and_left_as_it_was(
        laptop: str, tmp_path: Path, demo_template: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copyfile(demo_template, other)
    before = _counts(f"sqlite:///{other}")
    code, _out, err = _run(capsys, "copy", "--db", laptop, "--to", f"sqlite:///{other}")
    assert code == 2
    assert str(other) in err and "n'est pas vide" in err and "entreprises" in err
    assert "company" not in err  # tables are named as people say them
    assert _counts(f"sqlite:///{other}") == before


def test_the_source_itself_or_memory_is_never_a_target(
        laptop: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = _counts(laptop)
    path = laptop.removeprefix("sqlite:///")
    for target in (laptop, f"sqlite:///{Path(path).parent}/./{Path(path).name}"):
        code, _out, err = _run(capsys, "copy", "--db", laptop, "--to", target)
        assert code == 2 and "la base d'où l'on copie" in err, target
    code, _out, err = _run(capsys, "--lang", "en", "copy", "--db", laptop, "--to",
                           "sqlite:///:memory:")
    assert code == 2 and "in-memory database" in err
    assert _counts(laptop) == before


def test_the_counts_are_said_in_english_when_asked(
        laptop: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = f"sqlite:///{tmp_path / 'new.sqlite'}"
    code, out, err = _run(capsys, "copy", "--db", laptop, "--to", target, "--lang", "en")
    assert code == 0, err
    assert "companies" in out and "do-not-call" in out and "Database copied" in out
    assert "dnc.key" in out  # where the key lives, that the copy's users need
