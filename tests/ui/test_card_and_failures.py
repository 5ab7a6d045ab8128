"""Editing a card; a database that stops taking writes keeps the note on screen and on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Input

from cockpit.tui.screens.form import FormModal
from cockpit.tui.widgets.notes_pane import NotesPane
from tests.ui.helpers import settle, start_call


async def test_edit_the_card_saves_and_audits(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        person = app.screen.highlighted
        await pilot.press("e")
        await settle(pilot)  # the card's values are read in a worker
        assert isinstance(app.screen, FormModal)
        role = app.screen.query_one("#field-role", Input)
        role.value = "Responsable staffing"
        email = app.screen.query_one("#field-email", Input)
        email.value = "pas-un-email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)  # refused: the e-mail is wrong
        assert "E-mail" in str(app.screen.query_one("#field-error-email").render())
        email.value = "r.staffing@example.fr"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)
    db = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
    assert db.execute("SELECT role, email, is_decision_maker FROM contact WHERE id = ?",
                      (person.id,)).fetchone() == ("Responsable staffing",
                                                   "r.staffing@example.fr", 1)
    action, details = db.execute("SELECT action, details FROM audit_log WHERE entity_id = ? "
                                 "ORDER BY id DESC", (person.id,)).fetchone()
    assert action == "edit" and "staffing" not in details  # field names, not the values


async def test_notes_survive_a_database_that_refuses_writes(
    make_app, demo_url: str, tmp_path: Path
) -> None:
    app = make_app()
    path = Path(demo_url.removeprefix("sqlite:///"))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call(pilot)
        call_id = app.screen.call.call_id
        blocker = sqlite3.connect(path)
        blocker.execute("BEGIN EXCLUSIVE")  # another program holds the database
        try:
            await pilot.press("n", *list("Note importante"))
            await pilot.pause(0.5)
            await app.workers.wait_for_complete()
            await pilot.pause()
            notes = app.screen.query_one(NotesPane)
            assert notes.text == "Note importante"
            status = str(app.screen.query_one("#notes-status").render())
            assert "NON enregistré" in status
            kept = tmp_path / "state" / "cockpit" / "drafts" / f"call-{call_id}.txt"
            assert kept.read_text(encoding="utf-8") == "Note importante"
        finally:
            blocker.rollback()
            blocker.close()


async def test_a_broken_database_is_said_not_crashed(make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        broken = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
        broken.execute("DROP TABLE reminder")  # a real failure, as after a bad manual edit
        broken.commit()
        broken.close()
        await pilot.press("ctrl+r")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("Base de données indisponible" in m and "reminder" in m for m in messages)
        assert app.is_running


async def test_the_whole_first_page_of_the_queue_is_listed(make_app) -> None:
    """At start the rows in view go in before the first frame, the rest of the page right
    after: once settled, the list holds the whole page, in order."""
    from textual.widgets import OptionList

    from cockpit.tui.widgets.queue_pane import QueuePane

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(QueuePane)
        page = pane.page
        options = pane.query_one(OptionList)
        assert page is not None and len(page.rows) > pane.size.height  # more than in view
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == \
            [f"{r.person.kind}:{r.person.id}" for r in page.rows]


async def test_a_first_screen_read_before_start_is_drawn_complete(
        demo_url: str, tmp_path: Path, monkeypatch) -> None:
    """What the start read in advance (queue page, first card, the day's figures) is on
    screen from the first frame, the services not opened until the caller moves, and the
    first card is not read again."""
    from functools import partial

    from cockpit.services import open_services
    from cockpit.services.warm import OpenOnDemand, read_first_screen
    from cockpit.tui.app import CockpitApp
    from cockpit.tui.screens.caller import CallerScreen
    from cockpit.tui.widgets.contact_card import ContactCard
    from cockpit.tui.widgets.top_bar import TopBar
    from tests.conftest import FIXED_NOW, PARIS

    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    first = read_first_screen(open_services(demo_url, clock=lambda: FIXED_NOW).setup, "Melissa",
                              "fr", 50)
    assert first is not None and first.card is not None
    first_person = first.page.rows[0]
    reads: list[object] = []

    def opener():
        services = open_services(demo_url, clock=lambda: FIXED_NOW)
        read_card = services.contact_card
        services.contact_card = lambda person, **kw: reads.append(person) or read_card(person,
                                                                                       **kw)
        reads.append("opened")
        return services

    app = CockpitApp(OpenOnDemand(opener), first.caller, clock=lambda: FIXED_NOW,
                     display_tz=PARIS, first_screen=partial(CallerScreen, first))
    async with app.run_test(size=(120, 40)) as pilot:
        assert first_person.name in _text_of(app.screen.query_one("#card-body").content)
        await settle(pilot)
        assert reads == []  # drawn, figures included, without the services
        top_bar = app.screen.query_one(TopBar)
        figures = app.tr("header.figures", **first.figures)
        # At the bar's right end, though shown before the screen had its width.
        assert _text_of(top_bar.render()).rstrip().endswith(" " * 20 + figures)
        await pilot.press("down")  # the next person's card: the services open, once
        await settle(pilot)
        assert len(reads) == 2 and reads[0] == "opened" and reads[1] != first_person.person
        assert first_person.name not in _text_of(app.screen.query_one(ContactCard)
                                                 .query_one("#card-body").content)


def _text_of(renderable: object) -> str:
    from io import StringIO

    from rich.console import Console

    console = Console(width=200, file=StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


async def test_the_key_bar_shows_the_keys_that_apply_now(make_app) -> None:
    from cockpit.tui.widgets.key_bar import KeyBar

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.screen.query_one(KeyBar).line().plain
        assert "a appeler" in before and "s passer" in before and "fin d'appel" not in before
        assert before.rstrip().endswith("^p palette")  # on the right, when there is room
        await pilot.press("a")
        await settle(pilot)
        during = app.screen.query_one(KeyBar).line().plain
        assert "o objection" in during and "f fin d'appel" in during
        assert "a appeler" not in during


async def test_moving_past_either_end_of_a_page_turns_it(make_app, monkeypatch) -> None:
    """The queue is read a page at a time: the arrows and PgUp/PgDn go on to the next page
    past the last line, and back to the previous one (on its last line) before the first."""
    from cockpit.tui.screens import caller as caller_screen
    from cockpit.tui.widgets import queue_pane

    monkeypatch.setattr(queue_pane, "PAGE_SIZE", 10)
    monkeypatch.setattr(caller_screen, "PAGE_SIZE", 10)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(queue_pane.QueuePane)
        listing = pane.query_one(queue_pane.QueueList)
        assert pane.page.offset == 0 and pane.page.total > 20
        first_page = [r.person for r in pane.page.rows]
        await pilot.press("pagedown")
        await settle(pilot)
        assert listing.highlighted == 9 and pane.page.offset == 0  # the page's last line
        await pilot.press("pagedown")
        await settle(pilot)
        assert pane.page.offset == 10 and listing.highlighted == 0
        assert app.screen.highlighted == pane.page.rows[0].person  # the card follows
        await pilot.press("down")
        await pilot.press("up", "up")
        await settle(pilot)
        assert pane.page.offset == 0 and listing.highlighted == 9
        assert app.screen.highlighted == first_page[9]
        status = str(pane.query_one("#queue-status").render())
        assert status.startswith("1–10 / ")


async def test_a_key_bar_too_narrow_keeps_the_help_key(make_app) -> None:
    """When the keys do not all fit, the first ones stay, then "…" and the help key, which
    lists them all."""
    from cockpit.tui.widgets.key_bar import KeyBar

    app = make_app()
    async with app.run_test(size=(56, 24)) as pilot:
        await settle(pilot)
        line = app.screen.query_one(KeyBar).line().plain
        assert line.startswith(" a appeler ") and "…" in line
        assert line.rstrip().endswith("f1 aide") and len(line) <= 56
        assert "^q quitter" not in line


async def test_a_click_on_a_key_of_the_bar_does_what_the_key_does(make_app) -> None:
    from cockpit.tui.widgets.key_bar import KeyBar
    from cockpit.tui.widgets.script_panel import ScriptPanel

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        column = bar.line().plain.index("a appeler")
        await pilot.click(KeyBar, offset=(column + 3, 0))
        await settle(pilot)
        assert app.screen.query_one(ScriptPanel).call is not None  # the call started


async def test_a_reminder_past_due_today_shows_its_time_and_an_older_one_its_day(
        make_app, demo_url: str) -> None:
    from tests.rawdb import raw

    with raw(demo_url) as db:
        first, second = [i for (i,) in db.execute(
            "SELECT c.id FROM contact c WHERE c.is_switchboard = 0 AND c.do_not_call = 0 "
            "AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.contact_id = c.id "
            "AND r.done_at IS NULL) ORDER BY c.id LIMIT 2").fetchall()]
        melissa = db.execute("SELECT id FROM caller WHERE name = 'Melissa'").fetchone()[0]
        for contact, due in ((first, "2026-11-23 08:00:00"), (second, "2026-11-20 08:00:00")):
            db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, "
                       "created_at) VALUES (?, ?, 'callback', 'rappel', ?, ?)",
                       (melissa, contact, due, "2026-11-19 08:00:00"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from cockpit.tui.widgets.queue_pane import QueuePane

        pane = app.screen.query_one(QueuePane)
        lines = {row.person.id: pane._line(row, pane._today()).plain for row in pane.page.rows}
        # 08:00 UTC is 09:00 in Paris: due earlier today, the time; on Friday 20/11, the day.
        assert lines[first].startswith("09:00 ") and lines[second].startswith("20/11 ")


async def test_the_help_speaks_the_interfaces_language_only(make_app) -> None:
    """F1 lists the cockpit's keys and the few of Textual's a caller uses, translated; not
    the widgets' own scrolling keys in English."""
    from cockpit.tui.screens.help import HelpModal

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        text = _text_of(app.screen.query_one("#help-body").content)
        assert "zone ou champ suivant" in text and "appeler" in text and "1…9" in text
        for english in ("Focus Next", "Scroll Left", "Page Up", "Copy selected text"):
            assert english not in text, english
        assert text.count("choisir la réponse") == 1


async def test_the_command_palette_speaks_the_interfaces_language(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for french in ("Appeler", "Passer", "Quitter", "Aide", "Thème", "Zone ou champ suivant"):
            assert french in titles, french
        for english in ("Quit", "Keys", "Theme", "Screenshot", "Copy selected text",
                        "Focus next"):
            assert english not in titles, english
        quit_command = next(c for c in app.get_system_commands(app.screen)
                            if c.title == "Quitter")
        await quit_command.callback()
        await pilot.pause(0.5)  # quitting waits a moment for writes on their way
        assert app.return_code == 0  # the app's own key runs as the app's action
