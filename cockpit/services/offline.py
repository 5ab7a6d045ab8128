"""Ends of calls the database did not take: in the outbox on this computer, or in memory
while the disk is full too, until the connection (or the room) returns. Writing them is the
call end's work (call_end.flush_outbox); keeping them is this part's."""

from __future__ import annotations

import threading
from typing import Any

from cockpit.logs import log
from cockpit.services import drafts, outbox
from cockpit.services.connection import Connection
from cockpit.services.errors import disk_full
from cockpit.services.part import Part, Setup


class KeptEnds(Part):
    def __init__(self, setup: Setup, connection: Connection) -> None:
        super().__init__(setup, connection)
        self._lock = threading.Lock()
        self._in_memory: dict[int, dict[str, Any]] = {}  # neither the database nor the disk
        self.erased_dropped = 0  # ends of calls of people erased since, dropped (to say once)

    def keep(self, call_id: int, entry: dict[str, Any]) -> bool:
        """The end of a call the database did not take, in the outbox; in memory when the
        disk is full too (written as soon as there is room). Whether it is on the disk."""
        try:
            outbox.put(call_id, entry)
        except OSError as exc:
            # A full disk, or a state folder refusing the file: memory is what is left.
            self.connection.disk_full = self.connection.disk_full or disk_full(exc)
            with self._lock:
                self._in_memory[call_id] = entry
            return False
        return True

    def any_in_memory(self) -> bool:
        return bool(self._in_memory)

    def pending(self) -> list[tuple[int, dict[str, Any]]]:
        """The ends waiting for this database, those in memory first, then the outbox's
        oldest first."""
        with self._lock:
            pending = list(self._in_memory.items())
        waiting = dict(pending)
        pending += [entry for entry in outbox.entries() if entry[0] not in waiting
                    and entry[1].get("db", self.db_mark()) == self.db_mark()]
        return pending

    def in_outbox(self, call_id: int) -> bool:
        """Ended while offline: it waits in the outbox, not to be resumed."""
        return any(kept == call_id and entry.get("db", self.db_mark()) == self.db_mark()
                   for kept, entry in outbox.entries())

    def to_disk(self) -> None:
        """Ends of calls held in memory go to the outbox as soon as the disk has room: a
        restart then keeps them even if the database is still full or away."""
        with self._lock:
            waiting = list(self._in_memory.items())
        for call_id, entry in waiting:
            try:
                outbox.put(call_id, entry)
            except OSError:
                return  # still no room (or no right): it stays in memory
            with self._lock:
                self._in_memory.pop(call_id, None)

    def written(self, call_id: int) -> None:
        with self._lock:
            self._in_memory.pop(call_id, None)
        outbox.remove(call_id)
        drafts.remove(call_id)

    def drop_erased(self, call_id: int) -> None:
        self.written(call_id)
        self.erased_dropped += 1
        log.info("call %d: its person was erased; its end of call was dropped", call_id)

    def take_erased_dropped(self) -> int:
        """How many ends of calls of erased people were dropped since last asked."""
        count, self.erased_dropped = self.erased_dropped, 0
        return count
