"""`cockpit` with no sub-command: the full-screen cockpit."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from cockpit.commands.base import db_url, refused

if TYPE_CHECKING:
    from cockpit.services.views import CallerView
    from cockpit.settings import Settings

FIRST_PAGE = 50  # rows of the queue the first screen shows (the queue pane's page)


def run_tui(args: argparse.Namespace) -> int:
    # Start-up makes a few hundred thousand objects that all live on; collecting them while
    # they are made is wasted time. Collection resumes once the first screen is up.
    gc.disable()
    from cockpit.commands._common import open_with
    from cockpit.services.warm import fork_first_screen

    settings: Settings = args.settings
    url = db_url(args)
    _skip_postgres_driver(url)
    clock = start_clock(settings.hooks.now)
    opener = partial(open_with, settings, url, clock)
    name = settings.caller
    wait_first = fork_first_screen(opener, name, settings.lang, FIRST_PAGE)

    # Meanwhile, the child reads the first screen: load the whole interface now.
    import cockpit.tui.screens.caller  # noqa: F401
    from cockpit.tui.app import CockpitApp

    first = wait_first()
    if first is not None:
        from cockpit.services.warm import WarmServices

        services = WarmServices(opener, first, clock or _utc_now)
        caller: CallerView | None = first.caller
    else:
        opened = opener()
        caller = opened.acting_caller(name)
        if caller is None and not opened.team_is_empty():
            from cockpit.commands._common import find_caller

            caller = find_caller(opened, name)  # says why there is none
        if caller is not None:
            opened.prefetch_queue(caller.id, settings.lang, FIRST_PAGE)
        services = opened
        # caller None: a new database; the cockpit starts with its first run.
    page = first.page if first is not None else None
    empty = caller is None or (page is not None and not page.rows
                               and not services.database_has_people())
    app = CockpitApp(services, caller, lang=settings.lang, clock=services.clock,  # type: ignore[arg-type]
                     suggested_name=name or "", empty_database=empty, settings=settings)
    # COCKPIT_HEADLESS runs without a terminal (benchmarks); the screen is drawn off-screen.
    app.run(headless=settings.hooks.headless)
    return app.return_code or 0


def _skip_postgres_driver(url: str) -> None:
    """peewee imports the PostgreSQL driver whenever it is installed: about 10 ms of a start
    (in the process reading the first screen). A cockpit opens one database for its whole
    life, so on SQLite the driver is never needed; it is then kept from loading."""
    if url.startswith("sqlite") and "peewee" not in sys.modules:
        for driver in ("psycopg2", "psycopg", "psycopg2cffi"):
            sys.modules.setdefault(driver, None)  # type: ignore[arg-type]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def start_clock(value: str | None) -> Callable[[], datetime] | None:
    """COCKPIT_NOW=2026-11-23T10:42+01:00 (settings.hooks.now) starts the clock at that
    moment (demos, tests); it then runs at the normal pace. None: the real clock."""
    if not value:
        return None
    try:
        start = datetime.fromisoformat(value)
    except ValueError as exc:
        from cockpit.commands._common import quoted

        raise refused("cli.bad_now", value=quoted(value)) from exc
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    origin = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - origin)
