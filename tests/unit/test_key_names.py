"""The help and the palette name each key as a keyboard of the user's language labels it:
in French "Échap", "Maj+Tab", "Suppr", never Textual's English names."""

from __future__ import annotations

import pytest

from cockpit.i18n import Translator
from cockpit.tui.localise import key_name


@pytest.mark.parametrize(("key", "fr", "en"), [
    ("escape", "Échap", "escape"), ("shift+tab", "Maj+Tab", "shift+tab"),
    ("backspace", "Retour arrière", "backspace"), ("delete", "Suppr", "delete"),
    ("pagedown", "Page suiv.", "pagedown"), ("ctrl+s", "ctrl+s", "ctrl+s"), ("a", "a", "a"),
    ("+", "+", "+"),
])
def test_a_key_is_named_in_the_users_language(key: str, fr: str, en: str) -> None:
    assert key_name(Translator("fr"), key) == fr
    assert key_name(Translator("en"), key) == en
