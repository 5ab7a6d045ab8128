"""The lead's review at the keyboard: a call started elsewhere shows on its own, a reminder
is reassigned; a caller who is not a lead sees their own figures only."""

from __future__ import annotations

import sqlite3

from textual.widgets import DataTable

from cockpit.tui.screens.review import TEAM_EVERY, ReviewScreen
from tests.ui.helpers import settle


async def _open_review(app, pilot) -> ReviewScreen:
    """From the cockpit, `g`: the review over it."""
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def test_a_call_started_by_a_caller_shows_within_seconds(make_app, demo_url: str
                                                               ) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_review(app, pilot)
        table = app.screen.query_one("#team-table", DataTable)
        karim_row = next(i for i, r in enumerate(app.screen.team.rows) if r.name == "Karim")
        assert str(table.get_row_at(karim_row)[3]) == "—"
        # Karim starts a call from his own cockpit (same database).
        karim = app.services.find_caller("Karim")
        person = app.services.queue_page(karim.id, limit=1).rows[0]
        app.services.start_call(karim.id, person.person)
        await pilot.pause(TEAM_EVERY + 0.5)
        await settle(pilot)
        assert person.name in str(table.get_row_at(karim_row)[3])
        assert str(table.get_row_at(karim_row)[4]) == "10:42"


async def test_the_lead_reassigns_an_overdue_reminder(make_app, demo_url: str) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        first = screen.reminders[0]
        assert first.owner == "Melissa"
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"Sophie", "enter")
        await settle(pilot)
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
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen)
    # `cockpit review`: the review is all there is; Escape leaves it on screen.
    alone = make_app("Melissa", start="review")
    async with alone.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(alone.screen, ReviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(alone.screen, ReviewScreen)


async def test_a_lead_in_the_review_alone_calls_a_freelance_from_a_need(make_app) -> None:
    """`cockpit review` has no cockpit beneath it: calling a freelance found for a need
    brings one up over the review, with the call on (it used to leave a blank screen)."""
    from cockpit.tui.screens.caller import CallerScreen
    from cockpit.tui.screens.match import MatchScreen

    app = make_app("Melissa", start="review")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "b")  # the figures, then the needs board
        await settle(pilot)
        await pilot.press("enter")  # the first need's freelances
        await settle(pilot)
        await pilot.press("enter")  # to the list
        await settle(pilot)
        assert isinstance(app.screen, MatchScreen)
        await pilot.press("a")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen) and app.screen.call is not None
        assert app.screen.call.person.kind == "freelance"
        cockpit, call = app.screen, app.screen.call
        # From that cockpit the review opens again, and Escape comes back to the call.
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is cockpit and cockpit.call == call


async def test_down_moves_in_the_team_table_as_soon_as_the_review_opens(make_app) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        table = screen.query_one("#team-table", DataTable)
        assert table.row_count > 1 and table.cursor_row == 0
        await pilot.press("down")
        await settle(pilot)
        assert table.cursor_row == 1
        # The overdue reminders follow the caller highlighted.
        assert screen.selected_caller() == screen.team.rows[1].caller_id
        # Enter: into the caller's reminders, where ↓ picks the one to reassign.
        busiest = max(range(len(screen.team.rows)),
                      key=lambda i: screen.team.rows[i].overdue)
        await pilot.press("up", *["down"] * busiest, "enter")
        await settle(pilot)
        overdue = screen.query_one("#overdue-table", DataTable)
        assert app.focused is overdue and overdue.row_count > 1
        await pilot.press("down")
        await settle(pilot)
        assert screen.selected_reminder() == screen.reminders[1]


async def test_tab_switches_tabs_from_inside_a_table(make_app) -> None:
    from textual.widgets import TabbedContent

    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        tabs = screen.query_one(TabbedContent)
        overdue = screen.query_one("#overdue-table", DataTable)
        overdue.focus()
        await pilot.pause()
        assert tabs.active == "team"
        await pilot.press("tab")
        await settle(pilot)
        assert tabs.active == "figures"
        await pilot.press("tab")
        await settle(pilot)
        assert tabs.active == "team"
        # Back on the team, the keys move in the team table again.
        assert app.focused is screen.query_one("#team-table", DataTable)


def _owner_of(demo_url: str, reminder_id: int) -> tuple[str] | None:
    with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
        return db.execute("SELECT k.name FROM reminder r JOIN caller k ON k.id = r.owner_id "
                          "WHERE r.id = ?", (reminder_id,)).fetchone()


async def test_the_caller_to_reassign_to_is_picked_with_the_arrows(make_app,
                                                                  demo_url: str) -> None:
    from cockpit.tui.screens.picker import PickerModal

    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        first = screen.reminders[0]
        names = [r.name for r in screen.team.rows]
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, PickerModal)
        target = next(i for i, n in enumerate(names) if n != "Melissa")
        await pilot.press(*["down"] * target, "enter")
        await settle(pilot)
        assert app.screen is screen
    assert _owner_of(demo_url, first.id) == (names[target],)


async def test_typing_a_few_letters_narrows_the_callers_to_pick(make_app,
                                                               demo_url: str) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        first = screen.reminders[0]
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"soph", "enter")
        await settle(pilot)
    assert _owner_of(demo_url, first.id) == ("Sophie",)


async def test_a_contact_goes_to_a_callers_portfolio_picked_from_the_list(
        make_app, demo_url: str) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        first = next(r for r in screen.reminders if r.contact_id is not None)
        names = [r.name for r in screen.team.rows]
        await pilot.press("o")
        await settle(pilot)
        # The list: "nobody" first, then the team in its order.
        await pilot.press(*["down"] * (names.index("Karim") + 1), "enter")
        await settle(pilot)
        with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
            owner = db.execute("SELECT k.name FROM contact c JOIN caller k "
                               "ON k.id = c.owner_id WHERE c.id = ?",
                               (first.contact_id,)).fetchone()
        assert owner == ("Karim",)
        with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
            # Its reminder went with it (issue 17): Karim's now, out of this caller's list.
            assert db.execute("SELECT k.name FROM reminder r JOIN caller k "
                              "ON k.id = r.owner_id WHERE r.id = ?",
                              (first.id,)).fetchone() == ("Karim",)
        # And back to everyone, from Karim's reminders: the first line of the list.
        screen.query_one("#team-table", DataTable).move_cursor(row=names.index("Karim"))
        await settle(pilot)
        ids = [r.id for r in screen.reminders]
        assert first.id in ids
        screen.query_one("#overdue-table", DataTable).move_cursor(row=ids.index(first.id))
        await settle(pilot)
        chosen = screen.selected_reminder()
        assert chosen is not None and chosen.id == first.id
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
        owner = db.execute("SELECT owner_id FROM contact WHERE id = ?",
                           (chosen.contact_id,)).fetchone()
    assert owner == (None,)


async def test_a_review_left_is_closed_and_the_next_opens_afresh(make_app) -> None:
    """Escape leaves the review for the cockpit, call intact; the review read nothing more
    while the cockpit is in front, and `g` opens a new one, on today, as the first time."""
    from cockpit.tui.screens.caller import CallerScreen
    from cockpit.tui.screens.review import TeamLoaded

    seen: list[object] = []
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("a")  # a call on, then the review over it
        await settle(pilot)
        cockpit = app.screen
        assert isinstance(cockpit, CallerScreen) and cockpit.call is not None
        call = cockpit.call
        first = await _open_review(app, pilot)
        today = str(first.query_one("#review-title").render())
        await pilot.press("tab", "left_square_bracket")  # the figures of the day before
        await settle(pilot)
        assert str(first.query_one("#review-title").render()) != today
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is cockpit and cockpit.call == call
        seen.clear()
        await pilot.pause(TEAM_EVERY + 0.5)
        await settle(pilot)
        assert not [m for m in seen if isinstance(m, TeamLoaded)]
        again = await _open_review(app, pilot)
        assert again is not first
        assert str(again.query_one("#review-title").render()) == today
        assert again.query_one("TabbedContent").active == "team"
