"""The `cockpit` command: the full-screen cockpit by default, sub-commands for everything else.

Heavy imports (textual, peewee) happen inside the commands so `cockpit check` stays quick."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from cockpit import __version__
from cockpit.commands import base
from cockpit.commands.base import CliError, common_options, db_url, language, refused, say

_common = common_options  # the name the parser's code below uses
__all__ = ["CliError", "db_url", "language", "main", "refused", "say"]

Handler = Callable[[argparse.Namespace], int]


# argparse's own complaints, said in the command line's language.
_ARGPARSE = (
    (r"unrecognized arguments: (?P<args>.*)", "cli.unrecognized"),
    (r"the following arguments are required: (?P<args>.*)", "cli.required"),
    (r"invalid choice: '(?P<value>.*)' \(choose from (?P<choices>.*)\)", "cli.invalid_choice"),
    (r"expected one argument", "cli.expected_value"),
    (r"not allowed with argument (?P<other>.*)", "cli.not_allowed_with"),
)


def _argparse_said(message: str) -> str:
    import re

    for pattern, key in _ARGPARSE:
        found = re.fullmatch(pattern, message)
        if found:
            params = {k: v.replace("'", "") for k, v in found.groupdict().items()}
            return say(key, **params)
    return message


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size gives it (COLUMNS, else stdout's
    terminal, else 80), without importing shutil (bz2, lzma, fnmatch: ~2 ms of every
    command, for a width only --help and a refusal print with)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            stream = sys.__stdout__
            if stream is None:
                raise AttributeError
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
        columns = columns or 80
    return columns


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        # argparse's own default, `width - 2`, from the same width.
        super().__init__(prog, indent_increment, max_help_position,
                         _columns() - 2 if width is None else width)


class Parser(argparse.ArgumentParser):
    """argparse, saying a wrong argument in one line (no usage block), its value shortened."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        import re

        from cockpit.services.outputs import shorten

        if message.startswith("argument "):
            name, _, rest = message[len("argument "):].partition(": ")
            message = say("cli.bad_argument", option=name, problem=_argparse_said(rest))
        else:
            message = _argparse_said(message)
        # argparse repeats what was typed: a long value is cut (the one-line message stays one).
        message = re.sub(r"\S{81,}", lambda m: shorten(m.group()), " ".join(message.split()))
        _error_line(shorten(message, 400))
        raise SystemExit(2)


# The commands that read and print (or claim one person), whose process runs without the
# cyclic collector (see main).
_SHORT = frozenset({"queue", "next", "reminders", "report", "search", "agenda"})

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

    parser = Parser(
        prog="cockpit",
        description="Keyboard-first cockpit for phone prospecting. Without a sub-command, "
        "starts the full-screen cockpit.",
    )
    parser.add_argument("--version", action="version", version=f"cockpit {__version__}")
    _common(parser)
    parser.add_argument("--caller", metavar="NAME",
                        help="who is calling (default: $COCKPIT_CALLER, else the first caller)")
    parser.add_argument("--lang", choices=("fr", "en"),
                        help="the language of the messages (default: $COCKPIT_LANG, else fr)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    only = _command_named(argv) if argv is not None else None
    if only != "":
        register_all(sub, _common, only)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is not None:  # called in a process that goes on (the tests)
        return _main(argv)
    import gc

    arguments = sys.argv[1:]
    if _command_named(arguments) in _SHORT:
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
    from cockpit.config import ConfigError, config_path, read_file
    from cockpit.settings import Settings, SettingsError

    arguments = list(argv)
    base._language[0] = _language_asked(arguments)
    path = config_path()
    try:
        file_values = read_file(path)
    except ConfigError as exc:
        _error_line(exc.said(language()))
        return 2
    base._language[0] = _language_asked(arguments, file_values.get("lang"))
    if arguments:
        try:
            args = build_parser(arguments).parse_args(arguments)
        except SystemExit as exc:  # a refused argument (said in one line), --help, --version
            return exc.code if isinstance(exc.code, int) else 2
    else:  # the full-screen start: what the parser gives for nothing typed, without it
        args = _no_arguments()
    try:
        settings = Settings.load(os.environ, file_values, _settings_given(args),
                                 file_label=str(path))
    except SettingsError as exc:
        _error_line(exc.said(language()))
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
        _error_line(_said(exc))
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
        _error_line(message)
        return 2


def _no_arguments() -> argparse.Namespace:
    """What `build_parser([]).parse_args([])` returns (tests/unit/test_start_imports.py
    holds them equal): building the parser costs the cockpit's start ~1 ms (argparse's
    translations looked up, its patterns compiled) for a command line with nothing in it."""
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


def _error_line(message: str) -> None:
    """What went wrong, on standard error. Every message may quote what was typed or read (a
    file's name, an argument, a setting): a control character in it is shown, never sent to
    the terminal (a file named with an escape sequence could retitle or clear it)."""
    from cockpit.domain.text import printable

    print(f"cockpit: {printable(message, multiline=True)}", file=sys.stderr)


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
