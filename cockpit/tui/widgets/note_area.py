"""A text area the caller types in (a note, a CV to correct): what is typed or pasted past
its limit is not taken, and the caller is told so (once every few seconds, not on every
key). Textual's undo keeps a copy of the line per edit: without a limit, 1 MB pasted or
typed on one line held ~80 MB."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import getters
from textual.widgets import TextArea

from cockpit.domain.text import NOTE_LIMIT, grouped
from cockpit.tui.app import CockpitApp

if TYPE_CHECKING:  # names only: the text area's own module exports them
    from textual.widgets.text_area import EditResult, Location

_TOLD_EVERY = 3.0  # seconds between two warnings while the caller keeps typing


class NoteArea(TextArea):
    app = getters.app(CockpitApp)

    def __init__(self, text: str = "", *, id: str | None = None, soft_wrap: bool = True,
                 show_line_numbers: bool = False, limit: int = NOTE_LIMIT,
                 said: str = "notes.full") -> None:
        super().__init__(text, id=id, soft_wrap=soft_wrap, show_line_numbers=show_line_numbers)
        self.limit = limit
        self._said = said  # the catalogue's words for "full"
        self._told = -_TOLD_EVERY

    def _replace_via_keyboard(self, insert: str, start: Location,
                              end: Location) -> EditResult | None:
        """Every key, paste and cut of the caller comes through here (Textual's TextArea;
        tests/ui/test_note_limit.py fails if that changes)."""
        if insert and not self.read_only:
            replaced = len(self.get_text_range(start, end))
            room = self.limit - (len(self.text) - replaced)
            if len(insert) > room:
                insert = insert[:max(room, 0)]
                self._tell()
                if not insert and start == end:
                    return None
        return super()._replace_via_keyboard(insert, start, end)

    def _tell(self) -> None:
        now = time.monotonic()
        if now - self._told >= _TOLD_EVERY:
            self._told = now
            tr = self.app.tr
            self.app.notify(tr(self._said, limit=grouped(self.limit, tr.lang)),
                            severity="warning")
