"""`cockpit report` in its three formats, on a real demo file: the CSV parses back to the
figures and holds no formula, the HTML stands alone, the Markdown has its tables."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from cockpit.cli import main
from tests.rawdb import raw


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T16:00:00+00:00")
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)


def _calls_per_caller(url: str) -> dict[str, int]:
    with raw(url) as db:
        return dict(db.execute(
            "SELECT k.name, COUNT(*) FROM call c JOIN caller k ON k.id = c.caller_id "
            "WHERE c.started_at >= '2026-11-22 23:00:00' AND c.started_at < '2026-11-23 23:00:00'"
            " GROUP BY k.name").fetchall())


def test_csv_parses_back_and_holds_no_formula(demo_url: str, tmp_path: Path) -> None:
    with raw(demo_url) as db:
        # A caller whose name a spreadsheet would run as a formula.
        db.execute("UPDATE caller SET name = '=HYPERLINK(\"http://x\",\"y\")' "
                   "WHERE id = (SELECT caller_id FROM call WHERE started_at >= "
                   "'2026-11-22 23:00:00' LIMIT 1)")
    expected = _calls_per_caller(demo_url)
    out = tmp_path / "day.csv"
    assert main(["report", "--db", demo_url, "--date", "2026-11-23", "--format", "csv",
                 "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the accents
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not (cell.startswith("-") and not re.fullmatch(r"-\d+", cell)), cell
    team = {r[1].lstrip("'"): int(r[2]) for r in rows if r and r[0] == "team"}
    assert team.pop("Équipe") == sum(expected.values())
    assert team == expected


def test_html_is_one_file_without_external_reference(demo_url: str, tmp_path: Path) -> None:
    out = tmp_path / "week.html"
    assert main(["report", "--db", demo_url, "--week", "2026-W48", "--format", "html",
                 "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    for outside in ("http:", "https:", "//", "<script", "<link", "src=", "@import", "url("):
        assert outside not in page.replace("<!DOCTYPE html>", ""), outside
    assert page.count("<table>") >= 5 and 'class="bar"' in page and 'class="spark"' in page
    assert "Appels par jour" in page


def test_markdown_for_one_caller_and_refusals(demo_url: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    callers = _calls_per_caller(demo_url)
    name = max(callers, key=callers.get)
    assert main(["report", "--db", demo_url, "--date", "2026-11-23", "--caller", name]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Chiffres — 23/11/2026") and f"Appelant\u00a0: {name}" in text
    assert f"| {name} | {callers[name]} |" in text and "Équipe |" not in text
    other = next(n for n in ("Karim", "Sophie", "Thomas") if n != name)
    assert main(["report", "--db", demo_url, "--as", other, "--caller", name]) == 2
    assert "Réservé au chef d'équipe" in capsys.readouterr().err
    assert main(["report", "--db", demo_url, "--week", "48"]) == 2
    assert "--week «\u00a048\u00a0»\u00a0: 2026-W48 attendu" in capsys.readouterr().err
