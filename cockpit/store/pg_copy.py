"""Rows into PostgreSQL by COPY … FROM STDIN: one stream a batch, the server parsing plain
text, where execute_values built and sent the SQL text of every row (the import of 100,000
contacts spent most of its PostgreSQL time there, bench/import_speed.py). COPY FROM STDIN
needs only the INSERT right a role already has on the table, and fires its triggers."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

# COPY's text format: a backslash, a tab, a newline and a carriage return are escaped.
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copyable(value: object) -> bool:
    """Whether COPY's text takes this value as psycopg2 would send it; otherwise (an aware
    moment, bytes, a type of its own) the rows go by INSERT."""
    if isinstance(value, datetime):
        return type(value) is datetime and value.tzinfo is None
    return value is None or type(value) in (str, int, float, bool, date)


def as_copy_text(value: object) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, datetime):
        return value.isoformat(" ")
    return str(value)  # int, float, date


def copy_rows(cursor: Any, table: str, columns: str, rows: Sequence[tuple]) -> None:
    """`columns`: the quoted column names, comma-separated, in the rows' order."""
    text = io.StringIO()
    for row in rows:
        text.write("\t".join([as_copy_text(value) for value in row]))
        text.write("\n")
    text.seek(0)
    cursor.copy_expert(f'COPY "{table}" ({columns}) FROM STDIN', text)
