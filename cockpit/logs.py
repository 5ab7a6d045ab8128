"""The cockpit's own log: what happened (commands, imports, exports, erasures, errors), never
who it happened to. Lines name ids and counts only; a filter also masks anything shaped like
a phone number or an e-mail address, should a message ever carry one. The file lives beside
the drafts, readable by its owner only.

Written by a few lines of our own rather than the `logging` package: every short command
writes two lines, and importing `logging` (threading, traceback, string, weakref) cost them
~8 ms of a ~65 ms run (bench/commands.py). Each line is one `os.write` on a file opened with
O_APPEND, so lines from worker threads or from two cockpits never interleave."""

from __future__ import annotations

import os
import time
from functools import cache

from cockpit.domain.named import TYPE_CHECKING
from cockpit.paths import state_folder

if TYPE_CHECKING:
    import re

KEEP_BYTES = 2_000_000
KEEP_FILES = 3
_FEWEST_DIGITS = 2  # what the number pattern below needs at the least


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An e-mail address, a phone number (compiled when a line may hold one: `re` costs a
    short command ~5 ms to import, for lines that name ids and counts)."""
    import re

    return (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
            re.compile(r"\+?\d[\d\s().-]{5,}\d"))


def masked(message: str) -> str:
    """The message with anything shaped like an e-mail address or a phone number masked."""
    if "@" not in message and sum(char.isdigit() for char in message) < _FEWEST_DIGITS:
        return message  # neither can be there
    email, digits = _patterns()
    return digits.sub("[number]", email.sub("[e-mail]", message))


class Log:
    """info / warning / error with %-style arguments, as `logging` has them; a log not set up,
    or that cannot be written, writes nothing and never raises."""

    def __init__(self) -> None:
        self.path: str | None = None  # where the lines go, once `setup()` opened it
        self._fd: int | None = None

    def open(self, path: str) -> None:
        self.close()
        self._fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        os.fchmod(self._fd, 0o600)  # a log an older version or a hand left readable by others
        self.path = path

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._fd, self.path = None, None

    def info(self, message: str, *args: object) -> None:
        self._write("INFO", message, args)

    def warning(self, message: str, *args: object) -> None:
        self._write("WARNING", message, args)

    def error(self, message: str, *args: object) -> None:
        self._write("ERROR", message, args)

    def _write(self, level: str, message: str, args: tuple[object, ...]) -> None:
        fd = self._fd
        if fd is None:
            return
        try:
            text = message % args if args else message
        except (TypeError, ValueError):  # a wrong format must not break what it reports
            text = f"{message} {args!r}"
        now = time.time()
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now))
        text = " ".join(masked(text).splitlines())  # one line, whatever the message holds
        line = f"{stamp},{int(now % 1 * 1000):03d} {level} {text}\n"
        try:
            os.write(fd, line.encode("utf-8", "replace"))
        except OSError:  # a full disk or a log removed: the command goes on
            return


log = Log()


def log_path() -> str:
    return os.environ.get("COCKPIT_LOG") or os.path.join(state_folder(), "cockpit.log")


def _rotate(path: str) -> None:
    """At start, a log past 2 MB becomes cockpit.log.1 (and so on, three kept). One day's log
    (ids and counts only) stays far below the limit."""
    try:
        if os.stat(path).st_size < KEEP_BYTES:
            return
    except FileNotFoundError:
        return
    for n in range(KEEP_FILES - 1, 0, -1):
        older = f"{path}.{n}"
        if os.path.exists(older):
            os.replace(older, f"{path}.{n + 1}")
    os.replace(path, f"{path}.1")


def setup() -> None:
    """Once per process; a log that cannot be written is skipped, never an error."""
    if log.path is not None:
        return
    path = log_path()
    try:
        os.makedirs(os.path.dirname(path) or ".", mode=0o700, exist_ok=True)
        _rotate(path)
        log.open(path)
    except OSError:
        return
