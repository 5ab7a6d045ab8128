"""`cockpit cv anonymise FILE --out FILE`: a CV without what identifies the freelance."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cockpit.commands._common import add_force, out
from cockpit.commands.base import refused, say

USES_DB = True


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("cv", help="anonymise a CV (plain text or Markdown)",
                            description="Removes names, e-mails, phone numbers, addresses and "
                            "links; employers become their sector (BNP Paribas → Banque), from "
                            "the companies the database knows and the configured list "
                            "(COCKPIT_SECTORS).")
    action = parser.add_subparsers(dest="cv_action", metavar="ACTION", required=True)
    anonymise = action.add_parser("anonymise", help="write the anonymised CV")
    anonymise.add_argument("file", metavar="FILE", help="the CV (.txt or .md, UTF-8)")
    anonymise.add_argument("--out", metavar="FILE", help="where to write it (default: print)")
    anonymise.add_argument("--name", action="append", default=[], metavar="NAME",
                           help="the freelance's name(s), if the CV does not start with it")
    anonymise.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                           help="read the employers' sectors from this database's companies")
    add_force(anonymise)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.services.needs import anonymise_text, load_sectors
    from cockpit.settings import Settings

    source = Path(args.file)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise refused("cli.cv.unreadable", path=source, reason=exc.strerror) from exc
    if b"\0" in raw[:4096]:
        raise refused("cli.cv.not_text", path=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise refused("cli.cv.empty", path=source)
    employers = {**_known_companies(args), **load_sectors(Settings.load().sectors)}
    anonymised, removed = anonymise_text(text, tuple(args.name), employers)
    if args.out:
        from cockpit.commands.base import db_url
        from cockpit.services.outputs import write_output

        written = write_output(args.out, anonymised, db_url=db_url(args), force=args.force)
        kinds: dict[str, int] = {}
        for kind, _, _ in removed:
            kinds[kind] = kinds.get(kind, 0) + 1
        summary = ", ".join(f"{n} {say(f'cli.cv.kind.{k}')}" for k, n in sorted(kinds.items())) \
            or say("cli.cv.nothing")
        out(say("cli.cv.written", path=written, summary=summary))
    else:
        out(anonymised, end="" if anonymised.endswith("\n") else "\n")
    return 0


def _known_companies(args: argparse.Namespace) -> dict[str, str]:
    """The database's companies and sectors, when there is a database to read; a CV can be
    anonymised without one."""
    from cockpit.paths import default_db_path

    if not (args.settings.db or default_db_path().exists()):
        return {}
    from cockpit.commands._common import services_for
    from cockpit.store import needs

    services_for(args)
    return needs.company_sectors()
