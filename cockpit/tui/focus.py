"""Focus at once. `Widget.focus()` waits for the next turn of the event loop, so keys typed
right after "n" would still go to the previous widget (and act as commands)."""

from __future__ import annotations

from weakref import WeakSet

from textual import events
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea


def focus_now(widget: Widget) -> None:
    widget.screen.set_focus(widget)


def move_highlight(options: OptionList, step: int) -> None:
    """The arrows of a picker whose filter field keeps the focus: the list's highlight moves,
    held at its ends."""
    if options.option_count:
        current = options.highlighted or 0
        options.highlighted = max(0, min(options.option_count - 1, current + step))


def stray_key_target(key: events.Key, focused: Widget | None) -> Widget | None:
    """The text field a key typed in a burst belongs to, when it went astray.

    The App hands every key of a burst (a fast typist, a slow machine) to the widget focused
    when the key is read, before any of them is handled. When one of them moves the focus
    into a text field ("n" for the notes, "e", "r"), the characters after it are still
    handed to the old widget, bubble up unread and would be lost, or act as commands. A
    printable key reaching the App while a text field has the focus is one of those: a
    field keeps every printable key it receives."""
    if not key.is_printable or key in _REDELIVERED:
        return None
    if isinstance(focused, Input) or (isinstance(focused, TextArea) and not focused.read_only):
        return focused
    return None


# Keys handed on once already, kept apart (a Key event has no attribute for the mark).
_REDELIVERED: WeakSet[events.Key] = WeakSet()


def redeliver(key: events.Key, target: Widget) -> None:
    """The key handed to the field that has the focus now, once (never back and forth)."""
    again = events.Key(key.key, key.character)
    _REDELIVERED.add(again)
    target.post_message(again)
