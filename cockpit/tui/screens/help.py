"""F1: the keys and what they do."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from cockpit.tui.localise import translate_bindings


class HelpModal(ModalScreen[None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "key.close", id="help.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Static(id="help-body")

    def on_mount(self) -> None:
        tr = self.app.tr
        table = Table(title=tr("help.title"), expand=True, show_header=False, box=None)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        seen: set[tuple[str, str]] = set()
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        for node in (*below.ancestors_with_self, *below.walk_children()):
            for key, binding in node._bindings:  # every key, shown or not
                row = (binding.key_display or key, binding.description)
                if binding.description and row not in seen:
                    seen.add(row)
                    table.add_row(*row)
        table.add_row("ctrl+p", tr("help.palette"))
        self.query_one("#help-body", Static).update(table)
