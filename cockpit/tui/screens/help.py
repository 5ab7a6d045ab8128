"""F1: the keys and what they do."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from cockpit.tui.app import CockpitApp
from cockpit.tui.localise import key_description, key_name, translate_bindings
from cockpit.tui.text import data_text


class HelpModal(ModalScreen[None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "key.close", id="help.close"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Static(id="help-body")

    def on_mount(self) -> None:
        tr = self.app.tr
        table = Table(title=data_text(tr("help.title")), expand=True, show_header=False, box=None)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        shown: set[str] = set()
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        for node in (*below.ancestors_with_self, *below.walk_children()):
            for key, binding in node._bindings:  # every key, shown or not
                description = key_description(tr, binding.description)
                shown_as = binding.key_display or key_name(tr, key)
                if shown_as.isdigit():  # the answers' digits: one line, "1…9"
                    shown_as = "1…9"
                if description and shown_as not in shown:  # a key once: the nearest meaning
                    shown.add(shown_as)
                    # Greyed when it does not apply now (a call resumed read-only…).
                    action = binding.action.split("(")[0]
                    style = "" if node.check_action(action, ()) else "dim"
                    # Cells as Text: a Rich table reads a string as markup, and "[" is a key.
                    table.add_row(data_text(shown_as, style), data_text(description, style))
        table.add_row(data_text("ctrl+p"), data_text(tr("help.palette")))
        self.query_one("#help-body", Static).update(table)
