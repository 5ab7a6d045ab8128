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


def floor(numbers: list[str], folder: Path) -> float:
    started = time.perf_counter()
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
    return time.perf_counter() - started


def run_import(source: Path, url: str, env: dict[str, str]) -> tuple[float, str]:
    """The whole command, from a cold start, as a user runs it: seconds and its summary."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cockpit", "import", "contacts", str(source),
                           "--db", url, "--skip-invalid"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    summary = [line for line in done.stdout.splitlines() if "created" in line]
    return took, (summary[0] if summary else done.stdout.strip().splitlines()[-1])


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
        server = None
        if not args.no_postgres and binaries() is not None:
            server = Server(folder / "pg")
            server.start()
        sqlite_times, floor_times, pg_times = [], [], []
        try:
            for run in range(args.runs):
                took, summary = run_import(source, f"sqlite:///{folder / f'i{run}.sqlite'}",
                                           env)
                sqlite_times.append(took)
                floor_times.append(floor(numbers, folder / f"f{run}"))
                if server is not None:
                    took, pg_summary = run_import(source, server.create(f"import_{run}"), env)
                    pg_times.append(took)
                    server.drop(f"import_{run}")
        finally:
            if server is not None:
                server.stop()
    ours, base = median(sqlite_times), median(floor_times)
    print(f"{args.rows} rows, median of {args.runs}: cockpit import into SQLite {ours:.1f} s "
          f"(the whole command, from a cold start); floor (phonenumbers + one bulk insert) "
          f"{base:.1f} s; ratio {ours / base:.2f} (target <= 2)")
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
