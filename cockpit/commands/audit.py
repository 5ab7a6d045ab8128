"""`cockpit audit [--limit N] [--as NAME]`: who changed what (a team lead only)."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import count, out


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("audit", help="the audit log: edits, reassignments, erasures")
    parser.add_argument("--limit", type=count, default=100)
    parser.add_argument("--as", dest="viewer", metavar="NAME",
                        help="who reads it (a lead; default: $COCKPIT_CALLER, else the first "
                        "lead)")
    return parser


def run(args: argparse.Namespace) -> int:
    import os

    from cockpit.cli import CliError
    from cockpit.commands._common import services_for

    services = services_for(args)
    name = args.viewer or os.environ.get("COCKPIT_CALLER")
    viewer = services.acting_caller(name, "--as", lead_first=True)
    if viewer is None:  # a viewer who is no lead is refused by the audit itself
        raise CliError(f"no caller named {name!r}" if name else "no team lead in the database")
    for at, actor, action, entity, entity_id, details in services.audit(viewer.id,
                                                                        args.limit):
        out(f"{at:%d/%m/%Y %H:%M} {actor or '—'} {action} {entity} #{entity_id} {details}")
    return 0
