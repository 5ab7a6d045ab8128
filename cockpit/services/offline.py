"""Working through a lost connection: the services' one view of the database (offline, or
refusing a write), how often a call's steps try it meanwhile, and the outbox of ends of
calls written once the connection returns."""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cockpit.domain.session import CallSession
from cockpit.services import outbox
from cockpit.services.errors import connection_lost, refusal, store_failed
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
        """Write the ends of calls kept while offline; how many were written. Each is written
        once: a call that already has its outcome in the database is only taken off the list."""
        from cockpit.store import calls

        written, started = 0, time.monotonic()
        pending = list(outbox.entries())
        if not pending:
            return 0  # nothing waiting: says nothing about the connection
        for call_id, entry in pending:
            try:
                if calls.outcome_of(call_id) is None:
                    self._replay(entry)
                outbox.remove(call_id)
                written += 1
            except Exception as exc:
                if not store_failed(exc):
                    raise
                self._store_trouble(exc, started)
                return written
        self._store_fine()
        return written

    def _store_trouble(self: Services, exc: BaseException,
                       started: float | None = None) -> str | None:
        """Note why the database did not take the work: offline (it passes when the
        connection returns), or refused (a permission, a constraint: someone must act).
        Returns the refusal, None when offline. A failure of work that started before the
        last success says nothing of the connection now (a slow attempt from before)."""
        self._troubles += 1
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
        """A write went through: connected, and nothing waits refused."""
        self._connection_fine()
        self.refused = None

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
