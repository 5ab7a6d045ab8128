"""Pick one of a short list (the team's callers): the arrows and Enter, or a few letters
typed to narrow it first. Returns the chosen key, None when cancelled."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.domain.text import printable
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now, move_highlight
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text, fold


class Choice(NamedTuple):
    key: str  # what the picker returns
    label: str  # what it shows, and what typing narrows
    note: str = ""  # shown dimmed after the label ("current owner"), not searched


def matches(typed: str, label: str) -> bool:
    """Every typed word starts a word of the label, accents and case aside ("soph" finds
    "Sophie", "ma d" finds "Marc Durand")."""
    words = fold(label).split()
    return all(any(w.startswith(t) for w in words) for t in fold(typed).split())


class PickerModal(ModalScreen[str | None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="picker.cancel"),
        Binding("down", "move(1)", "key.down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "key.up", show=False, id="picker.up"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, title: str, choices: list[Choice]) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._choices = choices
        self._shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        with Vertical(id="picker"):
            yield Static(data_text(self._title), id="picker-title")  # may name a person
            yield Input(placeholder=tr("picker.filter"), id="picker-filter")
            yield OptionList(id="picker-list")
            yield Static("", id="picker-reply")

    def on_mount(self) -> None:
        self._fill("")
        focus_now(self.query_one(Input))

    def _fill(self, typed: str) -> None:
        self._shown = [c for c in self._choices if matches(typed, c.label)]
        options = self.query_one(OptionList)
        options.clear_options()
        for choice in self._shown:
            line = data_text(choice.label)
            if choice.note:
                line.append(f" · {printable(choice.note)}", style="dim")
            options.add_option(Option(line))
        if self._shown:
            options.highlighted = 0
        empty = Text(self.app.tr("picker.none"), style="dim")
        self.query_one("#picker-reply", Static).update("" if self._shown else empty)

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        move_highlight(self.query_one(OptionList), step)

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self, _: Input.Submitted) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and 0 <= index < len(self._shown):
            self.dismiss(self._shown[index].key)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index].key)

    def action_cancel(self) -> None:
        self.dismiss(None)
