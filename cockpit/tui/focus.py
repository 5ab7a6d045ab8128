"""Focus at once. `Widget.focus()` waits for the next turn of the event loop, so keys typed
right after "n" would still go to the previous widget (and act as commands)."""

from __future__ import annotations

from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    widget.screen.set_focus(widget)
