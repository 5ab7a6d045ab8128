"""A select's rows as plain tuples or dicts, typed as such.

peewee's stubs type `.tuples()` and `.dicts()` as the query itself, whose rows are models;
run through `execute()` (untyped there) the rows get the type they have at run time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TypeVar

if TYPE_CHECKING:  # chunks serves the reads made without peewee too (store/sql.py)
    import peewee as pw

if TYPE_CHECKING:
    Row = tuple[Any, ...]
    T = TypeVar("T")
else:
    Row = tuple
CHUNK = 500  # values per IN (…): well under SQLite's and PostgreSQL's limits on parameters


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """The items in runs of `size`, for one IN (…) query each."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def tuples(query: pw.BaseQuery) -> list[Row]:
    """Every row of the query, one tuple each, in the order of its columns."""
    found: list[Row] = list(query.tuples().execute())
    return found


def dicts(query: pw.BaseQuery) -> list[dict[str, Any]]:
    """Every row of the query, one dict each, by column name."""
    found: list[dict[str, Any]] = list(query.dicts().execute())
    return found
