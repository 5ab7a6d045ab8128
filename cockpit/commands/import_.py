"""`cockpit import companies|contacts|freelances FILE`: a spreadsheet in (CSV or .xlsx)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from cockpit.commands._common import add_force, out

SHOWN_ERRORS = 200  # beyond this, the count; the rejected file (--skip-invalid) has them all


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "import", help="import companies, contacts or freelances from a spreadsheet",
        description="Reads CSV (comma, semicolon or tab; UTF-8 with or without BOM, or "
        "Windows-1252) or .xlsx. Columns are recognised by their French or English names "
        "(Société/Company, Prénom/First name, Nom/Last name, Fonction/Role, Téléphone/Phone, "
        "E-mail…); --map names the others. By default nothing is imported when a row is "
        "invalid, and every bad row is listed.")
    parser.add_argument("kind", choices=("companies", "contacts", "freelances"))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--dry-run", action="store_true", help="say what would happen only")
    parser.add_argument("--skip-invalid", action="store_true",
                        help="import the good rows; write the rejected ones, with their "
                        "reasons, to FILE.rejected.csv beside the input")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=field",
                        help="read a column as a field, e.g. --map 'Tel perso=phone'")
    add_force(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.cli import CliError
    from cockpit.commands._common import services_for

    mapping: dict[str, str] = {}
    for item in args.map:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise CliError(f"--map {item!r}: expected COLUMN=field, e.g. 'Tel perso=phone'")
        mapping[column.strip()] = target.strip()
    services = services_for(args)
    with _ProgressBar() as progress:
        report = services.import_file(args.kind, args.file, dry_run=args.dry_run,
                                      skip_invalid=args.skip_invalid, mapping=mapping,
                                      progress=progress, force=args.force)
    out(f"{report.path}: {report.rows} row(s), {report.encoding}, "
        f"separator {report.delimiter!r}" if report.delimiter else
        f"{report.path}: {report.rows} row(s), {report.encoding}")
    if report.unknown_columns:
        out(f"columns not imported: {', '.join(report.unknown_columns)} "
            "(--map COLUMN=field to use them)")
    for error in report.errors[:SHOWN_ERRORS]:
        where = f"line {error.line}" + (f", column {error.column!r}" if error.column else "")
        out(f"{where}: {error.reason}")
    if len(report.errors) > SHOWN_ERRORS:
        out(f"… and {len(report.errors) - SHOWN_ERRORS} more")
    bad_lines = len({e.line for e in report.errors})
    if report.errors and not args.skip_invalid:
        out(f"nothing imported: {bad_lines} invalid row(s). Fix them, or use --skip-invalid "
            "to import the others")
        return 1
    verb = "would create" if report.dry_run else "created"
    out(f"{verb} {report.created} {args.kind}; merged {len(report.merged)} with people "
        f"already known and {len(report.merged_in_file)} duplicate row(s) of the file"
        + (f"; {report.companies_created} new companies" if report.companies_created
           else ""))
    if report.switchboards:
        out(f"{report.switchboards} number(s) shared by several people: kept as the "
            "company's switchboard, each person kept apart")
    for line, person_id, why in report.merged[:20]:
        out(f"  line {line}: merged into #{person_id} ({why})")
    for line, into in report.merged_in_file[:20]:
        out(f"  line {line}: same person as line {into}")
    if report.rejected_file:
        out(f"{bad_lines} row(s) rejected, with their reasons, in {report.rejected_file}")
    return 0


class _ProgressBar:
    """A progress bar on the terminal for long imports; silent when not a terminal."""

    def __enter__(self) -> Callable[[int, int], None]:
        self._bar: Any = None
        self._task: Any = None
        return self.update

    def update(self, done: int, total: int) -> None:
        if total < 2000 or not sys.stderr.isatty():
            return
        if self._bar is None:
            from rich.progress import Progress

            self._bar = Progress(transient=True)
            self._bar.start()
            self._task = self._bar.add_task("import", total=total)
        self._bar.update(self._task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
