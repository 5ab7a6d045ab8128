"""`cockpit export companies|contacts|freelances|calls FILE [--format csv|json]`."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import add_force, out


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("export", help="a whole table to CSV (Excel) or JSON",
                            description="CSV in UTF-8 with a BOM and semicolons, as a French "
                            "Excel expects (--comma for commas); no cell can be read as a "
                            "formula. The file is readable by its owner only.")
    parser.add_argument("kind", choices=("companies", "contacts", "freelances", "calls"))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=("csv", "json"), default=None,
                        help="default: from the file's extension, else csv")
    parser.add_argument("--comma", action="store_true", help="CSV: commas, not semicolons")
    add_force(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import services_for

    fmt = args.format or ("json" if args.file.lower().endswith(".json") else "csv")
    services = services_for(args)
    count = services.export_table(args.kind, args.file, fmt, "," if args.comma else ";",
                                   force=args.force)
    from cockpit.commands.base import say

    out(say("cli.export.done", path=args.file, count=count,
            kind=say(f"cli.kind.{args.kind}", count=count), format=fmt))
    return 0
