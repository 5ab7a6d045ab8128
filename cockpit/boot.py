"""Every trick that makes the cockpit start fast, in one place, with what each buys.

Measured with bench/startup.py (large demo, 120x40, 21 alternated runs against a minimal
Textual app, medians of the pairs' ratios; `--without NAME` leaves one trick out), on a
2-core machine shared with other work (load 5–7, `uptime`: absolute ratios are high,
compare them within a row's run):

                                         first screen   CPU time
    before the lean first screen (load 6)    2.56         2.73
    lean first screen, no core free (6)      1.65         1.54   (read in order)
    lean, with fork (load 7)                 1.88         1.65
    lean, --without fork (load 7)            1.67         1.43
    half-way, with fork (load 2.4)           1.44         1.67   (fork: time for CPU)
    half-way, --without fork (load 2.4)      1.60         1.46
    (half-way: the figures read with the first screen, all the services opened for it)
    resume checked in plain SQL, in order (1.0–1.1)  1.55–1.62   1.43–1.46 (was 1.67 / 1.54)
    same widgets without data: 1.03–1.31 of the minimal app, 1.28 of its CPU.
    read on the driver alone, with fork (0.3–0.9)    1.21–1.27   1.15–1.26 (was 1.31 / 1.53)
    read on the driver alone, --without fork (0.9)   1.40–1.43   1.21–1.22 (was 1.51 / 1.26)
    Older rows (load ~7): every trick 1.97 / 2.13; --without gc 2.13 / 2.59;
    --without pgdriver 2.15 / 2.38.

A fourth, collection paused while ranking the queue, bought nothing (0.6 ms against 0.9 ms
for 400 candidates) and went: the domain stays pure.

- lean first screen (not a trick to leave out, the shape of the start): the interface's
  process imports only what the first frame shows (tests/unit/test_start_imports.py); the
  first screen, the day's figures included, is read through the three parts it needs
  (services/warm.py `_FirstReader`: ~30 ms of imports fewer than all the services), and
  every other screen, modal and part is imported when first used. The child reads it on
  the driver's own connection (`read_first_lean`): no peewee, no models, the content only
  for a card's persona — its CPU went from ~90 ms to ~45.
- fork: loading the interface toolkit costs the parent ~250 ms; meanwhile a forked child
  opens the database and reads the first screen (`read_in_child`), on another core. Only
  when a core is free for it (`fork_pays`): otherwise the child's ~130 ms of CPU only
  competes with the parent, and the start reads in order.
- gc: start-up makes a few hundred thousand objects that all live on; collecting them while
  they are made is wasted time. Collection waits (`pause_collection`) until the first screen
  is up, then what start-up made is frozen out of later collections (`first_screen_shown`).
  The figures of a period pause it the same way while they count (`collection_paused`).
- pgdriver: peewee imports the PostgreSQL driver whenever it is installed; a cockpit on
  SQLite never needs it (`skip_postgres_driver`).

The services the first screen did not need are opened after its first frame, by the first
thread that asks (services/warm.py `OpenOnDemand`: the queue's first refresh, or a key),
on the database already opened when read in order (`Services.on`).

This module imports nothing of the cockpit: the interface and the commands call into it.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

from cockpit.domain.named import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

_left_out: set[str] = set()  # tricks a benchmark measures the start without (leave_out)


def leave_out(tricks: frozenset[str]) -> None:
    """Start without these tricks (settings.hooks.boot_without, COCKPIT_BOOT_WITHOUT)."""
    _left_out.clear()
    _left_out.update(tricks)


def enabled(trick: str) -> bool:
    """False when the benchmark asked to measure a start without `trick`."""
    return trick not in _left_out


class _Collection:
    paused = False  # by pause_collection, until the first screen is up


def pause_collection() -> None:
    if enabled("gc") and gc.isenabled():
        gc.disable()
        _Collection.paused = True


def first_screen_shown() -> None:
    """The first screen is up: collection resumes, and what start-up made lives on, so it is
    set aside for good rather than scanned by every collection. Once; nothing when start-up
    did not pause collection (tests, other commands)."""
    if _Collection.paused:
        _Collection.paused = False
        gc.freeze()
        gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """While building tens of thousands of objects that all live until the answer (a
    period's calls for the figures): the cyclic collector would scan them again and again,
    for nothing, and more the larger the period (measured on the large demo's busiest week:
    at 5x, 487-532 ms with it against 381-401 without, the same at 1x). Paused process-wide,
    resumed after only if this pause made it (another pause, start-up's, stays theirs)."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def skip_postgres_driver(url: str) -> None:
    """A cockpit opens one database for its whole life: on SQLite the PostgreSQL drivers are
    kept from loading (they must not be imported yet: peewee would already hold them)."""
    if enabled("pgdriver") and url.startswith("sqlite") and "peewee" not in sys.modules:
        # None in sys.modules is how Python is told a module cannot be imported.
        modules = cast(dict[str, ModuleType | None], sys.modules)
        for driver in ("psycopg2", "psycopg", "psycopg2cffi"):
            modules.setdefault(driver, None)


def postgres_driver_importable() -> None:
    """Once peewee is in (without the drivers), a later import may load them again: a
    command's process then holds no placeholder in sys.modules, only what it loaded."""
    for driver in ("psycopg2", "psycopg", "psycopg2cffi"):
        if driver in sys.modules and sys.modules[driver] is None:
            del sys.modules[driver]


def fork_pays(load: float | None = None, cores: int | None = None) -> bool:
    """Whether reading the first screen in a child saves time: only when a core beyond this
    process's sits idle (1-minute load average, which counts this process, below cores − 1).
    On a busy machine the child only adds its CPU, and the first screen comes later too
    (measured: see the table above). `load`, `cores`: this machine's when None."""
    if not enabled("fork") or not hasattr(os, "fork"):
        return False
    if load is None:
        try:
            load = os.getloadavg()[0]
        except OSError:
            return False
    if cores is None:  # the cores this process may run on
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
            else os.cpu_count() or 1
    return load < cores - 1


def read_in_child(read: Callable[[], T | None]) -> Callable[[], T | None]:
    """Run `read` in a forked child now; the returned function waits for its answer. None
    when there is none: no fork here, `read` failed or found nothing — the caller then does
    the work itself, in order, with the usual error messages."""
    if not hasattr(os, "fork") or not enabled("fork"):
        return lambda: None
    import pickle  # here: a start that does not fork, and every command, need none of it

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never prints, never touches the terminal
        os.close(read_end)
        try:
            data = pickle.dumps(read())
        except BaseException:
            data = pickle.dumps(None)
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(write_end)

    def wait() -> T | None:
        with os.fdopen(read_end, "rb") as inp:
            data = inp.read()
        os.waitpid(pid, 0)
        try:
            found: T | None = pickle.loads(data)
        except Exception:
            return None
        return found

    return wait
