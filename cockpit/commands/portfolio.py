"""`cockpit portfolio`: a caller's private contacts ("activité privée"), offered to no one else."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import out, record_id


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("portfolio", help="list or change a caller's private contacts",
                            description="Contacts in a caller's private portfolio are not "
                            "offered to the other callers.")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="whose portfolio (default: first caller)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--add", type=record_id, metavar="CONTACT_ID",
                       help="make the contact private")
    group.add_argument("--remove", type=record_id, metavar="CONTACT_ID",
                       help="give the contact back to everyone")
    parser.add_argument("--as", dest="actor", metavar="NAME", default=None,
                        help="who does it, when not the portfolio's caller: only a team lead "
                        "gives a contact to someone or takes one from a colleague")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, no_caller, services_for
    from cockpit.commands.base import CliError, say
    from cockpit.services.errors import ServiceError
    from cockpit.store.portfolio import list_portfolio

    services = services_for(args)
    caller = caller_for(services, args)
    if args.add or args.remove:
        contact_id = args.add or args.remove
        actor = services.find_caller(args.actor) if args.actor else caller
        if actor is None:
            raise no_caller(services, args.actor)
        try:
            services.change_portfolio(actor.id, contact_id, caller.id if args.add else None)
        except ServiceError as exc:
            if exc.code in ("store_unavailable", "disk_full"):
                raise
            raise CliError(str(exc), code=exc.code, **exc.params) from exc
        out(say("cli.portfolio.added" if args.add else "cli.portfolio.removed", id=contact_id,
                caller=caller.name))
        return 0
    rows = list_portfolio(caller.id)
    for contact_id, name, company in rows:
        out(say("cli.portfolio.line", id=f"{contact_id:<6}", name=name, company=company))
    out(say("cli.portfolio.count", count=len(rows), caller=caller.name))
    return 0
