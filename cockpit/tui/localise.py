"""Key descriptions in the user's language.

Bindings are declared on classes with an i18n key as their description ("key.quit"); each
node swaps in the translated text when it is built, so the footer and the command palette
speak the language chosen at start-up."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual._context import active_app
from textual.binding import BindingsMap
from textual.dom import DOMNode

if TYPE_CHECKING:
    from cockpit.i18n import Translator


def translate_bindings(node: DOMNode, app: object | None = None) -> None:
    try:
        app = app or active_app.get()
    except LookupError:  # built outside a running app (unit tests): keep the keys
        return
    tr = getattr(app, "tr", None)
    if tr is None:
        return
    keys = {
        key: [
            replace(b, description=tr(b.description)) if b.description.startswith("key.") else b
            for b in bindings
        ]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    # `_bindings` is the node's own copy of its class bindings (textual/dom.py), safe to replace.
    node._bindings = BindingsMap.from_keys(keys)


# Keys Textual itself binds that a caller uses, by the description Textual gives them; the
# rest of its keys (a widget's own scrolling, selecting) are left out of the help and palette.
TEXTUAL_KEYS = {
    "Focus Next": "help.focus_next", "Focus Previous": "help.focus_previous",
    "Focus next": "help.focus_next", "Focus previous": "help.focus_previous",
    "Copy selected text": "help.copy", "Up": "help.up", "Down": "help.down",
    "First": "help.first", "Last": "help.last",
}


def key_description(tr: Translator, description: str) -> str:
    """A key's description in the user's language; "" for a key of Textual's a caller does
    not need to be told about."""
    if tr.is_text(description):  # already from the catalogue: one of the cockpit's
        return description
    return tr(TEXTUAL_KEYS[description]) if description in TEXTUAL_KEYS else ""


# The keys' own names, as a keyboard of the user's language labels them ("Échap", "Suppr").
_KEY_NAMES = ("escape", "backspace", "delete", "pagedown", "pageup", "up", "down", "left",
              "right", "home", "end", "enter", "tab", "shift", "space", "insert")


def key_name(tr: Translator, key: str) -> str:
    """A key as the help and the palette show it: each part of "shift+tab" by its name in
    the user's language when the catalogue has one ("Maj+Tab"), else as Textual names it."""
    def one(part: str) -> str:
        if part not in _KEY_NAMES:
            return part
        said = tr(f"key_name.{part}")
        return part if said == f"key_name.{part}" else said

    return "+".join(one(part) for part in key.split("+")) if key != "+" else key
