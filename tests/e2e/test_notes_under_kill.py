"""Notes under a crash, in a real terminal: the caller types without a single pause, the
cockpit is killed (SIGKILL) at an arbitrary moment, and the restarted cockpit gives back the
call and all the note but at most its last second."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from tests.e2e.test_first_screen import _env
from tests.e2e.tmux import Tmux, installed_cockpit

pytestmark = pytest.mark.e2e

CHUNK_PAUSE = 0.05  # between two bursts of keys: far under the notes' 0.3 s pause


def _words() -> str:
    """Text a caller could type, long enough for any run (no key the notes treat apart)."""
    return " ".join(f"point{i} vu avec le DO" for i in range(2000))


def _restored_draft(url: str, caller: str) -> str:
    """What the next start gives back: the same service the cockpit calls at start-up."""
    from cockpit.services import open_services
    from cockpit.store.db import database

    services = open_services(url)
    try:
        found = services.find_caller(caller)
        assert found is not None
        resumed = services.unfinished_call(found.id)
        assert resumed is not None, "the call did not come back"
        return resumed[1]
    finally:
        database.obj.close()


def test_typing_without_a_pause_then_kill_9_loses_at_most_the_last_second(
    tmux: Tmux, demo_url: str, tmp_path: Path
) -> None:
    env = _env(tmp_path)
    argv = [installed_cockpit(), "--db", demo_url, "--caller", "Melissa"]
    tmux.start(argv, env, tmp_path)
    tmux.wait_for("Historique")
    tmux.send("a")
    tmux.wait_for("Demander le DO")
    tmux.send("n")
    time.sleep(0.3)

    text, sent = _words(), 0
    history: list[tuple[float, int]] = []  # (when, characters sent so far)
    stop = time.monotonic() + random.uniform(3.0, 6.0)  # an arbitrary moment
    while time.monotonic() < stop:
        burst = text[sent:sent + random.randint(2, 6)]
        tmux.type(burst)
        sent += len(burst)
        history.append((time.monotonic(), sent))
        time.sleep(CHUNK_PAUSE)
    killed_at = time.monotonic()
    os.kill(tmux.pane_pid(), signal.SIGKILL)
    tmux.wait_until_dead()

    draft = _restored_draft(demo_url, "Melissa")
    typed = text[:sent]
    # Sent a second before the kill: that much must be back, and nothing else than typed.
    owed = max((n for at, n in history if at <= killed_at - 1.0), default=0)
    lost = len(typed) - len(draft)
    print(f"typed {len(typed)} characters, {lost} lost")  # shown with -s (the manual loop)
    assert typed.startswith(draft), "the note that came back is not what was typed"
    assert len(draft) >= owed, f"{lost} characters lost, more than the last second"

    # The restarted cockpit shows the call and the note again.
    tmux.close()
    again = Tmux(width=120, height=40)
    try:
        again.start(argv, env, tmp_path)
        again.wait_for("Appel non terminé repris")
        again.wait_for(draft[:30])
    finally:
        again.close()
