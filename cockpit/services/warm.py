"""What the cockpit's first screen shows, read before the interface starts (in a forked child
when cockpit/boot.py can, else in order), and the services opened only once that screen is
up."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cockpit.services.views import CallerView, ContactCardView, QueuePage

if TYPE_CHECKING:
    from cockpit.services.core import Services


@dataclass(frozen=True)
class FirstScreen:
    caller: CallerView
    lang: str
    limit: int
    page: QueuePage
    card: ContactCardView | None  # the first person's, when the queue has one
    has_unfinished: bool  # a call left open by the last run, to resume
    empty_database: bool  # nobody to call at all: the queue says how to fill it


def read_first_screen(services: Services, caller_name: str | None, lang: str,
                      limit: int) -> FirstScreen | None:
    """None when there is no such caller (or no caller at all: a new database)."""
    caller = services.acting_caller(caller_name)
    if caller is None:
        return None
    page = services.queue_page(caller.id, limit=limit, lang=lang)
    card = services.contact_card(page.rows[0].person, lang=lang) if page.rows else None
    unfinished = services.unfinished_call(caller.id) is not None
    empty = not page.rows and not services.database_has_people()
    return FirstScreen(caller, lang, limit, page, card, unfinished, empty)


class OpenOnDemand:
    """Services not opened yet: the first thread that needs them opens them, once. The first
    screen, read beforehand, needs none; the day's figures ask as soon as it is drawn."""

    def __init__(self, opener: Callable[[], Services]) -> None:
        self._opener = opener
        self._services: Services | None = None
        self._lock = threading.Lock()

    def get(self) -> Services:
        with self._lock:
            if self._services is None:
                self._services = self._opener()
            return self._services
