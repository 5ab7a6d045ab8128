"""A contact whose name holds terminal sequences, in a real terminal (tmux): the cockpit's
screen stays whole and the window keeps its title."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, installed_cockpit
from tests.rawdb import raw

pytestmark = pytest.mark.e2e


def test_a_name_with_sequences_neither_clears_the_screen_nor_retitles(
        tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    with raw(demo_url) as db:
        db.execute("UPDATE contact SET first_name = ?, last_name = ?",
                   ("Jean\x1b[2J\x1b[H", "Evil\x1b]0;pwned\x07Name"))
    env = {"TERM": "xterm-256color", "COCKPIT_NOW": "2026-11-23T09:42:00+00:00",
           "COCKPIT_STATE": str(tmp_path / "state"), "HOME": str(tmp_path)}
    tmux.start([installed_cockpit(), "--db", demo_url, "--caller", "Melissa"], env, tmp_path)
    title = tmux.pane_title()
    screen = tmux.wait_for("Historique")  # the card of the first person: the poisoned one
    time.sleep(0.5)  # a clear sent with the card would wipe what was drawn before it
    screen = tmux.screen()
    assert "Jean␛[2J␛[H Evil␛]0;pwned␇Name" in screen
    assert "File d'appels" in screen and "lun. 23 nov. 10:42" in screen  # still drawn
    assert "pwned" not in tmux.pane_title()
    assert tmux.pane_title() == title
    tmux.send("C-q")
    tmux.wait_until_dead()
