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
    from cockpit.commands._common import lang_of, services_for, stored_reason
    from cockpit.commands.base import language, refused, say
    from cockpit.i18n.dates import format_date

    services = services_for(args)
    if args.action != "list" and not args.value:
        if args.action == "import":
            raise refused("cli.dnc.give_file")
        raise refused("cli.dnc.give_number", action=args.action)
    if args.action == "list":
        rows = services.dnc_list()
        for e164, digest, reason, at in rows:
            shown = e164 or say("cli.dnc.erased_person", digest=digest[:12])
            out(f"{shown}  {stored_reason(reason)}  {format_date(at, lang_of(args))}")
        out(say("cli.dnc.count", count=len(rows)))
    elif args.action == "add":
        e164, added, flagged = services.dnc_add(args.value, args.reason)
        # A number typed here is blocked for everyone who has it, a switchboard included
        # (a person asking for themselves is the `x` key or the end of their call).
        out(say("cli.dnc.added" if added else "cli.dnc.already", number=e164, count=flagged))
    elif args.action == "remove":
        # Someone asked not to be called: only a lead lifts it. On a team server the roles
        # decide (the server refuses a caller's login); on a file, the one named must lead.
        identity = services.signed_in()
        if not (identity and identity[1]):
            services.acting_lead(args.settings.caller or None)
        e164, removed, unflagged = services.dnc_remove(args.value)
        if not removed:
            raise refused("cli.dnc.not_listed", number=e164)
        out(say("cli.dnc.removed", number=e164, count=unflagged))
    else:
        new, already, bad = services.dnc_import(args.value)  # counts (`added` is a flag above)
        from cockpit.i18n import Translator

        words = Translator(language())
        for line, why in bad:
            out(say("cli.line", line=line, reason=words.reason(why)))
        out(say("cli.dnc.imported", added=new, already=already, bad=len(bad)))
        return 1 if bad else 0
    return 0
