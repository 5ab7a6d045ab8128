"""The calls under way on this computer: one `LiveCall` each, in one registry with its locks.
Everything the services know of a call between its start and its end is here, so ending a
call forgets all of it at once, and resuming one fills all of it again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from cockpit.domain.session import CallSession
from cockpit.services.errors import ServiceError
from cockpit.services.views import PersonRef

DEFAULT_ZONE = "Europe/Paris"  # the team's zone, until the number called is known


@dataclass
class LiveCall:
    call_id: int
    session: CallSession
    person: PersonRef
    caller_id: int
    started: datetime
    saved_events: int = 0  # the session's events already in the database
    zone: str | None = None  # the time zone of the number dialled (the reminder uses it)
    dialled: str = ""  # the number shown to dial by hand ("" when the softphone dials)
    held_by: str = ""  # resumed while another caller holds the person: only ended
    finishing: bool = False  # its end is being written: no draft is saved any more
    draft_seq: int = 0  # the newest draft handed on
    # A draft neither the database nor the disk took yet: (text, seq), tried again later.
    draft_waiting: tuple[str, int | None] | None = None


class LiveCalls:
    """The registry. `lock` guards the calls' sessions and database work; `draft_lock` only
    the draft files (a database that hangs never holds a draft off the disk)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.draft_lock = threading.Lock()
        # One start at a time: "a" pressed twice runs two workers, which both started a call.
        self.start_lock = threading.Lock()
        self._calls: dict[int, LiveCall] = {}

    def add(self, call: LiveCall) -> LiveCall:
        with self.lock:
            self._calls[call.call_id] = call
        return call

    def get(self, call_id: int) -> LiveCall | None:
        return self._calls.get(call_id)

    def require(self, call_id: int) -> LiveCall:
        """The call, or the error the screens show for a call that is not in progress."""
        call = self._calls.get(call_id)
        if call is None:
            raise ServiceError("no such call in progress", code="no_call")
        return call

    def on_with(self, caller_id: int, person: PersonRef) -> LiveCall | None:
        """The call this caller has under way with this person, if any (not being ended)."""
        with self.lock:
            return next((c for c in self._calls.values() if c.caller_id == caller_id
                         and (c.person.kind, c.person.id) == (person.kind, person.id)
                         and not c.finishing), None)

    def forget(self, call_id: int) -> None:
        """The call ended (or was handed to the outbox): nothing of it stays in memory."""
        with self.lock:
            self._calls.pop(call_id, None)

    def __contains__(self, call_id: object) -> bool:
        return call_id in self._calls

    def __iter__(self) -> Iterator[LiveCall]:
        with self.lock:
            return iter(list(self._calls.values()))

    def drafts_waiting(self) -> list[tuple[int, str, int | None]]:
        with self.lock:
            return [(c.call_id, *c.draft_waiting) for c in self._calls.values()
                    if c.draft_waiting is not None]
