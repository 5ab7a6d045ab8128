"""Spreadsheets as people really have them, from their bytes: UTF-8 with or without a BOM, or
Windows-1252 (Excel's French default); commas, semicolons (French Excel) or tabs. Empty,
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
    encoding: str  # utf-8-sig | utf-8 | cp1252 | xlsx
    delimiter: str


class TableError(ValidationError):
    """The file as a whole cannot be read as a table."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in."""
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


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ; , tab outside quotes."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: _count_outside_quotes(first, d) for d in (";", ",", "\t", "|")}
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
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if headers is None:
                headers = tuple(c.strip() for c in cells)
                continue
            rows.append((line, tuple(cells)))
    except csv.Error as exc:
        raise TableError(f"line {reader.line_num}: {exc} — is the file cut short?",
                         code="table_truncated", line=reader.line_num) from exc
    return table_of(headers, rows, encoding, delimiter)


def table_of(headers: tuple[str, ...] | None, rows: list[tuple[int, tuple[str, ...]]],
             encoding: str, delimiter: str) -> Table:
    if headers is None or not any(headers):
        raise TableError("the file is empty", code="table_empty")
    if not rows:
        raise TableError("only a header line, no rows to import", code="table_header_only")
    blank = [i + 1 for i, h in enumerate(headers) if not h]
    if blank and len(blank) == len(headers):
        raise TableError("the first line has no column names", code="table_no_header")
    return Table(headers, tuple(rows), encoding, delimiter)
