"""Whole calls played at the keyboard with Pilot, checked in the database afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input

from cockpit.tui.screens.end_call import EndCallModal
from cockpit.tui.widgets.script_panel import ScriptPanel
from tests.ui.helpers import reach_need_step, settle, start_call


async def _type_into(app, pilot, key: str, text: str) -> None:
    field = app.screen.query_one(f"#capture-{key}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*list(text))
    await pilot.press("enter")
    await settle(pilot)


def _db(url: str) -> sqlite3.Connection:
    return sqlite3.connect(url.removeprefix("sqlite:///"))


async def test_switchboard_to_need_with_an_objection(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        panel = app.screen.query_one(ScriptPanel)
        assert panel.call is not None and panel.call.breadcrumb[-1].endswith("Demander le DO")
        contact_id = panel.call.person.id
        await pilot.press("1")  # put through to the DO
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Présentation")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*list("fourn"), "enter")
        await settle(pilot)
        assert panel.call.mode == "objection"
        assert "fournisseurs" in panel.call.objection.label
        await pilot.press("1")  # he has a need they cannot staff
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Qualifier le besoin")
        await _type_into(app, pilot, "need_title", "Dev Java")
        await _type_into(app, pilot, "need_budget", "650")
        panel.focus()
        await pilot.press("1")
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("E-mail et récapitulatif")
        await pilot.press("n")
        await pilot.press(*list("Besoin Java Lyon"))
        await pilot.pause(0.6)
        await settle(pilot)
        await pilot.press("escape")
        await _type_into(app, pilot, "do_email", "jd@example.fr")
        panel.focus()
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert panel.call is None

    db = _db(demo_url)
    outcome, call_id = db.execute(
        "SELECT outcome, id FROM call WHERE contact_id = ? ORDER BY id DESC LIMIT 1",
        (contact_id,)).fetchone()
    assert outcome == "need_qualified"
    kinds = [k for (k,) in db.execute("SELECT kind FROM call_event WHERE call_id = ? ORDER BY seq",
                                      (call_id,))]
    assert "transfer" in kinds and "objection" in kinds and kinds[-1] == "ended"
    assert db.execute("SELECT body FROM note WHERE call_id = ? AND is_draft = 0",
                      (call_id,)).fetchone() == ("Besoin Java Lyon",)
    assert db.execute("SELECT title, budget_rate FROM need WHERE contact_id = ? "
                      "ORDER BY id DESC",
                      (contact_id,)).fetchone() == ("Dev Java", 650)
    assert db.execute("SELECT email FROM contact WHERE id = ?", (contact_id,)).fetchone() == (
        "jd@example.fr",)
    due = db.execute("SELECT due_at FROM reminder WHERE call_id = ?", (call_id,)).fetchone()
    assert due is not None and due[0].startswith("2026-11-24")  # next business day


async def test_no_answer_books_a_retry(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        panel = app.screen.query_one(ScriptPanel)
        contact_id = panel.call.person.id
        await pilot.press("5")  # voicemail: the step ends the call by itself
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)
        await pilot.press("ctrl+s")
        await settle(pilot)
    db = _db(demo_url)
    outcome, call_id = db.execute(
        "SELECT outcome, id FROM call WHERE contact_id = ? ORDER BY id DESC LIMIT 1",
        (contact_id,)).fetchone()
    assert outcome == "no_answer"
    kind, due = db.execute("SELECT kind, due_at FROM reminder WHERE call_id = ?",
                           (call_id,)).fetchone()
    # Two hours after 10:42 falls in the lunch break (12:30-13:30 Paris): 13:30, i.e. 12:30 UTC.
    assert kind == "retry" and due.startswith("2026-11-23 12:30")


async def test_redirect_creates_a_queued_contact(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("4")  # the switchboard does not know the DO's name
        await settle(pilot)
        await _type_into(app, pilot, "redirect_last_name", "Moreau")
        await _type_into(app, pilot, "redirect_phone", "06 12 34 56 78")
        app.screen.query_one(ScriptPanel).focus()
        await pilot.press("2")  # details noted, will call
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    db = _db(demo_url)
    row = db.execute("SELECT c.id FROM contact c JOIN phone p ON p.contact_id = c.id "
                     "WHERE c.last_name = 'Moreau' AND p.e164 = '+33612345678'").fetchone()
    assert row is not None
    assert db.execute("SELECT kind FROM reminder WHERE contact_id = ?", row).fetchone() == (
        "new_contact",)


async def test_restart_after_a_crash_brings_back_the_call_and_its_draft(
    make_app, demo_url: str
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("n", *list("Rappeler mardi"))
        await pilot.pause(0.6)
        await settle(pilot)
        # The app is dropped here without ending the call: as after a crash.
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = again.screen.query_one(ScriptPanel)
        assert panel.call is not None and panel.call.breadcrumb[-1].endswith("Présentation")
        notes = again.screen.query_one("#notes-text")
        assert notes.text == "Rappeler mardi"


def test_database_file_stays_private(demo_url: str) -> None:
    path = Path(demo_url.removeprefix("sqlite:///"))
    assert path.stat().st_mode & 0o077 == 0


async def test_the_number_to_dial_by_hand_is_shown_large_until_the_first_answer(
        make_app) -> None:
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        big = app.screen.query_one("#dial-number", Static)
        dial = app.screen.query_one(ScriptPanel).call.dial
        assert big.display and dial  # no softphone configured: dialled by hand
        from io import StringIO

        from rich.console import Console

        console = Console(width=120, file=StringIO(), record=True)
        console.print(big.content)
        lines = console.export_text().splitlines()
        # Drawn in large digits, three lines high, one three-cell glyph a character.
        assert len(lines) == 3 and len(lines[0].rstrip()) == 3 * len(dial.rstrip())
        assert all(set(line) <= set(" ╭╮╯╰─│├┤┌┐└┘╴╶╵╷┬┴") for line in lines)
        await pilot.press("1")
        await settle(pilot)
        assert not big.display
    small = make_app()
    async with small.run_test(size=(80, 24)) as pilot:  # no room: the script's text first
        await start_call(pilot)
        assert not small.screen.query_one("#dial-number", Static).display


async def test_the_fields_are_reached_with_tab_and_left_with_escape(make_app) -> None:
    """Keyboard only: from the answers, Tab goes to the step's first field, Enter to the next,
    Escape back to the answers, whose digits then choose again."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("1")  # put through
        await settle(pilot)
        await pilot.press("3")  # he has a need
        await settle(pilot)
        panel = app.screen.query_one(ScriptPanel)
        assert panel.call.breadcrumb[-1].endswith("Qualifier le besoin")
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#capture-need_title", Input)
        await pilot.press(*list("Dev Java"), "enter")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#capture-need_profile", Input)
        assert any(c.key == "need_title" and c.value == "Dev Java" for c in panel.call.captures)
        await pilot.press("escape")
        assert app.focused is panel
        await pilot.press("1")  # need noted: on to the e-mail
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("E-mail et récapitulatif")


async def test_the_person_the_do_names_is_queued_at_once(make_app, demo_url: str) -> None:
    """`r` during a call: name, role, number; the person is saved and in the queue while the
    call goes on."""
    from cockpit.tui.screens.form import FormModal
    from cockpit.tui.widgets.queue_pane import QueuePane

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        before = app.screen.query_one(QueuePane).page.total
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        for key, text in (("first_name", "Paul"), ("last_name", "Durand-Essai"),
                          ("role", "DSI"), ("phone", "06 12 34 56 99")):
            app.screen.query_one(f"#field-{key}", Input).value = text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)
        assert app.screen.query_one(ScriptPanel).call is not None  # the call goes on
        pane = app.screen.query_one(QueuePane)
        assert pane.page.total == before + 1
        assert any(row.name == "Paul Durand-Essai" for row in pane.page.rows)
    db = _db(demo_url)
    assert db.execute("SELECT role FROM contact WHERE last_name = 'Durand-Essai'"
                      ).fetchone() == ("DSI",)


async def test_the_field_tabbed_into_is_always_in_view(make_app) -> None:
    """The need's ten fields do not fit the pane: each one Tab reaches scrolls into view."""
    from cockpit.tui.widgets.script_panel import CaptureInput

    for size in ((80, 24), (120, 40)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await start_call(pilot)
            await pilot.press("1", "3")  # put through, he has a need
            await settle(pilot)
            panel = app.screen.query_one(ScriptPanel)
            body = panel.query_one("#script-body")
            keys = [c.key for c in panel.call.captures]
            assert len(keys) == 10
            for key in keys:
                await pilot.press("tab")
                await settle(pilot)
                field = app.focused
                assert isinstance(field, CaptureInput) and field.key == key
                assert body.region.contains_region(field.region), (size, key)


async def test_a_field_asked_by_an_objection_and_by_its_step_back(make_app) -> None:
    """« Pas de besoin » asks for the next budget, and so does the step it returns to: both
    fields on screen in turn, the date typed kept (it crashed on a duplicate id)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("1", "o")
        await settle(pilot)
        await pilot.press(*list("pas de bes"), "enter")
        await settle(pilot)
        await pilot.press("tab", *list("01/03/2027"), "escape")
        await settle(pilot)
        await pilot.press("1")  # « Reprendre »: on to « Pas de besoin »
        await settle(pilot)
        await pilot.press("tab", "tab")
        await settle(pilot)
        panel = app.screen.query_one(ScriptPanel)
        assert panel.call.breadcrumb[-1].endswith("Pas de besoin")
        assert app.focused is app.screen.query_one("#capture-next_budget", Input)
        assert app.focused.value == "01/03/2027"


async def test_a_value_refused_after_escape_leaves_the_digits_to_the_answers(make_app) -> None:
    """A wrong e-mail, then Escape: the refusal is said under the field, the focus stays on
    the answers, and the digits typed next are not typed into the field."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("1")  # put through
        await settle(pilot)
        await pilot.press("4")  # no need for now: asks for the DO's e-mail
        await settle(pilot)
        panel = app.screen.query_one(ScriptPanel)
        field = app.screen.query_one("#capture-do_email", Input)
        await pilot.press("tab")
        assert app.focused is field
        field.value = ""
        await pilot.press("x", "escape")
        await settle(pilot)
        assert "x" in str(app.screen.query_one("#capture-error-do_email").render())
        assert app.focused is panel
        await pilot.press("2")
        await settle(pilot)
        assert field.value == "x"  # the digit was not typed into the field


async def test_after_a_call_the_arrows_move_in_the_queue_again(make_app) -> None:
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("5", "f")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        queue = app.screen.query_one("#queue-list", OptionList)
        before = app.screen.highlighted
        await pilot.press("down")
        await settle(pilot)
        assert app.focused is queue and app.screen.highlighted != before


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_refused_reminder_comes_back_as_typed_with_the_note(
        make_app, size: tuple[int, int]) -> None:
    # What the caller typed in the wrong field (a sentence in the reminder) must not be
    # replaced by the proposal when the save is refused: they would never see it again.
    # And the reason is on screen, even on 24 lines (it was below the form's fold).
    from textual.widgets import Static, TextArea

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_call(pilot)
        await pilot.press("5")  # voicemail
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)
        proposed = app.screen.query_one("#end-reminder", Input).value
        field = app.screen.query_one("#end-reminder", Input)
        field.focus()
        field.value = ""
        await pilot.press(*list("lui envoyer la plaquette"))
        app.screen.query_one("#end-note", TextArea).text = "Standard fermé le midi"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)  # refused, the form is back
        error = app.screen.query_one("#end-error", Static)
        said = str(error.render())
        assert "lui envoyer la plaquette" in said and "n'est pas une date" in said
        shown = error.region
        assert shown.height > 0 and app.screen.get_widget_at(shown.x, shown.y)[0] is error
        reminder = app.screen.query_one("#end-reminder", Input).value
        assert reminder == "lui envoyer la plaquette" != proposed
        assert app.screen.query_one("#end-note", TextArea).text == "Standard fermé le midi"


async def test_empty_fields_show_their_format_in_the_interfaces_language(make_app) -> None:
    from textual.widgets import Input

    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("1")  # put through to the decision maker
        await settle(pilot)
        await pilot.press("7")  # "call me back": the moment to call back is asked
        await settle(pilot)
        shown = [i.placeholder for i in app.screen.query(Input)]
        assert "dd/mm hh:mm" in shown and "jj/mm hh:mm" not in shown
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)
        assert app.screen.query_one("#end-reminder", Input).placeholder == "dd/mm hh:mm"


async def test_a_note_typed_in_the_end_form_is_kept_as_the_draft_and_goes_after_the_notes(
        make_app, demo_url: str) -> None:
    # A kill -9 while the end form is open must not lose what was typed there.
    from textual.widgets import TextArea

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        panel = app.screen.query_one(ScriptPanel)
        call_id = panel.call.call_id
        await pilot.press("n", *list("premiere partie"), "escape")
        await pilot.pause(0.7)
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)
        app.screen.query_one("#end-note", TextArea).focus()
        await pilot.press(*list(" AJOUT"))
        await pilot.pause(0.7)  # the draft's half second
        await settle(pilot)
        assert app.screen.query_one("#end-note", TextArea).text == "premiere partie AJOUT"
        with _db(demo_url) as db:
            drafts = [body for (body,) in db.execute(
                "SELECT body FROM note WHERE call_id = ? AND is_draft", (call_id,))]
        assert drafts == ["premiere partie AJOUT"]


async def test_a_refused_value_holds_the_step_until_corrected(make_app, demo_url: str) -> None:
    """A budget typed as words, then an answer chosen: the call stays on the step and says
    which field to correct (it went on, and the need was saved without its budget)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        await reach_need_step(pilot)
        panel = app.screen.query_one(ScriptPanel)
        await _type_into(app, pilot, "need_title", "Dev Java")
        await _type_into(app, pilot, "need_budget", "beaucoup")
        await _type_into(app, pilot, "need_profile", "Backend")  # another field taken
        from textual.widgets import Static

        said = str(app.screen.query_one("#capture-error-need_budget", Static).render())
        assert "beaucoup" in said  # the refusal stays under its field until mended
        panel.focus()
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("Qualifier le besoin")
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "À corriger ou vider d'abord" in shown and "Budget TJM" in shown, shown
        field = app.screen.query_one("#capture-need_budget", Input)
        assert field.value == "beaucoup"  # as typed, to be corrected
        await _type_into(app, pilot, "need_budget", "650")
        panel.focus()
        await pilot.press("1")
        await settle(pilot)
        assert panel.call.breadcrumb[-1].endswith("E-mail et récapitulatif")
