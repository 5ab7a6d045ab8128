"""Working through a lost connection: the services' one view of the database (offline, or
refusing a write), how often a call's steps try it meanwhile, and the outbox of ends of
calls written once the connection returns."""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cockpit.domain.session import CallSession
from cockpit.logs import log
from cockpit.services import drafts, outbox
from cockpit.services.errors import connection_lost, disk_full, refusal, store_failed
from cockpit.services.views import PersonRef

if TYPE_CHECKING:
    from cockpit.services.core import Services

RETRY_OFFLINE = 10.0  # seconds between the steps' attempts to reach the database offline


class OfflineServices:
    def _worth_trying(self: Services) -> bool:
        """While offline, the steps of a call try the database at most every RETRY_OFFLINE
        seconds: a dead link can take seconds to fail each time, and the caller must not
        wait on every answer. Meanwhile the steps wait in memory, the note in its draft."""
        if not self.offline:
            return True
        now = time.monotonic()
        if now - self._offline_try_at >= RETRY_OFFLINE:
            self._offline_try_at = now
            return True
        return False

    def flush_outbox(self: Services) -> int:
        """Write the ends of calls kept while offline (or while the disk was full); how many
        were written. Each is written once: a call that already has its outcome in the
        database is only taken off the list; one whose person was erased since is dropped,
        with its note (counted in `erased_dropped`, for the screen to say once)."""
        from cockpit.store import calls

        written, started = 0, time.monotonic()
        self._retry_drafts()
        with self._lock:
            pending = list(self._ends_waiting.items())
        pending += [entry for entry in outbox.entries() if entry[0] not in dict(pending)
                    and entry[1].get("db", self._db_mark()) == self._db_mark()]
        if not pending:
            return 0  # nothing waiting: says nothing about the connection
        for call_id, entry in pending:
            try:
                person = calls.person_of(call_id)
                if person != (entry["person"][0], int(entry["person"][1])):
                    self._drop_erased(call_id)  # no such call now: its person was erased
                    continue
                if calls.outcome_of(call_id) is None:
                    self._replay(entry)
                self._end_written(call_id)
                written += 1
            except Exception as exc:
                if not store_failed(exc):
                    raise
                self._store_trouble(exc, started)
                self._ends_to_disk()
                return written
        self._store_fine()
        return written

    def _db_mark(self: Services) -> str:
        """Which database an outbox entry belongs to (the state folder is shared by every
        database this computer opens): a digest, the URL may name a server and a login."""
        import hashlib

        return hashlib.sha256(self.url.encode()).hexdigest()[:16]

    def _retry_drafts(self: Services) -> None:
        """Drafts neither the disk nor the database took: tried again (the caller may not
        type another key before the end of the call)."""
        from cockpit.services.errors import ServiceError

        with self._lock:
            waiting = list(self._drafts_waiting.items())
        for call_id, (text, seq) in waiting:
            try:
                self.save_draft(call_id, text, seq)
            except ServiceError:
                return  # still no room, or still offline: the next poll tries again

    def _ends_to_disk(self: Services) -> None:
        """Ends of calls held in memory go to the outbox as soon as the disk has room: a
        restart then keeps them even if the database is still full or away."""
        with self._lock:
            waiting = list(self._ends_waiting.items())
        for call_id, entry in waiting:
            try:
                outbox.put(call_id, entry)
            except OSError:
                return  # still no room (or no right): it stays in memory
            with self._lock:
                self._ends_waiting.pop(call_id, None)

    def _end_written(self: Services, call_id: int) -> None:
        with self._lock:
            self._ends_waiting.pop(call_id, None)
        outbox.remove(call_id)
        drafts.remove(call_id)

    def _drop_erased(self: Services, call_id: int) -> None:
        self._end_written(call_id)
        self.erased_dropped += 1
        log.info("call %d: its person was erased; its end of call was dropped", call_id)

    def take_erased_dropped(self: Services) -> int:
        """How many ends of calls of erased people were dropped since last asked."""
        count, self.erased_dropped = self.erased_dropped, 0
        return count

    def _store_trouble(self: Services, exc: BaseException,
                       started: float | None = None) -> str | None:
        """Note why the database did not take the work: offline (it passes when the
        connection returns), or refused (a permission, a constraint: someone must act).
        Returns the refusal, None when offline. A failure of work that started before the
        last success says nothing of the connection now (a slow attempt from before)."""
        self._troubles += 1
        if disk_full(exc):
            # Neither offline nor refused: the work waits until there is room again.
            self.disk_full = True
            return None
        if connection_lost(exc):
            if started is None or started >= self._fine_at:
                self.offline = True
            return None
        self.refused = refusal(exc)
        return self.refused

    def _connection_fine(self: Services) -> None:
        self.offline = False
        self._fine_at = time.monotonic()

    def _store_fine(self: Services) -> None:
        """A write went through: connected, nothing waits refused, and the disk has room."""
        self._connection_fine()
        self.refused = None
        if not self._ends_waiting and not self._drafts_waiting:
            self.disk_full = False

    def _replay(self: Services, entry: dict[str, Any]) -> None:
        from cockpit.store import calls

        call_id = int(entry["call_id"])
        ended = datetime.fromisoformat(entry["ended_at"])
        session = CallSession.from_dict(self.content, entry["state"], lambda: ended)
        person = PersonRef(entry["person"][0], int(entry["person"][1]))
        with self._lock:
            self._sessions[call_id] = (session, person, int(entry["caller_id"]), ended)
            self._saved_events[call_id] = calls.events_saved(call_id)
        self._finish(call_id, entry["outcome"], entry["reminder"], entry["note"], ended)
