"""`cockpit` with no sub-command: the full-screen cockpit."""

from __future__ import annotations

import argparse
import os

from cockpit.cli import CliError, db_url


def run_tui(args: argparse.Namespace) -> int:
    from cockpit.services import open_services
    from cockpit.tui.app import CockpitApp

    services = open_services(db_url(args), content=args.content)
    name = args.caller or os.environ.get("COCKPIT_CALLER")
    caller = services.find_caller(name)
    if caller is None:
        known = ", ".join(c.name for c in services.callers()) or "none yet (run `cockpit demo`)"
        raise CliError(f"no caller named {name!r}; callers: {known}" if name
                       else f"the database has no caller; {known}")
    app = CockpitApp(services, caller, lang=args.lang)
    # COCKPIT_HEADLESS runs without a terminal (benchmarks); the screen is drawn off-screen.
    app.run(headless=bool(os.environ.get("COCKPIT_HEADLESS")))
    return app.return_code or 0
