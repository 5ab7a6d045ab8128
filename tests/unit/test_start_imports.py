"""The cockpit's first screen loads only what its first frame shows: every other screen, the
services' parts and the store (peewee) are imported when first used. The start-up is what
a caller notices (bench/startup.py measures it); this keeps its import graph from growing
back unnoticed."""

from __future__ import annotations

import subprocess
import sys

# What the process that draws the first screen imports before that frame (commands/tui.py).
FIRST_SCREEN = ("cockpit.cli", "cockpit.commands.tui", "cockpit.commands._common",
                "cockpit.services.warm", "cockpit.tui.screens.caller", "cockpit.tui.app")

# Modules the first frame does not need, each costly to import (peewee and the services'
# parts: tens of milliseconds; every screen: its widgets, styles and dataclasses).
HEAVY = ("peewee", "sqlite3", "psycopg2", "yaml", "cockpit.services.core",
         "cockpit.services.mend", "cockpit.services.call_end", "cockpit.services.calls",
         "cockpit.services.queue", "cockpit.services.cards", "cockpit.domain.script",
         "cockpit.domain.captures", "cockpit.domain.queue", "cockpit.domain.session",
         # The views of the later screens (~1.5 ms of named tuples); Textual's text area
         # (~10 ms: its document, themes, tree-sitter): the notes make theirs when first
         # opened, and tui/focus.py tells a text area without importing it.
         "cockpit.services.later_views", "textual.widgets._text_area", "textual.document")
HEAVY_PACKAGES = ("cockpit.store", "cockpit.cv", "cockpit.reports", "cockpit.content")
SCREENS_AT_START = {"cockpit.tui.screens", "cockpit.tui.screens.caller"}


def _loaded_after(modules: tuple[str, ...]) -> list[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return out.stdout.split()


def test_the_first_screen_imports_no_service_part_store_or_other_screen() -> None:
    loaded = _loaded_after(FIRST_SCREEN)
    assert "cockpit.tui.screens.caller" in loaded and "textual.app" in loaded
    heavy = [m for m in loaded if m in HEAVY or m.startswith(HEAVY_PACKAGES)]
    screens = [m for m in loaded
               if m.startswith("cockpit.tui.screens") and m not in SCREENS_AT_START]
    assert heavy == [], f"the first screen pulled in {heavy}: import them where first used"
    assert screens == [], f"the first screen pulled in {screens}: import them in the action"


def test_the_full_screen_start_gets_what_the_parser_gives_for_no_arguments() -> None:
    """`cockpit` alone builds no parser (cli._no_arguments): its namespace is the parser's."""
    from cockpit.cli import _no_arguments, build_parser

    assert _no_arguments() == build_parser([]).parse_args([])
    assert vars(_no_arguments()) == vars(build_parser().parse_args([]))


def test_focus_finds_textual_s_text_area_where_it_looks() -> None:
    """tui/focus.py tells a text area by the module Textual defines it in, without importing
    it: a Textual that moved it would make every note field look like no text field."""
    from textual.widgets import TextArea

    assert TextArea.__module__ == "textual.widgets._text_area"
