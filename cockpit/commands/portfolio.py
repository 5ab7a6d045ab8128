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
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.cli import refused, say
    from cockpit.commands._common import caller_for, services_for
    from cockpit.store.portfolio import list_portfolio, set_owner

    services = services_for(args)
    caller = caller_for(services, args)
    if args.add or args.remove:
        contact_id = args.add or args.remove
        owner = caller.id if args.add else None
        if not set_owner(contact_id, owner, actor=caller.name, now=services.now()):
            raise refused("cli.portfolio.no_contact", id=contact_id)
        out(say("cli.portfolio.added" if args.add else "cli.portfolio.removed", id=contact_id,
                caller=caller.name))
        return 0
    rows = list_portfolio(caller.id)
    for contact_id, name, company in rows:
        out(say("cli.portfolio.line", id=f"{contact_id:<6}", name=name, company=company))
    out(say("cli.portfolio.count", count=len(rows), caller=caller.name))
    return 0
