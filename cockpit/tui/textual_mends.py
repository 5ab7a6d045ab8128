"""Mends of Textual's own widgets, each for a crash a user met (found by a seeded monkey in
a real terminal), until Textual carries the fix."""

from __future__ import annotations

from typing import Any


def mend_option_list_pages() -> None:
    """PageUp/PageDown in a list not laid out yet (no height: the palette opened in a very
    small terminal, or the page key read in the same burst as the key that opened it) read
    a line that does not exist: KeyError, the cockpit closed. Nothing to move then."""
    from textual.widgets import OptionList

    move = OptionList._move_page
    if getattr(move, "mended", False):
        return

    def _move_page(self: OptionList, direction: Any) -> None:
        if (self.highlighted or 0) in self._index_to_line:
            move(self, direction)

    _move_page.mended = True  # type: ignore[attr-defined]  # marks the mend: once only
    OptionList._move_page = _move_page  # type: ignore[method-assign]  # the mend itself


def mend_command_palette_keys() -> None:
    """Up, Down, PageUp… read in the same burst as ctrl+p, before the palette has made its
    list (or as it closes), looked the list up and found none: NoMatches, the cockpit
    closed. Nothing to move then."""
    from textual.command import CommandList, CommandPalette

    if getattr(CommandPalette._action_cursor_down, "mended", False):
        return
    for name in ("_action_cursor_down", "_action_command_list"):
        action = getattr(CommandPalette, name)

        def _when_listed(self: CommandPalette, *args: Any, _action: Any = action) -> None:
            if self.query(CommandList):
                _action(self, *args)

        _when_listed.mended = True  # type: ignore[attr-defined]  # marks the mend: once only
        setattr(CommandPalette, name, _when_listed)
