"""Focus at once, and keys typed in a burst taken in the order they were typed.

`Widget.focus()` waits for the next turn of the event loop, so keys typed right after "n"
would still go to the previous widget (and act as commands)."""

from __future__ import annotations

import sys
from collections import deque
from functools import partial
from time import monotonic
from typing import Any
from weakref import WeakKeyDictionary, WeakSet

from textual import events
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input, OptionList

# How often to look whether a key is still on its way through a field, and the longest wait
# for it: a field removed meanwhile never answers, and the keys held behind it go on then.
# A field still on screen is waited for: on a loaded machine the loop can stall for longer
# than a look (the CI lost a Backspace so, typed before letters that went on without it).
_LONGEST_WAIT = 0.5
_GIVE_UP = 5.0


def focus_now(widget: Widget) -> None:
    widget.screen.set_focus(widget)


def move_highlight(options: OptionList, step: int) -> None:
    """The arrows of a picker whose filter field keeps the focus: the list's highlight moves,
    held at its ends."""
    if options.option_count:
        current = options.highlighted or 0
        options.highlighted = max(0, min(options.option_count - 1, current + step))


def _is_text_field(widget: Widget | None) -> bool:
    if isinstance(widget, Input):
        return True
    # Not imported here: Textual's TextArea costs the first frame ~10 ms of imports (its
    # document, themes, tree-sitter) and no widget of the first screen is one. Until some
    # screen imports it, no widget can be one.
    text_area = sys.modules.get("textual.widgets._text_area")
    return (text_area is not None and isinstance(widget, text_area.TextArea)
            and not widget.read_only)


class TypedInOrder:
    """Keys of a burst (a fast typist, a slow machine) taken in the order they were typed.

    The App hands every key of a burst to the widget focused when the key is read, before
    any of them is handled, and acts on a key's bindings only once it has come back up
    through the widgets. So in a text field, Backspace, Delete or an arrow typed before
    letters acted after them ("ab⌫o" gave "abo"); and after a key that moved the focus
    ("n" for the notes, Tab, "e", "r"), the keys that follow were handed to the old widget:
    they come back unread and were lost, taken for commands, or acted on the new field
    before the letters typed ahead of them were in it (a step's "Dev Java⏎Backend" went
    whole into one field, entered empty). Here, a key that went astray is typed again on
    the field that has the focus, and a key other than a letter, handed to a text field,
    is seen through — the field, then its bindings — before the next key is handed out."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._read_by: WeakKeyDictionary[events.Key, Widget | None] = WeakKeyDictionary()
        self._again: WeakSet[events.Key] = WeakSet()  # typed again once already
        self._held: deque[events.Key] = deque()
        self._waiting_for: events.Key | None = None

    async def take(self, key: events.Key) -> bool:
        """True when the key is dealt with here; False: Textual's usual way."""
        app = self._app
        if key is self._waiting_for and key.is_forwarded:
            await App.on_event(app, key)  # back through the widgets: its bindings now
            await self._go_on(key)
            return True
        if self._waiting_for is not None:
            self._held.append(key)
            return True
        focused = app.focused
        if key.is_forwarded:
            if key in self._again or not _is_text_field(focused):
                return False
            read_by = self._read_by.get(key, None if key.is_printable else focused)
            if read_by is focused:
                return False  # the field itself left it: Textual's way
            typed_at = key.time
            key = events.Key(key.key, key.character)  # astray: typed again, now
            key.time = typed_at  # …but typed when it was (see screens/confirm.py)
            self._again.add(key)
        elif key.is_printable or not _is_text_field(focused):
            self._read_by[key] = focused
            return False
        self._read_by[key] = focused
        await App.on_event(app, key)  # a priority binding, or handed to the field
        if key.is_forwarded and not key.is_printable and focused is not None:
            self._see_through(key, focused)
        return True

    def _see_through(self, key: events.Key, field: Widget) -> None:
        self._waiting_for = key
        app = self._app
        # Runs once the field has handled the key: kept there (Enter in the notes), the
        # next keys go on; left unread, it is on its way up to the App's bindings.
        if not field.call_later(app.call_later, self._landed, key):
            app.call_later(self._go_on, key)
        self._look_later(key, field, monotonic())

    def _look_later(self, key: events.Key, field: Widget, since: float) -> None:
        self._app.set_timer(_LONGEST_WAIT, partial(self._look, key, field, since))

    def _look(self, key: events.Key, field: Widget, since: float) -> None:
        """Still waiting for `key`: wait on while its field is on screen and the key was not
        stopped on its way up (by a widget above the field), up to _GIVE_UP."""
        if self._waiting_for is not key:
            return
        if field.is_attached and not key._stop_propagation \
                and monotonic() - since < _GIVE_UP:
            self._look_later(key, field, since)
            return
        self._app.call_later(self._go_on, key)

    async def _landed(self, key: events.Key) -> None:
        if key._stop_propagation:
            await self._go_on(key)

    async def _go_on(self, key: events.Key) -> None:
        if self._waiting_for is not key:
            return  # gone on already
        self._waiting_for = None
        while self._held and self._waiting_for is None:
            await self._app.on_event(self._held.popleft())
