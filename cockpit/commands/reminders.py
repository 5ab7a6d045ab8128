"""`cockpit reminders`: a caller's open reminders; `--ics FILE` for a calendar application."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("reminders", help="list open reminders (and export them)",
                            description="List a caller's open reminders, soonest first.")
    parser.add_argument("--caller", metavar="NAME", help="whose reminders (default: first caller)")
    parser.add_argument("--ics", metavar="FILE", help="also write them as an iCalendar file")
    return parser


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime, timedelta

    from cockpit.commands._common import caller_for, services_for
    from cockpit.domain.ics import IcsEvent, reminders_to_ics
    from cockpit.store.reminders import open_reminders

    services = services_for(args)
    caller = caller_for(services, args)
    rows = open_reminders(caller.id)
    for r in rows:
        due = r["due_at"].astimezone(PARIS).strftime("%d/%m/%Y %H:%M")  # type: ignore[union-attr]
        print(f"{due}  {r['kind']:<11} {r['person']} · {r['company']}  {r['reason']}")
    if not rows:
        print(f"no open reminder for {caller.name}")
    if args.ics:
        events = [IcsEvent(uid=f"reminder-{r['id']}@cockpit", start=r["due_at"],  # type: ignore[arg-type]
                           summary=f"{r['kind']} : {r['person']}",
                           description=f"{r['company']} {r['reason']}".strip(),
                           duration=timedelta(minutes=15))
                  for r in rows]
        text = reminders_to_ics(events, datetime.now(UTC), "-//Cockpit//Reminders//FR")
        Path(args.ics).write_text(text, encoding="utf-8", newline="")
        print(f"{len(events)} reminder(s) written to {args.ics}")
    return 0
