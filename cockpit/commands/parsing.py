"""The command line's parser (argparse), in the user's language: built for a command that
needs it (help, a refusal, every command but the short ones, whose line commands/quick.py
reads without it)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cockpit import __version__
from cockpit.commands.base import command_named, common_options, error_line, say
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, NoReturn

_common = common_options  # the name the parser's code below uses


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
        error_line(shorten(message, 400))
        raise SystemExit(2)


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
    only = command_named(argv) if argv is not None else None
    if only != "":
        register_all(sub, _common, only)
    return parser
