"""`cockpit recap need ID` / `cockpit recap freelance ID [--need ID]`: the recap e-mail after a
call, printed, saved as .eml (opened by mail clients as a draft) or opened with mailto:."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import add_force, out, record_id


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("recap", help="the recap e-mail of a need or a freelance call")
    parser.add_argument("kind", choices=("need", "freelance"))
    parser.add_argument("id", type=record_id, metavar="ID")
    parser.add_argument("--need", type=record_id, metavar="NEED_ID", help="freelance: the mission")
    parser.add_argument("--eml", metavar="FILE", help="save as a .eml draft")
    parser.add_argument("--mailto", action="store_true", help="print the mailto: link only")
    parser.add_argument("--open", action="store_true", help="open it in the mail client")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS)
    add_force(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, services_for
    from cockpit.commands.base import say

    services = services_for(args)
    caller = caller_for(services, args)
    lang = args.settings.lang
    if args.kind == "need":
        draft = services.need_recap(args.id, caller.id, lang=lang)
    else:
        draft = services.freelance_recap(args.id, args.need, caller.id, lang=lang)
    if args.eml:
        out(say("cli.written", path=services.save_eml(draft, args.eml, force=args.force,
                                                      create_folder=False)))
    elif args.mailto:
        out(draft.mailto)
    elif args.open:
        import webbrowser

        webbrowser.open(draft.mailto)
    else:
        out(f"{say('cli.recap.headers', to=draft.to, subject=draft.subject)}\n\n{draft.body}")
    return 0
