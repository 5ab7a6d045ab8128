"""`cockpit check`: validate the scripts, objections and personas; print every problem."""

from __future__ import annotations

import argparse
import os
from typing import Any

from cockpit.cli import say
from cockpit.commands._common import out


def register(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "check",
        help="validate scripts/, objections.yaml and personas.yaml (and the database)",
        description="Validate the call content and print every problem as FILE:LINE: message. "
        "With --db (or $COCKPIT_DB), also open the database: create or migrate its schema "
        "and say what it holds. Exit 0 when clean, 1 otherwise.",
    )


def run(args: argparse.Namespace) -> int:
    from cockpit.content.loader import check_content
    from cockpit.paths import content_dir

    folder = content_dir(args.content)
    problems = check_content(folder)
    for problem in problems:
        out(problem)
    if problems:
        out(say("cli.check.problems", count=len(problems), folder=folder))
        return 1
    out(say("cli.check.content_ok", folder=folder))
    if getattr(args, "db", None) or os.environ.get("COCKPIT_DB"):
        return _check_database(args)
    return 0


def _check_database(args: argparse.Namespace) -> int:
    from cockpit.commands._common import services_for
    from cockpit.store.db import mask_url

    services = services_for(args)  # creates or migrates the schema
    found, wiped = services.database_health()
    out(say("cli.check.database_ok", url=mask_url(services.url), engine=found["engine"],
            schema=found["schema"], callers=found["caller"], contacts=found["contact"],
            freelances=found["freelance"], calls=found["call"]))
    if not wiped:
        out(say("cli.check.shared"))
    return 0
