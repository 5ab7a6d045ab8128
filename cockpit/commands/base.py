"""What every command shares with the command line itself: its error, its language and its
words, the common options, the database's URL, which command a line names, how a refusal is
printed. Here, not in cli.py, so that the commands do not import the module that imports them."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2. With a `code`, the line
    is the catalogue's `error.<code>` in the user's language (the English text otherwise)."""

    def __init__(self, text: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(text)
        self.code = code
        self.params = params


_language = ["fr"]  # set by `main`: --lang, else $COCKPIT_LANG, else the config file's


def language() -> str:
    """The language of the command line's messages, known before its arguments are parsed."""
    return _language[0] if _language[0] in ("fr", "en") else "fr"


def say(key: str, **params: Any) -> str:
    """A catalogue text in the command line's language."""
    from cockpit.i18n import Translator

    return Translator(language())(key, **params)


def type_error(message: str) -> Exception:
    """argparse.ArgumentTypeError, with argparse imported only then: a short command's line is
    read without it (commands/quick.py), and goes to argparse when a value is refused."""
    import argparse

    return argparse.ArgumentTypeError(message)


def refused(key: str, **params: Any) -> CliError:
    """The CliError saying the catalogue's `key` in the command line's language."""
    return CliError(say(key, **params))


def common_options(parser: argparse.ArgumentParser, *, db: bool = True,
                   inherit: bool = False) -> None:
    # A sub-command's options must not reset what was given before it (`cockpit --db X queue`):
    # argparse would put the sub-parser's default over it; SUPPRESS keeps it.
    import argparse

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
    if inherit:  # `cockpit needs --lang en` as well as `cockpit --lang en needs`
        parser.add_argument("--lang", choices=("fr", "en"), default=argparse.SUPPRESS,
                            help="the language of the messages (default: fr)")


def db_url(args: argparse.Namespace) -> str:
    """The database: the `db` setting (--db, $COCKPIT_DB, the file), else the default file."""
    from cockpit.paths import default_db_url

    return args.settings.db or default_db_url()


# Options of the top-level parser that take a value: what follows them is not a command.
VALUED = {"--db", "--content", "--caller", "--lang"}


def command_named(argv: Sequence[str]) -> str | None:
    """The sub-command the arguments name, when it is a known one and no help is asked for;
    None otherwise (then every sub-command is registered, for help and error messages)."""
    from cockpit.commands import NAMES

    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return None
        if token in VALUED:
            next(tokens, None)
        elif not token.startswith("-"):
            return token if token in NAMES else None
    return ""  # no sub-command: the full-screen cockpit, which needs none of them


def error_line(message: str) -> None:
    """What went wrong, on standard error. Every message may quote what was typed or read (a
    file's name, an argument, a setting): a control character in it is shown, never sent to
    the terminal (a file named with an escape sequence could retitle or clear it)."""
    from cockpit.domain.text import printable

    print(f"cockpit: {printable(message, multiline=True)}", file=sys.stderr)
