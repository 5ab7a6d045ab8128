from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from cockpit.i18n import CATALOGUES, Translator


def _fields(template: str) -> set[str]:
    # {count|one|many} names the field `count` whatever the words of the language.
    return {name.partition("|")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name}


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
        assert Translator("fr").error(exc) == (
            "«\u00a012\u00a0» n'est pas un numéro valide (trop court).")
        assert Translator("en").error(exc) == "“12” is not a valid number (too short)."
    else:  # pragma: no cover - the number is too short
        raise AssertionError("12 should be refused")


def test_figures_agree_with_their_number() -> None:
    fr, en = Translator("fr"), Translator("en")
    assert fr("header.figures", calls=1, reached=1, needs=0) == "1 appel · 1 DO joint · 0 besoin"
    assert fr("header.figures", calls=2, reached=3, needs=2) == (
        "2 appels · 3 DO joints · 2 besoins")
    assert en("header.figures", calls=1, reached=0, needs=2) == (
        "1 call · 0 DOs reached · 2 needs")


# -- every error raised has its words --------------------------------------------------------

_COCKPIT = Path(__file__).resolve().parents[2] / "cockpit"
# code="…" at a raise site, and the capture errors built by captures._error(…, "code", …).
_CODE = re.compile(r"""\bcode="([a-z_]+)\"""")
_CAPTURE_CODE = re.compile(r"""_error\(\s*capture,\s*raw,\s*"([a-z_]+)\"""")
# captures.parse_capture names these capture_{type} when what was typed does not parse.
_FAILING_TYPES = ("date", "datetime", "money", "integer", "yesno", "choice", "email")


def _raised_codes() -> dict[str, str]:
    """Every error code raised in cockpit/, with where it is first raised."""
    found: dict[str, str] = {}
    for path in sorted(_COCKPIT.rglob("*.py")):
        if "i18n" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (_CODE, _CAPTURE_CODE):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.setdefault(match.group(1), f"{path.relative_to(_COCKPIT.parent)}:{line}")
    for kind in _FAILING_TYPES:
        found.setdefault(f"capture_{kind}", "cockpit/domain/captures.py")
    return found


def test_the_scan_finds_the_codes_raised() -> None:
    codes = _raised_codes()
    assert {"phone_empty", "rate_zero", "capture_required", "capture_money"} <= set(codes)
    assert len(codes) > 60


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_error_code_raised_has_a_text(lang: str) -> None:
    catalogue = CATALOGUES[lang]
    missing = [f"{where}: error.{code}" for code, where in sorted(_raised_codes().items())
               if f"error.{code}" not in catalogue]
    assert not missing, f"{len(missing)} without a text in {lang}:\n" + "\n".join(missing)


def test_an_error_reads_in_french_with_its_value() -> None:
    from cockpit.domain.rates import selling_rate

    with pytest.raises(ValueError) as caught:
        selling_rate("beaucoup", 0.2)
    said = Translator("fr").error(caught.value)
    assert said == "«\u00a0beaucoup\u00a0» n'est pas un tarif en euros."
    assert Translator("en").error(caught.value) == "“beaucoup” is not a rate in euros."


def test_reminders_and_their_calendar_speak_french_on_the_demo(tmp_path: Path) -> None:
    import subprocess
    import sys

    env_db = f"sqlite:///{tmp_path / 'demo.sqlite'}"

    def cockpit(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "cockpit", "--db", env_db, *args],
                              capture_output=True, text=True, check=True)
        return done.stdout

    cockpit("demo")
    ics = tmp_path / "r.ics"
    listed = cockpit("--lang", "fr", "reminders", "--all", "--ics", str(ics))
    calendar = ics.read_text(encoding="utf-8")
    for code in ("follow_up", "callback", "retry", "new_contact", "cooldown"):
        assert code not in listed and code not in calendar, code
    assert "SUMMARY:Relance CV\u00a0: " in calendar or "SUMMARY:Rappel\u00a0: " in calendar


def test_no_text_hedges_its_plural_with_parentheses() -> None:
    """"1 rappel(s)" reads as a form nobody filled in: a number's word agrees with it
    ({count|rappel|rappels}), in both languages."""
    from cockpit.i18n import CATALOGUES

    hedged = [f"{lang} {key}: {text}" for lang, texts in CATALOGUES.items()
              for key, text in texts.items() if "(s)" in text or "(es)" in text]
    assert not hedged, "\n".join(hedged)
