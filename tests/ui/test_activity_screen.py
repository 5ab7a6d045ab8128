"""The old CRM's lists at the keyboard: `l` from the queue, filters typed, a line put in my
queue, the private list, and the do-not-call list for the lead only."""

from __future__ import annotations

import sqlite3

from textual.widgets import Input

from cockpit.tui.screens.activity import ActivityScreen
from cockpit.tui.widgets.quick_list import QuickOptionList
from tests.ui.helpers import settle


def _title(app) -> str:
    return str(app.screen.query_one("#activity-title").render())


async def test_silent_decision_makers_filtered_then_one_put_in_my_queue(make_app,
                                                                       demo_url) -> None:
    app = make_app(caller="Karim")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActivityScreen)
        assert "Activité générale" in _title(app) and "90 jours" in _title(app)
        everyone = len(screen._lines)
        assert everyone > 1
        days = screen.query_one("#activity-days", Input)
        days.value = "400"  # nobody in the demo is silent that long
        await pilot.pause(0.5)
        await settle(pilot)
        assert screen._lines == [] and "0 DO" in _title(app)
        days.value = "90"
        company = screen.query_one("#activity-company", Input)
        first_company = None
        await pilot.pause(0.5)
        await settle(pilot)
        first_company = screen._lines[0].company
        company.value = first_company[:4].upper()
        await pilot.pause(0.5)
        await settle(pilot)
        assert screen._lines and all(first_company[:4].lower() in r.company.lower()
                                     for r in screen._lines)
        chosen = screen._lines[0]
        screen.query_one("#activity-list", QuickOptionList).focus()
        await pilot.press("m")
        await settle(pilot)
    with sqlite3.connect(demo_url.removeprefix("sqlite:///")) as db:
        booked = db.execute(
            "SELECT COUNT(*) FROM reminder r JOIN caller k ON k.id = r.owner_id WHERE"
            " k.name = 'Karim' AND r.contact_id = ? AND r.done_at IS NULL",
            (chosen.person.id,)).fetchone()[0]
    assert booked == 1


async def test_a_bad_number_of_days_is_said_and_nothing_read(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        before = list(screen._lines)
        screen.query_one("#activity-days", Input).value = "0"
        await pilot.pause(0.5)
        await settle(pilot)
        assert "1 à 3650" in str(screen.query_one("#activity-problem").render())
        assert screen._lines == before  # the last good list stays


async def test_tab_goes_through_private_then_do_not_call_for_the_lead_only(make_app) -> None:
    lead = make_app(caller="Melissa")
    async with lead.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert "Activité privée" in _title(lead)
        await pilot.press("tab")
        await settle(pilot)
        assert "Ne pas appeler" in _title(lead) and lead.screen._lines
        await pilot.press("tab")
        await settle(pilot)
        assert "Activité générale" in _title(lead)
    caller = make_app(caller="Karim")
    async with caller.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert "Activité privée" in _title(caller)
        assert caller.screen._lines  # Karim's own portfolio
        await pilot.press("tab")
        await settle(pilot)
        assert "Activité générale" in _title(caller)  # no do-not-call list for a caller
        assert caller.screen.check_action("give", ()) is False


async def test_the_chosen_line_stays_chosen_when_the_list_is_read_again(make_app) -> None:
    app = make_app(caller="Karim")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "down", "down")
        await settle(pilot)
        chosen = screen._selected()
        await pilot.press("m")  # into my queue: the list is read again
        await settle(pilot)
        assert screen._selected() == chosen
        await pilot.press("m")  # the same person again: nothing doubled, still chosen
        await settle(pilot)
        assert screen._selected() == chosen
