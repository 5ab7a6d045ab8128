"""Memory of a caller's day on the large demo, driving the services as the cockpit does: each
move reads the page of the queue the cursor is on (50 people, refreshed as the poll does) and
the card of the person under it. The whole queue is walked, page after page, then walked again
until 2,000 moves. RSS after the first walk and at the end, against the same process before
the first move. Targets: <= 150 MB after the walk, no growth after the first walk."""

from __future__ import annotations

import argparse
import gc
from datetime import UTC, datetime
from datetime import time as dtime
from zoneinfo import ZoneInfo

from _common import large_demo_url

PARIS = ZoneInfo("Europe/Paris")
PAGE = 50


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moves", type=int, default=2000)
    args = parser.parse_args()
    from cockpit.services import open_services
    from cockpit.services.views import PersonRef

    moment = datetime.combine(datetime.now(PARIS).date(), dtime(10, 42), PARIS).astimezone(UTC)
    services = open_services(large_demo_url(1), clock=lambda: moment)
    start = rss_mb()
    moves, walks, after_first = 0, 0, None
    while moves < args.moves:
        offset = 0
        while moves < args.moves:
            page = services.queue_page(1, offset=offset, limit=PAGE)
            for row in page.rows:
                services.contact_card(PersonRef(row.person.kind, row.person.id))
                moves += 1
                if moves % 10 == 0:  # the 5-second poll, seen every tenth move
                    services.queue_page(1, offset=offset, limit=PAGE)
            if len(page.rows) < PAGE or not page.rows:
                break
            offset += PAGE
        walks += 1
        if after_first is None:
            gc.collect()
            after_first = rss_mb()
            print(f"the whole queue walked once ({moves} moves): RSS {after_first:.0f} MB "
                  f"(before {start:.0f} MB)", flush=True)
    gc.collect()
    end = rss_mb()
    assert after_first is not None
    print(f"{moves} moves, {walks} walks: RSS {end:.0f} MB; growth after the first walk "
          f"{end - after_first:+.1f} MB (targets: <= 150 MB, no growth)")


if __name__ == "__main__":
    main()
