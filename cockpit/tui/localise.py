"""Key descriptions in the user's language.

Bindings are declared on classes with an i18n key as their description ("key.quit"); each
node swaps in the translated text when it is built, so the footer and the command palette
speak the language chosen at start-up."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual._context import active_app
from textual.binding import BindingsMap
from textual.dom import DOMNode


def translate_bindings(node: DOMNode, app: Any | None = None) -> None:
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
