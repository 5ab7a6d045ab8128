"""`cockpit demo`: fill a database with deterministic, realistic demo data."""

from __future__ import annotations

import argparse
import time
from typing import Any

from cockpit.commands._common import out, seed, whole_between


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "demo",
        help="build a demo database",
        description="Build deterministic French demo data: companies, decision makers, "
        "freelances, past calls with notes, reminders, callers (one of them a lead).",
    )
    parser.add_argument("--size", choices=("small", "large"), default="small",
                        help="small: ~40 companies, builds in about a second; large: 3,000 "
                        "companies, 20,000 contacts, 60,000 freelances, 200,000 calls")
    parser.add_argument("--seed", type=seed, default=0, help="random seed (same seed, same data)")
    parser.add_argument("--scale", type=whole_between(1, 10), default=1, metavar="N",
                        help="multiply the size by N (benchmarks of growth)")
    parser.add_argument("--replace", action="store_true",
                        help="wipe an existing database's data first")
    parser.add_argument("--if-empty", action="store_true",
                        help="build only into a database that holds nobody yet (`./dev run`: "
                        "a file another command created empty still gets its demo); "
                        "one that holds data is kept, and nothing is said")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands.base import db_url
    from cockpit.commands.clock import start_clock
    from cockpit.store.db import mask_url
    from cockpit.store.demo import build_demo

    url = db_url(args)
    # COCKPIT_NOW: the demo's "today", as every command sees it
    clock = start_clock(args.settings.hooks.now)
    started = time.perf_counter()
    counts = build_demo(url, size=args.size, seed=args.seed, replace=args.replace,
                        scale=args.scale, now=clock() if clock else None,
                        if_empty=args.if_empty)
    if not counts:  # --if-empty, and the database holds data: kept, nothing to say
        return 0
    elapsed = time.perf_counter() - started
    from cockpit.commands.base import language, say

    summary = ", ".join(f"{n:,}".replace(",", "\u202f" if language() == "fr" else ",")
                        + f" {say(f'cli.kind.{kind}', count=n)}" for kind, n in counts.items())

    seconds = f"{elapsed:.1f}".replace(".", "," if language() == "fr" else ".")
    out(say("cli.demo.ready", url=mask_url(url), summary=summary, seconds=seconds))
    return 0
