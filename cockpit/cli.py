"""The `cockpit` command: the full-screen cockpit by default, sub-commands for everything else.

Heavy imports (textual, peewee) happen inside the commands so `cockpit check` stays quick."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from cockpit import __version__

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


def _common(parser: argparse.ArgumentParser, *, db: bool = True, inherit: bool = False) -> None:
    # A sub-command's options must not reset what was given before it (`cockpit --db X queue`):
    # argparse would put the sub-parser's default over it; SUPPRESS keeps it.
    default = argparse.SUPPRESS if inherit else None
    if db:
        parser.add_argument(
            "--db",
            metavar="URL",
            default=default,
            help="database URL: sqlite:///path/file.sqlite (default: db/cockpit.sqlite in a "
            "checkout) or postgresql://user@host/dbname; also $COCKPIT_DB",
        )
    parser.add_argument(
        "--content",
        metavar="DIR",
        default=default,
        help="folder holding scripts/, objections.yaml and personas.yaml "
        "(default: the shipped ones)",
    )


def db_url(args: argparse.Namespace) -> str:
    from cockpit.paths import default_db_url

    return args.db or default_db_url()


# Options of the top-level parser that take a value: what follows them is not a command.
_VALUED = {"--db", "--content", "--caller", "--lang"}


def _command_named(argv: Sequence[str]) -> str | None:
    """The sub-command the arguments name, when it is a known one and no help is asked for;
    None otherwise (then every sub-command is registered, for help and error messages)."""
    from cockpit.commands import NAMES

    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return None
        if token in _VALUED:
            next(tokens, None)
        elif not token.startswith("-"):
            return token if token in NAMES else None
    return ""  # no sub-command: the full-screen cockpit, which needs none of them


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the arguments, it registers only the sub-command they name."""
    from cockpit.commands import register_all

    parser = argparse.ArgumentParser(
        prog="cockpit",
        description="Keyboard-first cockpit for phone prospecting. Without a sub-command, "
        "starts the full-screen cockpit.",
    )
    parser.add_argument("--version", action="version", version=f"cockpit {__version__}")
    _common(parser)
    parser.add_argument("--caller", metavar="NAME",
                        help="who is calling (default: $COCKPIT_CALLER, else the first caller)")
    parser.add_argument("--lang", choices=("fr", "en"),
                        default=os.environ.get("COCKPIT_LANG", "fr"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    only = _command_named(argv) if argv is not None else None
    if only != "":
        register_all(sub, _common, only)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from cockpit.config import ConfigError, apply_to_environment

    try:
        apply_to_environment()
    except ConfigError as exc:
        print(f"cockpit: {exc}", file=sys.stderr)
        return 2
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    handler: Handler = getattr(args, "handler", None) or _run_tui
    from cockpit.logs import log, setup

    setup()
    command = args.command or "cockpit"
    log.info("%s started", command)  # the command's name only: its arguments may name people
    try:
        code = handler(args)
        log.info("%s ended with %s", command, code)
        return code
    except CliError as exc:
        log.warning("%s refused its arguments", command)
        from cockpit.domain.text import printable  # the message may quote data

        print(f"cockpit: {printable(str(exc), multiline=True)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from cockpit.errors import explain

        message = explain(exc)
        log.error("%s failed: %s", command, type(exc).__name__)
        if message is None:
            raise
        print(f"cockpit: {message}", file=sys.stderr)
        return 2


def _run_tui(args: argparse.Namespace) -> int:
    from cockpit.commands.tui import run_tui

    return run_tui(args)
