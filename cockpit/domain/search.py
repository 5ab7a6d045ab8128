"""What a search box's text asks for: words to find by prefix, or a phone number in any
spelling ("06.12.34.56.78", "+33 6 12", "0033612…" are one number). Pure: the store turns
it into its own query (FTS5 on SQLite, LIKE on PostgreSQL)."""

# No `from __future__ import annotations`: typing would compile each named tuple field's
# annotation text, and a process's first compile costs ~1.5 ms (a short command's).
import re
from typing import NamedTuple

from cockpit.domain.text import fold

KINDS = ("company", "contact", "freelance", "need")  # the order the results are shown in
_PHONE_LIKE = re.compile(r"^[\d\s.\-+()/]+$")
_WORD = re.compile(r"[^\W_]+")


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
    digits = re.sub(r"\D", "", text)
    if _PHONE_LIKE.match(text) and len(digits) >= 2:
        international = text.startswith("+") or digits.startswith("00")
        if digits.startswith("00"):
            digits = digits[2:]
        if international and digits.startswith("33"):
            digits = "0" + digits[2:].removeprefix("0")  # "+33 (0)6 12…": one 0, not two
        return Terms(digits=digits)
    return Terms(words=tuple(_WORD.findall(fold(text))))


def phone_tokens(e164: str) -> str:
    """The words the index keeps of a stored number: its E.164 digits, and for a French one
    its national spelling, so that both kinds of typing find it."""
    digits = e164.lstrip("+")
    return f"{digits} 0{digits[2:]}" if digits.startswith("33") else digits
