"""What a search box's text asks for: words to find by prefix, or a phone number in any
spelling ("06.12.34.56.78", "+33 6 12", "0033612…" are one number). Pure: the store turns
it into its own query (FTS5 on SQLite, LIKE on PostgreSQL)."""

from __future__ import annotations

from cockpit.domain.named import NamedTuple
from cockpit.domain.text import fold

KINDS = ("company", "contact", "freelance", "need")  # the order the results are shown in
_NUMBER_SIGNS = frozenset(".-+()/")  # what a number is written with, beside digits and spaces


class Terms(NamedTuple):  # a named tuple: a short command loads no dataclasses
    words: tuple[str, ...] = ()  # folded word prefixes, every one must match
    digits: str = ""  # a number typed: its digits as the index keeps them (national 0…)

    @property
    def empty(self) -> bool:
        return not self.words and not self.digits


def search_terms(typed: str) -> Terms:
    """The words of `typed` (case and accents dropped, punctuation splits), or, when it is
    only a number with its usual separators, that number's digits: "+33 6 12" and "06 12"
    both give "0612", which prefixes the national spelling the index holds."""
    text = typed.strip()
    digits = "".join(char for char in text if char.isdecimal())
    if _phone_like(text) and len(digits) >= 2:
        international = text.startswith("+") or digits.startswith("00")
        if digits.startswith("00"):
            digits = digits[2:]
        if international and digits.startswith("33"):
            digits = "0" + digits[2:].removeprefix("0")  # "+33 (0)6 12…": one 0, not two
        return Terms(digits=digits)
    return Terms(words=_words(fold(text)))


# Read without `re` (~5 ms of a `cockpit search`): str's own classes are re's \d, \s, \w.
def _phone_like(text: str) -> bool:
    """re.match(r"^[\\d\\s.\\-+()/]+$", text) on a stripped text."""
    return bool(text) and all(char.isdecimal() or char.isspace() or char in _NUMBER_SIGNS
                              for char in text)


def _words(text: str) -> tuple[str, ...]:
    """re.findall(r"[^\\W_]+", text): the runs of letters and digits."""
    words, current = [], []
    for char in text:
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return tuple(words)


def phone_tokens(e164: str) -> str:
    """The words the index keeps of a stored number: its E.164 digits, and for a French one
    its national spelling, so that both kinds of typing find it."""
    digits = e164.lstrip("+")
    return f"{digits} 0{digits[2:]}" if digits.startswith("33") else digits
