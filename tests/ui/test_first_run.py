"""A new database at the keyboard: the first run names the firm and its first person, then
the cockpit opens for that person, the lead, with an empty queue that says how to begin."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from cockpit.tui.screens.caller import CallerScreen
from cockpit.tui.screens.first_run import FirstRunScreen
from tests.conftest import FIXED_NOW, PARIS
from tests.ui.helpers import settle


def _new_app(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size_hint: str = ""):
    from cockpit.services import open_services
    from cockpit.tui.app import CockpitApp

    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.delenv("COCKPIT_FIRM", raising=False)
    services = open_services(url, clock=lambda: FIXED_NOW)
    assert services.team_is_empty()
    return CockpitApp(services, None, clock=lambda: FIXED_NOW, display_tz=PARIS,
                      suggested_name=size_hint)


async def _type(pilot, text: str) -> None:
    await pilot.press(*list(text))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_empty_database_starts_with_the_first_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    app = _new_app(url, monkeypatch, tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        text = str(app.screen.query_one("#first-run-intro", Static).render())
        assert "chef de l'équipe" in text
        # Enter with nothing typed: the firm's name is asked for, nothing is created.
        await pilot.press("enter", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        error = str(app.screen.query_one("#first-run-error-firm", Static).render())
        assert error == "obligatoire"
        assert app.services.team_is_empty()
        app.screen.query_one("#first-run-firm", Input).focus()
        await _type(pilot, "Acme Conseil")
        await pilot.press("enter")
        await _type(pilot, "Inès Durand")
        await pilot.press("enter")
        await _type(pilot, "ines@acme.fr")
        await pilot.press("enter", "ctrl+s")  # typed fast: the team is created once
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen)
        assert app.caller.name == "Inès Durand" and app.caller.is_lead
        top = str(app.screen.query_one("#top-bar", Static).render())
        assert "Inès Durand" in top
        status = str(app.screen.query_one("#queue-status", Static).render())
        assert "cockpit import contacts" in status
        assert any("Acme Conseil" in n.message for n in app._notifications)
    members = app.services.team_members()
    assert [(m.name, m.first_name, m.last_name, m.email, m.is_lead) for m in members] == [
        ("Inès Durand", "Inès", "Durand", "ines@acme.fr", True)]
    from cockpit.services import open_services

    again = open_services(url, clock=lambda: FIXED_NOW)
    assert again.firm_name == "Acme Conseil"  # the scripts' {firm.name}, from the database


async def test_a_refused_name_is_said_under_its_field_and_nothing_is_created(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    app = _new_app(url, monkeypatch, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _type(pilot, "Acme")
        await pilot.press("enter")
        await _type(pilot, "<script>")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        error = str(app.screen.query_one("#first-run-error-name", Static).render())
        assert "un nom fait de lettres" in error
        assert app.services.team_is_empty()
        from cockpit.services import open_services

        assert open_services(url).firm_name == "Smarteo"  # the firm waits for a valid name
        name = app.screen.query_one("#first-run-name", Input)
        assert name.has_focus
        name.value = ""
        await _type(pilot, "Inès")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen)


async def test_a_refused_email_is_said_in_the_forms_words_not_the_commands(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    app = _new_app(url, monkeypatch, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _type(pilot, "Acme")
        await pilot.press("enter")
        await _type(pilot, "Inès")
        await pilot.press("enter")
        await _type(pilot, "pas-un-email")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        error = str(app.screen.query_one("#first-run-error-email", Static).render())
        assert error.replace("\xa0", " ") == "« pas-un-email » n'est pas une adresse e-mail."
        assert "--" not in error  # the services name the command's option; a form has none
        assert app.services.team_is_empty()
