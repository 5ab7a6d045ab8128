"""A table printed as Rich prints one (its default box, title centred above) without loading
Rich: importing and laying out Rich costs `cockpit queue` about half its process. Only the
case that is exact is done here — a pipe or a file, UTF-8, every cell on one line within the
width, characters one column wide; anything else returns None and the caller asks Rich, so
the output never differs from Rich's (tests/unit/test_plain_table.py compares them)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

# Characters one terminal column wide for Rich too (Latin, punctuation, the signs the
# interface writes); anything else (CJK, emoji, combining marks) is Rich's to measure.
_NARROW_SIGNS = frozenset("—–‘’“”«»…€•·↗↘→←↑↓✓✗")


def _narrow(text: str) -> bool:
    return all(" " <= c < "\x7f" or "\xa0" <= c < "\u0300" or c in _NARROW_SIGNS
               for c in text)


def _plain(text: str, markup: bool) -> bool:
    """Rich prints `text` as it is, on one line, without trimming: no line end, no space at
    either end or doubled (Rich's wrapping may fold those); for a string Rich reads as markup,
    no `[` nor emoji code (`:name:`)."""
    if not _narrow(text) or "  " in text or text != text.strip():
        return False
    return not markup or ("[" not in text and text.count(":") < 2)


def width_of(stream: TextIO, environ: Mapping[str, str] = os.environ) -> int | None:
    """The width Rich lays out in, when it writes plain text (no terminal: no styles, so
    nothing but characters); None when Rich would see a terminal or draw in ASCII."""
    if os.name == "nt":
        return None  # Rich's legacy Windows console rules are not reproduced
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible == "1" or (tty_compatible != "0" and environ.get("FORCE_COLOR")):
        return None
    if tty_compatible != "0" and "FORCE_COLOR" not in environ:
        isatty = getattr(stream, "isatty", None)
        try:
            if isatty is not None and isatty():
                return None
        except ValueError:
            pass
    encoding = (getattr(stream, "encoding", "utf-8") or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None  # Rich swaps the box for ASCII
    width = None
    for descriptor in (0, 1, 2):  # as Rich asks: stdin first
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


def _measure(texts: Sequence[str], max_width: int) -> int:
    """A column's width as Rich measures it within `max_width` (padding of 1 each side)."""
    if max_width < 1:
        return 0
    if max_width - 2 < 1:
        return max_width
    widest = 0
    for text in texts:
        longest = len(text)
        word = max((len(w) for w in text.split()), default=longest)
        low, high = min(word, max_width), min(longest, max_width)
        widest = max(widest, min(max(low, high) + 2, max_width))
    return min(widest, max_width)


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int],
                  values: list[int]) -> list[int]:
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining, result = total, []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(most, round(ratio * remaining / total_ratio))
            result.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _collapse(widths: list[int], max_width: int) -> list[int]:
    """Rich's shrinking of the widest columns first (every column may wrap)."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(widths)
        second = max((w for w in widths if w != widest), default=0)
        ratios = [1 if w == widest else 0 for w in widths]
        if not widest - second:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, widest - second)] * len(widths),
                               widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def _widths(columns: list[list[str]], width: int) -> list[int]:
    max_width = width - (len(columns) + 1)  # the borders
    widths = [_measure(texts, max_width) or 1 for texts in columns]
    if sum(widths) > max_width:
        widths = _collapse(widths, max_width)
        if sum(widths) > max_width:
            widths = _ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
        widths = [_measure(texts, w) for texts, w in zip(columns, widths, strict=True)]
    return widths


def _words(text: str) -> list[tuple[int, str]]:
    """Each word with the spaces around it and where it starts, as Rich's word splitter
    finds them (re.finditer(r"\\s*\\S+\\s*"), without `re`: ~5 ms of every command)."""
    words = []
    index, end = 0, len(text)
    while index < end:
        start = index
        while index < end and text[index].isspace():
            index += 1
        if index == end:
            break  # spaces with no word after them: no match
        while index < end and not text[index].isspace():
            index += 1
        while index < end and text[index].isspace():
            index += 1
        words.append((start, text[start:index]))
    return words


def _wrapped(text: str, width: int, *, fold: bool = False) -> list[str] | None:
    """The lines Rich wraps `text` into at `width` (its word breaks; a word longer than the
    width alone on its line, cut with an ellipsis, as a column does); None where Rich would
    fold a word (a title)."""
    breaks: list[int] = []
    offset = 0
    for start, word in _words(text):
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:
                return None
            if start:
                breaks.append(start)
            offset = len(word)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    lines = []
    for begin, end in zip([0, *breaks], [*breaks, len(text)], strict=True):
        line = text[begin:end]
        if len(line) > width:  # the spaces beyond the width go, then the word is cut
            spaces = len(line) - len(line.rstrip())
            line = line[:len(line) - min(spaces, len(line) - width)]
        if len(line) > width:
            line = line[:width - 1] + "…"
        lines.append(line)
    return lines


def render(title: str | None, headers: Sequence[str], rows: Sequence[Sequence[str]],
           width: int, *, title_markup: bool = False,
           markup: Sequence[bool] = ()) -> str | None:
    """The table as Rich's `Table(title=…)` prints it at `width` columns, or None when Rich
    would do something this does not (cut a word, measure a wide character…). `markup[i]`:
    column i's cells are strings Rich reads as markup (not `Text`); headers always are."""
    if not all(_plain(h, True) or h == "" for h in headers):
        return None
    for row in rows:
        for index, value in enumerate(row):
            if value and not _plain(value, index < len(markup) and markup[index]):
                return None
    columns = [[h, *(row[i] for row in rows)] for i, h in enumerate(headers)]
    widths = _widths(columns, width)
    if any(w < 3 for w in widths):
        return None  # no room for a character between the paddings
    table_width = sum(widths) + len(widths) + 1
    lines = []
    if title:
        if not _plain(title, title_markup):
            return None
        parts = _wrapped(title, table_width, fold=True)
        if parts is None:
            return None
        for part in (part.rstrip() for part in parts):
            excess = table_width - len(part)
            lines.append(" " * (excess // 2) + part + " " * (excess - excess // 2))

    def row_lines(cells: Sequence[str], edge: str, inner: str, bottom: bool = False) -> bool:
        parts = [_wrapped(cell, w - 2) for cell, w in zip(cells, widths, strict=False)]
        if any(part is None for part in parts):
            return False
        height = max(len(part or ()) for part in parts)
        if bottom:  # Rich sets the headers on the row's last line
            parts = [[""] * (height - len(part or ())) + (part or []) for part in parts]
        for n in range(height):
            lines.append(edge + inner.join(
                f" {(part[n] if part and n < len(part) else '').ljust(w - 2)} "
                for part, w in zip(parts, widths, strict=True)) + edge)
        return True

    lines.append("┏" + "┳".join("━" * w for w in widths) + "┓")
    if not row_lines(headers, "┃", "┃", bottom=True):
        return None
    lines.append("┡" + "╇".join("━" * w for w in widths) + "┩")
    for row in rows:
        if not row_lines(row, "│", "│"):
            return None
    lines.append("└" + "┴".join("─" * w for w in widths) + "┘")
    return "\n".join(lines) + "\n"


def stdout_width() -> int | None:
    return width_of(sys.stdout)
