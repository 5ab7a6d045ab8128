"""The keys that apply now, on the bottom line.

Textual's Footer rebuilds one widget per key (each restyled twice) every time the bindings
change, and they change whenever the cursor moves in the queue or a call starts: about a
fifth of the time to the first screen went there. This bar is one widget whose line of text
is replaced, and only when it reads differently."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key", "key-bar--description", "key-bar--disabled",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._line: Text | None = None
        self._pending = False
        self._spans: list[tuple[int, int, str]] = []  # columns of each key shown, and its key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._show()

    def on_click(self, event: events.Click) -> None:
        # A click on a key does what pressing it does (as on Textual's footer).
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return

    def _bindings_changed(self, screen: Screen) -> None:
        # Several changes in one burst (focus, then the highlighted row) make one update.
        if not self._pending and self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._show)

    def _show(self) -> None:
        self._pending = False
        if not self.is_attached:  # its screen was closed before the refresh came
            return
        line = self.line()
        if line != self._line:
            self._line = line
            self.update(line)

    def line(self) -> Text:
        """What the bar reads now: each shown key once, by action, in the screen's order;
        when they do not all fit, the first ones, then "…" and the help key (which lists
        them all); the command palette's key on the right when there is room. Notes where
        each key is, for clicks."""
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        entries: list[tuple[Text, str]] = []  # the entry, the key a click on it presses
        help_entry: tuple[Text, str] | None = None
        seen: set[str] = set()
        bindings = self.screen.active_bindings
        for pressed, (_node, binding, enabled, _tooltip) in bindings.items():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            key = f" {self.app.get_key_display(binding)} "
            if enabled:
                text = Text.assemble((key, key_style), (f"{binding.description} ",
                                                        description_style))
            else:
                text = Text(f"{key}{binding.description} ", style=disabled_style)
            entry = (text, pressed if enabled else "")
            if binding.action == "help":
                help_entry = entry
            else:
                entries.append(entry)
        width = self.size.width
        shown = [*entries, *([help_entry] if help_entry is not None else [])]
        if width and sum(text.cell_len for text, _ in shown) > width:
            more = (Text(" … ", style=description_style), "")
            room = width - more[0].cell_len - (help_entry[0].cell_len if help_entry else 0)
            shown = []
            for entry in entries:
                if entry[0].cell_len > room:
                    break
                shown.append(entry)
                room -= entry[0].cell_len
            shown.append(more)
            if help_entry is not None:
                shown.append(help_entry)
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            _node, binding, _enabled, _tooltip = palette
            right = Text.assemble((f" {self.app.get_key_display(binding)} ", key_style),
                                  (f"{binding.description} ", description_style))
            room = width - sum(text.cell_len for text, _ in shown) - right.cell_len
            if room >= 1:
                shown += [(Text(" " * room), ""), (right, self.app.COMMAND_PALETTE_BINDING)]
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        for text, pressed in shown:
            if pressed:
                self._spans.append((line.cell_len, line.cell_len + text.cell_len, pressed))
            line.append_text(text)
        return line
