"""`cockpit` with no sub-command: the full-screen cockpit."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from cockpit import boot
from cockpit.commands.base import db_url
from cockpit.commands.clock import start_clock

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit.services import Services
    from cockpit.services.part import Setup
    from cockpit.services.warm import FirstScreen, OpenOnDemand
    from cockpit.settings import Settings

FIRST_PAGE = 50  # rows of the queue the first screen shows (the queue pane's page)


def run_tui(args: argparse.Namespace) -> int:
    # The start-up tricks (cockpit/boot.py says what each buys): collection paused, the
    # PostgreSQL driver kept out on SQLite, the first screen read by a child meanwhile.
    settings: Settings = args.settings
    boot.leave_out(settings.hooks.boot_without)
    boot.pause_collection()
    from cockpit.commands._common import open_with
    from cockpit.services.warm import OpenOnDemand, read_first_screen

    url = db_url(args)
    boot.skip_postgres_driver(url)
    clock = start_clock(settings.hooks.now)
    opener = partial(open_with, settings, url, clock)
    name = settings.caller

    def read_first(setup: Setup | None = None) -> FirstScreen | None:
        if setup is None:  # the child: on the driver alone when it can (read_first_lean)
            from cockpit.services.part import open_setup
            from cockpit.services.warm import read_first_lean

            first = read_first_lean(url, settings, clock, name, settings.lang, FIRST_PAGE)
            if first is not None:
                return first
            setup = open_setup(url, settings=settings, clock=clock)
        return read_first_screen(setup, name, settings.lang, FIRST_PAGE)

    # A child reads it meanwhile when a core is free for it; else in order, below.
    forked = boot.fork_pays()
    wait_first = boot.read_in_child(read_first) if forked else lambda: None

    # Meanwhile, the child reads the first screen: load the whole interface now.
    import cockpit.tui.screens.caller  # noqa: F401
    from cockpit.tui.app import CockpitApp

    first = wait_first()
    if first is None and not forked:  # in order, on the driver alone when it can
        from cockpit.services.warm import read_first_lean

        first = read_first_lean(url, settings, clock, name, settings.lang, FIRST_PAGE)
    services: Services | OpenOnDemand
    if first is not None:  # the first screen needs no services: they open once it is up
        services = OpenOnDemand(opener)
    else:  # the lean read could not, or found nobody: the full way, with its messages
        from cockpit.services.part import open_setup

        setup = open_setup(url, settings=settings, clock=clock)
        first = read_first(setup)
        # The parts the first screen did not read through, on the database opened above,
        # once it is up (`first`), else at once (the first run, or to say who is missing).
        services = OpenOnDemand(partial(_services_on, setup))
        if first is None:
            services = opened = services.get()
            if not opened.team_is_empty():
                from cockpit.commands._common import find_caller

                find_caller(opened, name)  # raises, saying why there is none
    app = CockpitApp(services, first.caller if first else None, lang=settings.lang,
                     clock=clock or _utc_now, first_screen=_first_screen(first),
                     suggested_name=name or "",
                     empty_database=first is None or first.empty_database,
                     settings=settings)
    # COCKPIT_HEADLESS runs without a terminal (benchmarks); the screen is drawn off-screen.
    app.run(headless=settings.hooks.headless)
    return app.return_code or 0


def _services_on(setup: Setup) -> Services:
    from cockpit.services.core import Services

    return Services.on(setup)


def _first_screen(first: FirstScreen | None) -> Callable[[], Screen[Any]] | None:
    """The caller's cockpit, showing what was read; on a new database (nobody yet), None: the
    app opens its first run, which names the firm and its first person."""
    if first is None:
        return None
    from cockpit.tui.screens.caller import CallerScreen

    return partial(CallerScreen, first)


def _utc_now() -> datetime:
    return datetime.now(UTC)
