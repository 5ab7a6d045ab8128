"""What the cockpit's first screen shows, read before the interface starts (in a forked child
when cockpit/boot.py can, else in order), and the services opened only once that screen is
up."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cockpit.services.errors import store_guard
from cockpit.services.views import CallerView, ContactCardView, QueuePage

if TYPE_CHECKING:
    from datetime import datetime

    from cockpit.services.core import Services
    from cockpit.services.part import Setup
    from cockpit.settings import Settings


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


def read_first_screen(setup: Setup, caller_name: str | None, lang: str,
                      limit: int) -> FirstScreen | None:
    """None when there is no such caller (or no caller at all: a new database). Read
    through the few parts it needs (`_FirstReader`), on the database `setup` opened."""
    from cockpit.services.errors import read_only_database

    reader = _FirstReader(setup)
    caller = reader.rights.acting_caller(caller_name)
    if caller is None:
        return None
    cards = reader.cards
    page = reader.queue.queue_page(caller.id, limit=limit, lang=lang)
    # The person the queue's cursor lands on: the screen shows their card from the start.
    card = cards.contact_card(page.rows[page.landing()].person, lang=lang) if page.rows \
        else None
    empty = not page.rows and not reader.rights.database_has_people()
    return FirstScreen(caller, lang, limit, page, card, reader.may_resume(caller.id), empty,
                       cards.day_figures(caller.id), read_only_database())


def read_first_lean(url: str, settings: Settings, clock: Callable[[], datetime] | None,
                    caller_name: str | None, lang: str, limit: int) -> FirstScreen | None:
    """The first screen read on the driver's own connection (store/sql.py `open_lean`):
    without peewee and the store's models, and without the content unless the card shows a
    persona (the child that reads it went from ~90 to 40–60 ms of CPU). Only when
    the database is there at this code's schema, the content was checked by an earlier start
    and no call's draft waits (sorting drafts out needs the store's calls). None otherwise,
    or when there is nobody to show: the caller then reads it the full way (`open_setup`,
    `read_first_screen`), which creates, migrates or says what is wrong."""
    from functools import partial

    from cockpit.content.cache import checked_before, load_content_cached
    from cockpit.domain.calling_hours import BUSINESS, POLICIES
    from cockpit.paths import content_dir
    from cockpit.services import drafts
    from cockpit.services.part import Setup, margin_of, utc_now
    from cockpit.store.sql import close_lean, open_lean

    root = content_dir(settings.content)
    if drafts.call_ids() or not checked_before(root) or open_lean(url) is None:
        return None
    try:
        # The settings checked as open_setup checks them: a bad one is said the full way.
        setup = Setup(url, partial(load_content_cached, root), clock or utc_now,
                      POLICIES.get(settings.policy, BUSINESS), margin=margin_of(settings.margin),
                      zone=settings.zone)
        return read_first_screen(setup, caller_name, lang, limit)
    finally:
        close_lean()


class _FirstReader:
    """The parts of the services the first screen reads through: the cards, the queue, the
    rights, the ends of calls kept offline. The dozen others (~30 ms of imports) and the
    calls' sessions are built once the caller acts (`core.Services.on` the same setup)."""

    def __init__(self, setup: Setup) -> None:
        from cockpit.services.cards import CardServices
        from cockpit.services.connection import Connection
        from cockpit.services.offline import KeptEnds
        from cockpit.services.queue import QueueServices
        from cockpit.services.rights import RightsServices

        self.connection = connection = Connection()  # what store_guard notes failures in
        self.cards = CardServices(setup, connection)
        self.queue = QueueServices(setup, connection, self.cards)
        self.rights = RightsServices(setup, connection, self.cards)
        self.kept = KeptEnds(setup, connection)

    @store_guard
    def may_resume(self, caller_id: int) -> bool:
        """Whether the console may find a call to resume. `unfinished_call` says for sure
        (and claims the person again) but loads the call's session: True whenever it could
        find one, so that the console then asks it. The drafts of people erased since go,
        as they do there."""
        from cockpit.services import drafts
        from cockpit.store.lean_reads import unfinished_call

        if drafts.call_ids():  # the store's calls (~10 ms of imports) only when drafts wait
            drafts.forget_orphans()
        # Plain SQL: the store's calls module is imported once the first screen is up.
        found = unfinished_call(caller_id)
        return found is not None and bool(found[1]) and not self.kept.in_outbox(found[0])


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
