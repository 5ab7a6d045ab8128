"""The day's figures on the large demo (200,000 calls) and at 2x and 5x its size: the median
time of the whole review figures (the calls of the day, their steps and objections, every
figure) against the baseline of one plain query reading the same day's call rows, run in the
same process. Target: <= 200 ms at 1x, and growth at most linear in the number of calls."""

from __future__ import annotations

import argparse
import sqlite3
import time

from _common import large_demo_url, median


def busiest_recent_day(path: str) -> str:
    db = sqlite3.connect(path)
    (day,) = db.execute(
        "SELECT date(started_at) d FROM call WHERE started_at >= "
        "(SELECT datetime(MAX(started_at), '-7 days') FROM call) "
        "GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    db.close()
    return day


def measure(scale: int, runs: int) -> tuple[int, float, float]:
    from cockpit.domain.figures import period_of_day
    from cockpit.i18n import Translator
    from cockpit.reports.model import worded
    from cockpit.services import open_services
    from cockpit.store.times import naive

    url = large_demo_url(scale)
    path = url.removeprefix("sqlite:///")
    day = busiest_recent_day(path)
    services = open_services(url)
    text = Translator("fr")  # the screen's words are part of what is timed
    lead = next(c for c in services.callers() if c.is_lead)
    start, end = period_of_day(day)
    figures = services.figures(lead.id, start, end)  # warm the page cache
    ours, floor = [], []
    plain = sqlite3.connect(path)
    for _ in range(runs):
        started = time.perf_counter()
        worded(services.report(lead.id, start, end, day), text)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        plain.execute("SELECT id, caller_id, started_at, ended_at, outcome, script, contact_id "
                      "FROM call WHERE started_at >= ? AND started_at < ?",
                      (str(naive(start)), str(naive(end)))).fetchall()
        floor.append(time.perf_counter() - started)
    plain.close()
    return figures.team.calls, median(ours), median(floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scales", default="1,2,5")
    args = parser.parse_args()
    results = []
    for scale in (int(s) for s in args.scales.split(",")):
        calls, ours, floor = measure(scale, args.runs)
        results.append((scale, calls, ours))
        print(f"x{scale}: {calls} calls that day; figures {ours * 1000:.1f} ms "
              f"(median of {args.runs}); plain read of the day's calls {floor * 1000:.1f} ms; "
              f"ratio {ours / floor:.1f}; {ours * 1000 / max(calls, 1) * 1000:.1f} µs a call")
    base_scale, base_calls, base_time = results[0]
    for scale, calls, ours in results[1:]:
        growth = (ours / base_time) / (calls / base_calls)
        print(f"x{scale} vs x{base_scale}: time x{ours / base_time:.2f} for calls "
              f"x{calls / base_calls:.2f} (growth factor {growth:.2f}; <= 1 is linear or better)")
    print("target: <= 200 ms at x1")


if __name__ == "__main__":
    main()
