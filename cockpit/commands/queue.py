"""`cockpit queue`: who to call, in order, and why; `--why` adds who is left out and why."""

from __future__ import annotations

import sys
from datetime import datetime

from cockpit.commands._common import count, moment_text
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any

# A table to print: title, whether Rich reads the title as markup, headers, rows, and per
# column whether Rich reads its cells as markup.
_Table = tuple[str, bool, list[str], list[list[str]], tuple[bool, ...]]


def register(sub: Any) -> argparse.ArgumentParser:
    import argparse

    parser = sub.add_parser("queue", help="print a caller's queue with the reasons",
                            description="Print the queue of a caller, one person per line "
                            "with the reason they are there.")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="whose queue (default: the first caller)")
    parser.add_argument("--at", type=moment_text, metavar="ISO-TIME",
                        help="as if it were this moment")
    parser.add_argument("--limit", type=count, default=30, help="how many lines (default 30)")
    parser.add_argument("--why", action="store_true", help="also list the people left out")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, lean_services, parse_at, services_for

    at = parse_at(args.at)
    # The driver alone when the database needs nothing else and the queue reads plain SQL.
    lean = lean_services(args, at)
    if lean is not None:
        try:
            caller = lean.acting_caller(args.settings.caller or None)
            if caller is not None:  # else the full way says who there is
                return _printed(lean, caller, args)
        finally:
            lean.close()
    services = services_for(args, at)
    return _printed(services, caller_for(services, args), args)


def _printed(services: Any, caller: Any, args: argparse.Namespace) -> int:
    """The queue as a table (the same whichever services read it)."""
    from cockpit.domain.text import printable
    from cockpit.i18n import Translator
    from cockpit.i18n.dates import format_short, format_soon

    lang, zone = args.settings.lang, args.settings.zone
    page = services.queue_page(caller.id, limit=args.limit, lang=lang,
                               with_excluded=args.why)
    tr = Translator(lang)
    now = services.now()
    today = now.astimezone(zone).date()

    def soon(moment: datetime) -> str:  # dès 09:00 the same day, lun. 09:00 another one
        when = format_soon(moment, today, lang, zone)
        return tr("queue.from_time", time=when) if moment.astimezone(zone).date() == today \
            else when

    total = f"{page.total}+" if page.more else str(page.total)  # +: leads after, uncounted
    title = tr("queue.cli_title", caller=caller.name, total=total)
    if page.opens_at is not None:  # closed now: the list of the moment the hours open
        title = tr("queue.cli_title_closed", caller=caller.name, total=total,
                   when=soon(page.opens_at))
    held = any(row.held for row in page.rows)
    headers = ["#", tr("cli.queue.when"), tr("cli.queue.person"), tr("cli.queue.company"),
               tr("cli.queue.reason")]
    if held:
        headers.append(tr("queue.cli_callable"))
    rows: list[list[str]] = []
    for index, row in enumerate(page.rows, 1):
        when = format_short(row.due_at, lang, zone) if row.due_at else ""
        name = f"{row.name} (DO)" if row.is_decision_maker else row.name
        cells = [str(index), when, printable(name), printable(row.company),
                 printable(row.reason)]
        if held:
            reason = row.reason
            # The closed hours are said once in the title; another hold, on its line.
            if row.held and (page.opens_at is None or row.callable_at != page.opens_at):
                reason = f"{row.reason} — {row.held}"
            cells[4] = printable(reason)
            since = "" if not row.held else soon(row.callable_at) if row.callable_at \
                else tr("queue.held")
            cells.append(since)
        rows.append(cells)
    # Index, time and "callable from" are strings Rich reads as markup; names are Text.
    tables: list[_Table] = [(printable(title), False, headers, rows,
                             (True, True, False, False, False, True))]
    if args.why:
        excluded = [[printable(name), printable(reason)] for name, reason in page.excluded]
        tables.append((tr("cli.queue.left_out"), True,
                       [tr("cli.queue.person"), tr("cli.queue.reason")], excluded, ()))
    _print_tables(tables)
    return 0


def _print_tables(tables: list[_Table]) -> None:
    """Printed as Rich prints them; without Rich (half the process) when the plain table is
    exactly what Rich would print: a pipe or a file, no wrapping (see plain_table)."""
    from cockpit.commands.plain_table import render, stdout_width

    width = stdout_width()
    if width is not None:
        texts = [render(title, headers, rows, width, title_markup=title_markup, markup=markup)
                 for title, title_markup, headers, rows, markup in tables]
        if all(text is not None for text in texts):
            sys.stdout.write("".join(text or "" for text in texts))
            return
    _rich_tables(tables)


def _rich_tables(tables: list[_Table]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    class Printer(Console):
        def on_broken_pipe(self) -> None:
            # Rich ends the process with status 1 when the reader goes (`| head`): raised
            # instead, main answers 141 as for every other command (as a shell would).
            raise BrokenPipeError

    console = Printer()
    for title, title_markup, headers, rows, markup in tables:
        # Text, not a string: Rich would read `[bold]` in a name as markup.
        table = Table(title=title if title_markup else Text(title))
        for header in headers:
            table.add_column(header)
        for row in rows:
            table.add_row(*[value if index < len(markup) and markup[index] else Text(value)
                            for index, value in enumerate(row)])
        console.print(table)
