"""`cockpit check`: validate the scripts, objections and personas; print every problem."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cockpit.commands._common import out
from cockpit.commands.base import say

if TYPE_CHECKING:
    from cockpit.settings import Settings


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

    _say_settings(args.settings)
    folder = content_dir(args.settings.content)
    problems = check_content(folder)
    for problem in problems:
        out(problem)
    if problems:
        out(say("cli.check.problems", count=len(problems), folder=folder))
        return 1
    out(say("cli.check.content_ok", folder=folder))
    if args.settings.db:
        return _check_database(args)
    return 0


def _say_settings(settings: Settings) -> None:
    """Each setting, its value and where it came from: what a user checks first when the
    cockpit opens another database, or speaks another language, than they thought."""
    from cockpit.commands.base import language, say
    from cockpit.paths import default_db_url
    from cockpit.settings import VARIABLES

    out(say("cli.check.settings"))
    for name in VARIABLES:
        value = getattr(settings, name)
        if name == "db":
            value = value or default_db_url()
            if "@" in value:  # never a password on screen (the store loads only then)
                from cockpit.store.db import mask_url

                value = mask_url(value)
        out(say("cli.check.setting", name=say(f"settings.name.{name}"),
                value=value if value else say("settings.unset"),
                source=settings.source(name).said(language())))


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
