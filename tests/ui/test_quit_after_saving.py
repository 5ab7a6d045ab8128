"""ctrl+q typed in the same breath as what it follows: the end of a call saved with ctrl+s,
a note typed a moment before. The cockpit writes them before it closes: Textual cancels on
exit a worker not started yet, and a modal's answer starts its worker only through a queued
callback."""

from __future__ import annotations

import asyncio
import sqlite3
import time

from textual.widgets import TextArea

from tests.ui.helpers import burst, settle, start_call


def _last_call(demo_url: str) -> tuple[str | None, list[tuple[str, int]]]:
    db = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
    try:
        call_id, outcome = db.execute(
            "SELECT id, outcome FROM call ORDER BY id DESC LIMIT 1").fetchone()
        notes = db.execute("SELECT body, is_draft FROM note WHERE call_id = ?",
                           (call_id,)).fetchall()
        return outcome, notes
    finally:
        db.close()


async def test_the_end_of_a_call_saved_then_quit_at_once_is_written(
        make_app, demo_url: str) -> None:
    app = make_app()
    services = app.services
    finish = services.finish_call

    def slow_finish(*args, **kwargs):  # a far server: the quit comes while it writes
        time.sleep(1.5)
        return finish(*args, **kwargs)

    services.finish_call = slow_finish
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("n")
        await settle(pilot)
        burst(app, "Rappeler en janvier")
        await settle(pilot)
        await pilot.pause(0.6)  # the draft is handed on
        await pilot.press("escape", "f")
        await settle(pilot)
        assert app.screen.query_one("#end-note", TextArea).text == "Rappeler en janvier"
        burst(app, "ctrl+s", "ctrl+q")  # one read of the terminal
        await asyncio.sleep(0.9)  # not pilot.pause: it waits for the screen's work to end
        assert app.return_code is None  # not closed: it waits for the write, and says so
        assert "Enregistrement de ce qui est demandé" in " ".join(
            n.message for n in app._notifications)
        await pilot.pause(2.0)
        assert app.return_code == 0
    outcome, notes = _last_call(demo_url)
    assert outcome == "no_answer"
    assert notes == [("Rappeler en janvier", 0)]


async def test_a_note_typed_just_before_quitting_is_kept_as_the_calls_draft(
        make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("n")
        await settle(pilot)
        burst(app, "Le DO rappelle mardi")
        burst(app, "ctrl+q")  # before the pause that hands a draft on
        await pilot.pause(2.0)
        assert app.return_code == 0
    outcome, notes = _last_call(demo_url)
    assert outcome is None  # the call goes on at the next start
    assert notes == [("Le DO rappelle mardi", 1)]
