"""The services' one view of the database: offline, refusing a write, or its disk full (the
top bar shows it), and how often a call's steps try the database meanwhile."""

from __future__ import annotations

import time
from collections.abc import Callable

from cockpit.services.errors import connection_lost, disk_full, refusal

RETRY_OFFLINE = 10.0  # seconds between the steps' attempts to reach the database offline


class Connection:
    def __init__(self, nothing_waiting: Callable[[], bool] = lambda: True) -> None:
        self.offline = False  # the last database work failed; ends of calls wait locally
        self.refused: str | None = None  # the server refused the last write: why
        self.disk_full = False  # the last write found the disk full (database or state folder)
        self.troubles = 0  # database failures noted so far (see errors.store_guard)
        self.fine_at = 0.0  # time.monotonic() of the last sign the connection works
        self.offline_try_at = 0.0  # the last attempt of a call's steps while offline
        # Whether no end of call nor draft waits in memory (the disk then has room again).
        self._nothing_waiting = nothing_waiting

    def worth_trying(self) -> bool:
        """While offline, the steps of a call try the database at most every RETRY_OFFLINE
        seconds: a dead link can take seconds to fail each time, and the caller must not
        wait on every answer. Meanwhile the steps wait in memory, the note in its draft."""
        if not self.offline:
            return True
        now = time.monotonic()
        if now - self.offline_try_at >= RETRY_OFFLINE:
            self.offline_try_at = now
            return True
        return False

    def trouble(self, exc: BaseException, started: float | None = None) -> str | None:
        """Note why the database did not take the work: offline (it passes when the
        connection returns), or refused (a permission, a constraint: someone must act).
        Returns the refusal, None when offline. A failure of work that started before the
        last success says nothing of the connection now (a slow attempt from before)."""
        self.troubles += 1
        if disk_full(exc):
            # Neither offline nor refused: the work waits until there is room again.
            self.disk_full = True
            return None
        if connection_lost(exc):
            if started is None or started >= self.fine_at:
                self.offline = True
            return None
        self.refused = refusal(exc)
        return self.refused

    def answered(self) -> None:
        """The database answered (a read, or work that did not fail)."""
        self.offline = False
        self.fine_at = time.monotonic()

    def wrote(self) -> None:
        """A write went through: connected, nothing waits refused, and the disk has room."""
        self.answered()
        self.refused = None
        if self._nothing_waiting():
            self.disk_full = False
