"""`cockpit agenda`: the caller's agenda of the day, the week or the month: reminders (those
left behind first), interviews, missions starting; `--ics FILE` for a calendar application."""

from __future__ import annotations

from datetime import date

from cockpit.commands._common import add_force, out
from cockpit.commands.base import type_error
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any


def _day(text: str) -> date:
    from cockpit.commands._common import YEARS, quoted
    from cockpit.commands.base import say

    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise type_error(say("cli.agenda.bad_day", value=quoted(text))) from None
    if not YEARS[0] <= day.year <= YEARS[1]:  # 0001-01-01: its week began before the calendar
        raise type_error(say("cli.year_range", value=quoted(text),
                                             low=YEARS[0], high=YEARS[1]))
    return day


def register(sub: Any) -> argparse.ArgumentParser:
    import argparse

    parser = sub.add_parser("agenda", help="the caller's agenda (day, week, month)",
                            description="A caller's agenda: reminders, interviews, missions "
                                        "starting; overdue reminders first.")
    span = parser.add_mutually_exclusive_group()
    span.add_argument("--week", action="store_true", help="the whole week (Monday to Sunday)")
    span.add_argument("--month", action="store_true", help="the whole month")
    parser.add_argument("--day", type=_day, metavar="YYYY-MM-DD",
                        help="a day of the period to show (default: today)")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="whose agenda (default: first caller)")
    parser.add_argument("--all", action="store_true", help="every caller's agenda (lead)")
    parser.add_argument("--ics", metavar="FILE",
                        help="also write every open reminder as an iCalendar file")
    add_force(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cockpit.commands._common import caller_for, lang_of, services_for
    from cockpit.commands.base import say
    from cockpit.i18n import Translator
    from cockpit.services.outputs import check_target, write_output
    from cockpit.tui.agenda_words import calendar, heading, line

    services = services_for(args)
    caller = caller_for(services, args)
    if args.ics:
        check_target(args.ics, db_url=services.url, force=args.force)  # before any listing
    period = "week" if args.week else "month" if args.month else "day"
    view = services.agenda(caller.id, period, args.day, everyone=args.all)
    tr = Translator(lang_of(args))
    zone = args.settings.zone
    out(heading(view, tr))
    for item in view.items:
        out(line(item, tr, zone, with_owner=args.all))
    if not view.items:
        out(say("cli.agenda.none"))
    if args.ics:
        items = services.calendar_reminders(caller.id, everyone=args.all)
        text = calendar(items, tr, datetime.now(UTC), with_owner=args.all)
        write_output(args.ics, text, db_url=services.url, force=args.force)
        out(say("cli.reminders.written", count=text.count("BEGIN:VEVENT"), path=args.ics))
    return 0
