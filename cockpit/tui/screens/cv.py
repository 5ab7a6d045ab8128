"""The anonymised CV, to read and correct before it goes: ctrl+s sends it."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from cockpit.domain.text import printable
from cockpit.services.views import CvView
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text


class CvModal(ModalScreen[str | None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "key.send_cv", id="cv.send", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cv.cancel"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, cv: CvView) -> None:
        super().__init__()
        translate_bindings(self)
        self._cv = cv

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        counts = Counter(kind for kind, _, _ in self._cv.removed)
        removed = ", ".join(f"{n} {tr('cv.kind.' + k)}" for k, n in sorted(counts.items()))
        with Vertical(id="cv"):
            yield Static(tr("cv.title"), id="cv-title")
            yield Static(data_text(tr("cv.removed", what=removed or tr("cv.nothing"))),
                         id="cv-removed")
            if self._cv.removed:  # each value replaced, for the caller to check it all went
                pairs = " · ".join(dict.fromkeys(f"{original} → {replacement}"
                                                 for _, original, replacement in self._cv.removed))
                yield Static(data_text(tr("cv.replaced", pairs=pairs)), id="cv-replaced")
            yield TextArea(printable(self._cv.text, multiline=True), id="cv-text")
            yield Static(tr("cv.help"), id="cv-help")

    def on_mount(self) -> None:
        focus_now(self.query_one(TextArea))

    def action_send(self) -> None:
        text = self.query_one(TextArea).text
        self.dismiss(text if text.strip() else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
