"""`cockpit next`: claim the next person to call and print one line."""

from __future__ import annotations

import sys

from cockpit.commands._common import out
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    import argparse

    parser = sub.add_parser("next", help="claim the next person to call",
                            description="Claim the next person of the caller's queue (a lease "
                            "of 15 minutes) and print name, company, number and reason.")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="who is calling")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, lean_services, services_for

    # The driver alone when the database needs nothing else and the queue reads plain SQL.
    lean = lean_services(args)
    if lean is not None:
        try:
            caller = lean.acting_caller(args.settings.caller or None)
            if caller is not None:  # else the full way says who there is
                return _claim(lean, caller, args)
        finally:
            lean.close()
    services = services_for(args)
    return _claim(services, caller_for(services, args), args)


def _claim(services: Any, caller: Any, args: argparse.Namespace) -> int:
    from cockpit.commands._common import lang_of
    from cockpit.commands.base import say
    from cockpit.domain.phones import shown_national

    claimed = services.claim_next(caller.id, lang_of(args))
    if claimed is None:
        out(f"cockpit: {say('cli.next.nobody', caller=caller.name)}", file=sys.stderr)
        return 1
    row = claimed.row
    number = shown_national(claimed.phone) if claimed.phone else "?"
    out(f"{row.name} · {row.company} · {number} · {row.reason}")
    return 0
