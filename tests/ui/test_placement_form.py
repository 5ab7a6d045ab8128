"""`l` on a proposed freelance: the placement form asks the clauses, the mission's days and
the two day rates (the rates filled in from the freelance and the firm's margin); the detail
then says the margin per day and over the mission. At 80x24 every field stays on screen."""

from __future__ import annotations

import sqlite3

from textual.widgets import Input

from cockpit.services.views import PersonRef
from cockpit.tui.screens.form import FormModal
from cockpit.tui.screens.match import MatchScreen
from tests.ui.helpers import settle


async def test_a_placement_records_its_mission_and_shows_its_margin(make_app,
                                                                   demo_url: str) -> None:
    app = make_app()
    with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
        (do_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = 1 "
                              "ORDER BY id LIMIT 1").fetchone()
    need_id = app.services.create_need(app.caller.id, {
        "title": "Architecte Kubernetes", "technologies": "kubernetes"},
        PersonRef("contact", do_id))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(MatchScreen(need_id))
        await settle(pilot, 6)
        assert isinstance(app.screen, MatchScreen)
        await pilot.press("enter", "p")  # to the list, propose the first freelance
        await settle(pilot, 6)
        await pilot.press("l", *"oui", "enter", *"oui", "enter")  # the clauses, then the mission
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        for field in app.screen.query(Input):  # each one visible, none cut off
            region = field.region
            assert region.height > 0 and region.bottom <= 24, field.id
        selling = app.screen.query_one("#field-selling", Input).value
        assert selling.isdigit()  # offered: the freelance's rate at the firm's margin
        for key in ("buying", "selling"):
            app.screen.query_one(f"#field-{key}", Input).value = ""
        await pilot.press(*"04/01/2027", "enter", *"31/01/2027", "enter", *"500", "enter",
                          *"625", "ctrl+s")
        await settle(pilot, 8)
        assert isinstance(app.screen, MatchScreen)
        detail = str(app.screen.query_one("#match-detail-text").render())
    with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
        placed = db.execute("SELECT status, start_date, end_date, buying_rate, selling_rate "
                            "FROM proposal WHERE need_id = ?", (need_id,)).fetchall()
    assert placed == [("placed", "2027-01-04", "2027-01-31", 500, 625)]
    # 4 to 31 January 2027: 20 working days at 125 € a day.
    assert "20 jours ouvrés" in detail and "125 € par jour" in detail
    assert "2500 € sur la mission" in detail


async def test_an_end_before_the_start_is_said_under_the_field(make_app, demo_url: str) -> None:
    app = make_app()
    with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
        (do_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = 1 "
                              "ORDER BY id LIMIT 1").fetchone()
    need_id = app.services.create_need(app.caller.id, {
        "title": "Dev Java", "technologies": "java"}, PersonRef("contact", do_id))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(MatchScreen(need_id))
        await settle(pilot, 6)
        await pilot.press("enter", "p")
        await settle(pilot, 6)
        await pilot.press("l", *"oui", "enter", *"oui", "enter")
        await settle(pilot)
        await pilot.press(*"31/01/2027", "enter", *"04/01/2027", "enter", "ctrl+s")
        await settle(pilot, 6)
        assert isinstance(app.screen, FormModal)  # nothing recorded
        said = str(app.screen.query_one("#field-error-end").render())
        assert "finit avant de commencer" in said
