"""Data holding terminal control sequences (a name imported as `Jean\x1b[2J\x1b[H`) reaches the
terminal as visible signs, never as sequences: every command, its output piped, as a script
or a pipe into `less -R` would get it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.domain.text import printable
from tests.rawdb import raw


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")

CLEAR = "Jean\x1b[2J\x1b[H"
TITLE = "Evil\x1b]0;pwned\x07Name"
C1 = "Csi\x9b31mRouge"
# Every C0 control but line feed and tab, DEL, every C1 control.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _poison(url: str) -> None:
    """Every name, company, need and note of the demo holds a sequence."""
    with raw(url) as db:
        db.execute("UPDATE contact SET last_name = ?, first_name = ?, role = ?",
                   (CLEAR, TITLE, "[bold red]DSI"))
        db.execute("UPDATE company SET name = ?, city = ?", (TITLE, C1))
        db.execute("UPDATE freelance SET last_name = ?, title = ?", (CLEAR, C1))
        db.execute("UPDATE need SET title = ?, region = ?, description = ?",
                   (TITLE, C1, "ligne 1\n\tligne 2\x1b[2J"))
        db.execute("UPDATE note SET body = ?", (CLEAR,))
        db.execute("UPDATE reminder SET reason = ?", (TITLE,))


def _run(url: str, *argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COCKPIT_NOW": "2026-11-23T09:42:00+00:00", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "cockpit", "--db", url, *argv],
                          capture_output=True, env=env, check=False)


@pytest.mark.parametrize("argv", [
    ("queue", "--caller", "Melissa", "--why", "--limit", "50"),
    ("next", "--caller", "Melissa"),
    ("needs",),
    ("needs", "--show", "1"),
    ("match", "1"),
    ("reminders", "--all"),
    ("purge", "--older-than", "1d", "--dry-run"),
    ("person", "export", "contact:1"),
    ("person", "export", "freelance:1"),
])
def test_no_control_sequence_reaches_the_output(demo_url: str, argv: tuple[str, ...]) -> None:
    _poison(demo_url)
    done = _run(demo_url, *argv)
    assert done.returncode == 0, done.stderr.decode()
    shown = done.stdout.decode("utf-8")
    assert shown.strip()
    assert not FORBIDDEN.findall(shown), shown[:2000]
    assert not FORBIDDEN.findall(done.stderr.decode("utf-8"))
    if argv[0] != "person":
        # The data is still there, readable: the signs stand where the controls were.
        assert "␛" in shown or "<U+009B>" in shown


def test_rich_markup_in_a_name_is_printed_as_typed(demo_url: str) -> None:
    _poison(demo_url)
    with raw(demo_url) as db:
        db.execute("UPDATE contact SET last_name = '[bold red]x', first_name = ''")
    shown = _run(demo_url, "queue", "--caller", "Melissa").stdout.decode()
    assert "[bold red]x" in shown


def test_person_export_reads_back_exactly(demo_url: str) -> None:
    """The export escapes, it does not rewrite: the JSON gives back the data as held."""
    _poison(demo_url)
    done = _run(demo_url, "person", "export", "freelance:1")
    person = json.loads(done.stdout)["person"]
    assert (person["last_name"], person["title"]) == (CLEAR, C1)


def test_printable_shows_every_control_and_keeps_the_layout_asked() -> None:
    assert printable(CLEAR) == "Jean␛[2J␛[H"
    assert printable(TITLE) == "Evil␛]0;pwned␇Name"
    assert printable("a\nb\tc") == "a␊b␉c"
    assert printable("a\r\nb\tc\rd", multiline=True) == "a\r\nb\tc␍d"
    assert printable("x\x9by\x7f") == "x<U+009B>y␡"
    assert printable("Société Générale") == "Société Générale"


def test_import_refuses_control_characters_in_names_by_line(demo_url: str,
                                                            tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("Société;Prénom;Nom;Téléphone\n"
                      "Acme;Marie;Curie;01 44 27 00 00\n"
                      f"Acme;\"{TITLE}\";Dupont;01 44 27 00 01\n"
                      f"Acme;Jean;\"{CLEAR}\";01 44 27 00 02\n", encoding="utf-8")
    done = _run(demo_url, "import", "contacts", str(source))
    shown = done.stdout.decode()
    assert done.returncode == 1
    assert "line 3, column “Prénom”: control characters \\x1b, \\x07 in the text" in shown
    assert "line 4, column “Nom”: control characters \\x1b in the text" in shown
    assert "nothing imported" in shown and not FORBIDDEN.findall(shown)
    (count,) = raw(demo_url).execute("SELECT COUNT(*) FROM contact WHERE last_name = 'Curie'"
                                     ).fetchone()
    assert count == 0
