"""A select's rows as plain tuples or dicts, typed as such.

peewee's stubs type `.tuples()` and `.dicts()` as the query itself, whose rows are models;
run through `execute()` (untyped there) the rows get the type they have at run time."""

from __future__ import annotations

from typing import Any

import peewee as pw

Row = tuple[Any, ...]


def tuples(query: pw.BaseQuery) -> list[Row]:
    """Every row of the query, one tuple each, in the order of its columns."""
    found: list[Row] = list(query.tuples().execute())
    return found


def dicts(query: pw.BaseQuery) -> list[dict[str, Any]]:
    """Every row of the query, one dict each, by column name."""
    found: list[dict[str, Any]] = list(query.dicts().execute())
    return found
