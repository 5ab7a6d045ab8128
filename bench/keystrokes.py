"""Time per key typed in the notes during a call (drafts saved as one types) against a bare
TextArea app fed the same keys, both driven headless by Textual's Pilot. Target ratio <= 1.5."""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))

TEXT = "Le DO a un besoin Java a Lyon, demarrage en janvier, budget 600 euros. " * 3
NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)


async def _type(app, keys: str, before) -> float:
    async with app.run_test(size=(120, 40)) as pilot:
        await before(app, pilot)
        started = time.perf_counter()
        for key in keys:
            await pilot.press("space" if key == " " else key)
        await pilot.pause()
        return (time.perf_counter() - started) / len(keys)


async def bare(keys: str) -> float:
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(App[None]):
        def compose(self):
            yield TextArea(id="t")

    async def focus(app, pilot) -> None:
        app.query_one(TextArea).focus()
        await pilot.pause()

    return await _type(Bare(), keys, focus)


async def cockpit(keys: str, url: str) -> float:
    from cockpit.services import open_services
    from cockpit.tui.app import CockpitApp

    services = open_services(url, clock=lambda: NOW)
    app = CockpitApp(services, services.find_caller("Melissa"), clock=lambda: NOW)

    async def into_a_call(app, pilot) -> None:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    return await _type(app, keys, into_a_call)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    os.environ["COCKPIT_STATE"] = str(folder / "state")
    from cockpit.store.demo import build_demo

    template = folder / "demo.sqlite"
    build_demo(f"sqlite:///{template}", size="small", today=NOW.date())
    import sqlite3

    connection = sqlite3.connect(template)  # fold the WAL in, so a file copy has every row
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    ours, base = [], []
    for run in range(args.runs):
        copy = folder / f"run{run}.sqlite"
        shutil.copyfile(template, copy)
        ours.append(asyncio.run(cockpit(TEXT, f"sqlite:///{copy}")))
        base.append(asyncio.run(bare(TEXT)))
    ratio = statistics.median(a / b for a, b in zip(ours, base, strict=True))
    print(f"cockpit notes: median {statistics.median(ours) * 1000:.2f} ms per key")
    print(f"bare TextArea: median {statistics.median(base) * 1000:.2f} ms per key")
    print(f"ratio (median of pairs): {ratio:.2f}  (target <= 1.50)")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
