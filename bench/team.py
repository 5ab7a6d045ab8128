"""Team mode on a real PostgreSQL server (started here in a temporary folder, as the tests do).

1. Claim latency: 8 caller processes all take the next free person of the same list at once
   (the worst case: they all want the same people first), in runs of 50 as the cockpit does,
   until 2,000 people are taken. Median and p99 of one claim, against the same claims made by
   one caller alone (the baseline, same run), and against the same on a SQLite file.
   Target: p99 <= 50 ms with 8 callers.
2. The queue of one caller and the day's figures on the large demo, on PostgreSQL against the
   same demo on SQLite (medians, same process).

Needs PostgreSQL's initdb and pg_ctl (apt-get install postgresql) and the demo built once in
bench/.data (reused)."""

from __future__ import annotations

import argparse
import multiprocessing as mp
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

from _common import DATA, ROOT, large_demo_url, median, p99

sys.path.insert(0, str(ROOT))
from tests.pg import Server  # the tests' server harness, reused

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)
PEOPLE = 2000
CALLERS = 8
RUN = 50


def seed_people(url: str, people: int, callers: int) -> None:
    from cockpit.store.migrations import open_and_migrate
    from cockpit.store.models import Caller, Contact, Phone

    open_and_migrate(url)
    Caller.insert_many([(i, f"c{i}", f"C{i}") for i in range(1, callers + 1)],
                       fields=[Caller.id, Caller.name, Caller.first_name]).execute()
    naive = NOW.replace(tzinfo=None)
    for start in range(1, people + 1, 500):
        ids = range(start, min(start + 500, people + 1))
        Contact.insert_many([(i, f"Nom{i}", naive) for i in ids],
                            fields=[Contact.id, Contact.last_name, Contact.created_at]).execute()
        Phone.insert_many([(f"+3314268{i:04d}", i) for i in ids],
                          fields=[Phone.e164, Phone.contact]).execute()


def take_until_none(url: str, caller_id: int, people: int, start: mp.Event,
                    out: mp.Queue) -> None:
    """One caller: ask for the first free person of the next 50 in the shared order, keep
    it, ask again; every claim timed."""
    from cockpit.store import claims
    from cockpit.store.migrations import open_and_migrate

    open_and_migrate(url)
    order = list(range(1, people + 1))
    taken: list[int] = []
    latencies: list[float] = []
    start.wait()
    while order:
        began = time.perf_counter()
        person = claims.claim_first("contact", order[:RUN], caller_id, NOW)
        latencies.append(time.perf_counter() - began)
        if person is None:
            # The first 50 are all someone else's: those are gone for this caller too.
            del order[:RUN]
            continue
        taken.append(person)
        order.remove(person)
    out.put((caller_id, taken, latencies))


def claim_round(url: str, callers: int) -> tuple[list[float], int]:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    start = ctx.Event()
    workers = [ctx.Process(target=take_until_none, args=(url, c, PEOPLE, start, out))
               for c in range(1, callers + 1)]
    for w in workers:
        w.start()
    time.sleep(1.5)  # every process connected and waiting: they start together
    start.set()
    results = [out.get(timeout=600) for _ in workers]
    for w in workers:
        w.join(timeout=30)
    taken = sorted(p for _, got, _ in results for p in got)
    if taken != list(range(1, PEOPLE + 1)):
        raise SystemExit(f"claims went wrong: {len(taken)} taken, "
                         f"{len(set(taken))} distinct, {PEOPLE} people")
    latencies = [t for _, _, lat in results for t in lat]
    return latencies, sum(1 for _, got, _ in results if got)


def claims_bench(server: Server, work: Path) -> None:
    rows = []
    for label, make_url in (
        ("postgresql", lambda name: server.create(name)),
        ("sqlite", lambda name: f"sqlite:///{work / name}.sqlite"),
    ):
        for callers in (1, CALLERS):
            url = make_url(f"claims_{label}_{callers}")
            seed_people(url, PEOPLE, CALLERS)
            latencies, busy = claim_round(url, callers)
            rows.append((label, callers, latencies))
            print(f"{label:10} {callers} caller(s) ({busy} took someone): {len(latencies)} "
                  f"claims, median {median(latencies) * 1000:.2f} ms, "
                  f"p99 {p99(latencies) * 1000:.2f} ms, max {max(latencies) * 1000:.1f} ms",
                  flush=True)
    by = {(label, callers): lat for label, callers, lat in rows}
    pg8, pg1 = by[("postgresql", CALLERS)], by[("postgresql", 1)]
    print(f"postgresql: {CALLERS} callers vs 1 alone: median x{median(pg8) / median(pg1):.2f}, "
          f"p99 x{p99(pg8) / p99(pg1):.2f}; target p99 <= 50 ms: "
          f"{'met' if p99(pg8) <= 0.050 else 'NOT met'} ({p99(pg8) * 1000:.1f} ms)")


def timed(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm caches
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return median(times)


def queue_and_figures(url: str, today: date, day: date, runs: int) -> tuple[float, float]:
    from cockpit.domain.calling_hours import BUSINESS
    from cockpit.domain.figures import period_of_day
    from cockpit.domain.queue import build_queue
    from cockpit.i18n import Translator
    from cockpit.reports.model import worded
    from cockpit.services import open_services
    from cockpit.store.queue_query import fetch_candidates

    services = open_services(url)
    text = Translator("fr")  # the screen's words are part of what is timed
    now = datetime.combine(today, dtime(10, 42), PARIS).astimezone(UTC)
    queue = timed(lambda: build_queue(fetch_candidates(1, now), 1, now, BUSINESS, limit=50),
                  runs)
    lead = next(c for c in services.callers() if c.is_lead)
    start, end = period_of_day(day.isoformat())
    figures = timed(lambda: worded(services.report(lead.id, start, end, day.isoformat()), text),
                    runs)
    return queue, figures


def busiest_recent_day(sqlite_url: str) -> date:
    import sqlite3

    db = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    (day,) = db.execute(
        "SELECT date(started_at) d FROM call WHERE started_at >= "
        "(SELECT datetime(MAX(started_at), '-7 days') FROM call) "
        "GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    db.close()
    return date.fromisoformat(day)


def demo_bench(server: Server, runs: int) -> None:
    from cockpit.store.db import database
    from cockpit.store.demo import build_demo

    sqlite_url = large_demo_url(1)
    # The SQLite demo was built on some day; the PostgreSQL one is built for that same day,
    # from the same seed, so both hold the same rows.
    built = datetime.fromtimestamp(Path(sqlite_url.removeprefix("sqlite:///")).stat().st_mtime,
                                   PARIS).date()
    pg_url = server.create("large")
    began = time.perf_counter()
    build_demo(pg_url, size="large", seed=0, today=built)
    database.obj.close()
    print(f"large demo built on PostgreSQL in {time.perf_counter() - began:.1f} s", flush=True)
    day = busiest_recent_day(sqlite_url)
    results = {}
    for label, url in (("sqlite", sqlite_url), ("postgresql", pg_url)):
        results[label] = queue_and_figures(url, built, day, runs)
        database.obj.close()
        queue, figures = results[label]
        print(f"{label:10} large demo: queue {queue * 1000:.1f} ms, day's figures ({day}) "
              f"{figures * 1000:.1f} ms (medians of {runs})", flush=True)
    (sq, sf), (pq, pf) = results["sqlite"], results["postgresql"]
    print(f"postgresql vs sqlite: queue x{pq / sq:.2f}, figures x{pf / sf:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--only", choices=["claims", "demo"])
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cockpit-bench-pg-"))
    work.chmod(0o755)
    server = Server(work / "cluster")
    server.start()
    try:
        if args.only in (None, "claims"):
            claims_bench(server, work)
        if args.only in (None, "demo"):
            demo_bench(server, args.runs)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
