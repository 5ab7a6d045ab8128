"""Spreadsheets as people really have them, from their bytes: UTF-8 with or without a BOM, or
Windows-1252 (Excel's French default), UTF-16 (Excel's "Texte Unicode"); commas, semicolons
(French Excel) or tabs. Empty,
header-only, binary or truncated files are refused with a message that says so."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from cockpit.domain.errors import ValidationError


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number in the file, cells)
    encoding: str  # utf-8-sig | utf-8 | cp1252 | utf-16 | xlsx
    delimiter: str
    header_line: int = 1  # where the headers were read


class TableError(ValidationError):
    """The file as a whole cannot be read as a table."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in."""
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if b"\x00" in data[:8192]:
        raise TableError("binary file, not a CSV (save it as CSV, or give the .xlsx)",
                         code="table_binary")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise TableError("neither UTF-8 nor Windows-1252 text: is it a binary file?",
                         code="table_binary")
    return text, "cp1252"


def _utf16(data: bytes) -> str | None:
    """Excel's "Texte Unicode" is UTF-16 with a BOM; without one, text in UTF-16 shows as a
    zero byte after (little-endian) or before each Latin letter."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    else:
        head = data[:4096]
        if len(head) < 4 or len(head) % 2:
            return None
        if head[1::2].count(0) > len(head) // 2 * 0.9 and 0 not in head[0::2]:
            codec = "utf-16-le"
        elif head[0::2].count(0) > len(head) // 2 * 0.9 and 0 not in head[1::2]:
            codec = "utf-16-be"
        else:
            return None
    try:
        return data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise TableError("UTF-16 text damaged (cut short, or not text)",
                         code="table_binary") from exc


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ; , tab outside quotes. The
    header may come after a few lines of notes (LinkedIn's export): the line of the first ten
    with the most separators decides."""
    lines = [line for line in text.splitlines()[:40] if line.strip()][:10]
    counts = {d: max((_count_outside_quotes(line, d) for line in lines), default=0)
              for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, char: str) -> int:
    inside, n = False, 0
    for ch in line:
        if ch == '"':
            inside = not inside
        elif ch == char and not inside:
            n += 1
    return n


def read_csv(data: bytes) -> Table:
    if not data.strip():
        raise TableError("the file is empty", code="table_empty")
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    headers: tuple[str, ...] | None = None
    header_line = 1
    ended = 0  # the physical line the previous row ended on
    try:
        for cells in reader:
            # A row is named by the line it starts on: a quoted cell may run over several.
            line, ended = ended + 1, reader.line_num
            if not "".join(cells).strip():  # blank cells only (one C call, not one a cell)
                continue
            if headers is None:
                headers, header_line = tuple(c.strip() for c in cells), line
                continue
            rows.append((line, tuple(cells)))
    except csv.Error as exc:
        if str(exc) == "unexpected end of data" and reader.line_num > ended + 1:
            # A quote opened a cell on a line that never closes it: every line after went
            # into that cell. Where it opened is what the user must look at.
            start = ended + 1
            raise TableError(f"line {start}: a cell opened with a quote (\") is never closed, "
                             f"and the {reader.line_num - start} line(s) after it went into it: "
                             "close it, or double a quote inside a cell (\"\")",
                             code="table_open_quote", line=start,
                             count=reader.line_num - start) from exc
        raise _unreadable(exc, reader.line_num) from exc
    return table_of(headers, rows, encoding, delimiter, header_line)


def _unreadable(exc: csv.Error, line: int) -> TableError:
    """What the CSV reader's refusal means for the user: one message each, not "cut short"
    for a cell too long or a misplaced quote (the reader's own words are English)."""
    said = str(exc)
    if said.startswith("field larger than field limit"):
        limit = csv.field_size_limit()
        return TableError(f"line {line}: a cell of more than {limit} characters: not a list "
                          "of people (a whole document pasted into a cell?)",
                          code="table_cell_too_big", line=line, limit=limit)
    if "expected after" in said:
        return TableError(f"line {line}: a quote inside a cell that is not doubled (write \"\" "
                          "for a quote in a quoted cell)", code="table_bad_quote", line=line)
    return TableError(f"line {line}: {exc} — is the file cut short?", code="table_truncated",
                      line=line)


def table_of(headers: tuple[str, ...] | None, rows: list[tuple[int, tuple[str, ...]]],
             encoding: str, delimiter: str, header_line: int = 1) -> Table:
    if headers is None or not any(headers):
        raise TableError("the file is empty", code="table_empty")
    if not rows:
        raise TableError("only a header line, no rows to import", code="table_header_only")
    blank = [i + 1 for i, h in enumerate(headers) if not h]
    if blank and len(blank) == len(headers):
        raise TableError("the first line has no column names", code="table_no_header")
    return Table(headers, tuple(rows), encoding, delimiter, header_line)
