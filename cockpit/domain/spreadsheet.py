"""Cells written for spreadsheets: none may be read as a formula (OWASP CSV injection).

A cell starting with = + - @, a tab or a carriage return is prefixed with a single quote,
which Excel, LibreOffice and Google Sheets show as text. Plain numbers are left as numbers:
"-12" and "+33 1 23 45 67 89" would be harmless, but a number-looking cell is only kept as is
when it is a number (a negative amount must stay a number in a figures report)."""

from __future__ import annotations

from functools import cache

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import re

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


@cache
def _number() -> re.Pattern[str]:
    import re  # here: most cells start safely, and a report does without `re` (~5 ms)

    return re.compile(r"-?\d+(?:[.,]\d+)?")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_DANGEROUS_START) and not _number().fullmatch(text):
        return "'" + text
    return text
