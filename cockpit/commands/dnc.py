"""`cockpit dnc list|add|remove|import`: the do-not-call list."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import out, short_text


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("dnc", help="the do-not-call list: list, add, remove, import",
                            description="Numbers are kept in E.164, so any spelling of the "
                            "same number matches. The people with a number added are flagged "
                            "at once; do-not-call is checked again at the moment of each call.")
    parser.add_argument("action", choices=("list", "add", "remove", "import"))
    parser.add_argument("value", nargs="?", type=short_text, metavar="NUMBER|FILE")
    parser.add_argument("--reason", type=short_text, default="asked not to be called")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.cli import CliError
    from cockpit.commands._common import services_for

    services = services_for(args)
    if args.action != "list" and not args.value:
        wanted = "file" if args.action == "import" else "number"
        raise CliError(f"dnc {args.action}: give a {wanted}")
    if args.action == "list":
        rows = services.dnc_list()
        for e164, digest, reason, at in rows:
            shown = e164 or f"(erased person, hash {digest[:12]}…)"
            out(f"{shown}  {reason}  {at:%d/%m/%Y}")
        out(f"{len(rows)} number(s)")
    elif args.action == "add":
        e164, added, flagged = services.dnc_add(args.value, args.reason)
        # A number typed here is blocked for everyone who has it, a switchboard included
        # (a person asking for themselves is the `x` key or the end of their call).
        out(f"{e164}: {'added' if added else 'already on the list'}; blocked for everyone "
            f"with this number: {flagged} person(s) flagged")
    elif args.action == "remove":
        e164, removed, unflagged = services.dnc_remove(args.value)
        if not removed:
            raise CliError(f"{e164} is not on the do-not-call list")
        out(f"{e164}: removed; {unflagged} person(s) may be called again")
    else:
        added, already, bad = services.dnc_import(args.value)
        for line, reason in bad:
            out(f"line {line}: {reason}")
        out(f"{added} number(s) added, {already} already there, {len(bad)} unreadable")
        return 1 if bad else 0
    return 0
