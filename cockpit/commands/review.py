"""`cockpit review [--caller NAME]`: the team lead's review, full screen."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("review", help="the team lead's review, full screen",
                            description="The team's day live (who calls whom, overdue "
                            "reminders, unassigned leads), the figures of any day or week, "
                            "the needs board. A caller who is not a lead sees their own "
                            "figures.")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="who is looking (default: $COCKPIT_CALLER, else the first lead)")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import find_caller, services_for
    from cockpit.tui.app import CockpitApp

    settings = args.settings
    services = services_for(args)
    viewer = find_caller(services, settings.caller, lead_first=True)
    app = CockpitApp(services, viewer, lang=settings.lang, clock=services.clock,
                     start="review", settings=settings)
    app.run(headless=settings.hooks.headless)
    return app.return_code or 0
