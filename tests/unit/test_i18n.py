from __future__ import annotations

import string

from cockpit.i18n import CATALOGUES, Translator


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_the_same_keys() -> None:
    fr, en = CATALOGUES["fr"], CATALOGUES["en"]
    assert set(fr) - set(en) == set(), "keys missing in English"
    assert set(en) - set(fr) == set(), "keys missing in French"


def test_every_translation_uses_the_same_placeholders() -> None:
    fr, en = CATALOGUES["fr"], CATALOGUES["en"]
    for key in fr:
        assert _fields(fr[key]) == _fields(en[key]), key


def test_domain_errors_are_said_in_the_user_language() -> None:
    from cockpit.domain.errors import ValidationError
    from cockpit.domain.phones import parse_phone

    try:
        parse_phone("12")
    except ValidationError as exc:
        assert Translator("fr").error(exc) == "« 12 » n'est pas un numéro valide (trop court)."
        assert Translator("en").error(exc) == "“12” is not a valid number (too short)."
    else:  # pragma: no cover - the number is too short
        raise AssertionError("12 should be refused")
