"""Free notes during the call. Changes are handed on after a short pause in the typing, and
at the latest MAX_WAIT_SECONDS after the first change not yet handed on: a caller who never
pauses still has their draft on the disk every half second."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from cockpit.domain.text import printable
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.text import data_text

if TYPE_CHECKING:
    from textual.widgets import TextArea

# A pause this long hands the draft on; typing without a pause hands it on anyway once the
# oldest change waits MAX_WAIT_SECONDS, so a kill -9 loses at most the last half second.
DEBOUNCE_SECONDS = 0.3
MAX_WAIT_SECONDS = 0.5


class NotesPane(Vertical):
    """Notes are typed during a call: the text area comes with the first one (or with a
    draft to put back), which spares every start its loading and drawing."""

    app = getters.app(CockpitApp)

    class DraftChanged(Message):
        def __init__(self, text: str, seq: int) -> None:
            super().__init__()
            self.text = text
            self.seq = seq  # rises with each draft handed on: a save finishing late never wins

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None  # the pause in the typing
        self._deadline: Timer | None = None  # the maximum wait, not moved by typing
        self._seq = 0
        self._saved_text = ""
        self._status = ""
        self._area: TextArea | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="notes-status")
        yield Static("", id="notes-idle")

    def on_mount(self) -> None:
        self.set_status("notes.empty")

    @property
    def text(self) -> str:
        return self._area.text if self._area is not None else ""

    def _text_area(self, text: str = "") -> TextArea:
        if self._area is None:
            from cockpit.tui.widgets.note_area import NoteArea

            self._area = NoteArea(text, id="notes-text")
            self.query_one("#notes-idle", Static).remove()
            self.mount(self._area)
        return self._area

    def load(self, text: str) -> None:
        """Put back a saved draft without counting it as a change (its control characters
        shown: a draft is read from a file, which anything may have written)."""
        self._stop_timers()
        text = printable(text, multiline=True)
        self._saved_text = text
        if self._area is None:
            self._text_area(text)
        else:
            self._area.load_text(text)
        self._area_end()
        self.set_status("notes.saved" if text else "notes.empty")

    def take(self, text: str) -> None:
        """What is typed for this call in another field (the end form's note): kept as the
        draft the same way, within half a second."""
        area = self._text_area()
        if area.text != text:
            area.load_text(text)
            self._area_end()
        self._typed()

    def _area_end(self) -> None:
        if self._area is not None:  # a note put back is added to, not typed in front of
            self._area.move_cursor(self._area.document.end)

    def set_status(self, key: str, **params: object) -> None:
        text = self.app.tr(key, **params)
        if text != self._status:  # typing repeats the same status: don't redraw it per key
            self._status = text
            self.query_one("#notes-status", Static).update(data_text(text))

    def focus_text(self) -> None:
        focus_now(self._text_area())

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._typed()

    def _typed(self) -> None:
        if self.text == self._saved_text:  # a loaded draft, not a keystroke
            return
        self.set_status("notes.typing")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._flush)
        if self._deadline is None:
            self._deadline = self.set_timer(MAX_WAIT_SECONDS, self._flush)

    def _stop_timers(self) -> None:
        for timer in (self._timer, self._deadline):
            if timer is not None:
                timer.stop()
        self._timer = self._deadline = None

    def _flush(self) -> None:
        self._stop_timers()
        self._saved_text = self.text
        self._seq += 1
        self.post_message(self.DraftChanged(self.text, self._seq))

    def hand_on(self) -> None:
        """What is typed and not yet handed on, now (the cockpit is closing)."""
        if self._area is not None and self.text != self._saved_text:
            self._flush()

    def flush_now(self) -> str:
        """Hand on what is typed right away (end of call, quit)."""
        self._stop_timers()
        return self.text
