"""`cockpit import companies|contacts|freelances FILE`: a spreadsheet in (CSV or .xlsx)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cockpit.commands._common import add_force, out

if TYPE_CHECKING:
    from cockpit.domain.importing import RowError
    from cockpit.services.imports import ImportReport, RejectedWords

SHOWN_ERRORS = 200  # beyond this, the count; the rejected file (--skip-invalid) has them all


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "import", help="import companies, contacts or freelances from a spreadsheet",
        description="Reads CSV (comma, semicolon or tab; UTF-8 with or without BOM, "
        "Windows-1252, or UTF-16 as Excel's Unicode text) or .xlsx. Columns are recognised by "
        "their French or English names (Société/Company, Prénom/First name, Nom/Last name, "
        "Fonction/Role, Téléphone/Phone, E-mail…) and by those of the common exports "
        "(HubSpot, Pipedrive, Salesforce, Zoho, Odoo, Google Contacts, Outlook, LinkedIn); "
        "--map names the others. Notes before the header and a report's footer are "
        "skipped. By default nothing is imported when a row is invalid, and every bad row is "
        "listed.")
    parser.add_argument("kind", choices=("companies", "contacts", "freelances"))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--dry-run", action="store_true",
                        help="say what would happen only: where each column goes, with three "
                        "of its values; nothing is written")
    parser.add_argument("--skip-invalid", action="store_true",
                        help="import the good rows; write the rejected ones, with their "
                        "reasons, to FILE.rejected.csv beside the input")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=field",
                        help="read a column as a field, e.g. --map 'Tel perso=phone'; the "
                        "second of two columns of one name: --map 'Titre#2=role'")
    add_force(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import quoted, services_for
    from cockpit.commands.base import language, refused, say
    from cockpit.domain.text import printable
    from cockpit.i18n import Translator

    mapping: dict[str, str] = {}
    for item in args.map:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise refused("cli.import.bad_map", item=quoted(item))
        mapping[column.strip()] = target.strip()
    services = services_for(args)
    with _ProgressBar() as progress:
        report = services.import_file(args.kind, args.file, dry_run=args.dry_run,
                                      skip_invalid=args.skip_invalid, mapping=mapping,
                                      progress=progress, force=args.force,
                                      words=_rejected_words())
    separator = (report.delimiter or "").replace("\t", "\\t")  # a tab, seen
    out(say("cli.import.read_separator", path=report.path, rows=report.rows,
            encoding=report.encoding, separator=separator) if report.delimiter else
        say("cli.import.read", path=report.path, rows=report.rows, encoding=report.encoding))
    _say_skipped(report)
    if report.dry_run:
        _say_plan(report)
    elif report.unknown_columns:
        out(say("cli.import.unknown_columns", columns=", ".join(report.unknown_columns)))
    tr = Translator(language())
    for error in report.errors[:SHOWN_ERRORS]:
        reason = printable(tr.reason(error.reason))  # one line: a cell may hold line ends
        out(say("cli.import.at_column", line=error.line, column=error.column, reason=reason)
            if error.column else say("cli.line", line=error.line, reason=reason))
    if len(report.errors) > SHOWN_ERRORS:
        out(say("cli.more", count=len(report.errors) - SHOWN_ERRORS))
    bad_lines = len({e.line for e in report.errors})
    if report.errors and not args.skip_invalid:
        out(say("cli.import.nothing", count=bad_lines))
        return 1
    out(say("cli.import.would_create" if report.dry_run else "cli.import.created",
            created=report.created, kind=say(f"cli.kind.{args.kind}", count=report.created),
            merged=len(report.merged), in_file=len(report.merged_in_file))
        + (say("cli.import.new_companies", count=report.companies_created)
           if report.companies_created else ""))
    if report.switchboards:
        out(say("cli.import.switchboards", count=report.switchboards))
    if report.history:
        out(say("cli.import.history", count=report.history))
    if report.unknown_owners:
        from cockpit.domain.text import printable

        owners = sorted(report.unknown_owners.items(), key=lambda item: (-item[1], item[0]))
        names = [say("cli.import.owner", name=printable(name), count=count)
                 for name, count in owners[:10]]
        if len(owners) > 10:
            names.append(say("cli.import.owners_more", count=len(owners) - 10))
        out(say("cli.import.unknown_owners", names=", ".join(names)))
    for line, person_id, why in report.merged[:20]:
        out(say("cli.import.merged_into", line=line, id=person_id, why=_why(why)))
    for line, into in report.merged_in_file[:20]:
        out(say("cli.import.same_as", line=line, into=into))
    if report.rejected_file:
        out(say("cli.import.rejected", count=bad_lines, path=report.rejected_file))
    return 0


def _rejected_words() -> RejectedWords:
    """The rejected rows' file in the language the import is run in."""
    from cockpit.commands.base import language
    from cockpit.i18n import Translator
    from cockpit.services.imports import RejectedWords

    tr = Translator(language())

    def said(error: RowError) -> str:
        reason = tr.reason(error.reason)
        return (tr("import.rejected_at_column", column=error.column, reason=reason)
                if error.column else reason)

    return RejectedWords(tr("import.rejected_line"), tr("import.rejected_reason"),
                         tr("import.rejected_separator"), said)


def _say_skipped(report: ImportReport) -> None:
    """The lines read around the table, so nobody wonders where a row went."""
    from cockpit.commands.base import say
    from cockpit.domain.text import printable

    before, after = report.skipped_texts
    if report.skipped_before:
        out(say("cli.import.skipped_before", count=len(report.skipped_before),
                header=report.header_line, lines=_lines(report.skipped_before),
                text=printable(_short(before))))
    if report.skipped_after:
        out(say("cli.import.skipped_after", count=len(report.skipped_after),
                lines=_lines(report.skipped_after), text=printable(_short(after))))
    if report.repeated_headers:
        out(say("cli.import.repeated_headers", count=len(report.repeated_headers),
                lines=_lines(report.repeated_headers)))


def _say_plan(report: ImportReport) -> None:
    """--dry-run: where each column goes, with three of its values."""
    from cockpit.commands.base import say

    out(say("cli.import.plan"))
    for use in report.columns:
        samples = " | ".join(use.samples) or say("cli.import.plan_empty")
        if use.field:
            out(say("cli.import.plan_field", column=use.column, field=use.field,
                    label=_field_label(use.field), samples=samples))
        elif use.why == "civility":
            out(say("cli.import.plan_civility", column=use.column, samples=samples,
                    kind=say(f"cli.kind.{report.kind}", count=2)))  # "les contacts"
        else:
            out(say("cli.import.plan_unknown", column=use.column, samples=samples))


def _field_label(field: str) -> str:
    """A field as the user reads it ("CA 2023" for revenue_2023), never its code alone."""
    from cockpit.commands.base import say
    from cockpit.domain.import_figures import split_field

    by_year = split_field(field)
    if by_year is not None:
        return say(f"cli.import.field.{by_year[0]}_year", year=by_year[1])
    return say(f"cli.import.field.{field}")


def _lines(lines: tuple[int, ...]) -> str:
    """1, 2, 3, 7 → "1-3, 7"."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _why(code: str) -> str:
    """Why two people were taken as one ("same phone"), in the reader's language."""
    from cockpit.commands.base import say

    key = "cli.import.why." + code.replace(" ", "_").replace("-", "")
    said = say(key)
    return code if said == key else said


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
