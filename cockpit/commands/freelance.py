"""`cockpit freelance cv ID [FILE]`: attach a CV file to a freelance (kept in the database,
newest first), or list the ones kept."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import out, record_id


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("freelance", help="a freelance's CV files",
                            description="Attach a CV (.docx, .pdf, .odt, .txt, .md) to a "
                            "freelance, or list the ones kept (newest first). The file is kept "
                            "in the database: its text is searched and anonymised.")
    action = parser.add_subparsers(dest="freelance_action", metavar="ACTION", required=True)
    cv = action.add_parser("cv", help="attach a CV file, or list them")
    cv.add_argument("id", type=record_id, metavar="ID", help="the freelance's number")
    cv.add_argument("file", nargs="?", metavar="FILE", help="the CV to attach (none: list)")
    cv.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                    help="who attaches it (default: $COCKPIT_CALLER, else nobody named)")
    # Given after the action too (`cockpit freelance cv 7 cv.pdf --db URL`).
    cv.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")
    cv.add_argument("--lang", choices=("fr", "en"), default=argparse.SUPPRESS,
                    help="the language of the messages (default: fr)")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import find_caller, lang_of, services_for
    from cockpit.commands.base import say
    from cockpit.domain.text import printable
    from cockpit.i18n.dates import format_date_time

    services = services_for(args)
    if args.file is not None:
        name = args.settings.caller
        caller_id = find_caller(services, name).id if name else None
        row = services.attach_cv(args.id, args.file, caller_id)
        key = "cli.freelance.cv_scan" if row.scanned else "cli.freelance.cv_added"
        out(say(key, name=printable(row.name), id=args.id, format=row.format,
                size=max(1, row.size // 1024)))
        return 0
    rows = services.cv_files(args.id)
    if not rows:
        out(say("cli.freelance.no_cv", id=args.id))
        return 0
    for row in rows:
        scan = f" · {say('cli.freelance.scan')}" if row.scanned else ""
        added = format_date_time(row.added_at, lang_of(args), args.settings.zone)
        out(f"#{row.id}  {added}  {printable(row.name)}  "
            f"{row.format}  {max(1, row.size // 1024)} {say('cli.freelance.kb')}{scan}")
    return 0
