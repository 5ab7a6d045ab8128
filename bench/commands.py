"""Whole-process commands on the large demo (`cockpit queue`, `next`, `reminders`, `report`,
`search`), each against a Python process that opens the same database with sqlite3 and runs the
plainest query for the same answer, printing it (the floor). Wall and CPU time (user + system
of the child), medians of alternated runs. Target: <= 2.5x the floor.

The moment is the demo's own: 10:42 on the day it was built (the day of its latest calls),
the moment its reminders and calls were made around; the report is that of the whole day of
calls before it. On another day the queue would not hold what the demo meant (two days before
it, 18 reminders are due and the queue is filled with people never called, which a walk of
reminders does not return). The queue's floor is checked to print the queue's 50 people, in
its order.

`next` claims someone: the bench runs on a copy of the demo, and each `next` is followed by
the release of the claim in the same way for both sides."""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

from _common import ROOT, large_demo_url, median

PARIS = ZoneInfo("Europe/Paris")
# The queue's walk (as bench/queue_speed.py's floor): open reminders in due order, with the
# rules that leave a person out written in SQL.
WALK = (
    "SELECT c.id, c.first_name, c.last_name, co.name, r.due_at, r.kind FROM reminder r"
    " JOIN contact c ON c.id = r.contact_id LEFT JOIN company co ON co.id = c.company_id"
    " WHERE r.done_at IS NULL AND r.due_at < '{end}' AND r.kind IN"
    " ('retry','callback','budget','follow_up','new_contact')"
    " AND (r.owner_id IS NULL OR r.owner_id = 1) AND c.do_not_call = 0"
    " AND (c.owner_id IS NULL OR c.owner_id = 1)"
    " AND EXISTS (SELECT 1 FROM phone p WHERE p.contact_id = c.id)"
    " AND NOT EXISTS (SELECT 1 FROM phone p JOIN do_not_call d ON d.e164 = p.e164"
    "  WHERE p.contact_id = c.id)"
    " AND NOT EXISTS (SELECT 1 FROM reminder o WHERE o.contact_id = c.id AND o.done_at IS NULL"
    "  AND (o.kind = 'do_not_call' OR (c.owner_id IS NULL AND o.owner_id IS NOT NULL"
    "   AND o.owner_id <> 1 AND o.kind <> 'cooldown')))"
    " ORDER BY r.due_at, r.contact_id{limit}"
)
COMMAND_NAMES = ("queue", "next", "reminders", "report", "search")
RELEASE = "UPDATE contact SET claimed_by_id = NULL, claim_expires_at = NULL"


def _utc(day: date, at: dtime = dtime(0, 0)) -> str:
    """A moment of a Paris day as the database stores it (UTC, naive)."""
    moment = datetime.combine(day, at, PARIS).astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(sep=" ")


def floors(day: date, last_full: date) -> dict[str, str]:
    end = _utc(day + timedelta(days=1))
    return {
        "queue": WALK.format(end=end, limit=""),
        "next": WALK.format(end=end, limit=" LIMIT 1"),
        "reminders": (
            "SELECT r.id, r.due_at, r.kind, c.first_name, c.last_name FROM reminder r"
            " LEFT JOIN contact c ON c.id = r.contact_id WHERE r.done_at IS NULL"
            " AND r.owner_id = 1 ORDER BY r.due_at"),
        "report": (
            "SELECT k.caller_id, k.outcome, COUNT(DISTINCT k.id), COUNT(e.id) FROM call k"
            " LEFT JOIN call_event e ON e.call_id = k.id"
            f" WHERE k.started_at >= '{_utc(last_full)}'"
            f" AND k.started_at < '{_utc(last_full + timedelta(days=1))}'"
            " GROUP BY k.caller_id, k.outcome"),
        # The first eight of each kind whose words start with the text, and how many there are.
        "search": " UNION ALL ".join(
            f"SELECT * FROM (SELECT '{kind}', rowid, name FROM search_{kind}"
            f" WHERE search_{kind} MATCH '\"martin\"*' LIMIT 8)"
            f" UNION ALL SELECT '{kind}', COUNT(*), '' FROM (SELECT 1 FROM search_{kind}"
            f" WHERE search_{kind} MATCH '\"martin\"*' LIMIT 1000)"
            for kind in ("company", "contact", "freelance", "need")),
    }


def commands(at: str, last_full: date) -> dict[str, list[str]]:
    return {
        "queue": ["queue", "--limit", "50", "--at", at],
        "next": ["next"],
        "reminders": ["reminders"],
        "report": ["report", "--date", last_full.isoformat()],
        "search": ["search", "martin"],
    }


def demo_days(path: Path) -> tuple[date, date]:
    """The day the demo was built (that of its latest call: it makes that day's first calls
    before 10:42), and the last whole day of calls before it (the report's day)."""
    import sqlite3

    def day_of(stored: str) -> date:
        return datetime.fromisoformat(stored).replace(tzinfo=UTC).astimezone(PARIS).date()

    db = sqlite3.connect(path)
    (latest,) = db.execute("SELECT MAX(started_at) FROM call").fetchone()
    day = day_of(latest)
    (before,) = db.execute("SELECT MAX(started_at) FROM call WHERE started_at < ?",
                           (_utc(day),)).fetchone()
    db.close()
    return day, day_of(before)


def floor_script(path: Path, sql: str, name: str) -> str:
    script = (f"import sqlite3; db = sqlite3.connect({str(path)!r}); "
              f"rows = db.execute({sql!r}).fetchall(); print(*rows, sep='\\n')")
    if name == "queue":  # rows read until 50 people (a person may have several reminders)
        script = (f"import sqlite3; db = sqlite3.connect({str(path)!r}); seen = {{}}\n"
                  f"for row in db.execute({sql!r}):\n"
                  "    seen.setdefault(row[0], row)\n"
                  "    if len(seen) == 50: break\n"
                  "print(*seen.values(), sep='\\n')")
    claims = name == "next"
    if claims:  # a claim is a write, as `next` makes one
        script += "; db.execute('UPDATE contact SET claimed_by_id = 1 WHERE id = 1'); db.commit()"
    return script


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def same_people(ours_args: list[str], floor_args: list[str], env: dict[str, str]) -> None:
    """The queue prints the people the floor's walk returns, in its order (a wide table, so
    that no name is wrapped)."""
    wide = {**env, "COLUMNS": "400"}
    printed = subprocess.run(ours_args, check=True, capture_output=True, text=True, env=wide,
                             cwd=ROOT).stdout
    walked = subprocess.run(floor_args, check=True, capture_output=True, text=True, env=wide,
                            cwd=ROOT).stdout.splitlines()
    people = [eval(row)[1:3] for row in walked]  # the floor prints each row's tuple
    lines = [line for line in printed.splitlines() if line.startswith("│ ")]
    assert len(people) == len(lines) == 50, (len(people), len(lines))
    for (first, last), line in zip(people, lines, strict=True):
        assert f"{first} {last}" in line, (first, last, line)
    print(f"  the floor returns the queue's 50 people, in its order: {people[0]}, "
          f"{people[1]}…", flush=True)


def release(path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    db.execute(RELEASE)
    db.commit()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--only", default=",".join(COMMAND_NAMES))
    parser.add_argument("--full", action="store_true",
                        help="the commands the full way (COCKPIT_BOOT_WITHOUT=lean): peewee, "
                        "the services, the content, as before the driver-only reads")
    options = parser.parse_args()
    # Timed as installed: with PYTHONDONTWRITEBYTECODE, a module changed since the last
    # compile would be compiled again by every run (several ms each).
    compileall.compile_dir(ROOT / "cockpit", quiet=1)
    source = Path(large_demo_url(1).removeprefix("sqlite:///"))
    work = Path(tempfile.mkdtemp(prefix="cockpit-bench-commands-"))
    path = work / "large.sqlite"
    shutil.copyfile(source, path)
    day, last_full = demo_days(path)
    at = datetime.combine(day, dtime(10, 42), PARIS).isoformat()
    env = {**os.environ, "COCKPIT_DB": f"sqlite:///{path}", "COCKPIT_NOW": at}
    typed, floor_sql = commands(at, last_full), floors(day, last_full)
    print(f"at the demo's moment, {at}; the report of the day before, {last_full}", flush=True)
    if options.full:
        env["COCKPIT_BOOT_WITHOUT"] = "lean"
    try:
        for name in options.only.split(","):
            ours_args = [sys.executable, "-m", "cockpit", *typed[name]]
            floor_args = [sys.executable, "-c", floor_script(path, floor_sql[name], name)]
            if name == "queue":
                same_people(ours_args, floor_args, env)
            run(ours_args, env), run(floor_args, env)  # warm the page cache
            ours, floor = [], []
            for _ in range(options.runs):
                ours.append(run(ours_args, env))
                floor.append(run(floor_args, env))
                if name == "next":
                    release(path)
            wall, cpu = median([w for w, _ in ours]), median([c for _, c in ours])
            fwall, fcpu = median([w for w, _ in floor]), median([c for _, c in floor])
            print(f"cockpit {name:9}: wall {wall * 1000:.0f} ms vs floor {fwall * 1000:.0f} ms, "
                  f"ratio {wall / fwall:.2f}; CPU {cpu * 1000:.0f} ms vs {fcpu * 1000:.0f} ms, "
                  f"ratio {cpu / fcpu:.2f} (target <= 2.5; medians of {options.runs}, "
                  f"load {os.getloadavg()[0]:.1f})", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
