"""Shared helpers for the benchmarks: the large demo database, medians, printing."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / ".data"


def large_demo_url(scale: int = 1) -> str:
    """A large demo database (built once, reused). scale multiplies its size (queue growth)."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"large-x{scale}.sqlite"
    if not path.exists():
        started = time.perf_counter()
        args = [sys.executable, "-m", "cockpit", "demo", "--size", "large", "--db", f"sqlite:///{path}"]
        if scale != 1:
            args += ["--scale", str(scale)]
        subprocess.run(args, check=True, cwd=ROOT)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return f"sqlite:///{path}"


def median(values: list[float]) -> float:
    return statistics.median(values)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
