"""The objection heard: type a few letters, pick it, Enter. Returns its id."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.services.views import ObjectionView
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import move_highlight
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text, fold


def fuzzy_score(query: str, objection: ObjectionView) -> int | None:
    """None when it does not match; lower is better. Every typed word must appear, as a
    prefix of a word or as letters in order ("fourn" and "dj frn" both find "déjà fournisseurs")."""
    words = fold(query).split()
    if not words:
        return 0
    haystack = fold(" ".join((objection.label, *objection.heard)))
    tokens = haystack.replace("«", " ").replace("»", " ").split()
    score = 0
    for word in words:
        if any(token.startswith(word) for token in tokens):
            continue
        position = 0
        for ch in word:
            position = haystack.find(ch, position)
            if position < 0:
                return None
            position += 1
        score += 10 + position // 10
    return score


class ObjectionPicker(ModalScreen[str | None]):
    app = getters.app(CockpitApp)
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="objection.cancel"),
        Binding("down", "move(1)", "key.down", show=False, id="objection.down"),
        Binding("up", "move(-1)", "key.up", show=False, id="objection.up"),
    ]

    def __init__(self, objections: list[ObjectionView]) -> None:
        super().__init__()
        translate_bindings(self)
        self._objections = objections

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(self.app.tr("objection.title"), id="picker-title")
            yield Input(placeholder=self.app.tr("objection.filter"), id="picker-filter")
            yield OptionList(id="picker-list")
            yield Static("", id="picker-reply")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        scored = [(s, i, o) for i, o in enumerate(self._objections)
                  if (s := fuzzy_score(query, o)) is not None]
        scored.sort(key=lambda item: (item[0], item[1]))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(data_text(o.label), id=o.id) for _, _, o in scored])
        if scored:
            options.highlighted = 0
        self._show_reply()

    def _show_reply(self) -> None:
        options = self.query_one(OptionList)
        reply = self.query_one("#picker-reply", Static)
        index = options.highlighted
        if index is None or options.option_count == 0:
            reply.update(Text(self.app.tr("objection.none"), style="dim"))
            return
        chosen = options.get_option_at_index(index).id
        objection = next(o for o in self._objections if o.id == chosen)
        reply.update(data_text(objection.reply, "italic", multiline=True))

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._show_reply()

    def action_move(self, step: int) -> None:
        move_highlight(self.query_one(OptionList), step)

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self, _: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
