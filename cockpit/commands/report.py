"""`cockpit report [--date D | --week YYYY-Www] [--caller NAME] [--format md|csv|html]`."""

from __future__ import annotations

from datetime import timedelta

from cockpit.commands._common import add_force, moment_text, out
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("report", help="the figures of a day or a week, as a file",
                            description="Calls, talk time, decision makers reached, needs, "
                            "outcomes, objections and how those calls ended, where calls stop "
                            "in each script, calls per hour. A lead gets the team's figures; a "
                            "caller, their own.")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--date", type=moment_text, metavar="YYYY-MM-DD",
                      help="a day (default: today)")
    when.add_argument("--week", type=moment_text, metavar="YYYY-Www",
                      help="an ISO week, e.g. 2026-W48, or any day of it (2026-11-25)")
    # dest: not `caller`, which is who runs the command (the `caller` setting)
    parser.add_argument("--caller", dest="figures_of", metavar="NAME",
                        help="one caller's figures (a lead only, for someone else)")
    parser.add_argument("--as", dest="viewer", metavar="NAME",
                        help="who asks (default: $COCKPIT_CALLER, else the first lead)")
    parser.add_argument("--format", choices=("md", "csv", "html"), default="md")
    parser.add_argument("--out", metavar="FILE", help="write there (default: print)")
    parser.add_argument("--comma", action="store_true",
                        help="CSV: commas instead of semicolons (English spreadsheets)")
    add_force(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import find_caller, lean_services, services_for

    asking = args.viewer or args.settings.caller
    lean = lean_services(args)  # the driver alone when the database needs nothing else
    if lean is not None:
        try:
            viewer = lean.acting_caller(asking, "--as", lead_first=True)
            if viewer is not None:  # else the full way says who there is
                return _report(lean, viewer, args)
        finally:
            lean.close()
    services = services_for(args)
    return _report(services, find_caller(services, asking, "--as", lead_first=True), args)


def _report(services: Any, viewer: Any, args: argparse.Namespace) -> int:
    """The figures asked, printed or written (the same whichever services read them)."""
    from cockpit.commands._common import YEARS, lang_of, quoted
    from cockpit.commands.base import refused, say
    from cockpit.domain.figures import period_of_day, period_of_week
    from cockpit.i18n.dates import format_date, format_day_month
    from cockpit.reports.render import csv_text, html_page, markdown

    lang = lang_of(args)
    try:
        if args.week:
            start, end = period_of_week(args.week)
            last = end - timedelta(days=1)  # the period ends at the next Monday, excluded
            label = say("cli.report.week", week=f"{start:%G-W%V}",
                        start=format_day_month(start, lang), end=format_day_month(last, lang))
        else:
            day = args.date or services.now().astimezone(args.settings.zone).date().isoformat()
            start, end = period_of_day(day)
            label = format_date(start, lang)
        if not YEARS[0] <= start.year <= YEARS[1]:  # 0001-01-01 crashed in the store
            raise ValueError(f"year {start.year}")
    except (ValueError, OverflowError) as exc:  # 9999-12-31: its next day is out of range
        raise (refused("cli.report.bad_week", value=quoted(args.week)) if args.week
               else refused("cli.report.bad_date", value=quoted(args.date))) from exc
    from cockpit.i18n import Translator
    from cockpit.reports.model import worded

    report = worded(services.report(viewer.id, start, end, label, caller=args.figures_of),
                    Translator(lang))
    if args.format == "md":
        text, encoding = markdown(report), "utf-8"
    elif args.format == "csv":
        text, encoding = csv_text(report, "," if args.comma else ";"), "utf-8-sig"
    else:
        text, encoding = html_page(report, lang), "utf-8"
    if args.out:
        from cockpit.services.outputs import write_output

        written = write_output(args.out, text, db_url=services.url, force=args.force,
                               encoding=encoding)
        out(say("cli.written_as", path=written, format=args.format))
    else:
        out(text, end="")
    return 0

