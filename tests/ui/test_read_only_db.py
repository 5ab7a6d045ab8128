"""A database file its owner made read-only (0400): the cockpit opens it to look, says so at
start and in the top bar, and each refused write says so in plain words, never SQLite's."""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import settle
from tests.ui.test_hostile_data import _screen_text

REFUSED = "Base en lecture seule\u00a0: rien n'a été enregistré."


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_read_only_database_is_said_and_its_refusals_are_clear(make_app,
                                                                       demo_url: str) -> None:
    path = Path(demo_url.removeprefix("sqlite:///"))
    path.chmod(0o400)
    try:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            notices = _messages(app)
            assert any("lecture seule" in m and str(path) in m for m in notices), notices
            assert "lecture seule" in _screen_text(app).splitlines()[0]  # the top bar

            await pilot.press("a")  # a call takes a claim: a write, refused
            await settle(pilot)
            said = _messages(app)[len(notices):]
            assert REFUSED in said, said
            assert not any("readonly" in m or "attempt to write" in m for m in _messages(app))
            assert app.is_running and app.screen.call is None

            await pilot.press("s")  # another write (skip): said again, not left silent
            await settle(pilot)
            assert _messages(app).count(REFUSED) == 2
            assert "lecture seule" in _screen_text(app).splitlines()[0]
            assert app.is_running
        assert oct(path.stat().st_mode & 0o777) == "0o400"  # the file left as its owner set it
    finally:
        path.chmod(0o600)


async def test_a_call_resumed_while_another_caller_holds_the_person_greys_its_keys(
        demo_url: str, tmp_path, monkeypatch) -> None:
    """The cockpit died mid-call, the lease ran out, a colleague took the person: on restart
    the call comes back read-only. Its answers, `o` and the fields are greyed (key bar and
    F1), not offered and then refused; ending it (`f`) and notes stay."""
    from datetime import timedelta

    from textual.widgets import Input

    from cockpit.services import open_services
    from cockpit.store import claims
    from cockpit.tui.app import CockpitApp
    from cockpit.tui.screens.help import HelpModal
    from cockpit.tui.widgets.key_bar import KeyBar
    from cockpit.tui.widgets.script_panel import ScriptPanel
    from tests.conftest import FIXED_NOW, PARIS

    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    before = open_services(demo_url, clock=lambda: FIXED_NOW)
    melissa = before.find_caller("Melissa")
    person = before.queue_page(melissa.id, limit=1).rows[0].person
    call = before.start_call(melissa.id, person)
    later = FIXED_NOW + timedelta(minutes=20)
    other = next(c for c in before.callers() if c.id != melissa.id)
    assert claims.claim(person.kind, person.id, other.id, later)

    services = open_services(demo_url, clock=lambda: later)
    app = CockpitApp(services, melissa, clock=lambda: later, display_tz=PARIS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.call is not None and screen.call.call_id == call.call_id
        assert screen.call.held_by == other.name
        enabled = {b.binding.action: b.enabled for b in screen.active_bindings.values()}
        assert enabled["objection"] is False and enabled["choose(1)"] is False
        assert enabled["end_call"] is True and enabled["notes"] is True
        bar = screen.query_one(KeyBar).line()
        disabled = screen.query_one(KeyBar).get_component_rich_style("key-bar--disabled")
        objection = bar.plain.index(" o ")
        assert any(span.start <= objection < span.end and span.style == disabled
                   for span in bar.spans) or bar.style == disabled
        assert all(f.disabled for f in screen.query_one(ScriptPanel).query(Input))
        before_keys = len(app._notifications)
        await pilot.press("1", "o")  # greyed: nothing happens, nothing is refused
        await settle(pilot)
        assert len(app._notifications) == before_keys
        assert app.screen is screen

        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpModal)
        rows = app.screen.query_one("#help-body").content.columns[0]._cells
        greyed = {cell.plain for cell in rows if "dim" in str(cell.style)}
        assert {"o", "1…9"} <= greyed and "f" not in greyed
