"""The agenda at the keyboard: `c` opens it, `+` and `>` move a reminder, and the line moves
with it (read back from the database)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import ListView

from cockpit.tui.screens.agenda import AgendaScreen
from tests.ui.helpers import settle

PARIS = ZoneInfo("Europe/Paris")


def _book(url: str, owner: str, due: datetime) -> int:
    """A callback of `owner`'s on the first decision maker with a direct line."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        (owner_id,) = db.execute("SELECT id FROM caller WHERE name = ?", (owner,)).fetchone()
        (contact_id,) = db.execute("SELECT contact_id FROM phone WHERE contact_id IS NOT NULL "
                                   "ORDER BY id LIMIT 1").fetchone()
        db.execute("DELETE FROM reminder")  # the agenda then holds this one only
        cursor = db.execute(
            "INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, created_at) "
            "VALUES (?, ?, 'callback', '', ?, '2026-11-20 09:00:00')",
            (owner_id, contact_id, due.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:%M:%S")))
        return int(cursor.lastrowid or 0)


def _due(url: str, reminder_id: int) -> tuple[datetime, int]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        due, sequence = db.execute("SELECT due_at, sequence FROM reminder WHERE id = ?",
                                   (reminder_id,)).fetchone()
    return (datetime.fromisoformat(due).replace(tzinfo=ZoneInfo("UTC")).astimezone(PARIS),
            sequence)


async def _choose(pilot, reminder_id: int) -> None:
    screen = pilot.app.screen
    listing = screen.query_one("#agenda-list", ListView)
    rows = list(listing.children)
    listing.index = next(i for i, r in enumerate(rows)
                         if getattr(r, "item", None) and r.item.id == reminder_id)
    await settle(pilot)


async def test_plus_and_week_keys_move_a_reminder_and_its_line(make_app, demo_url: str) -> None:
    # FIXED_NOW is Monday 23 November 2026, 10:42 in Paris.
    reminder_id = _book(demo_url, "Melissa", datetime(2026, 11, 27, 14, 0, tzinfo=PARIS))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("w")  # the week: Monday 23 to Sunday 29
        await settle(pilot)
        await _choose(pilot, reminder_id)
        await pilot.press("plus")  # Friday + a working day: Monday 30, same time
        await settle(pilot, 6)
        assert _due(demo_url, reminder_id) == (datetime(2026, 11, 30, 14, 0, tzinfo=PARIS), 1)
        # Out of this week: the agenda followed it to the next, the cursor still on it.
        view = app.screen.view
        assert view is not None and view.first.isoformat() == "2026-11-30"
        (item,) = [i for i in view.items if i.id == reminder_id]
        assert item.day.isoformat() == "2026-11-30" and not item.overdue
        assert app.screen.chosen() == item
        # Typed fast: a week on, then a working day back, one after the other.
        await pilot.press("greater_than_sign", "minus")
        await settle(pilot, 8)
        assert _due(demo_url, reminder_id) == (datetime(2026, 12, 4, 14, 0, tzinfo=PARIS), 3)
        (item,) = [i for i in app.screen.view.items if i.id == reminder_id]
        assert item.day.isoformat() == "2026-12-04"


async def test_an_overdue_reminder_is_shown_red_first(make_app, demo_url: str) -> None:
    reminder_id = _book(demo_url, "Melissa", datetime(2026, 11, 19, 9, 0, tzinfo=PARIS))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot, 6)
        rows = [r for r in app.screen.query_one("#agenda-list", ListView).children
                if getattr(r, "item", None)]
        assert rows[0].item.id == reminder_id and rows[0].has_class("overdue")
        await pilot.press("minus")  # back into the past: refused, nothing moves
        await settle(pilot, 6)
        assert _due(demo_url, reminder_id)[1] == 0


async def test_the_palette_opens_the_agenda(make_app) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *list("agenda"))
        await settle(pilot, 6)
        await pilot.press("enter")
        await settle(pilot, 6)
        assert isinstance(app.screen, AgendaScreen)
        title = str(app.screen.query_one("#agenda-title").render())
        assert "Melissa's agenda" in title
