"""A note takes NOTE_LIMIT characters, typed or pasted, in the notes pane and in the end form;
what goes past is not taken, the caller is told, and what was taken is saved as the draft."""

from __future__ import annotations

import sqlite3

from textual import events
from textual.widgets import TextArea

from cockpit.domain.text import NOTE_LIMIT
from cockpit.tui.screens.end_call import EndCallModal
from cockpit.tui.widgets.script_panel import ScriptPanel
from tests.ui.helpers import settle, start_call


def _drafts(demo_url: str, call_id: int) -> list[str]:
    db = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
    try:
        return [body for (body,) in db.execute(
            "SELECT body FROM note WHERE call_id = ? AND is_draft", (call_id,))]
    finally:
        db.close()


async def test_a_paste_past_the_limit_is_cut_and_the_caller_told(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        call_id = app.screen.query_one(ScriptPanel).call.call_id
        await pilot.press("n", *"Début ")
        await settle(pilot)
        area = app.screen.query_one("#notes-text", TextArea)
        app.post_message(events.Paste("x" * (NOTE_LIMIT * 3)))  # a CV pasted whole
        await settle(pilot)
        await pilot.press(*"fin")  # typed once full: not taken
        await pilot.pause(0.7)
        await settle(pilot)
        assert area.text == "Début " + "x" * (NOTE_LIMIT - 6)
        told = [n.message for n in app._notifications if "Note pleine" in n.message]
        assert told == ["Note pleine\xa0: au plus 20\u202f000 caractères\xa0; la suite n'a pas été "
                        "prise."]  # once, not once a key
        assert _drafts(demo_url, call_id) == [area.text]
        # Room made, typing is taken again.
        await pilot.press("backspace", "backspace", *"ok")
        await pilot.pause(0.7)
        await settle(pilot)
        assert area.text.endswith("xxok") and len(area.text) == NOTE_LIMIT


async def test_a_selection_replaced_by_a_paste_counts_what_it_replaces(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("n")
        await settle(pilot)
        area = app.screen.query_one("#notes-text", TextArea)
        app.post_message(events.Paste("a" * NOTE_LIMIT))
        await settle(pilot)
        area.select_all()
        app.post_message(events.Paste("b" * 10))  # the whole note replaced: it fits
        await settle(pilot)
        assert area.text == "b" * 10


async def test_the_end_forms_note_has_the_same_limit(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)
        note = app.screen.query_one("#end-note", TextArea)
        note.focus()
        app.post_message(events.Paste("y" * (NOTE_LIMIT + 50)))
        await settle(pilot)
        assert len(note.text) == NOTE_LIMIT
        assert any("The note is full: at most 20,000 characters" in n.message
                   for n in app._notifications)


async def test_the_cv_to_correct_has_its_own_limit(make_app) -> None:
    from cockpit.services.later_views import CvView
    from cockpit.tui.screens.cv import CV_TEXT_LIMIT, CvModal

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(CvModal(CvView(None, 1, "Développeur Go", ())))
        await settle(pilot)
        text = app.screen.query_one("#cv-text", TextArea)
        text.move_cursor(text.document.end)
        app.post_message(events.Paste("z" * (CV_TEXT_LIMIT + 10)))
        await settle(pilot)
        assert len(text.text) == CV_TEXT_LIMIT and text.text.startswith("Développeur Go")
        assert any(n.message.startswith("CV plein") for n in app._notifications)
