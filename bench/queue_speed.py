"""The queue of one caller on the large demo: median time of the whole queue (fetch the
candidates, rank them) against the bare SQL that fetches the same candidate rows (the floor),
at 1x, 2x and 5x the data. Targets: <= 50 ms, ratio <= 3, growth at most linear."""

from __future__ import annotations

import argparse
import sqlite3
import time
from datetime import UTC, datetime
from datetime import time as dtime
from zoneinfo import ZoneInfo

from _common import large_demo_url, median

PARIS = ZoneInfo("Europe/Paris")


def floor_queries(path: str, ids: list[int], since: datetime) -> int:
    """The same candidate rows, fetched with plain sqlite3 and nothing built from them."""
    db = sqlite3.connect(path)
    marks = ",".join("?" * len(ids))
    total = 0
    for sql, params in (
        ("SELECT c.id, c.first_name, c.last_name, c.is_decision_maker, c.owner_id,"
         " c.claimed_by_id, c.claim_expires_at, c.do_not_call, c.last_contacted_at,"
         " c.company_id, co.name, co.sector, co.technologies FROM contact c LEFT JOIN company co"
         f" ON co.id = c.company_id WHERE c.id IN ({marks})", ids),
        (f"SELECT contact_id, e164, time_zone FROM phone WHERE contact_id IN ({marks})", ids),
        ("SELECT d.e164 FROM do_not_call d JOIN phone p ON p.e164 = d.e164"
         f" WHERE p.contact_id IN ({marks})", ids),
        ("SELECT contact_id, kind, due_at, owner_id FROM reminder"
         f" WHERE contact_id IN ({marks}) AND done_at IS NULL", ids),
        (f"SELECT contact_id, COUNT(*) FROM call WHERE contact_id IN ({marks})"
         " AND started_at >= ? GROUP BY contact_id", [*ids, since.replace(tzinfo=None)]),
        (f"SELECT contact_id, MAX(started_at) FROM call WHERE contact_id IN ({marks})"
         " AND outcome = 'refused' GROUP BY contact_id", ids),
    ):
        total += len(db.execute(sql, params).fetchall())
    db.close()
    return total


def measure(scale: int, runs: int) -> tuple[float, float]:
    from datetime import timedelta

    from cockpit.domain.calling_hours import BUSINESS
    from cockpit.domain.queue import build_queue
    from cockpit.store.migrations import open_and_migrate
    from cockpit.store.queue_query import candidate_ids, fetch_candidates

    url = large_demo_url(scale)
    path = url.removeprefix("sqlite:///")
    open_and_migrate(url)
    today = datetime.now(PARIS).date()
    now = datetime.combine(today, dtime(10, 42), PARIS).astimezone(UTC)
    ours, floor = [], []
    build_queue(fetch_candidates(1, now), 1, now, BUSINESS, limit=50)  # warm caches
    for _ in range(runs):
        started = time.perf_counter()
        build_queue(fetch_candidates(1, now), 1, now, BUSINESS, limit=50)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        ids = candidate_ids(1, now)
        floor_queries(path, ids, now - timedelta(days=30))
        floor.append(time.perf_counter() - started)
    return median(ours), median(floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--scales", default="1,2,5")
    args = parser.parse_args()
    base = None
    for scale in (int(s) for s in args.scales.split(",")):
        ours, floor = measure(scale, args.runs)
        base = base or ours
        print(f"x{scale}: queue {ours * 1000:.1f} ms, bare SQL floor {floor * 1000:.1f} ms, "
              f"ratio {ours / floor:.2f}, growth vs x1 {ours / base:.2f} (data x{scale})")


if __name__ == "__main__":
    main()
