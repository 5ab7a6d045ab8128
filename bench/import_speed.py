"""Importing 100,000 contacts from a French CSV (semicolons, Windows-1252, phone numbers in
mixed spellings, 1 % duplicates) through `cockpit import` as a user runs it:

- into a fresh SQLite file, against the floor measured in the same run (parsing each number
  with phonenumbers and one bulk insert of the rows). Target: <= 2x the floor.
- into a fresh PostgreSQL database (the tests' server, tests/pg.py, on a Unix socket),
  against the same import into SQLite. Target: <= 1.5x SQLite.

Each figure is the median of --runs runs (the machine may be shared)."""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import phonenumbers
from _common import ROOT, median

sys.path.insert(0, str(ROOT))
from tests.pg import Server, binaries  # the tests' server harness, reused

SPELLINGS = ("0{a} {b} {c} {d} {e}", "+33 {a} {b} {c} {d} {e}", "0{a}.{b}.{c}.{d}.{e}",
             "0033{a}{b}{c}{d}{e}", "+33 (0){a} {b}{c} {d}{e}")
FIRST = ("Anne", "Bruno", "Céline", "Damien", "Élodie", "François", "Hélène", "Loïc", "Zoé")
LAST = ("Martin", "Bernard", "Dubois", "Lefèvre", "Girard", "Roux", "Faure", "Mercier")
ROLES = ("Directeur de département", "Ingénieur commercial", "Consultant", "Manager", "DSI")


def make_csv(path: Path, rows: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    numbers: list[str] = []
    lines = ["Société;Prénom;Nom;Fonction;Téléphone;E-mail"]
    for i in range(rows):
        n = i if rng.random() > 0.01 or i == 0 else rng.randrange(i)  # ~1 % duplicates
        digits = f"{n * 37 % 100_000_000:08d}"  # distinct for distinct n below 100,000,000
        raw = rng.choice(SPELLINGS).format(a=1 + n % 5, b=digits[:2], c=digits[2:4],
                                           d=digits[4:6], e=digits[6:])
        numbers.append(raw)
        lines.append(f"Société {n % 3000};{rng.choice(FIRST)};{rng.choice(LAST)} {n};"
                     f"{rng.choice(ROLES)};{raw};contact{n}@exemple{n % 97}.fr")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return numbers


def floor(numbers: list[str], folder: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the floor."""
    started, cpu = time.perf_counter(), time.process_time()
    parsed = []
    for raw in numbers:
        try:
            number = phonenumbers.parse(raw.replace("(0)", ""), "FR")
            parsed.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        except phonenumbers.NumberParseException:
            parsed.append("")
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / "floor.sqlite")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, e164 TEXT, name TEXT)")
    db.executemany("INSERT INTO t (e164, name) VALUES (?, ?)",
                   [(e, f"n{i}") for i, e in enumerate(parsed)])
    db.commit()
    db.close()
    return time.perf_counter() - started, time.process_time() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_import(source: Path, url: str, env: dict[str, str]) -> tuple[float, float, str]:
    """The whole command, from a cold start, as a user runs it: wall seconds, CPU seconds
    (on a shared machine the steadier figure) and its summary."""
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-m", "cockpit", "import", "contacts", str(source),
                           "--db", url, "--skip-invalid", "--force"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    took, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    summary = [line for line in done.stdout.splitlines() if "created" in line]
    return took, cpu, (summary[0] if summary else done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "contacts.csv"
        numbers = make_csv(source, args.rows)
        env = dict(os.environ, COCKPIT_STATE=str(folder / "state"), COCKPIT_LANG="en")
        subprocess.run([sys.executable, "-m", "cockpit", "check"], cwd=ROOT, env=env,
                       check=True, capture_output=True)  # warm the content cache
        server, work = None, None
        if not args.no_postgres and binaries() is not None:
            # Its own folder, readable by the postgres account (the server runs as it when
            # the bench runs as root).
            work = Path(tempfile.mkdtemp(prefix="cockpit-bench-pg-"))
            work.chmod(0o755)
            server = Server(work / "cluster")
            server.start()
        sqlite_times, floor_times, pg_times = [], [], []
        sqlite_cpu, floor_cpu = [], []
        try:
            for run in range(args.runs):
                took, cpu, summary = run_import(
                    source, f"sqlite:///{folder / f'i{run}.sqlite'}", env)
                sqlite_times.append(took)
                sqlite_cpu.append(cpu)
                took, cpu = floor(numbers, folder / f"f{run}")
                floor_times.append(took)
                floor_cpu.append(cpu)
                if server is not None:
                    # Wall time: the server's own work is in another process.
                    took, _, pg_summary = run_import(source, server.create(f"import_{run}"),
                                                     env)
                    pg_times.append(took)
                    server.drop(f"import_{run}")
        finally:
            if server is not None:
                server.stop()
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
    ours, base = median(sqlite_times), median(floor_times)
    print(f"{args.rows} rows, median of {args.runs}: cockpit import into SQLite {ours:.1f} s "
          f"(the whole command, from a cold start); floor (phonenumbers + one bulk insert) "
          f"{base:.1f} s; ratio {ours / base:.2f} (target <= 2)")
    print(f"  CPU time: import {median(sqlite_cpu):.1f} s, floor {median(floor_cpu):.1f} s; "
          f"ratio {median(sqlite_cpu) / median(floor_cpu):.2f} (steadier on a busy machine)")
    print("  " + summary)
    if pg_times:
        pg = median(pg_times)
        print(f"into PostgreSQL {pg:.1f} s; ratio to SQLite {pg / ours:.2f} (target <= 1.5)")
        print("  " + pg_summary)
    else:
        print("PostgreSQL: skipped (--no-postgres, or no initdb/pg_ctl: apt-get install "
              "postgresql)")
    print("runs (s): sqlite " + " ".join(f"{t:.1f}" for t in sqlite_times) + "; floor "
          + " ".join(f"{t:.1f}" for t in floor_times)
          + ("; postgresql " + " ".join(f"{t:.1f}" for t in pg_times) if pg_times else ""))


if __name__ == "__main__":
    main()
