"""`cockpit reminders`: a caller's open reminders; `--ics FILE` for a calendar application."""

from __future__ import annotations

from datetime import tzinfo

from cockpit.commands._common import add_force, moment_text, out, record_id
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    import argparse

    parser = sub.add_parser("reminders", help="list open reminders (and export them)",
                            description="List a caller's open reminders, soonest first.")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="whose reminders (default: first caller)")
    parser.add_argument("--ics", metavar="FILE", help="also write them as an iCalendar file")
    parser.add_argument("--all", action="store_true", help="every caller's reminders (lead)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--done", type=record_id, metavar="ID", help="mark reminder ID as done")
    action.add_argument("--snooze", type=record_id, metavar="ID",
                        help="move reminder ID to --until")
    action.add_argument("--reassign", type=record_id, metavar="ID",
                        help="give reminder ID to the caller named by --to")
    parser.add_argument("--until", type=moment_text, metavar="WHEN",
                        help="with --snooze: 25/11 14h30, demain 10h…")
    parser.add_argument("--to", metavar="NAME", help="with --reassign: the caller taking it")
    add_force(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import lean_services

    # A plain listing reads through the driver alone; a change, --ics, the full services.
    lean = None if args.done or args.snooze or args.reassign or args.ics \
        else lean_services(args)
    if lean is not None:
        try:
            caller = lean.acting_caller(args.settings.caller or None)
            if caller is not None:  # else the full way says who there is
                return _listing(lean, caller, args)
        finally:
            lean.close()
    return _full(args)


def _full(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cockpit.commands._common import caller_for, lang_of, services_for
    from cockpit.commands.base import say
    from cockpit.i18n import Translator
    from cockpit.services.outputs import check_target, write_output

    services = services_for(args)
    caller = caller_for(services, args)
    if args.done or args.snooze or args.reassign:
        return _change(services, caller, args)
    if args.ics:
        check_target(args.ics, db_url=services.url, force=args.force)  # before any listing
    _listing(services, caller, args)
    if args.ics:  # every open reminder, titled and numbered as the agenda says them
        from cockpit.tui.agenda_words import calendar

        tr = Translator(lang_of(args))
        items = services.calendar_reminders(caller.id, everyone=args.all)
        text = calendar(items, tr, datetime.now(UTC), with_owner=args.all)
        write_output(args.ics, text, db_url=services.url, force=args.force)
        out(say("cli.reminders.written", count=text.count("BEGIN:VEVENT"), path=args.ics))
    return 0


def _listing(services: Any, caller: Any, args: argparse.Namespace) -> int:
    """The open reminders, one a line (the same lines whichever services read them)."""
    from cockpit.commands._common import lang_of
    from cockpit.commands.base import say
    from cockpit.i18n import Translator
    from cockpit.i18n.dates import format_date_time
    from cockpit.i18n.reasons import reminder_reason

    rows = services.open_reminders(None if args.all else caller.id)
    tr = Translator(lang_of(args))

    def kind(code: str) -> str:
        # The kind as a caller says it ("Relance CV"), never its code name ("follow_up").
        key = f"reminder.kind.{code}"
        said = tr(key)
        return code if said == key else said

    zone = args.settings.zone  # once: a ZoneInfo per line cost a long listing ~1 ms
    for r in rows:
        due = format_date_time(r.due_at, tr.lang, zone)
        owner = f" [{r.owner}]" if args.all else ""
        out(f"#{r.id:<6} {due}  {kind(r.kind):<17} {r.person} · {r.company}  "
            f"{reminder_reason(r.reason, tr)}{owner}")
    if not rows:
        out(say("cli.reminders.none", caller=caller.name))
    return 0


def _change(services: Any, caller: Any, args: argparse.Namespace) -> int:
    from cockpit.commands._common import lang_of, no_caller
    from cockpit.commands.base import refused, say
    from cockpit.i18n.dates import format_date_time
    from cockpit.store.reminders import complete, reassign, reschedule

    now = services.now()
    if args.done or args.snooze:  # one's own, or anyone's for a lead: said before writing
        services.check_reminder_change(args.done or args.snooze, caller)
    if args.done:
        if not complete(args.done, now):
            raise refused("cli.reminders.not_open", id=args.done)
        out(say("cli.reminders.done", id=args.done))
        return 0
    if args.snooze:
        if not args.until:
            raise refused("cli.reminders.needs_until")
        due = _until(args.until, now, args.settings.zone)
        if not reschedule(args.snooze, due):
            raise refused("cli.reminders.not_open", id=args.snooze)
        out(say("cli.reminders.moved", id=args.snooze,
                when=format_date_time(due, lang_of(args), args.settings.zone)))
        return 0
    if not args.to:
        raise refused("cli.reminders.needs_to")
    if not caller.is_lead:
        raise refused("cli.reminders.lead_only", caller=caller.name)
    target = services.find_caller(args.to)
    if target is None:
        raise no_caller(services, args.to)
    if not reassign(args.reassign, target.id, caller.name, now):
        raise refused("cli.reminders.missing", id=args.reassign)
    out(say("cli.reminders.reassigned", id=args.reassign, caller=target.name))
    return 0


def _until(raw: str, now: Any, zone: tzinfo) -> Any:
    """--until read as the cockpit reads a reminder typed in a call; refused when it is not a
    moment, names a year no caller means (01/01/0001 is not 2001) or has already passed."""
    from cockpit.commands._common import in_years, quoted
    from cockpit.commands.base import CliError, language
    from cockpit.domain.captures import parse_datetime
    from cockpit.domain.errors import ValidationError
    from cockpit.i18n.dates import format_date_time

    try:
        due = parse_datetime(raw, now.astimezone(zone))
    except (ValueError, ValidationError, OverflowError) as exc:
        raise CliError(f"--until {quoted(raw)!r} is not a date and time", code="cli_bad_when",
                       option="--until", value=quoted(raw)) from exc
    due = in_years("--until", raw, due)
    if due <= now:
        when = format_date_time(due, language(), zone)
        raise CliError(f"--until {quoted(raw)!r} has already passed ({when})", code="cli_past",
                       option="--until", value=quoted(raw), when=when)
    return due
