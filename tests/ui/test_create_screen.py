"""ctrl+n on the queue: a contact typed by hand, created once; typed again, the one the base
has is offered (and shown) instead of a second one."""

from __future__ import annotations

import sqlite3

from textual.widgets import Input

from cockpit.tui.screens.create_forms import CreateModal
from cockpit.tui.screens.picker import PickerModal
from cockpit.tui.screens.records import PersonRecordScreen
from tests.ui.helpers import settle


def _count(url: str, last_name: str) -> int:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        return db.execute("SELECT COUNT(*) FROM contact WHERE last_name = ?",
                          (last_name,)).fetchone()[0]


def _text_of(renderable: object) -> str:
    from io import StringIO

    from rich.console import Console

    console = Console(width=200, file=StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


async def _type_contact(pilot, app, phone: str = "06 98 76 54 32") -> None:
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(app.screen, PickerModal)
    await pilot.press("down", "enter")  # the second line: a contact
    await settle(pilot)
    assert isinstance(app.screen, CreateModal)
    form = app.screen
    form.query_one("#field-last_name", Input).value = "Vasseur"
    form.query_one("#field-first_name", Input).value = "Odile"
    form.query_one("#field-company", Input).value = "Zébulon Conseil"
    form.query_one("#field-role", Input).value = "Directrice des systèmes d'information"
    form.query_one("#field-mobile_phone", Input).value = phone
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_contact_created_then_offered_instead_of_twice(make_app, demo_url) -> None:
    app = make_app(caller="Karim")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _type_contact(pilot, app)
        assert not isinstance(app.screen, CreateModal)
        assert _count(demo_url, "Vasseur") == 1
        await _type_contact(pilot, app)
        assert isinstance(app.screen, PickerModal)  # the one the base has, with why
        offered = _text_of(app.screen.query_one("#picker-list").get_option_at_index(0).prompt)
        assert "Odile Vasseur" in offered and "même numéro" in offered
        await pilot.press("enter")
        await settle(pilot)
        assert _count(demo_url, "Vasseur") == 1
        assert isinstance(app.screen, PersonRecordScreen)
        assert app.screen.record is not None and app.screen.record.card.name == "Odile Vasseur"


async def test_a_bad_number_is_said_under_its_field_and_the_form_stays(make_app,
                                                                      demo_url) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _type_contact(pilot, app, phone="pas un numéro")
        assert isinstance(app.screen, CreateModal)
        said = str(app.screen.query_one("#field-error-mobile_phone").render())
        assert "pas un numéro" in said or "chiffre" in said
        assert app.screen.query_one("#field-last_name", Input).value == "Vasseur"
    assert _count(demo_url, "Vasseur") == 0


async def test_escape_at_the_look_alikes_gives_the_form_back_as_typed(make_app,
                                                                     demo_url) -> None:
    app = make_app(caller="Karim")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _type_contact(pilot, app)  # created
        await _type_contact(pilot, app)  # typed again: the look-alike offered
        assert isinstance(app.screen, PickerModal)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CreateModal)
        assert app.screen.query_one("#field-last_name", Input).value == "Vasseur"
        assert app.screen.query_one("#field-company", Input).value == "Zébulon Conseil"
    assert _count(demo_url, "Vasseur") == 1
