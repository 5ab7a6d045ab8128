"""Moments typed in the cockpit's forms: garbage, a past day, year 1 or 9999 are said in the
form, where they can be corrected; nothing is booked and the cockpit stays up."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input

from cockpit.tui.screens.form import FormModal
from tests.ui.helpers import settle


def _open_reminders(demo_url: str, kind_id: tuple[str, int]) -> list[str]:
    db = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
    column = "contact_id" if kind_id[0] == "contact" else "freelance_id"
    rows = db.execute(f"SELECT due_at FROM reminder WHERE {column} = ? AND done_at IS NULL",
                      (kind_id[1],)).fetchall()
    db.close()
    return sorted(str(r[0]) for r in rows)


@pytest.mark.parametrize(("typed", "said"), [
    ("n'importe quoi", "n'est pas une date"),
    ("01/01/0001", "déjà passé"),
    ("01/01/2020 10h", "déjà passé"),
    ("31/12/9999 23:59", "plus de dix ans"),
    ("32/13", "n'est pas une date"),
])
async def test_a_snooze_to_a_moment_that_cannot_be_is_refused_in_the_form(
        make_app, demo_url: str, typed: str, said: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        person = app.screen.highlighted
        before = _open_reminders(demo_url, (person.kind, person.id))
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        app.screen.query_one("#field-until", Input).value = typed
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)  # still open, to correct
        assert said in str(app.screen.query_one("#field-error-until").render())
        app.screen.query_one("#field-until", Input).value = "demain 10h"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormModal)
    after = _open_reminders(demo_url, (person.kind, person.id))
    assert after != before and all(due.startswith("2026-") for due in after)


@pytest.mark.parametrize(("field", "pasted", "said"), [
    ("email", "a" * 1_000_000 + "@exemple.fr", "n'est pas une adresse e-mail"),
    ("last_name", "B" * 100_000, "100000 caractères"),
], ids=["email-1MB", "name-100kB"])
async def test_a_huge_paste_into_the_card_is_refused_in_the_form_and_quoted_short(
        make_app, demo_url: str, field: str, pasted: str, said: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        person = app.screen.highlighted
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        app.screen.query_one(f"#field-{field}", Input).value = pasted
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)  # still open, to correct
        message = str(app.screen.query_one(f"#field-error-{field}").render())
        assert said in message.replace("\u202f", "").replace("\u00a0", "")
        assert len(message) < 200
    db = sqlite3.connect(demo_url.removeprefix("sqlite:///"))
    longest = db.execute("SELECT MAX(LENGTH(email)), MAX(LENGTH(last_name)) FROM contact "
                         "WHERE id = ?", (person.id,)).fetchone()
    assert max(longest) < 100
