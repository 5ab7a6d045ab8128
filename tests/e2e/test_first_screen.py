"""The installed cockpit, in a real terminal: it starts on a demo database, shows the queue
and the card, opens the help, and quits on ctrl+q."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, installed_cockpit

pytestmark = pytest.mark.e2e


def test_cockpit_starts_shows_queue_and_card_then_quits(
    tmux: Tmux, demo_url: str, tmp_path: Path
) -> None:
    tmux.start([installed_cockpit(), "--db", demo_url, "--caller", "Melissa"],
               env={"TERM": "xterm-256color", "COCKPIT_LOG": str(tmp_path / "log")}, cwd=tmp_path)
    screen = tmux.wait_for("File d'appels")
    assert "Melissa" in screen
    screen = tmux.wait_for("Historique")  # the card of the first person in the queue
    tmux.send("F1")
    tmux.wait_for("Aide")
    tmux.send("Escape")
    tmux.send("C-q")
    tmux.wait_until_dead()
