"""`cockpit cv anonymise FILE --out FILE`: a CV without what identifies the freelance.

Reads .docx, .pdf (its text layer), .odt, .txt and .md; writes .docx (a Word CV keeps its
layout), .pdf, .txt or .md, as --out's name says. The terminal shows what kinds of things
were replaced and how many, never the values themselves (a screen shared, a scrollback):
the caller reads the result itself before it goes."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from cockpit.commands._common import add_force, out
from cockpit.commands.base import refused, say

USES_DB = True


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("cv", help="anonymise a CV (Word, PDF, OpenDocument, text)",
                            description="Removes names, e-mails, phone numbers, addresses, "
                            "links, birth date and place, age, nationality, company, bank and "
                            "social security numbers and a Word CV's pictures; employers "
                            "become their sector (BNPP → Banque), from the shipped list, the "
                            "companies the database knows and the configured list "
                            "(COCKPIT_SECTORS).")
    action = parser.add_subparsers(dest="cv_action", metavar="ACTION", required=True)
    anonymise = action.add_parser("anonymise", help="write the anonymised CV")
    anonymise.add_argument("file", metavar="FILE", help="the CV (.docx, .pdf, .odt, .txt, .md)")
    anonymise.add_argument("--out", metavar="FILE",
                           help="where to write it: .docx, .pdf, .txt or .md (default: print "
                           "the text)")
    anonymise.add_argument("--name", action="append", default=[], metavar="NAME",
                           help="the freelance's name(s), if the CV does not start with it")
    anonymise.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                           help="read the employers' sectors from this database's companies")
    add_force(anonymise)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.cv.anonymised import anonymise_file, output_format
    from cockpit.cv.read import CvUnreadable
    from cockpit.services.proposals import load_sectors

    source = Path(args.file).expanduser()
    try:
        to = output_format(Path(args.out)) if args.out else "txt"
        if args.out:
            _check_target(source, Path(args.out).expanduser(), args)
        employers = {**_known_companies(args), **load_sectors(args.settings.sectors)}
        result = anonymise_file(source, to, names=tuple(args.name), employers=employers)
    except CvUnreadable as exc:
        raise refused(f"cv_file.{exc.code}", **{"path": source, **exc.params}) from exc
    counts = Counter(r.kind for r in result.replacements)
    summary = ", ".join(f"{n} {say(f'cv.kind.{k}', count=n)}" for k, n in sorted(counts.items())) \
        or say("cli.cv.nothing")
    if not args.out:
        out(result.text, end="" if result.text.endswith("\n") else "\n")
        out(say("cli.cv.printed", summary=summary), file=sys.stderr)
        return 0
    from cockpit.commands.base import db_url
    from cockpit.services.outputs import write_output

    written = write_output(args.out, result.data, db_url=db_url(args), force=args.force)
    out(say("cli.cv.written", path=written, summary=summary))
    return 0


def _check_target(source: Path, target: Path, args: argparse.Namespace) -> None:
    """The CV itself is never written over, --force or not: the original is what the
    freelance sent, and the anonymised one may need redoing."""
    same = os.path.realpath(source) == os.path.realpath(target)
    if not same and target.exists() and source.exists():
        same = os.path.samefile(source, target)
    if same:
        raise refused("cli.cv.same_file", path=target)
    from cockpit.commands.base import db_url
    from cockpit.services.outputs import check_target

    check_target(target, db_url=db_url(args), force=args.force)  # before the work, not after


def _known_companies(args: argparse.Namespace) -> dict[str, str]:
    """The database's companies and sectors, when there is a database to read; a CV can be
    anonymised without one."""
    from cockpit.paths import default_db_path
    from cockpit.store.db import sqlite_path

    if not (args.settings.db or default_db_path().exists()):
        return {}
    named = sqlite_path(args.settings.db) if args.settings.db else None
    if named is not None and not named.exists():
        return {}  # anonymising a CV creates no database
    from cockpit.commands._common import services_for
    from cockpit.store import needs

    services_for(args)
    return needs.company_sectors()
