"""One fold for every comparison of typed text with known names: case, accents and the
spaces around never hide a match (the pickers' filters, imports, places, yes/no answers)."""

from __future__ import annotations

import pytest

from cockpit.domain.captures import yes_or_no
from cockpit.domain.places import with_preposition
from cockpit.domain.text import fold


@pytest.mark.parametrize(("typed", "known"), [
    ("ile-de-france", "Île-de-France"),
    ("  SOCIÉTÉ GÉNÉRALE ", "société générale"),
    ("Müller", "muller"),
    ("STRASSE", "straße"),  # casefold, not lower: ß is ss
])
def test_typed_and_known_fold_alike(typed: str, known: str) -> None:
    assert fold(typed) == fold(known)


def test_fold_keeps_what_is_not_an_accent() -> None:
    assert fold("Œuvre d'Art") == "œuvre d'art"
    assert fold("C++ / .NET") == "c++ / .net"


def test_a_place_typed_loosely_gets_its_preposition() -> None:
    assert with_preposition(" île-de-france ").startswith("en ")
    assert with_preposition("Lyon") == "à Lyon"


def test_a_yes_typed_with_accents_and_spaces_is_a_yes() -> None:
    assert yes_or_no("  OUI ") is True
    assert yes_or_no("Vrai") is True
