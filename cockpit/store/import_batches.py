"""How an import writes: in batches, each its own short transaction, at a pace that leaves
the write lock to the callers at work (claims, notes) — or, nobody else having the file open,
as fast as it can."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from cockpit.domain.importing import Record
from cockpit.store.db import database, is_postgres
from cockpit.store.sharing import others_have_it_open

BATCH = 500  # people a transaction: some tens of milliseconds of write lock each
ALONE_BATCH = 5000  # while nobody else has the database open: a few tenths of a second
# Between batches the lock is left free as long as the batch held it: a caller waiting for
# it polls every 100 ms at worst (SQLite's busy handler), and a gap of 2 ms was missed.
# That is while others write (seen by SQLite's data_version): the callers' claims and notes
# get through. Nobody else writing, the import only leaves a gap a poll cannot miss after
# its first batch (a caller already waiting gets in, and their write shows that others are
# at work) and then every second of work (a first claim waits that long at most), instead
# of doubling its time: some 12 % of an import alone, in sleep, no CPU. (A polite first
# second cost as much as the whole import's work once the search index went in bulk.)
# Nobody else has the file open at all (no other process holds it: store/sharing.py), there
# is nobody to leave a gap for: no gap, and batches ten times bigger (fewer commits, and the
# search index written in bigger pieces), until someone opens it: 7.2 -> 5.6 s for 100,000.
# PostgreSQL queues lock requests: a waiting caller gets the tables at each commit.
PAUSE_SHARE = 1.0
QUIET_EVERY, QUIET_GAP = 1.0, 0.12  # seconds of work, seconds of gap
BUSY_FOR = 5.0  # seconds another connection's write keeps the import in its polite pace
Progress = Callable[[int], None]


class PartlyWritten(Exception):
    """A batch failed: the batches before it are saved (`done` rows of the file)."""

    def __init__(self, done: int, written: Written) -> None:
        super().__init__(f"{done} row(s) written before the failure")
        self.done = done
        self.written = written


@dataclass
class Written:
    created: int = 0
    merged: list[tuple[int, int, str]] = field(default_factory=list)  # (line, id, why)
    companies_created: int = 0
    switchboards: set[str] = field(default_factory=set)  # numbers found shared: "standard"
    ids: dict[int, int] = field(default_factory=dict)  # line -> the person written (CV files)
    history: int = 0  # people whose last contact or comment the file brought
    unknown_owners: dict[str, int] = field(default_factory=dict)  # name -> people


def _in_batches(records: Sequence[Record], batch: int, progress: Progress | None,
                written: Written, one: Callable[[Sequence[Record], int], None]) -> Written:
    """`one(rows, offset)` for each slice, in its own short transaction, with a pause after
    it for the callers waiting on the lock."""
    import time

    in_transaction = database.obj.transaction_depth() > 0  # a dry run: one, rolled back
    pace = _Pace()
    start = 0
    while start < len(records):
        size = max(batch, ALONE_BATCH) if pace.alone else batch
        began = time.monotonic()
        try:
            with _transaction():
                one(records[start:start + size], start)
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            if start == 0:
                raise
            raise PartlyWritten(start, written) from exc
        start += size
        if not in_transaction and start < len(records):
            time.sleep(pace.pause(time.monotonic() - began))
    if progress:
        progress(len(records))
    return written


class _Pace:
    """How long to leave the write lock free after a batch that held it `took` seconds, and
    whether the import is `alone`: nobody else has the database open (no other process, and
    no other connection wrote since the first batch's gap let a waiting one in). Alone, it
    leaves no gap and takes bigger batches; at the next batch after someone opens the file,
    it is back to its polite pace."""

    def __init__(self) -> None:
        self.sqlite = not is_postgres()
        self.version = self._version()
        self.busy_until = 0.0
        self.worked = QUIET_EVERY  # the first gap comes after the first batch
        self.gap_left = False
        self.alone = False  # not before the first batch's gap has been left

    def _version(self) -> int | None:
        if not self.sqlite:
            return None
        return int(database.obj.execute_sql("PRAGMA data_version").fetchone()[0])

    def pause(self, took: float) -> float:
        import time

        if not self.sqlite:
            return 0.0
        now, version = time.monotonic(), self._version()
        if version != self.version:  # someone else committed since the last batch
            self.version, self.busy_until = version, now + BUSY_FOR
        if now < self.busy_until:
            self.alone = False
            return max(took, 0.005) * PAUSE_SHARE
        if self.gap_left:  # a caller waiting from the start has had their chance
            self.alone = others_have_it_open(database.obj.database) is False
            if self.alone:
                return 0.0
        self.worked += took
        if self.worked < QUIET_EVERY:
            return 0.0
        self.worked, self.gap_left = 0.0, True
        return QUIET_GAP


def _transaction() -> Any:
    """IMMEDIATE on SQLite: the write lock taken at the start, so the batch never finds,
    at its first write, that another caller wrote since it read (which fails at once)."""
    db = database.obj
    return db.atomic() if is_postgres() else db.atomic(lock_type="IMMEDIATE")
