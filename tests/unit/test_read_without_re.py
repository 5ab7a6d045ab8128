"""What the short commands read without `re` (~5 ms of each run) is read exactly as the
pattern it replaced reads it: the day a year is written in, a search's words and number, the
words a table wraps, the control characters made visible. Random texts of the characters
that tell them apart, letters and digits of other scripts and every kind of space included."""

from __future__ import annotations

import random
import re

import pytest

from cockpit.commands._common import written_year
from cockpit.commands.plain_table import _words as table_words
from cockpit.domain.search import _phone_like, _words
from cockpit.domain.text import control_characters, printable

SPACES = " \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000"
TRIES = 20_000


def _texts(alphabet: str, seed: str, longest: int = 14) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, longest)))
            for _ in range(TRIES)]


def test_the_year_written_is_the_pattern_s() -> None:
    pattern = re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-](\d{3,4})(?!\d)")
    for text in _texts("0123456789/.-x \u0663", "year", 18):
        found = pattern.search(text)
        assert written_year(text) == (int(found.group(1)) if found else None), text
    assert written_year("25/11/2026 14h30") == 2026 and written_year(
        "2026-12-03T10:42:00+01:00") is None


def test_a_search_s_number_and_words_are_the_patterns() -> None:
    phone = re.compile(r"^[\d\s.\-+()/]+$")
    word = re.compile(r"[^\W_]+")
    for text in _texts("06.-+()/_aé\u0663²x," + SPACES, "search"):
        text = text.strip()  # as search_terms reads it
        assert _phone_like(text) == bool(phone.match(text)), text
        assert _words(text) == tuple(word.findall(text)), text


def test_a_table_s_words_are_rich_s() -> None:
    pattern = re.compile(r"\s*\S+\s*")
    for text in _texts("ab-é" + SPACES, "table"):
        assert table_words(text) == [(m.start(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("multiline", [False, True])
def test_control_characters_are_shown_as_the_pattern_showed_them(multiline: bool) -> None:
    control = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

    def visible(char: str) -> str:
        code = ord(char)
        return (chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F
                else f"<U+{code:04X}>")

    def before(text: str) -> str:  # printable() as it was written with the pattern
        if multiline:
            return "\r\n".join(control.sub(
                lambda m: m.group() if m.group() in "\n\t" else visible(m.group()), part)
                for part in text.split("\r\n"))
        return control.sub(lambda m: visible(m.group()), text)

    for text in _texts("a\x1b\x07\x00\x7f\x9b\u2029é" + SPACES, f"control{multiline}"):
        assert printable(text, multiline=multiline) == before(text), text
        assert control_characters(text) == list(dict.fromkeys(
            f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"U+{ord(c):04X}"
            for c in control.findall(text)))
