"""Helpers shared by the sub-commands: open the services, find the caller, parse times, and
print (every line a command prints goes through `out`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime

from cockpit.commands.base import CliError, db_url, refused, say, type_error
from cockpit.domain.named import TYPE_CHECKING
from cockpit.domain.text import printable

if TYPE_CHECKING:
    import argparse
    from typing import TextIO

ID_MAX = 2**63 - 1  # SQLite's and PostgreSQL's largest integer
COUNT_MAX = 100_000  # lines a command prints at most
TEXT_MAX = 2000  # characters of a value typed on the command line (a title, a search)
YEARS = (2000, 2099)  # the years a date typed on the command line may name

if TYPE_CHECKING:
    from cockpit.services import Services
    from cockpit.services.lean import LeanServices
    from cockpit.services.views import CallerView
    from cockpit.settings import Settings


def out(text: object = "", *, file: TextIO | None = None, end: str = "\n") -> None:
    """Print a command's output. What it holds came from the database or from files: a name
    with an escape sequence must not clear the terminal or retitle it, in a pipe as well
    (the pipe often ends in a terminal). Line ends and tabs stay."""
    (file or sys.stdout).write(printable(str(text), multiline=True) + end)


def services_for(args: argparse.Namespace, at: datetime | None = None) -> Services:
    from cockpit import boot

    url = db_url(args)
    boot.skip_postgres_driver(url)  # on SQLite, ~80 ms of psycopg2 peewee would load for nothing
    from cockpit.commands.clock import start_clock
    from cockpit.store.db import read_only_file

    settings: Settings = args.settings
    clock = (lambda: at) if at is not None else start_clock(settings.hooks.now)
    services = open_with(settings, url, clock)
    boot.postgres_driver_importable()
    if read_only_file() is not None:  # said first: a command that writes will be refused
        out(f"cockpit: {say('cli.read_only', path=read_only_file())}", file=sys.stderr)
    return services


def lean_services(args: argparse.Namespace, at: datetime | None = None) -> LeanServices | None:
    """The few services a short command reads, on a driver-only connection (no peewee, no
    content loaded): when the database is there at this code's schema and nothing asks for
    more (a content folder to check). None: the command opens the services the full way,
    which creates, migrates or says what is wrong. COCKPIT_BOOT_WITHOUT=lean forces that."""
    settings: Settings = args.settings
    if "lean" in settings.hooks.boot_without or settings.content:
        return None
    from cockpit.store.sql import open_lean

    url = db_url(args)
    opened = open_lean(url)
    if opened is None:
        return None
    from cockpit.commands.clock import start_clock  # not commands.tui: the TUI's start
    from cockpit.services.lean import LeanServices
    from cockpit.store.sql import close_lean

    try:
        clock = (lambda: at) if at is not None else start_clock(settings.hooks.now)
        if not opened.postgres:
            from cockpit.store.location import is_read_only, sqlite_file

            path = sqlite_file(url)
            if path is not None and is_read_only(path):  # said as the full way says it
                out(f"cockpit: {say('cli.read_only', path=path)}", file=sys.stderr)
        return LeanServices(url, settings, clock or _utc_now)
    except BaseException:  # a bad COCKPIT_NOW, a closed stderr: nothing left open
        close_lean()
        raise




def _utc_now() -> datetime:
    return datetime.now(UTC)


def open_with(settings: Settings, url: str,
              clock: Callable[[], datetime] | None) -> Services:
    """The services of this run, given its settings: the one place commands and the cockpit
    open them."""
    from cockpit.services import open_services

    return open_services(url, settings=settings, clock=clock)


def add_force(parser: argparse.ArgumentParser) -> None:
    """--force, for every command that writes a file: without it, an existing file stays."""
    parser.add_argument("--force", action="store_true",
                        help="replace the file if it exists (never the database)")


def caller_for(services: Services, args: argparse.Namespace) -> CallerView:
    """The caller a command acts for: --caller, $COCKPIT_CALLER, the config file's."""
    return find_caller(services, args.settings.caller)


def find_caller(services: Services, name: str | None, option: str = "--caller", *,
                lead_first: bool = False) -> CallerView:
    """The caller named (on a team server, the login's own), else the first one (the first
    lead: `lead_first`); the one refusal, no_caller, when there is none. Every command and
    the cockpit find their caller here."""
    caller = services.acting_caller(name or None, option, lead_first=lead_first)
    if caller is None:
        raise no_caller(services, name)
    return caller


def no_caller(services: Services, name: str | None) -> CliError:
    """No caller of that name (the known ones said), or none at all yet."""
    from cockpit.store.people import by_name

    if not name:
        return refused("error.no_team")  # what a real firm does next, never a demo to build
    gone = by_name(name)
    if gone is not None and not gone.active:
        return refused("error.team_left", name=gone.name)
    known = ", ".join(c.name for c in services.callers()) or say("cli.none")
    return refused("cli.no_caller_named", name=quoted(name), known=known)


def lang_of(args: argparse.Namespace) -> str:
    """The language the command speaks: the `lang` setting (--lang, before or after the
    sub-command, $COCKPIT_LANG, the config file)."""
    return str(args.settings.lang)


def stored_reason(text: str) -> str:
    """A reason the cockpit itself wrote in the database (in English, so it stays one
    text whoever reads it), in the reader's language; a reason someone typed, as typed."""
    import re

    found = re.fullmatch(r"retention: no contact for (\S+)", text)
    if found:
        return say("cli.reason.retention", age=worded_age(found.group(1)))
    key = {"asked not to be called": "cli.reason.asked",
           "erased on request (GDPR art. 17)": "cli.reason.erased"}.get(text)
    return say(key) if key else text


def erase_confirmed(yes: bool, question: str) -> bool:
    """Before an erasure: True with --yes; else asks the terminal `question` (a yes in either
    language); refused without a terminal (a script must say --yes). Says so when kept."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CliError("nothing erased: add --yes to erase without a question",
                       code="forget_needs_yes")
    try:
        answer = input(question)
    except EOFError:
        answer = ""
    if answer.strip().casefold() in ("o", "oui", "y", "yes"):
        return True
    out(say("person.forget_kept"))
    return False


def worded_age(text: str) -> str:
    """An age as --older-than takes it ("3y", "36m") in words ("3 ans", "36 mois"); any other
    text as it is."""
    import re

    found = re.fullmatch(r"\s*(\d+)\s*([ymwdYMWD])\s*", text)
    if not found:
        return text
    return say(f"cli.age.{found.group(2).lower()}", count=int(found.group(1)))


def quoted(value: object) -> str:
    from cockpit.services.outputs import shorten

    return shorten(value)


def _whole(text: str, low: int, high: int) -> int:
    """A whole number typed in decimal digits, between low and high; ArgumentTypeError (for
    argparse) saying so otherwise. Long strings of digits are refused before int() reads them."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(high)) \
            or not low <= int(digits) <= high:
        raise type_error(say("cli.bad_number", value=quoted(text), low=low,
                                             high=f"{high:,}".replace(",", "\u202f")))
    return int(digits)


def record_id(text: str) -> int:
    """argparse type of every id a command takes (a need, a reminder, a contact…)."""
    return _whole(text, 1, ID_MAX)


def count(text: str) -> int:
    """argparse type of every how-many (--limit)."""
    return _whole(text, 1, COUNT_MAX)


def seed(text: str) -> int:
    return _whole(text, 0, ID_MAX)


def whole_between(low: int, high: int) -> Callable[[str], int]:
    """argparse type of a whole number in a small range (demo --scale 1 to 10)."""
    def parse(text: str) -> int:
        return _whole(text, low, high)

    return parse


def short_text(text: str, limit: int = TEXT_MAX) -> str:
    """argparse type of a free text (a reason, a search): of a reasonable length."""
    if len(text) > limit:
        raise type_error(say("cli.text_too_long", value=quoted(text),
                                             limit=limit))
    return text


def moment_text(text: str) -> str:
    """argparse type of a date or a moment (--at, --until, --date, --week): read later, by
    the command; refused here when empty (it would silently mean "now") or far too long."""
    if not text.strip() or len(text) > 80:
        raise type_error(say("cli.bad_moment", value=quoted(text)))
    return text


def person_key(text: str) -> str:
    """argparse type of an id, a number or an e-mail naming a person (an address has at
    most 254 characters)."""
    return short_text(text, 254)


def in_years(option: str, raw: str, moment: datetime) -> datetime:
    """The moment, if its year is one a caller may mean and the one typed (a year of three or
    four digits is not read as 20xx); CliError otherwise."""
    written = written_year(raw)
    if (written is not None and written != moment.year) \
            or not YEARS[0] <= moment.year <= YEARS[1]:
        raise CliError(f"{option} {quoted(raw)!r}: the year must be {YEARS[0]} to {YEARS[1]}",
                       code="cli_bad_year", option=option, value=quoted(raw),
                       low=YEARS[0], high=YEARS[1])
    return moment


def written_year(raw: str) -> int | None:
    """The year of the first day written d/m/y in the text (1 or 2 digits, 1 or 2, then 3 or
    4, joined by / . or -, not inside a longer number), as
    re.search(r"(?<!\\d)\\d{1,2}[/.-]\\d{1,2}[/.-](\\d{3,4})(?!\\d)") finds it: read without `re`,
    which a short command's `--at` would import for ~5 ms."""
    runs: list[tuple[int, int]] = []  # each whole run of digits: where it starts and ends
    index = 0
    while index < len(raw):
        if raw[index].isdecimal():
            start = index
            while index < len(raw) and raw[index].isdecimal():
                index += 1
            runs.append((start, index))
        else:
            index += 1
    for first, second, third in zip(runs, runs[1:], runs[2:], strict=False):
        if (first[1] - first[0] in (1, 2) and second[1] - second[0] in (1, 2)
                and third[1] - third[0] in (3, 4)
                and second[0] == first[1] + 1 and raw[first[1]] in "/.-"
                and third[0] == second[1] + 1 and raw[second[1]] in "/.-"):
            return int(raw[third[0]:third[1]])
    return None


def parse_at(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise CliError(f"--at {quoted(value)!r}: expected an ISO date and time, "
                       "e.g. 2026-11-23T10:30+01:00", code="cli_bad_moment", option="--at",
                       value=quoted(value)) from exc
    # Checked before any conversion: 9999-12-31 at UTC-12 is past the calendar's last day.
    return in_years("--at", value, moment if moment.tzinfo else moment.replace(tzinfo=UTC))
