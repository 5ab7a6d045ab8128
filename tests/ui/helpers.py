"""Helpers the UI tests share."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.pilot import Pilot

_CHARACTERS = {"backspace": "\x7f", "enter": "\r", "tab": "\t", "left": None, "escape": "\x1b",
               "ctrl+p": "\x10", "ctrl+q": "\x11", "ctrl+s": "\x13", "pagedown": None,
               "pageup": None, "down": None, "up": None}


def burst(app: App[object], *keys: str) -> None:
    """The keys posted to the App at once, as its terminal driver does with one read."""
    for key in keys:
        for name in ([key] if key in _CHARACTERS else list(key)):
            app.post_message(events.Key(name, _CHARACTERS.get(name, name)))


async def settle(pilot: Pilot[object], rounds: int = 3) -> None:
    """Let the app finish what a key or a start set off: its messages, then the workers they
    started, then the messages those post (a queue load starts a card load…), `rounds` deep.
    Also a snapshot's `run_before`."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def answer_yes(pilot: Pilot[object]) -> None:
    """Say yes to the question on screen as a person does: after reading it (a key typed
    sooner is taken as typed ahead, see tui/screens/confirm.py)."""
    from cockpit.tui.screens.confirm import TYPED_AHEAD

    await pilot.pause(TYPED_AHEAD + 0.05)
    await pilot.press("o")


async def start_call(pilot: Pilot[object]) -> None:
    """From the first screen, the call of the first person in the queue ("a")."""
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)


async def reach_need_step(pilot: Pilot[object]) -> None:
    """From a call just started, on to "Qualifier le besoin": through the switchboard when
    the person is reached through one, then "a need exists" (3)."""
    from cockpit.tui.widgets.script_panel import ScriptPanel

    panel = pilot.app.screen.query_one(ScriptPanel)
    assert panel.call is not None
    if panel.call.breadcrumb[-1].endswith("Demander le DO"):
        await pilot.press("1")
        await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    assert panel.call.breadcrumb[-1].endswith("Qualifier le besoin")
