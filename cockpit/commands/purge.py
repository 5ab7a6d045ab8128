"""`cockpit purge --older-than 3y [--dry-run]`: retention of prospects' data."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import out


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("purge", help="erase prospects with no contact for a long time",
                            description="The CNIL's reference for prospects is three years "
                            "from the last contact. The prospects are listed first; with "
                            "--dry-run nothing is erased.")
    parser.add_argument("--older-than", required=True, metavar="AGE", type=_age,
                        help="3y, 36m, 1095d…")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--as", dest="actor", metavar="NAME", default="",
                        help="the team lead who erases (default: $COCKPIT_CALLER, else the "
                        "lead; on a team server, your login): a lead's action")
    parser.add_argument("--yes", action="store_true",
                        help="erase without asking (scripts); without a terminal, needed")
    return parser


def _age(text: str) -> str:
    """argparse type of --older-than: a number and y, m, w or d, a day to a century."""
    import re

    from cockpit.commands._common import quoted
    from cockpit.commands.base import say

    match = re.fullmatch(r"\s*(\d{1,6})\s*([ymwdYMWD])\s*", text)
    days = int(match.group(1)) * {"y": 365, "m": 30, "w": 7, "d": 1}[match.group(2).lower()] \
        if match else 0
    if not 1 <= days <= 36_500:
        raise argparse.ArgumentTypeError(say("cli.bad_age", value=quoted(text)))
    return text


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import erase_confirmed, lang_of, services_for, worded_age
    from cockpit.commands.base import say
    from cockpit.i18n.dates import format_date

    services = services_for(args)
    # A lead's action, refused to a caller before anything is listed: it erases people.
    lead = services.acting_lead(args.actor or args.settings.caller or None)
    stale = services.stale_prospects(args.older_than)
    for contact_id, name, company, last in stale[:500]:
        when = format_date(last, lang_of(args)) if last else say("cli.purge.never")
        out(say("cli.purge.line", id=f"{contact_id:<6}", name=name, company=company or "—",
                when=when))
    if len(stale) > 500:
        out(say("cli.more", count=len(stale) - 500))
    if args.dry_run or not stale:
        out(say("cli.purge.found", count=len(stale), age=worded_age(args.older_than))
            + (say("cli.purge.dry_run") if args.dry_run else ""))
        return 0
    if not erase_confirmed(args.yes, say("cli.purge.ask", count=len(stale))):
        return 1
    count, wiped = services.purge(args.older_than, lead.name)
    out(say("cli.purge.erased", count=count))
    if wiped == "journal_busy":
        out(say("cli.shared_database"))
    elif wiped in ("owner_vacuums", "in_use"):
        out(say(f"cli.person.{wiped}"))
    return 0

