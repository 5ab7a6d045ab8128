"""Keys typed in one burst (a fast typist, a slow machine), in a real terminal: what follows
the key that opens the notes lands in the notes, not lost nor taken for commands."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Tmux, installed_cockpit

pytestmark = pytest.mark.e2e


def _open_cockpit(tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    env = {"TERM": "xterm-256color", "COCKPIT_NOW": "2026-11-23T09:42:00+00:00",
           "COCKPIT_STATE": str(tmp_path / "state"), "HOME": str(tmp_path)}
    tmux.start([installed_cockpit(), "--db", demo_url, "--caller", "Melissa"], env, tmp_path)
    tmux.wait_for("Historique")


def _to_the_need_step(tmux: Tmux) -> None:
    """A call started, on to "Qualifier le besoin" (through the switchboard when there is
    one), its fields on screen."""
    tmux.send("a")
    screen = tmux.wait_for("⏱")
    if "Standard ›" in screen:
        tmux.send("1")  # put through to the decision maker
        tmux.wait_for("Présentation")
    tmux.send("3")  # a need exists
    tmux.wait_for("Intitulé du besoin")


def test_words_typed_right_after_n_land_in_the_notes(tmux: Tmux, demo_url: str,
                                                     tmp_path: Path) -> None:
    _open_cockpit(tmux, demo_url, tmp_path)
    tmux.send("a")
    tmux.wait_for("⏱")
    # One write to the terminal: the App reads "n" and every letter after it at once.
    tmux.type("nsalut, pas dispo avant mars")
    screen = tmux.wait_for("salut, pas dispo avant mars")
    assert "Objection" not in screen  # the "o" of "dispo" opened nothing
    tmux.send("C-q")


def test_enter_typed_in_a_burst_moves_to_the_next_field_of_a_form(
        tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    _open_cockpit(tmux, demo_url, tmp_path)
    tmux.send("a")
    tmux.wait_for("⏱")
    tmux.send("r")
    tmux.wait_for("Personne indiquée")
    tmux.send("Jean", "Enter", "Dupont", "Enter", "DSI")  # one write to the terminal
    screen = tmux.wait_for("DSI")
    rows = dict(re.findall(r"(Prénom|Nom \*|Fonction) +▊ *(.*?) *▎", screen))
    assert rows.get("Prénom") == "Jean", screen
    assert rows.get("Nom *") == "Dupont", screen
    assert rows.get("Fonction") == "DSI", screen
    tmux.send("Escape")
    tmux.send("C-q")


def test_a_form_saved_in_the_same_burst_as_its_last_words_keeps_them(
        tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    _open_cockpit(tmux, demo_url, tmp_path)
    tmux.send("z")
    tmux.wait_for("Reporter")
    tmux.send("demain 10h", "Enter")  # Enter read before the field has taken the letters
    deadline = time.monotonic() + 10
    while "Reporter" in tmux.screen() and time.monotonic() < deadline:
        time.sleep(0.1)
    screen = tmux.screen()
    assert "Reporter" not in screen and "obligatoire" not in screen, screen
    tmux.send("C-q")


def test_enter_typed_in_a_burst_moves_to_the_next_field_of_a_step(
        tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    """The qualification of a need, typed without a pause: each value in its own field (the
    letters after Enter were read before the value was taken, and went into the same one)."""
    _open_cockpit(tmux, demo_url, tmp_path)
    _to_the_need_step(tmux)
    tmux.send("Tab")
    tmux.send("Dev Java", "Enter", "Backend", "Enter", "API REST")  # one write
    screen = tmux.wait_for("API REST")
    # A value ends at two spaces or the frame (a scrollbar may stand before the frame).
    rows = dict(re.findall(r"│ (Intitulé du besoin \*|Profil|Tâches) +(.+?)(?:  |│)", screen))
    assert rows.get("Intitulé du besoin *") == "Dev Java", screen
    assert rows.get("Profil") == "Backend", screen
    assert rows.get("Tâches") == "API REST", screen
    tmux.send("C-q")


def test_keys_after_tab_in_the_same_burst_act_on_the_field_it_reached(
        tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    """Tab read with what follows it: the letters, a Backspace and Enter typed after it act
    on the field Tab reached, in the order typed (Enter had submitted that field empty, and
    every value went into it)."""
    _open_cockpit(tmux, demo_url, tmp_path)
    _to_the_need_step(tmux)
    tmux.send("Tab", "Dev Javx", "BSpace", "a", "Enter", "Backend", "Enter", "API REST")
    screen = tmux.wait_for("API REST")
    rows = dict(re.findall(r"│ (Intitulé du besoin \*|Profil|Tâches) +(.+?)(?:  |│)", screen))
    assert rows.get("Intitulé du besoin *") == "Dev Java", screen
    assert rows.get("Profil") == "Backend", screen
    assert rows.get("Tâches") == "API REST", screen
    assert "requise" not in screen, screen
    tmux.send("C-q")


def test_enter_and_backspace_right_after_n_act_in_the_notes(
        tmux: Tmux, demo_url: str, tmp_path: Path) -> None:
    _open_cockpit(tmux, demo_url, tmp_path)
    tmux.send("a")
    tmux.wait_for("⏱")
    tmux.send("n", "salut", "Enter", "pas dispx", "BSpace", "o")  # one write
    screen = tmux.wait_for("pas dispo")
    lines = [line for line in screen.splitlines() if "salut" in line or "pas dispo" in line]
    assert len(lines) == 2, screen  # Enter made a new line of the note, after "salut"
    assert "salut" in lines[0] and "pas dispo" in lines[1], screen
    tmux.send("C-q")
