"""A whole database copied to another, empty one: a laptop's work onto the team's server, or
the server's back onto a laptop. Rows keep their ids, so every link between them holds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlparse

import peewee as pw

from cockpit.store.db import mask_url, sqlite_path
from cockpit.store.migrations import open_and_migrate
from cockpit.store.models import ALL_MODELS, BaseModel, SchemaVersion
from cockpit.store.rows import tuples

BATCH = 1000  # rows read and written at a time: a large database never sits in memory whole


class CopyRefused(Exception):
    """The copy cannot start: `key` is the catalogue's text, `params` its values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params


@dataclass
class Copied:
    """Table by table, the rows in the source and in the target once copied."""

    source: dict[str, int] = field(default_factory=dict)
    target: dict[str, int] = field(default_factory=dict)


def _where(url: str) -> tuple[str, ...]:
    """What names one database: a file, or a server's host, port and database name."""
    path = sqlite_path(url)
    if path is not None:
        return ("sqlite", os.path.realpath(path))
    parsed = urlparse(url)
    query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
    host = query.get("host") or parsed.hostname or "localhost"
    return ("postgresql", host, str(parsed.port or 5432), unquote(parsed.path.lstrip("/")))


def same_database(first: str, second: str) -> bool:
    a, b = sqlite_path(first), sqlite_path(second)
    if a is not None and b is not None and a.exists() and b.exists():
        return os.path.samefile(a, b)
    return _where(first) == _where(second)


def counts(db: pw.Database) -> dict[str, int]:
    return {model._meta.table_name: int(db.execute_sql(
        f"SELECT COUNT(*) FROM {model._meta.table_name}").fetchone()[0])
        for model in ALL_MODELS}


def _holds(found: dict[str, int]) -> dict[str, int]:
    """The rows that make a database not empty (its schema's history does not count)."""
    version = SchemaVersion._meta.table_name
    return {table: n for table, n in found.items() if n and table != version}


def copy_database(source_url: str, target_url: str) -> Copied:
    """Copy every row of the source into the target, which must be empty; one transaction
    on the target, so a failure leaves it as it was. Raises CopyRefused."""
    if target_url.startswith("sqlite:") and sqlite_path(target_url) is None:
        raise CopyRefused("cli.copy.memory", target=mask_url(target_url))
    if same_database(source_url, target_url):
        raise CopyRefused("cli.copy.same", target=mask_url(target_url))
    source = open_and_migrate(source_url)
    created = _new_file(target_url)
    try:
        target = open_and_migrate(target_url)
        held = _holds(counts(target))
        if held:
            raise CopyRefused("cli.copy.not_empty", target=mask_url(target_url), held=held)
        result = Copied(source=counts(source))
        with target.atomic():
            target.execute_sql(f"DELETE FROM {SchemaVersion._meta.table_name}")
            for model in ALL_MODELS:
                _copy_table(model, source, target)
            if target.__class__.__name__.startswith("Postgres"):
                _move_sequences(target)
        result.target = counts(target)
    except BaseException:
        if created is not None:
            _remove(created)
        raise
    finally:
        source.close()
    return result


def _new_file(url: str) -> Path | None:
    """The target's file when the copy creates it (removed again if the copy fails)."""
    path = sqlite_path(url)
    return path if path is not None and not path.exists() else None


def _remove(path: Path) -> None:
    from cockpit.store.db import database

    if database.obj is not None:
        database.obj.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _key_field(model: type[BaseModel]) -> pw.Field:
    return cast(pw.Field, model._meta.primary_key)  # every table has one


def _copy_table(model: type[BaseModel], source: pw.Database, target: pw.Database) -> None:
    fields = list(model._meta.sorted_fields)
    # A link to a row of the same table may point to a later row: it is set once all are in.
    later = [f for f in fields if isinstance(f, pw.ForeignKeyField) and f.rel_model is model]
    first = [f for f in fields if all(f is not other for other in later)]  # == is SQL here
    linked: list[tuple[Any, list[Any]]] = []
    for rows in _batches(model, source, fields):
        values = [{f.name: row[f.name] for f in first} for row in rows]
        with target.bind_ctx([model], bind_refs=False, bind_backrefs=False):
            model.insert_many(values).as_rowcount().execute()
        linked.extend((row[_key_field(model).name], [row[f.name] for f in later])
                      for row in rows if any(row[f.name] is not None for f in later))
    with target.bind_ctx([model], bind_refs=False, bind_backrefs=False):
        pk = _key_field(model)
        for key, links in linked:
            model.update({f.name: v for f, v in zip(later, links, strict=True)}).where(
                pk == key).execute()


def _batches(model: type[BaseModel], source: pw.Database,
             fields: list[pw.Field]) -> Iterator[list[dict[str, Any]]]:
    """The rows in order of their key, BATCH at a time (keyset: no OFFSET to rescan)."""
    pk = _key_field(model)
    names = [f.name for f in fields]
    last: Any = None
    while True:
        with source.bind_ctx([model], bind_refs=False, bind_backrefs=False):
            query = model.select(*fields).order_by(pk).limit(BATCH)
            if last is not None:
                query = query.where(pk > last)
            rows = [dict(zip(names, values, strict=True)) for values in tuples(query)]
        if not rows:
            return
        yield rows
        last = rows[-1][pk.name]


def _move_sequences(target: pw.Database) -> None:
    """On PostgreSQL a copied row's id does not move the table's sequence: it is set past the
    largest id, so the next row added does not collide with a copied one."""
    for model in ALL_MODELS:
        pk = model._meta.primary_key
        if not isinstance(pk, pw.AutoField):
            continue
        table = model._meta.table_name
        target.execute_sql(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({pk.column_name}), "
            f"0) + 1, false) FROM {table}", (table, pk.column_name))
