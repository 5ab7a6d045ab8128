"""`cockpit queue`: who to call, in order, and why; `--why` adds who is left out and why."""

from __future__ import annotations

import argparse
from typing import Any
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("queue", help="print a caller's queue with the reasons",
                            description="Print the queue of a caller, one person per line "
                            "with the reason they are there.")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="whose queue (default: the first caller)")
    parser.add_argument("--at", metavar="ISO-TIME", help="as if it were this moment")
    parser.add_argument("--limit", type=int, default=30, help="how many lines (default 30)")
    parser.add_argument("--why", action="store_true", help="also list the people left out")
    parser.add_argument("--lang", choices=("fr", "en"), default=argparse.SUPPRESS)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from cockpit.commands._common import caller_for, parse_at, services_for
    from cockpit.domain.text import printable

    def cell(value: str) -> Text:
        # Text, not a string: Rich would read `[bold]` in a name as markup.
        return Text(printable(value))

    if args.limit < 1:
        from cockpit.cli import CliError

        raise CliError("--limit must be at least 1")
    at = parse_at(args.at)
    services = services_for(args, at)
    caller = caller_for(services, args)
    page = services.queue_page(caller.id, limit=args.limit, lang=args.lang,
                               with_excluded=args.why)
    console = Console()
    table = Table(title=cell(f"{caller.name}: {page.total} à appeler" if args.lang == "fr"
                             else f"{caller.name}: {page.total} to call"))
    for column in ("#", "quand" if args.lang == "fr" else "when", "personne", "société",
                   "raison" if args.lang == "fr" else "reason"):
        table.add_column(column)
    for index, row in enumerate(page.rows, 1):
        when = row.due_at.astimezone(PARIS).strftime("%d/%m %H:%M") if row.due_at else ""
        name = f"{row.name} (DO)" if row.is_decision_maker else row.name
        table.add_row(str(index), when, cell(name), cell(row.company), cell(row.reason))
    console.print(table)
    if args.why:
        out = Table(title="Écartés" if args.lang == "fr" else "Left out")
        out.add_column("personne")
        out.add_column("raison" if args.lang == "fr" else "reason")
        for name, reason in page.excluded:
            out.add_row(cell(name), cell(reason))
        console.print(out)
    return 0
