"""`cockpit person export|forget ID|PHONE|EMAIL`: a person's rights over their data;
`cockpit person vacuum`: the server's owner frees what erasures left on a team server."""

from __future__ import annotations

import argparse
import json
import re
from typing import TYPE_CHECKING, Any

from cockpit.commands._common import add_force, out, person_key

if TYPE_CHECKING:
    from cockpit.settings import Settings


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("person", help="export or erase everything about a person",
                            description="export: everything held about the person, as JSON "
                            "(GDPR art. 15 and 20). forget: erase the person, their calls and "
                            "notes for good (art. 17); their numbers stay on the do-not-call "
                            "list as a keyed hash that cannot be read back. vacuum (team "
                            "server, its owner): free the rows erasures left for VACUUM.")
    parser.add_argument("action", choices=("export", "forget", "vacuum"))
    parser.add_argument("who", metavar="ID|PHONE|EMAIL", type=person_key, nargs="?",
                        help="12, contact:12, freelance:7, a number in any spelling, an e-mail")
    parser.add_argument("--out", metavar="FILE", help="export: write there (default: print)")
    parser.add_argument("--as", dest="actor", metavar="NAME", default="",
                        help="who does it, for the audit log (default: $COCKPIT_CALLER; on a "
                        "team server, your login)")
    parser.add_argument("--yes", action="store_true",
                        help="forget: erase without asking (scripts)")
    add_force(parser)
    return parser


def actor_name(services: Any, named: str, settings: Settings) -> str:
    """Who erases, for the audit log: on a team server the login's caller (naming another
    is refused for a caller; the server's roles leave erasures to the lead); elsewhere the
    one named (--as, the `caller` setting), who must be a lead, as for `purge`, else
    "cli" (a firm's own machine, nobody named)."""
    name = named or settings.caller or ""
    identity = services.signed_in()
    if not name and not (identity and identity[1]):
        return "cli"
    if not (identity and identity[1]):
        return str(services.acting_lead(name).name)  # refused to a caller, before asking
    found = services.acting_caller(name or None, "--as")
    return found.name if found else name


def _confirmed(services: Any, args: argparse.Namespace) -> bool:
    """Names who and what `forget` erases, then asks (unless --yes); False when refused."""
    from cockpit.commands._common import erase_confirmed
    from cockpit.commands.base import say

    person, name, counts = services.forget_preview(args.who)
    out(say("person.forget_what", kind=say(f"person.kind.{person.kind}"), id=person.id,
            name=name or "—", calls=counts["calls"], notes=counts["notes"],
            reminders=counts["reminders"], phones=counts["phones"]))
    return erase_confirmed(args.yes, say("person.forget_ask"))


def run(args: argparse.Namespace) -> int:

    from cockpit.commands._common import services_for
    from cockpit.commands.base import say

    services = services_for(args)
    if args.action == "vacuum":
        return _vacuum(services)
    if args.who is None:
        from cockpit.commands.base import CliError

        raise CliError(f"person {args.action}: say who (an id, a number or an e-mail)",
                       code="person_needs_who", action=args.action)
    if args.action == "export":
        data = json_text(services.export_person(args.who))
        if args.out:
            from cockpit.services.outputs import write_output

            write_output(args.out, data + "\n", db_url=services.url, force=args.force)
            out(say("cli.written", path=args.out))
        else:
            out(data)
        return 0
    actor = actor_name(services, args.actor, args.settings)  # refused before asking, when it is
    if not _confirmed(services, args):
        return 1
    person, removed, wiped = services.forget_person(args.who, actor)
    what = ", ".join(say("cli.person.removed", label=say(f"cli.person.removed.{k}"), count=n)
                     for k, n in removed.items() if n)
    out(say("cli.person.erased", kind=say(f"cli.person.kind.{person.kind}"), id=person.id,
            what=what))
    if wiped == "journal_busy":
        out(say("cli.shared_database"))
    elif wiped in ("owner_vacuums", "in_use"):
        out(say(f"cli.person.{wiped}"))
    return 0


def _vacuum(services: Any) -> int:
    """VACUUM the tables erasures touch; says which were rewritten, which were in use (only
    freed), and which this login may not."""
    from cockpit.commands.base import CliError, say

    rewritten, freed, refused = services.vacuum_erased()
    if rewritten:
        out(say("cli.person.vacuumed", tables=", ".join(rewritten)))
    if freed:
        out(say("cli.person.vacuum_in_use", tables=", ".join(freed)))
    if refused:
        raise CliError(f"not vacuumed (only the tables' owner may): {', '.join(refused)}",
                       code="vacuum_owner_only", tables=", ".join(refused))
    return 0


# JSON escapes C0 controls itself but leaves C1 ones (\x9b starts a terminal sequence) and
# DEL as they are: written as \u escapes, the text is safe to print and reads back the same.
_UNESCAPED = re.compile("[\x7f-\x9f\u2028\u2029]")


def json_text(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
