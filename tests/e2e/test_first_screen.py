"""The installed cockpit in a real terminal (tmux): it starts on a demo database, shows the
queue and the card, plays a call, and keeps the note typed when it is killed."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, installed_cockpit

pytestmark = pytest.mark.e2e


def _env(tmp_path: Path) -> dict[str, str]:
    return {"TERM": "xterm-256color", "COCKPIT_NOW": "2026-11-23T09:42:00+00:00",
            "COCKPIT_STATE": str(tmp_path / "state"), "HOME": str(tmp_path)}


# The start-up tricks (cockpit/boot.py) change how fast, never what: without them, the same.
@pytest.mark.parametrize("without", ["", "fork,gc,pgdriver"])
def test_starts_shows_queue_and_card_help_then_quits(tmux: Tmux, demo_url: str,
                                                      tmp_path: Path, without: str) -> None:
    env = dict(_env(tmp_path), COCKPIT_BOOT_WITHOUT=without)
    tmux.start([installed_cockpit(), "--db", demo_url, "--caller", "Melissa"], env, tmp_path)
    screen = tmux.wait_for("lun. 23 nov. 10:42")  # the top bar: the caller and the clock
    assert "Melissa" in screen and "File d'appels" in screen
    tmux.wait_for("Historique")  # the card of the first person in the queue
    tmux.send("F1")
    tmux.wait_for("Aide")
    tmux.send("Escape")
    time.sleep(0.3)
    tmux.send("C-q")
    tmux.wait_until_dead()


def test_one_call_is_saved(tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    tmux.start([installed_cockpit(), "--db", demo_url], _env(tmp_path), tmp_path)
    tmux.wait_for("Historique")
    tmux.send("a")
    tmux.wait_for("Demander le DO")
    tmux.send("1")
    tmux.wait_for("Présentation")
    tmux.send("n")
    time.sleep(0.3)
    tmux.type("Rappeler en janvier")
    tmux.wait_for("enregistré à")
    tmux.send("Escape")
    time.sleep(0.3)  # else the terminal reads Escape+f as Alt+f, as it would for a person
    tmux.send("f")
    tmux.wait_for("Fin d'appel")
    tmux.send("C-s", "C-q")  # saved and closed in one breath: written before it closes
    tmux.wait_until_dead()
    db = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
    call_id, outcome = db.execute(
        "SELECT id, outcome FROM call ORDER BY id DESC LIMIT 1").fetchone()
    notes = db.execute("SELECT body, is_draft FROM note WHERE call_id = ?", (call_id,))
    assert (outcome, notes.fetchall()) == ("no_answer", [("Rappeler en janvier", 0)])


def test_kill_9_in_the_middle_of_a_note_loses_at_most_the_last_second(
    tmux: Tmux, demo_url: str, tmp_path: Path
) -> None:
    tmux.start([installed_cockpit(), "--db", demo_url], _env(tmp_path), tmp_path)
    tmux.wait_for("Historique")
    tmux.send("a")
    tmux.wait_for("Demander le DO")
    tmux.send("n")
    time.sleep(0.3)
    typed = "Le DO rappelle mardi pour un besoin SAP"
    tmux.type(typed)
    time.sleep(1.0)
    tmux.type(" et plus")  # the last fraction of a second may be lost
    os.kill(tmux.pane_pid(), signal.SIGKILL)
    tmux.wait_until_dead()
    db = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
    (draft,) = db.execute("SELECT body FROM note WHERE is_draft = 1 ORDER BY id DESC").fetchone()
    assert draft.startswith(typed)
