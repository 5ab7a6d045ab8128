"""The day's and the week's figures on the large demo (200,000 calls) and at 5x its size: the
median CPU time of the whole report (the calls of the period, their steps and objections,
every figure, in words) against the floor of one plain read of the period's calls and their
events, run in the same process. Targets: <= 3x the floor, growth at most linear in the
number of calls."""

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


def measure(scale: int, runs: int, week: bool) -> tuple[int, float, float]:
    from cockpit.domain.figures import period_of_day, period_of_week
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
    start, end = period_of_week(day) if week else period_of_day(day)
    figures = services.figures(lead.id, start, end)  # warm the page cache
    ours, floor = [], []
    plain = sqlite3.connect(path)
    for _ in range(runs):
        started = time.thread_time()  # CPU: on a shared machine wall time measures the others
        worded(services.report(lead.id, start, end, day), text)
        ours.append(time.thread_time() - started)
        started = time.thread_time()
        plain.execute("SELECT k.id, k.caller_id, k.started_at, k.ended_at, k.outcome, k.script,"
                      " k.contact_id, e.kind, e.seq FROM call k"
                      " LEFT JOIN call_event e ON e.call_id = k.id"
                      " WHERE k.started_at >= ? AND k.started_at < ?",
                      (str(naive(start)), str(naive(end)))).fetchall()
        floor.append(time.thread_time() - started)
    plain.close()
    return figures.team.calls, median(ours), median(floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scales", default="1,5")
    parser.add_argument("--week", action="store_true", help="the week's figures, not the day's")
    args = parser.parse_args()
    results = []
    for scale in (int(s) for s in args.scales.split(",")):
        calls, ours, floor = measure(scale, args.runs, args.week)
        results.append((scale, calls, ours, floor))
        period = "week" if args.week else "day"
        print(f"x{scale}: {calls} calls that {period}; figures {ours * 1000:.1f} ms "
              f"(CPU, median of {args.runs}); one read of its calls and events "
              f"{floor * 1000:.1f} ms; ratio {ours / floor:.1f} (target <= 3); "
              f"{ours * 1000 / max(calls, 1) * 1000:.1f} µs a call")
    base_scale, base_calls, base_time, base_floor = results[0]
    for scale, calls, ours, floor in results[1:]:
        growth = (ours / base_time) / (calls / base_calls)
        # The floor's own growth says what the machine adds (caches outgrown by the bigger
        # base): the figures' growth beyond it is theirs.
        floor_growth = (floor / base_floor) / (calls / base_calls)
        print(f"x{scale} vs x{base_scale}: time x{ours / base_time:.2f} for calls "
              f"x{calls / base_calls:.2f} (growth factor {growth:.2f}; <= 1 is linear or better);"
              f" the floor's x{floor / base_floor:.2f} (growth factor {floor_growth:.2f}); "
              f"the figures' growth against the floor's {growth / floor_growth:.2f}")


if __name__ == "__main__":
    main()
