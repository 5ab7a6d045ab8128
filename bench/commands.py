"""Whole-process commands on the large demo (`cockpit queue`, `next`, `reminders`, `report`,
`search`),
each against a Python process that opens the same database with sqlite3 and runs the plainest
query for the same answer, printing it (the floor). Wall and CPU time (user + system of the
child), medians of alternated runs. Target: <= 2.5x the floor.

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
from pathlib import Path

from _common import ROOT, large_demo_url, median

AT = "2026-12-01T10:42:00+01:00"
WALK = (
    "SELECT c.first_name, c.last_name, co.name, r.due_at, r.kind FROM reminder r"
    " JOIN contact c ON c.id = r.contact_id LEFT JOIN company co ON co.id = c.company_id"
    " WHERE r.done_at IS NULL AND r.due_at < '{end}' AND r.kind IN"
    " ('retry','callback','budget','follow_up','new_contact')"
    " AND (r.owner_id IS NULL OR r.owner_id = 1) AND c.do_not_call = 0"
    " AND (c.owner_id IS NULL OR c.owner_id = 1)"
    " AND EXISTS (SELECT 1 FROM phone p WHERE p.contact_id = c.id)"
    " ORDER BY r.due_at, r.contact_id LIMIT {limit}"
)
FLOORS = {
    "queue": WALK.format(end="2026-12-01 23:00:00", limit=50),
    "next": WALK.format(end="2026-12-01 23:00:00", limit=1),
    "reminders": (
        "SELECT r.id, r.due_at, r.kind, c.first_name, c.last_name FROM reminder r"
        " LEFT JOIN contact c ON c.id = r.contact_id WHERE r.done_at IS NULL AND r.owner_id = 1"
        " ORDER BY r.due_at"),
    "report": (
        "SELECT k.caller_id, k.outcome, COUNT(DISTINCT k.id), COUNT(e.id) FROM call k"
        " LEFT JOIN call_event e ON e.call_id = k.id"
        " WHERE k.started_at >= '2026-12-01 00:00:00' AND k.started_at < '2026-12-02 00:00:00'"
        " GROUP BY k.caller_id, k.outcome"),
    # The first eight of each kind whose words start with the text, and how many there are.
    "search": " UNION ALL ".join(
        f"SELECT * FROM (SELECT '{kind}', rowid, name FROM search_{kind}"
        f" WHERE search_{kind} MATCH '\"martin\"*' LIMIT 8)"
        f" UNION ALL SELECT '{kind}', COUNT(*), '' FROM (SELECT 1 FROM search_{kind}"
        f" WHERE search_{kind} MATCH '\"martin\"*' LIMIT 1000)"
        for kind in ("company", "contact", "freelance", "need")),
}
COMMANDS = {
    "queue": ["queue", "--limit", "50", "--at", AT],
    "next": ["next"],
    "reminders": ["reminders"],
    "report": ["report", "--date", "2026-12-01"],
    "search": ["search", "martin"],
}
RELEASE = "UPDATE contact SET claimed_by_id = NULL, claim_expires_at = NULL"


def floor_script(path: Path, sql: str, claims: bool) -> str:
    script = (f"import sqlite3; db = sqlite3.connect({str(path)!r}); "
              f"rows = db.execute({sql!r}).fetchall(); print(*rows, sep='\\n')")
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


def release(path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    db.execute(RELEASE)
    db.commit()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--only", default=",".join(COMMANDS))
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
    env = {**os.environ, "COCKPIT_DB": f"sqlite:///{path}", "COCKPIT_NOW": AT}
    if options.full:
        env["COCKPIT_BOOT_WITHOUT"] = "lean"
    try:
        for name in options.only.split(","):
            ours_args = [sys.executable, "-m", "cockpit", *COMMANDS[name]]
            floor_args = [sys.executable, "-c", floor_script(path, FLOORS[name], name == "next")]
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
