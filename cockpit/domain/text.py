"""Text from data made safe to show on a terminal: its control characters made visible.

A name imported as `Jean\\x1b[2J` must not clear the caller's screen, nor `\\x1b]0;…\\x07` change
the window's title: every text read from the database or from files goes through
`printable()` where it becomes output (screens and command line alike)."""

from __future__ import annotations

import unicodedata
from functools import cache

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import re

# C0 controls, DEL and C1 controls (0x80–0x9f: \x9b alone starts a sequence on many
# terminals). Line and paragraph separators break a one-line layout like \n does.
# A call's note is typed, not pasted whole: at about 3,000 words it is a paste gone wrong, and
# the text area's undo history keeps a copy of the line per edit (1 MB typed on one line
# held ~80 MB).
NOTE_LIMIT = 20_000

_CONTROLS = (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: \x1b → ␛, \x07 → ␇
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"  # C1 and separators have no picture: their code, readable


# str.translate's tables (no regular expression: `re` would cost every command ~5 ms to
# import): each control character to its visible sign; the second keeps line ends and tabs.
_SHOWN = {code: _visible(chr(code)) for code in _CONTROLS}
_SHOWN_KEEPING_LAYOUT = {code: sign for code, sign in _SHOWN.items() if chr(code) not in "\n\t"}


def printable(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character replaced by a visible sign.

    One line by default (a name, a company: a newline would break the layout of a list).
    `multiline` keeps line ends and tabs (notes, a CV, a report); a CR-LF pair is kept as a
    line end, a lone CR (which rewrites the line on a terminal) is shown."""
    if text.isprintable():
        return text  # the usual case, at no cost (no control character is printable)
    if multiline:
        return "\r\n".join(part.translate(_SHOWN_KEEPING_LAYOUT)
                             for part in text.split("\r\n"))
    return text.translate(_SHOWN)


def control_characters(text: str) -> list[str]:
    """The control characters of `text`, each once, as a reader would name them (`\\x1b`)."""
    seen: list[str] = []
    for char in text:
        if ord(char) not in _SHOWN:
            continue
        name = f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"U+{ord(char):04X}"
        if name not in seen:
            seen.append(name)
    return seen


def fold(text: str) -> str:
    """Text as a comparison sees it: trimmed, lower case, accents dropped ("  Île " and
    "ile" are one; "Œ" stays "œ"). Every match of typed text against known names uses it."""
    if text.isascii():  # most names: nothing to decompose (an import folds every one)
        return text.strip().lower()
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def grouped(number: int, lang: str = "fr") -> str:
    """2618 → "2 618" with a narrow no-break space (French) or "2,618" (English)."""
    return f"{number:,}".replace(",", "\u202f" if lang == "fr" else ",")


@cache
def _html_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A tag, a line break, any tag: compiled when an import first reads a note (~0.3 ms
    that every command would pay at its start)."""
    import re

    return (re.compile(r"</?(?:p|br|div|b|i|u|strong|em|span|ul|ol|li|a|font|h[1-6])\b[^>]*>",
                       re.IGNORECASE),
            re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6])>", re.IGNORECASE),
            re.compile(r"<[^>]+>"))


def html_as_text(text: str) -> str:
    """A note some tools keep as HTML (Odoo's "<p>Rappeler<br>après…</p>") as the plain
    text it shows: a line a paragraph or break, tags dropped, entities read. Text without
    such tags is given back as it is ("<5 jours" stays)."""
    html_tag, html_break, any_tag = _html_patterns()
    if not html_tag.search(text):
        return text
    import html

    lines = any_tag.sub("", html_break.sub("\n", text))
    plain = html.unescape(lines)
    return "\n".join(line.strip() for line in plain.splitlines() if line.strip())
