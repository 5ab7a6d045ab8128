"""The call forgives, at the keyboard: Backspace goes back a step (across a transfer too, and
out of an end the script reached), `u` mends the last call (its reminder replaced, not
doubled), Suppr cancels a call started by mistake, and a line is added to a past note."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from textual.widgets import Input, OptionList

from cockpit.tui.screens.confirm import ConfirmModal
from cockpit.tui.screens.end_call import EndCallModal
from cockpit.tui.screens.form import FormModal
from cockpit.tui.screens.picker import PickerModal
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.widgets.script_panel import ScriptPanel
from tests.ui.helpers import answer_yes, settle, start_call


def _db(url: str) -> sqlite3.Connection:
    return sqlite3.connect(url.removeprefix("sqlite:///"))


def _back_key(app) -> tuple[bool, bool] | None:
    """(shown, usable) of Backspace in the key bar, None when it is not there."""
    for _key, (_node, binding, enabled, _tip) in app.screen.active_bindings.items():
        if binding.action == "step_back":
            return binding.show, enabled
    return None


async def test_back_within_the_script_and_across_the_transfer(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert _back_key(app) in (None, (True, False))  # between calls: nothing to undo
        await pilot.press("a")
        await settle(pilot)
        panel = app.screen.query_one(ScriptPanel)
        assert panel.call.breadcrumb[-1].endswith("Demander le DO")
        assert _back_key(app) == (True, False)  # shown, greyed: nothing to go back to
        assert "étape précédente" in app.screen.query_one(KeyBar).line().plain
        await pilot.press("1")  # put through to the DO, too early
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Présentation")
        assert _back_key(app) == (True, True)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*list("fourn"), "enter")
        await settle(pilot)
        await pilot.press("1")  # a need they cannot staff
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Qualifier le besoin")
        field = app.screen.query_one("#capture-need_title", Input)
        field.focus()
        await pilot.press(*list("Dev Java"), "enter")
        await settle(pilot)
        await pilot.press("backspace")  # in a field, Backspace erases a letter
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Qualifier le besoin")
        await pilot.press(*list("a"), "enter")
        await settle(pilot)
        await _to_budget_and_on(app, pilot, panel)
        assert panel.call.breadcrumb[-1].endswith("E-mail et récapitulatif")
        await pilot.press("backspace")  # the step before, as it was filled in
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Qualifier le besoin")
        assert app.screen.query_one("#capture-need_title", Input).value == "Dev Java"
        assert app.screen.query_one("#capture-need_budget", Input).value.startswith("650")
        panel.focus()
        await pilot.press("backspace")  # back into the objection's answers
        await settle(pilot)
        assert panel.call.mode == "objection"
        await pilot.press("backspace")  # the objection raised: undone
        await settle(pilot)
        assert panel.call.mode == "step" and panel.call.breadcrumb[-1].endswith("Présentation")
        await pilot.press("backspace")  # across the transfer: the switchboard again
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Demander le DO")
        assert panel.call.script_title != "DO"
        assert _back_key(app) == (True, False)
        await pilot.press("backspace")  # greyed: nothing happens, nothing breaks
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Demander le DO")
        call_id = panel.call.call_id
    kinds = [k for (k,) in _db(demo_url).execute(
        "SELECT kind FROM call_event WHERE call_id = ? ORDER BY seq", (call_id,))]
    assert kinds.count("back") == 4 and kinds.count("answer") == 3  # both kept


async def _to_budget_and_on(app, pilot, panel) -> None:
    field = app.screen.query_one("#capture-need_budget", Input)
    field.focus()
    field.value = ""
    await pilot.press(*list("650"), "enter")
    await settle(pilot)
    panel.focus()
    await pilot.press("1")
    await settle(pilot)


async def test_the_voicemail_chosen_by_mistake_is_taken_back(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        panel = app.screen.query_one(ScriptPanel)
        await pilot.press("5")  # voicemail… but the DO picks up at the last ring
        await settle(pilot)
        assert panel.call.outcome == "no_answer"
        await pilot.press("backspace")
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Demander le DO")
        assert panel.call.outcome is None  # no end proposed any more
        await pilot.press("1")  # put through, as it should have been
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Présentation")


async def _end_with_voicemail(app, pilot) -> int:
    await pilot.press("a")
    await settle(pilot)
    panel = app.screen.query_one(ScriptPanel)
    person = panel.call.person.id
    await pilot.press("5", "f")
    await settle(pilot)
    assert isinstance(app.screen, EndCallModal)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert panel.call is None
    return person


async def test_u_mends_the_last_call_and_replaces_its_reminder(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        contact_id = await _end_with_voicemail(app, pilot)
        db = _db(demo_url)
        call_id, = db.execute("SELECT id FROM call WHERE contact_id = ? ORDER BY id DESC",
                              (contact_id,)).fetchone()
        assert db.execute("SELECT kind FROM reminder WHERE call_id = ? AND done_at IS NULL",
                          (call_id,)).fetchall() == [("retry",)]
        await pilot.press("u")
        await settle(pilot)
        if isinstance(app.screen, PickerModal):  # the person highlighted has past calls
            await pilot.press("enter")  # the first: the caller's last call
            await settle(pilot)
        modal = app.screen
        assert isinstance(modal, EndCallModal)
        outcomes = modal.query_one(OptionList)
        assert outcomes.get_option_at_index(outcomes.highlighted).id == "no_answer"
        saved = modal.query_one("#end-reminder", Input).value
        assert saved.startswith("23/11/2026 13:30")  # the reminder booked, shown again
        outcomes.highlighted = next(i for i in range(outcomes.option_count)
                                    if outcomes.get_option_at_index(i).id == "callback")
        await settle(pilot)
        reminder = modal.query_one("#end-reminder", Input)
        reminder.value = "25/11/2026 10:30"
        modal.query_one("#end-note").load_text("a décroché au dernier moment")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EndCallModal)
    db = _db(demo_url)
    assert db.execute("SELECT outcome FROM call WHERE id = ?", (call_id,)).fetchone() == (
        "callback",)
    assert db.execute("SELECT kind, due_at FROM reminder WHERE call_id = ? AND done_at IS NULL",
                      (call_id,)).fetchall() == [("callback", "2026-11-25 09:30:00")]
    assert db.execute("SELECT body FROM note WHERE call_id = ?", (call_id,)).fetchall() == [
        ("a décroché au dernier moment",)]
    assert db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'mend_call'"
                      ).fetchone() == (1,)


async def test_a_call_started_by_mistake_is_cancelled_without_an_attempt(
        make_app, demo_url: str) -> None:
    app = make_app()
    db = _db(demo_url)
    calls = db.execute("SELECT COUNT(*) FROM call").fetchone()[0]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.screen.highlighted
        await pilot.press("a")
        await settle(pilot)
        panel = app.screen.query_one(ScriptPanel)
        assert panel.call is not None
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await answer_yes(pilot)
        await settle(pilot)
        assert panel.call is None
        await settle(pilot)
        assert app.screen.highlighted == first  # still first: no attempt counted
    db = _db(demo_url)
    assert db.execute("SELECT COUNT(*) FROM call").fetchone()[0] == calls
    assert db.execute("SELECT action FROM audit_log WHERE action = 'cancel_call'"
                      ).fetchall() == [("cancel_call",)]
    assert db.execute("SELECT claimed_by_id FROM contact WHERE id = ?", (first.id,)
                      ).fetchone() == (None,)


async def test_a_line_is_added_to_a_past_calls_note(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        person = app.screen.highlighted
        past = _db(demo_url).execute(
            "SELECT id FROM call WHERE contact_id = ? AND outcome IS NOT NULL "
            "ORDER BY started_at DESC", (person.id,)).fetchall()
        assert past, "the demo's first person has calls before"
        before = [b for (b,) in _db(demo_url).execute(
            "SELECT body FROM note WHERE call_id = ? ORDER BY id", (past[0][0],))]
        await pilot.press("u")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerModal)
        options = picker.query_one(OptionList)
        options.highlighted = next(i for i, c in enumerate(picker._shown)
                                   if c.key == f"n{past[0][0]}")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        await pilot.press(*list("budget voté"))
        await pilot.press("ctrl+s")
        await settle(pilot)
    db = _db(demo_url)
    bodies = [b for (b,) in db.execute("SELECT body FROM note WHERE call_id = ? ORDER BY id",
                                       (past[0][0],))]
    assert bodies == [*before, "budget voté"]  # the original kept, the line added


async def test_too_late_to_cancel_is_said_and_the_call_goes_on(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("1")  # an answer: no longer a call started by mistake
        await settle(pilot)
        panel = app.screen.query_one(ScriptPanel)
        started = app.clock()
        app.clock = lambda: started + timedelta(seconds=40)  # and past its first seconds
        await pilot.press("delete")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmModal) and panel.call is not None
        said = [n.message for n in app._notifications]
        assert any("Trop tard pour annuler" in m for m in said), said
