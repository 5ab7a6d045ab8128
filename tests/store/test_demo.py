"""The demo data: deterministic, valid numbers and SIRETs, activity today, refuses to overwrite."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cockpit.domain.phones import parse_phone
from cockpit.domain.siret import normalise_siret
from cockpit.store.db import StoreError
from cockpit.store.demo import build_demo
from tests.pg import Server

DAY = date(2026, 11, 23)
TABLES = ("caller", "company", "company_figure", "contact", "phone", "freelance", "call",
          "call_event", "note", "reminder", "need", "do_not_call")


def _digest(path: Path) -> str:
    db = sqlite3.connect(path)
    h = hashlib.sha256()
    for table in TABLES:
        for row in db.execute(f"SELECT * FROM {table} ORDER BY id"):
            h.update(repr(row).encode())
    return h.hexdigest()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    for name, seed in (("a", 0), ("b", 0), ("c", 1)):
        build_demo(f"sqlite:///{tmp_path / name}.sqlite", seed=seed, today=DAY)
    assert _digest(tmp_path / "a.sqlite") == _digest(tmp_path / "b.sqlite")
    assert _digest(tmp_path / "a.sqlite") != _digest(tmp_path / "c.sqlite")


def test_demo_content_is_valid_and_alive_today(demo_template: Path) -> None:
    db = sqlite3.connect(demo_template)
    numbers = [n for (n,) in db.execute("SELECT e164 FROM phone")]
    assert numbers and all(parse_phone(n).e164 == n for n in numbers)
    sirets = [s for (s,) in db.execute("SELECT siret FROM freelance WHERE siret != ''")]
    assert sirets and all(normalise_siret(s) == s for s in sirets)
    assert db.execute("SELECT COUNT(*) FROM caller WHERE is_lead").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM call WHERE started_at LIKE '2026-11-23%'"
                      ).fetchone()[0] > 0
    assert db.execute("SELECT COUNT(*) FROM reminder WHERE due_at < '2026-11-23'"
                      ).fetchone()[0] > 0  # some are overdue
    assert db.execute("SELECT COUNT(*) FROM proposal p JOIN need n ON n.id = p.need_id "
                      "WHERE n.status = 'open'").fetchone()[0] == 0  # open: none proposed yet
    assert db.execute("SELECT COUNT(*) FROM need WHERE status = 'open'").fetchone()[0] > 0
    zones = {z for (z,) in db.execute("SELECT DISTINCT time_zone FROM phone")}
    assert "Europe/Paris" in zones and len(zones) > 1  # overseas or foreign numbers too


def test_refuses_to_overwrite_without_replace(demo_url: str) -> None:
    with pytest.raises(StoreError, match="already holds data"):
        build_demo(demo_url, today=DAY)
    assert "companies" in build_demo(demo_url, today=DAY, replace=True)


def test_past_calls_fall_on_working_days(demo_template: Path) -> None:
    from cockpit.domain.workdays import is_working_day

    db = sqlite3.connect(demo_template)
    days = {date.fromisoformat(d) for (d,) in db.execute(
        "SELECT DISTINCT date(started_at) FROM call WHERE started_at < '2026-11-23'")}
    assert len(days) > 100
    assert [d for d in days if not is_working_day(d)] == []
    per_weekday = [n for (_, n) in db.execute(
        "SELECT strftime('%w', started_at) w, COUNT(*) FROM call GROUP BY w")]
    assert max(per_weekday) < 1.5 * min(per_weekday)  # no day takes the weekend's calls


def test_the_planner_knows_the_demo_sizes_on_postgresql(pg_server: Server) -> None:
    """Right after a bulk load PostgreSQL has no statistics yet and scans whole tables where
    an index serves; the demo (and large imports) analyse the tables they filled."""
    from cockpit.store.db import database

    url = pg_server.create("analysed_demo")
    build_demo(url, today=DAY)
    (estimate,) = database.obj.execute_sql(
        "SELECT reltuples FROM pg_class WHERE relname = 'call'").fetchone()
    (count,) = database.obj.execute_sql("SELECT COUNT(*) FROM call").fetchone()
    database.obj.close()
    pg_server.drop("analysed_demo")
    assert count > 0 and estimate == count


@pytest.mark.parametrize(("lang", "words"), [("fr", ("40 sociétés", "1 500 appels")),
                                             ("en", ("40 companies", "1,500 calls"))])
def test_the_demo_says_what_it_made_in_the_users_language(
        lang: str, words: tuple[str, ...], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.cli import main

    assert main(["--lang", lang, "demo", "--db", f"sqlite:///{tmp_path / 'd.sqlite'}"]) == 0
    said = capsys.readouterr().out.replace("\u202f", " ")
    assert all(word in said for word in words), said
    assert ("companies" in said) == (lang == "en")


def test_if_empty_fills_a_file_created_empty_and_keeps_one_with_data(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `./dev run` on a checkout where a command created db/cockpit.sqlite empty: the demo
    # still comes, and a database that holds anything is never touched.
    from cockpit.cli import main

    url = f"sqlite:///{tmp_path / 'd.sqlite'}"
    assert main(["check", "--db", url]) == 0  # the schema, nobody in it
    capsys.readouterr()
    assert main(["demo", "--if-empty", "--db", url]) == 0
    assert "d.sqlite" in capsys.readouterr().out  # said where it was built
    assert sqlite3.connect(tmp_path / "d.sqlite").execute(
        "SELECT COUNT(*) FROM contact").fetchone()[0] > 0
    before = _digest(tmp_path / "d.sqlite")
    assert main(["demo", "--if-empty", "--db", url]) == 0
    assert capsys.readouterr().out == ""
    assert _digest(tmp_path / "d.sqlite") == before
    firm = f"sqlite:///{tmp_path / 'firm.sqlite'}"
    assert main(["team", "add", "Zoé Martin", "--db", firm]) == 0
    assert main(["demo", "--if-empty", "--db", firm]) == 0
    assert sqlite3.connect(tmp_path / "firm.sqlite").execute(
        "SELECT COUNT(*) FROM contact").fetchone() == (0,)  # a real firm's base stays its own
