"""The lead's review at the keyboard: a call started elsewhere shows on its own, a reminder
is reassigned; a caller who is not a lead sees their own figures only."""

from __future__ import annotations

import sqlite3

from textual.widgets import DataTable

from cockpit.tui.screens.review import TEAM_EVERY, ReviewScreen
from tests.ui.test_call_flow import _settle


async def _open_review(app, pilot) -> ReviewScreen:
    """From the cockpit, `g`: the review over it."""
    await _settle(app, pilot)
    await pilot.press("g")
    await _settle(app, pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def test_a_call_started_by_a_caller_shows_within_seconds(make_app, demo_url: str
                                                               ) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_review(app, pilot)
        table = app.screen.query_one("#team-table", DataTable)
        karim_row = next(i for i, r in enumerate(app.screen._team.rows) if r.name == "Karim")
        assert str(table.get_row_at(karim_row)[3]) == "—"
        # Karim starts a call from his own cockpit (same database).
        karim = app.services.find_caller("Karim")
        person = app.services.queue_page(karim.id, limit=1).rows[0]
        app.services.start_call(karim.id, person.person)
        await pilot.pause(TEAM_EVERY + 0.5)
        await _settle(app, pilot)
        assert person.name in str(table.get_row_at(karim_row)[3])
        assert str(table.get_row_at(karim_row)[4]) == "10:42"


async def test_the_lead_reassigns_an_overdue_reminder(make_app, demo_url: str) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        first = screen._reminders[0]
        assert first.owner == "Melissa"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*list("Sophie"), "ctrl+s")
        await _settle(app, pilot)
    with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
        owner = db.execute("SELECT k.name FROM reminder r JOIN caller k ON k.id = r.owner_id "
                           "WHERE r.id = ?", (first.id,)).fetchone()
        audit = db.execute("SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1"
                           ).fetchone()
    assert owner == ("Sophie",) and audit == ("Melissa", "reassign")


async def test_a_caller_sees_only_their_figures(make_app) -> None:
    app = make_app("Karim")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        assert not screen.query("#team-table")  # no team tab
        from cockpit.tui.widgets.report_view import ReportView

        report = screen.query_one(ReportView).report
        assert report is not None and "Karim" in report.scope
        team = next(s for s in report.sections if s.key == "team")
        assert [row[0] for row in team.rows] == ["Karim"]
        await pilot.press("r")  # a lead's key: nothing happens
        await pilot.pause()
        assert app.screen is screen


async def test_escape_goes_back_to_the_cockpit_and_a_review_alone_stays(make_app) -> None:
    from cockpit.tui.screens.caller import CallerScreen

    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_review(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, CallerScreen)
    # `cockpit review`: the review is all there is; Escape leaves it on screen.
    alone = make_app("Melissa", start="review")
    async with alone.run_test(size=(120, 40)) as pilot:
        await _settle(alone, pilot)
        assert isinstance(alone.screen, ReviewScreen)
        await pilot.press("escape")
        await _settle(alone, pilot)
        assert isinstance(alone.screen, ReviewScreen)


async def test_a_lead_in_the_review_alone_calls_a_freelance_from_a_need(make_app) -> None:
    """`cockpit review` has no cockpit beneath it: calling a freelance found for a need
    brings one up over the review, with the call on (it used to leave a blank screen)."""
    from cockpit.tui.screens.caller import CallerScreen
    from cockpit.tui.screens.match import MatchScreen

    app = make_app("Melissa", start="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        await pilot.press("tab", "b")  # the figures, then the needs board
        await _settle(app, pilot)
        await pilot.press("enter")  # the first need's freelances
        await _settle(app, pilot)
        await pilot.press("enter")  # to the list
        await _settle(app, pilot)
        assert isinstance(app.screen, MatchScreen)
        await pilot.press("a")
        await _settle(app, pilot)
        await pilot.pause(0.3)
        await _settle(app, pilot)
        assert isinstance(app.screen, CallerScreen) and app.screen.call is not None
        assert app.screen.call.person.kind == "freelance"
        assert isinstance(app.screen_stack[-2], ReviewScreen)  # Escape there, after the call
