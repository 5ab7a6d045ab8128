"""Helpers the UI tests share."""

from __future__ import annotations

from textual.pilot import Pilot


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
