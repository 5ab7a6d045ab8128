"""A faster start. Loading the interface toolkit takes the parent ~180 ms of imports; while it
does, a forked child opens the database and reads what the first screen shows (the caller,
the first page of the queue, the first card), on the machine's other core. The parent shows
that, then opens its own services in a thread. Without fork, or if the child fails, the
parent does everything in order, with the usual error messages."""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cockpit.services.views import CallerView, ContactCardView, QueuePage

if TYPE_CHECKING:
    from cockpit.services.core import Services


@dataclass(frozen=True)
class FirstScreen:
    caller: CallerView
    lang: str
    limit: int
    page: QueuePage
    card: ContactCardView | None
    has_unfinished: bool


def read_first_screen(services: Services, caller_name: str | None, lang: str,
                      limit: int) -> FirstScreen | None:
    caller = services.acting_caller(caller_name)
    if caller is None:
        return None
    page = services.queue_page(caller.id, limit=limit, lang=lang)
    card = services.contact_card(page.rows[0].person, lang=lang) if page.rows else None
    unfinished = services.unfinished_call(caller.id) is not None
    return FirstScreen(caller, lang, limit, page, card, unfinished)


def fork_first_screen(opener: Callable[[], Services], caller_name: str | None, lang: str,
                      limit: int) -> Callable[[], FirstScreen | None]:
    """Start reading the first screen in a child process; the returned function waits for it
    (None when it could not be read: the caller then opens the services the ordinary way)."""
    if not hasattr(os, "fork") or os.environ.get("COCKPIT_NO_FORK"):
        return lambda: None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never prints, never touches the terminal
        os.close(read_end)
        try:
            services = opener()
            data = pickle.dumps(read_first_screen(services, caller_name, lang, limit))
        except BaseException:
            data = pickle.dumps(None)
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(write_end)

    def wait() -> FirstScreen | None:
        with os.fdopen(read_end, "rb") as inp:
            data = inp.read()
        os.waitpid(pid, 0)
        try:
            found = pickle.loads(data)
        except Exception:
            return None
        return found if isinstance(found, FirstScreen) else None

    return wait


class WarmServices:
    """Stands for the services while they open: answers the first screen's questions from
    the child's reading; anything else opens the real services, in the worker thread that
    asks (the day's figures do, as soon as the first screen is up)."""

    def __init__(self, opener: Callable[[], Services], first: FirstScreen,
                 clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self._opener = opener
        self._caller_id = first.caller.id
        self._first: FirstScreen | None = first  # handed out once
        self._no_unfinished = not first.has_unfinished
        self._real: Services | None = None
        self._lock = threading.Lock()

    def prefetched_first_screen(self, caller_id: int, lang: str, limit: int,
                                ) -> tuple[QueuePage, ContactCardView | None] | None:
        first, self._first = self._first, None
        if first is not None and (self._caller_id, first.lang, first.limit) == \
                (caller_id, lang, limit):
            return first.page, first.card
        return None

    def unfinished_call(self, caller_id: int) -> Any:
        none_left, self._no_unfinished = self._no_unfinished, False
        if none_left and caller_id == self._caller_id:
            return None
        return self.real().unfinished_call(caller_id)

    def real(self) -> Services:
        with self._lock:
            if self._real is None:
                self._real = self._opener()
            return self._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)
