"""Yes or no, before something that cannot be undone lightly."""

from __future__ import annotations

import time
from typing import ClassVar

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from cockpit.tui.app import CockpitApp
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text

# Keys that arrive sooner than this after the question opened were typed before it could be
# read (a fast typist's next letters, "d" then "o" of a word typed in the wrong place): they
# answer nothing. A person reading the question takes longer than this.
TYPED_AHEAD = 0.4  # seconds


class ConfirmModal(ModalScreen[bool]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o,y", "answer(True)", "key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "key.no", id="confirm.no"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, question: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._question = question
        self._opened = time.monotonic()

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(data_text(self._question), id="confirm-question")
            yield Static(self.app.tr("confirm.help"), id="confirm-help")

    def on_mount(self) -> None:
        self._opened = time.monotonic()

    def action_answer(self, yes: bool) -> None:
        # When the key was typed, not when it is handled: on a busy machine a key typed in the
        # same stroke as the one that asked can be handled well after the question shows.
        typed_at = self.app.key_time or time.monotonic()
        if yes and typed_at - self._opened < TYPED_AHEAD:
            self.app.bell()  # typed ahead: not an answer (a "no" is always taken at once)
            return
        self.dismiss(yes)
