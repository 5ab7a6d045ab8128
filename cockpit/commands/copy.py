"""`cockpit copy --to URL`: the whole database (the one --db names) copied into an empty one,
a laptop's work onto the team's server or the server's back onto a laptop."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "copy", help="copy the whole database into an empty one (--to URL)",
        description="Copies every table of the database (--db, else the default one) into "
        "the database --to names, which must be empty: companies, people, numbers, needs, "
        "calls, notes, reminders, do-not-call, audit, team, settings. Nothing is ever "
        "written to the source; a target holding anything is refused.")
    parser.add_argument("--to", required=True, metavar="URL", dest="target",
                        help="the empty target: postgresql://owner@host/db or "
                        "sqlite:///path/file.sqlite")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import out
    from cockpit.commands.base import CliError, db_url, refused, say
    from cockpit.store.copy import CopyRefused, copy_database
    from cockpit.store.db import mask_url
    from cockpit.store.dnc_key import key_path

    source = db_url(args)
    try:
        copied = copy_database(source, args.target)
    except CopyRefused as exc:
        params = dict(exc.params)
        held = params.pop("held", None)
        if isinstance(held, dict):  # what the target holds, said table by table
            params["what"] = ", ".join(f"{say(f'cli.copy.table.{t}')} {n}"
                                       for t, n in held.items())
        raise refused(exc.key, **params) from None
    width = max(len(say(f"cli.copy.table.{t}")) for t in copied.source)
    out(f"{say('cli.copy.table'):<{width}}  {say('cli.copy.source'):>8}  "
        f"{say('cli.copy.target'):>8}")
    for table, before in copied.source.items():
        after = copied.target.get(table, 0)
        out(f"{say(f'cli.copy.table.{table}'):<{width}}  {before:>8}  {after:>8}")
    if copied.source != copied.target:  # a row lost on the way is said, never hidden
        raise CliError(say("cli.copy.differ", target=mask_url(args.target)))
    out(say("cli.copy.done", source=mask_url(source), target=mask_url(args.target)))
    out(say("cli.copy.key", path=key_path()))
    return 0
