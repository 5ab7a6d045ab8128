"""Type-to-search over the 60,000 freelances of the large demo, as a caller types: for each
prefix of a few searches ("j", "ja", "jav", "java", …), the median time to the ranked first
page, through the services (SQL filter, then seed 001's ranking). The baseline, run in the
same process, is one plain pass over the table (every row's search words read, nothing
ranked): the floor of a search that looks at every freelance. Target: <= 50 ms a keystroke."""

from __future__ import annotations

import argparse
import os
import sqlite3
import time

from _common import large_demo_url, median

SEARCHES = ("java spring", "kubernetes", "dupont", "sap fi", "lyon data")


def baseline(path: str) -> float:
    db = sqlite3.connect(path)
    started = time.perf_counter()
    rows = db.execute("SELECT id, search FROM freelance").fetchall()
    elapsed = time.perf_counter() - started
    db.close()
    assert len(rows) >= 60000, "the large demo has 60,000 freelances"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    url = large_demo_url()
    os.environ.setdefault("COCKPIT_NOW", "2026-11-23T10:00+01:00")
    from cockpit.commands.clock import start_clock
    from cockpit.services import open_services
    from cockpit.settings import Settings

    services = open_services(url, clock=start_clock(Settings.load().hooks.now))
    need = services.needs(status="open")[0]
    services.search_freelances("a")  # warm the page cache, as a cockpit already open would
    typed: list[float] = []
    for_need: list[float] = []
    worst = ("", 0.0)
    for _ in range(args.runs):
        for search in SEARCHES:
            for end in range(1, len(search) + 1):
                prefix = search[:end]
                started = time.perf_counter()
                services.search_freelances(prefix, limit=50)
                elapsed = time.perf_counter() - started
                typed.append(elapsed)
                worst = max(worst, (prefix, elapsed), key=lambda w: w[1])
                started = time.perf_counter()
                services.match_freelances(need.id, typed=prefix, limit=50)
                for_need.append(time.perf_counter() - started)
    floor = median([baseline(url.removeprefix("sqlite:///")) for _ in range(args.runs)])
    print(f"keystrokes measured: {len(typed)} (searches {', '.join(SEARCHES)})")
    print(f"search over all freelances: median {median(typed) * 1000:.1f} ms, "
          f"p90 {sorted(typed)[int(len(typed) * 0.9)] * 1000:.1f} ms, "
          f"worst {worst[1] * 1000:.1f} ms for {worst[0]!r}  (target <= 50 ms)")
    print(f"search within a need ({need.title}): median {median(for_need) * 1000:.1f} ms, "
          f"p90 {sorted(for_need)[int(len(for_need) * 0.9)] * 1000:.1f} ms")
    print(f"baseline, one plain pass over the table: {floor * 1000:.1f} ms; "
          f"ratio {median(typed) / floor:.2f}")


if __name__ == "__main__":
    main()
