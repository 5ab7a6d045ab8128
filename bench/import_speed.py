"""Importing 100,000 contacts from a French CSV (semicolons, Windows-1252, phone numbers in
mixed spellings, 1 % duplicates) into a fresh database, through `cockpit import` as a user
runs it, against the floor measured in the same run: parsing each number with phonenumbers
and one bulk insert of the rows. Target: <= 15 s."""

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
from _common import ROOT

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
    db = sqlite3.connect(folder / "floor.sqlite")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, e164 TEXT, name TEXT)")
    db.executemany("INSERT INTO t (e164, name) VALUES (?, ?)",
                   [(e, f"n{i}") for i, e in enumerate(parsed)])
    db.commit()
    db.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "contacts.csv"
        numbers = make_csv(source, args.rows)
        url = f"sqlite:///{folder / 'import.sqlite'}"
        env = dict(os.environ, COCKPIT_STATE=str(folder / "state"))
        subprocess.run([sys.executable, "-m", "cockpit", "check"], cwd=ROOT, env=env,
                       check=True, capture_output=True)  # warm the content cache
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "cockpit", "import", "contacts",
                               str(source), "--db", url, "--skip-invalid"], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        ours = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(done.stdout + done.stderr)
        base = floor(numbers, folder)
    summary = [line for line in done.stdout.splitlines() if "created" in line]
    print(f"{args.rows} rows: cockpit import {ours:.1f} s (the whole command, from a cold "
          f"start); floor (phonenumbers + one bulk insert) {base:.1f} s; ratio {ours / base:.2f}")
    print("  " + (summary[0] if summary else done.stdout.strip().splitlines()[-1]))
    print("target: <= 15 s")


if __name__ == "__main__":
    main()
