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
    # The top bar's day's figures and the read-only file, if any: with them, the first
    # screen is complete and the interface need not open the services (peewee, the store)
    # until the caller acts or the queue's first refresh.
    figures: dict[str, int]
    read_only: str | None


def read_first_screen(services: Services, caller_name: str | None, lang: str,
                      limit: int) -> FirstScreen | None:
    """None when there is no such caller (or no caller at all: a new database)."""
    caller = services.acting_caller(caller_name)
    if caller is None:
        return None
    page = services.queue_page(caller.id, limit=limit, lang=lang)
    card = services.contact_card(page.rows[0].person, lang=lang) if page.rows else None
    unfinished = services.unfinished_call(caller.id) is not None
    from cockpit.services.errors import read_only_database

    empty = not page.rows and not services.database_has_people()
    return FirstScreen(caller, lang, limit, page, card, unfinished, empty,
                       services.day_figures(caller.id), read_only_database())


class OpenOnDemand:
    """Services not opened yet: the first thread that needs them opens them, once. The first
    screen, read beforehand, needs none; the queue's first refresh (or a key) asks."""

    def __init__(self, opener: Callable[[], Services]) -> None:
        self._opener = opener
        self._services: Services | None = None
        self._lock = threading.Lock()

    def get(self) -> Services:
        with self._lock:
            if self._services is None:
                self._services = self._opener()
            return self._services
