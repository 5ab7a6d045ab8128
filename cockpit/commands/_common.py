"""Helpers shared by the sub-commands: open the services, find the caller, parse times, and
print (every line a command prints goes through `out`)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from cockpit.cli import CliError, db_url
from cockpit.domain.text import printable

if TYPE_CHECKING:
    from cockpit.services import Services
    from cockpit.services.views import CallerView


def out(text: object = "", *, file: TextIO | None = None, end: str = "\n") -> None:
    """Print a command's output. What it holds came from the database or from files: a name
    with an escape sequence must not clear the terminal or retitle it, in a pipe as well
    (the pipe often ends in a terminal). Line ends and tabs stay."""
    (file or sys.stdout).write(printable(str(text), multiline=True) + end)


def services_for(args: argparse.Namespace, at: datetime | None = None) -> Services:
    from cockpit.commands.tui import clock_from_env
    from cockpit.services import open_services
    from cockpit.store.db import READ_ONLY, read_only_file

    clock = (lambda: at) if at is not None else clock_from_env()
    services = open_services(db_url(args), content=args.content, clock=clock)
    if read_only_file() is not None:  # said first: a command that writes will be refused
        out(f"cockpit: {READ_ONLY} ({read_only_file()}) : consultation seulement",
            file=sys.stderr)
    return services


def caller_for(services: Services, args: argparse.Namespace) -> CallerView:
    name = getattr(args, "caller", None) or os.environ.get("COCKPIT_CALLER")
    caller = services.find_caller(name)
    if caller is None:
        known = ", ".join(c.name for c in services.callers())
        if name:
            raise CliError(f"no caller named {name!r} (callers: {known or 'none'})")
        raise CliError("the database has no caller yet (run `cockpit demo`)")
    return caller


def parse_at(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CliError(f"--at {value!r}: expected an ISO date and time, "
                       "e.g. 2026-11-23T10:30+01:00") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
