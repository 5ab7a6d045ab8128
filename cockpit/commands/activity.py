"""`cockpit activity`: the old CRM's lists — decision makers nobody called for N days, with
their last note ("activité générale"); `--private`, the caller's own contacts with their last
call and next reminder ("activité privée"); `--do-not-call`, the lead's list of numbers."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import count, out, record_id, short_text, whole_between
from cockpit.domain.activity import MAX_DAYS

NOTE_SHOWN = 80  # characters of the last note on a line; the record has the whole note


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "activity", help="decision makers not called for a while (and other lists)",
        description="Decision makers nobody called for --days days (90 by default), the "
        "longest silent first, each with the date and text of their last note. --sector, "
        "--company and --tech keep the lines whose value contains the text (accents and "
        "case ignored).")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="who looks (a caller sees the shared contacts and their own)")
    parser.add_argument("--days", type=whole_between(1, MAX_DAYS), default=90, metavar="N",
                        help="not called for N days (default 90)")
    parser.add_argument("--sector", type=short_text, default="", metavar="TEXT")
    parser.add_argument("--company", type=short_text, default="", metavar="TEXT")
    parser.add_argument("--tech", type=short_text, default="", metavar="TEXT",
                        help="a technology of the company or of one of its needs")
    parser.add_argument("--limit", type=count, default=200, metavar="N",
                        help="lines shown at most (default 200)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--private", action="store_true",
                       help="the caller's private contacts, last call and next reminder")
    which.add_argument("--do-not-call", dest="dnc", action="store_true",
                       help="the do-not-call list: who, which number, why, since when (lead)")
    which.add_argument("--to-queue", type=record_id, metavar="CONTACT_ID",
                       help="put the contact in the caller's queue (a callback due now)")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, lang_of, services_for
    from cockpit.commands.base import CliError, say
    from cockpit.domain.activity import ActivityFilter
    from cockpit.services.errors import ServiceError
    from cockpit.services.views import PersonRef

    services = services_for(args)
    caller = caller_for(services, args)
    lang = lang_of(args)
    try:
        if args.to_queue:
            added = services.to_my_queue(caller.id, PersonRef("contact", args.to_queue))
            out(say("cli.activity.queued" if added else "cli.activity.already_queued",
                    id=args.to_queue, caller=caller.name))
            return 0
        if args.private:
            return _private(services, caller, lang, args)
        if args.dnc:
            return _do_not_call(services, caller, lang, args)
        wanted = ActivityFilter(args.days, args.sector, args.company, args.tech)
        found = services.silent_decision_makers(caller.id, wanted, args.limit)
    except ServiceError as exc:
        if exc.code in ("store_unavailable", "disk_full", "read_only"):
            raise
        raise CliError(str(exc), code=exc.code, **exc.params) from exc
    _silent(found, lang, args)
    return 0


def _silent(found: Any, lang: str, args: argparse.Namespace) -> None:
    from cockpit.commands.base import say
    from cockpit.i18n.dates import format_date

    zone = args.settings.zone
    for row in found.rows:
        company = f" · {row.company}" if row.company else ""
        role = f", {row.role}" if row.role else ""
        owner = f" [{row.owner}]" if row.owner else ""
        out(f"#{row.person.id:<6} {format_date(row.last_contact, lang, zone)}  "
            f"{row.name}{role}{company}{owner}")
        if row.last_note:
            note = " ".join(row.last_note.split())
            shown = note if len(note) <= NOTE_SHOWN else note[:NOTE_SHOWN - 1] + "…"
            out(f"        {format_date(row.last_note_at, lang, zone)} « {shown} »"
                if lang == "fr" else f"        {format_date(row.last_note_at, lang, zone)} "
                f"\u201c{shown}\u201d")
    key = "cli.activity.count" if found.total == len(found.rows) else "cli.activity.count_more"
    out(say(key, count=found.total, shown=len(found.rows), days=args.days))


def _private(services: Any, caller: Any, lang: str, args: argparse.Namespace) -> int:
    from cockpit.commands.base import say
    from cockpit.i18n import Translator
    from cockpit.i18n.dates import format_date, format_date_time

    tr = Translator(lang)
    zone = args.settings.zone
    rows = services.private_contacts(caller.id)
    for row in rows:
        last = (format_date(row.last_contact, lang, zone) if row.last_contact
                else tr("activity.never"))
        nxt = (f"{tr(f'reminder.kind.{row.next_kind}')} "
               f"{format_date_time(row.next_due, lang, zone)}" if row.next_due
               else tr("activity.nothing_booked"))
        company = f" · {row.company}" if row.company else ""
        out(f"#{row.person.id:<6} {row.name}{company}  "
            f"{tr('activity.last', when=last)}  {tr('activity.next', what=nxt)}")
    out(say("cli.portfolio.count", count=len(rows), caller=caller.name))
    return 0


def _do_not_call(services: Any, caller: Any, lang: str, args: argparse.Namespace) -> int:
    from cockpit.commands.base import say
    from cockpit.i18n import Translator
    from cockpit.i18n.dates import format_date

    tr = Translator(lang)
    rows = services.do_not_call_list(caller.id)
    for row in rows:
        who = ", ".join(row.people) or tr("activity.nobody")
        number = row.number or tr("activity.erased")
        reason = f" — {row.reason}" if row.reason else ""
        out(f"{number:<20} {format_date(row.since, lang, args.settings.zone)}  {who}{reason}")
    out(say("cli.activity.dnc_count", count=len(rows)))
    return 0
