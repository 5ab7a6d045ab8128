"""The queue of one caller on the large demo, against its floor: one SQL walk of the open
reminders in due order, with the rules that leave a person out written in SQL, stopping at the
50th person (plain driver cursor, ids only). The floor is checked to return the same people in
the same order as the queue. Printed at 1x and 5x the data (SQLite; PostgreSQL with --pg),
with the whole ranking the queue used before (all candidates read and ranked) for reference.
Targets: queue <= 3x the floor, growth from 1x to 5x <= 1.5x. Times are CPU times: the
bench's own thread, plus on PostgreSQL the server backend serving its connection."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

from _common import ROOT, large_demo_url, median

sys.path.insert(0, str(ROOT))

PARIS = ZoneInfo("Europe/Paris")
WANT = 50
CALL_KINDS = ("retry", "callback", "budget", "follow_up", "new_contact")
FLOOR = (
    "SELECT r.contact_id FROM reminder r JOIN contact c ON c.id = r.contact_id"
    " WHERE r.done_at IS NULL AND r.due_at < ? AND r.kind IN (?,?,?,?,?)"
    " AND (r.owner_id IS NULL OR r.owner_id = ?)"
    " AND c.do_not_call = ? AND (c.owner_id IS NULL OR c.owner_id = ?)"
    " AND EXISTS (SELECT 1 FROM phone p WHERE p.contact_id = c.id)"
    " AND NOT EXISTS (SELECT 1 FROM phone p JOIN do_not_call d ON d.e164 = p.e164"
    "  WHERE p.contact_id = c.id)"
    " AND NOT EXISTS (SELECT 1 FROM reminder o WHERE o.contact_id = c.id AND o.done_at IS NULL"
    "  AND (o.kind = 'do_not_call' OR (c.owner_id IS NULL AND o.owner_id IS NOT NULL"
    "   AND o.owner_id <> ? AND o.kind <> 'cooldown')))"
    " ORDER BY r.due_at, r.contact_id"
)


def floor(caller_id: int, end_of_day: datetime) -> list[int]:
    """The walk with the driver's own cursor: rows read until 50 distinct people. SQLite's
    cursor steps the query as rows are fetched; psycopg2's runs it whole and brings every row
    over, so there the walk asks for a LIMIT, doubled while its rows hold too few people."""
    from cockpit.store.db import database, is_postgres

    db = database.obj
    naive = end_of_day.astimezone(UTC).replace(tzinfo=None)
    params = (naive, *CALL_KINDS, caller_id, False, caller_id, caller_id)
    sql = FLOOR.replace("?", db.param)
    limit = 2 * WANT if is_postgres() else None
    while True:
        cursor = db.connection().cursor()
        if limit is None:
            cursor.execute(sql, params)
        else:
            cursor.execute(f"{sql} LIMIT {limit}", params)
        seen: dict[int, None] = {}
        read = 0
        while len(seen) < WANT:
            rows = cursor.fetchmany(WANT)
            if not rows:
                break
            read += len(rows)
            for (contact_id,) in rows:
                seen[contact_id] = None
        cursor.close()
        if limit is None or len(seen) >= WANT or read < limit:
            return list(seen)[:WANT]
        limit *= 2


class Backend:
    """The CPU time of the database server's process serving this connection: on PostgreSQL
    most of a query's work is done there, out of sight of the bench's own CPU clock. Read from
    /proc/<pid>/schedstat (nanoseconds on a CPU, kept up to date each time the backend waits
    for the next query). Zero on SQLite, whose work runs in the bench's own thread."""

    def __init__(self) -> None:
        self.stat: Path | None = None

    def attach(self) -> None:
        from cockpit.store.db import database, is_postgres

        self.stat = None
        if is_postgres():
            pid = database.obj.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            self.stat = Path(f"/proc/{pid}/schedstat")
            self.seconds()  # readable, or the bench stops here, not after its runs

    def seconds(self) -> float:
        if self.stat is None:
            return 0.0
        return int(self.stat.read_text().split()[0]) / 1e9


BACKEND = Backend()


def cpu_now() -> float:
    return time.thread_time() + BACKEND.seconds()


def timed(fn: Callable[[], object], runs: int) -> float:
    """Median CPU time of one run (the bench's thread and, on PostgreSQL, the server's
    backend): on a shared machine, wall time mostly measures the others (a task shorter than
    the scheduler's slice is seldom cut, a longer one often is)."""
    fn()  # warm caches
    times = []
    for _ in range(runs):
        began = cpu_now()
        fn()
        times.append(cpu_now() - began)
    return median(times)


def timed_together(fns: list[Callable[[], object]], runs: int) -> list[float]:
    """Median CPU time of each, their runs interleaved: on a shared machine a busy spell then
    weighs on all of them alike, so that their shares hold where separate medians drift."""
    for fn in fns:
        fn()  # warm caches
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, spent in zip(fns, times, strict=True):
            began = cpu_now()
            fn()
            spent.append(cpu_now() - began)
    return [median(spent) for spent in times]


def measure(url: str, runs: int) -> tuple[float, float, float, float]:
    from cockpit.domain.queue import queue_day_end
    from cockpit.services import open_services
    from cockpit.store.db import database
    from cockpit.store.queue_query import walk_candidates

    services = open_services(url)
    BACKEND.attach()
    now = datetime.combine(datetime.now(PARIS).date(), dtime(10, 42), PARIS).astimezone(UTC)
    end = queue_day_end(now)
    ours = [e.candidate.person_id for e in services.ranked(1, now, want=WANT).entries]
    walked = floor(1, end)
    old = [e.candidate.person_id for e in services.ranked(1, now).entries[:WANT]]
    assert len(ours) == WANT and ours == walked == old, (ours, walked, old)
    print(f"  the floor returns the queue's {WANT} people, in its order "
          f"(and the whole ranking's first {WANT}): {walked[:5]}…", flush=True)
    # Alternated runs: a busy spell of the machine weighs on both sides alike (separate
    # medians of a 0.2 ms floor drifted by half between runs of the bench).
    queue, base = timed_together([lambda: services.ranked(1, now, want=WANT),
                                  lambda: floor(1, end)], runs)
    # Where the queue's time goes: the store's walk (its SQL and the people built from its
    # rows) against the rules and the ranking in Python, as a share of the queue measured
    # with it (the headline ratio above keeps its own separate medians).
    together, walked_only = timed_together([
        lambda: services.ranked(1, now, want=WANT),
        lambda: walk_candidates(1, now, end, offset=0, limit=WANT)], runs)
    store = queue * walked_only / together
    whole = timed(lambda: services.ranked(1, now), max(runs // 3, 3))
    database.obj.close()
    BACKEND.stat = None
    return queue, base, whole, store


def report(label: str, results: dict[int, tuple[float, float, float, float]]) -> None:
    first = None
    for scale, (queue, base, whole, store) in results.items():
        first = first or queue
        print(f"{label} x{scale} (CPU): queue {queue * 1000:.2f} ms, floor {base * 1000:.2f} ms, "
              f"ratio {queue / base:.2f} (target <= 3); growth vs x1 {queue / first:.2f} "
              f"(target <= 1.5); the whole ranking {whole * 1000:.1f} ms "
              f"(x{whole / base:.0f} the floor); of the queue, the store's walk "
              f"{store / queue:.0%} (x{store / base:.2f} the floor), the rules and ranking "
              f"{1 - store / queue:.0%}; load {os.getloadavg()[0]:.2f}", flush=True)


def postgres(scales: list[int], runs: int) -> dict[int, tuple[float, float, float, float]]:
    from cockpit.store.db import database
    from cockpit.store.demo import build_demo
    from tests.pg import Server

    work = Path(tempfile.mkdtemp(prefix="cockpit-bench-queue-"))
    work.chmod(0o755)
    server = Server(work / "cluster")
    server.start()
    results = {}
    try:
        for scale in scales:
            sqlite_url = large_demo_url(scale)
            built = datetime.fromtimestamp(
                Path(sqlite_url.removeprefix("sqlite:///")).stat().st_mtime, PARIS).date()
            url = server.create(f"large{scale}")
            began = time.perf_counter()
            build_demo(url, size="large", seed=0, today=built, scale=scale)
            database.obj.close()
            print(f"large demo x{scale} built on PostgreSQL in {time.perf_counter() - began:.0f} s",
                  flush=True)
            results[scale] = measure(url, runs)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--scales", default="1,5")
    parser.add_argument("--pg", action="store_true", help="PostgreSQL too (builds the demos)")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    results = {}
    for scale in scales:
        print(f"sqlite x{scale}:", flush=True)
        results[scale] = measure(large_demo_url(scale), args.runs)
    report("sqlite", results)
    if args.pg:
        report("postgresql", postgres(scales, args.runs))


if __name__ == "__main__":
    main()
