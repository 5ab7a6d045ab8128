"""The `cockpit` command: the full-screen cockpit by default, sub-commands for everything else.

Heavy imports (textual, peewee) happen inside the commands so `cockpit check` stays quick."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from cockpit.commands import base
from cockpit.commands.base import (
    CliError,
    command_named,
    db_url,
    error_line,
    language,
    refused,
    say,
)
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from cockpit.commands.parsing import Parser, build_parser

    Handler = Callable[[argparse.Namespace], int]

__all__ = ["CliError", "Parser", "build_parser", "db_url", "language", "main", "refused", "say"]


def __getattr__(name: str) -> object:
    """The parser and its builder, from commands/parsing.py (argparse, imported then)."""
    if name not in ("Parser", "build_parser"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from cockpit.commands import parsing

    return getattr(parsing, name)


# The commands that read and print (or claim one person), whose process runs without the
# cyclic collector (see main).
_SHORT = frozenset({"queue", "next", "reminders", "report", "search", "agenda"})


def main(argv: Sequence[str] | None = None) -> int:
    if argv is not None:  # called in a process that goes on (the tests)
        return _main(argv)
    import gc

    arguments = sys.argv[1:]
    if command_named(arguments) in _SHORT:
        # A short read ends in a moment, its memory bounded by what it prints: the
        # collector's passes over the objects its imports make (~3 ms) would free nothing.
        gc.disable()
    try:
        return _main(arguments)
    finally:
        # The process ends now: everything it made is set aside from the collector, whose
        # last passes over it at exit cost a short command ~12 ms for memory the system
        # takes back anyway (stdout, stderr and atexit handlers are still run as usual).
        gc.freeze()


def _main(argv: Sequence[str]) -> int:
    from cockpit.config import ConfigError, config_file, read_file
    from cockpit.settings import Settings, SettingsError

    arguments = list(argv)
    base._language[0] = _language_asked(arguments)
    path = config_file()
    try:
        file_values = read_file(path)
    except ConfigError as exc:
        error_line(exc.said(language()))
        return 2
    base._language[0] = _language_asked(arguments, file_values.get("lang"))
    if arguments:
        from cockpit.commands.quick import quick_parse

        # A short command's usual line is read without argparse (~5 ms of its run); any
        # other line, or anything the quick reading is not sure of, by argparse.
        quick = quick_parse(arguments) if command_named(arguments) in _SHORT else None
        try:
            args = quick if quick is not None else _parsed(arguments)
        except SystemExit as exc:  # a refused argument (said in one line), --help, --version
            return exc.code if isinstance(exc.code, int) else 2
    else:  # the full-screen start: what the parser gives for nothing typed, without it
        args = _no_arguments()
    try:
        settings = Settings.load(os.environ, file_values, _settings_given(args),
                                 file_label=str(path))
    except SettingsError as exc:
        error_line(exc.said(language()))
        return 2
    base._language[0] = settings.lang
    args.settings = settings  # every handler reads its settings here, never the environment
    handler: Handler = getattr(args, "handler", None) or _run_tui
    from cockpit.logs import log, setup

    setup()
    command = args.command or "cockpit"
    log.info("%s started", command)  # the command's name only: its arguments may name people
    try:
        code = handler(args)
        sys.stdout.flush()  # here, so a reader gone (`| head`) is caught below
        log.info("%s ended with %s", command, code)
        return code
    except BrokenPipeError:
        # The reader stopped reading (`cockpit reminders | head`): stop quietly, as any
        # command-line tool does; what is left to print goes nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # as a shell reports a command stopped by SIGPIPE
    except CliError as exc:
        log.warning("%s refused its arguments", command)
        error_line(_said(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from cockpit.errors import explain

        message = _said(exc) if _is_output_error(exc) else explain(exc)
        if _read_only(exc):  # a write the read-only file refused: said in the user's words
            message = _read_only_said()
        elif message is not None and _has_words(exc):
            message = _said(exc)  # a service's or domain's own words
        log.error("%s failed: %s", command, type(exc).__name__)
        if message is None:
            raise
        error_line(message)
        return 2


def _parsed(arguments: list[str]) -> argparse.Namespace:
    from cockpit.commands.parsing import build_parser

    return build_parser(arguments).parse_args(arguments)


def _no_arguments() -> argparse.Namespace:
    """What `build_parser([]).parse_args([])` returns (tests/unit/test_start_imports.py
    holds them equal): building the parser costs the cockpit's start ~1 ms (argparse's
    translations looked up, its patterns compiled) for a command line with nothing in it."""
    import argparse

    return argparse.Namespace(db=None, content=None, caller=None, lang=None, command=None)


def _language_asked(arguments: Sequence[str], in_file: str | None = None) -> str:
    """The language, before the arguments are parsed: --lang, $COCKPIT_LANG, the file's."""
    for index, token in enumerate(arguments):
        if token == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
        if token.startswith("--lang="):
            return token.partition("=")[2]
    return os.environ.get("COCKPIT_LANG") or in_file or "fr"


def _settings_given(args: argparse.Namespace) -> dict[str, str | None]:
    """The settings the command line gave (before or after the sub-command)."""
    from cockpit.settings import OPTIONS

    return {name: getattr(args, name, None) for name in OPTIONS}


def _is_output_error(exc: BaseException) -> bool:
    from cockpit.services.outputs import OutputError

    return isinstance(exc, OutputError)


def _read_only(exc: BaseException) -> bool:
    from cockpit.store.db import read_only_message

    return read_only_message(exc) is not None


def _read_only_said() -> str:
    from cockpit.store.db import read_only_file

    path = read_only_file()
    return say("cli.read_only_refused" if path else "cli.read_only_refused_db", path=path)


def _has_words(exc: BaseException) -> bool:
    from cockpit.i18n import CATALOGUES

    code = getattr(exc, "code", None)
    return bool(code) and f"error.{code}" in CATALOGUES[language()]


def _said(exc: BaseException) -> str:
    """The error's catalogue text when it has one, in the user's language; its own text
    otherwise (older messages still in English)."""
    from cockpit.i18n import Translator

    if _has_words(exc):
        return Translator(language()).error(exc)
    return str(exc)


def _run_tui(args: argparse.Namespace) -> int:
    from cockpit.commands.tui import run_tui

    return run_tui(args)
