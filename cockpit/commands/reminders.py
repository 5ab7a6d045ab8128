"""`cockpit reminders`: a caller's open reminders; `--ics FILE` for a calendar application."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cockpit.commands._common import out

PARIS = ZoneInfo("Europe/Paris")


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("reminders", help="list open reminders (and export them)",
                            description="List a caller's open reminders, soonest first.")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="whose reminders (default: first caller)")
    parser.add_argument("--ics", metavar="FILE", help="also write them as an iCalendar file")
    parser.add_argument("--all", action="store_true", help="every caller's reminders (lead)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--done", type=int, metavar="ID", help="mark reminder ID as done")
    action.add_argument("--snooze", type=int, metavar="ID",
                        help="move reminder ID to --until")
    action.add_argument("--reassign", type=int, metavar="ID",
                        help="give reminder ID to the caller named by --to")
    parser.add_argument("--until", metavar="WHEN", help="with --snooze: 25/11 14h30, demain 10h…")
    parser.add_argument("--to", metavar="NAME", help="with --reassign: the caller taking it")
    return parser


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime, timedelta

    from cockpit.commands._common import caller_for, services_for
    from cockpit.domain.ics import IcsEvent, reminders_to_ics
    from cockpit.store.reminders import open_reminders

    services = services_for(args)
    caller = caller_for(services, args)
    if args.done or args.snooze or args.reassign:
        return _change(services, caller, args)
    rows = open_reminders(None if args.all else caller.id)
    for r in rows:
        due = r["due_at"].astimezone(PARIS).strftime("%d/%m/%Y %H:%M")  # type: ignore[union-attr]
        owner = f" [{r['owner']}]" if args.all else ""
        out(f"#{r['id']:<6} {due}  {r['kind']:<11} {r['person']} · {r['company']}  "
            f"{r['reason']}{owner}")
    if not rows:
        out(f"no open reminder for {caller.name}")
    if args.ics:
        events = [IcsEvent(uid=f"reminder-{r['id']}@cockpit", start=r["due_at"],  # type: ignore[arg-type]
                           summary=f"{r['kind']} : {r['person']}",
                           description=f"{r['company']} {r['reason']}".strip(),
                           duration=timedelta(minutes=15))
                  for r in rows]
        text = reminders_to_ics(events, datetime.now(UTC), "-//Cockpit//Reminders//FR")
        Path(args.ics).write_text(text, encoding="utf-8", newline="")
        out(f"{len(events)} reminder(s) written to {args.ics}")
    return 0


def _change(services: Any, caller: Any, args: argparse.Namespace) -> int:
    from cockpit.cli import CliError
    from cockpit.domain.captures import parse_datetime
    from cockpit.domain.errors import ValidationError
    from cockpit.store.reminders import complete, reassign, reschedule

    now = services.now()
    if args.done:
        if not complete(args.done, now):
            raise CliError(f"reminder #{args.done} does not exist or is already done")
        out(f"reminder #{args.done} done")
        return 0
    if args.snooze:
        if not args.until:
            raise CliError("--snooze needs --until WHEN (e.g. 'demain 10h')")
        try:
            due = parse_datetime(args.until, now.astimezone(PARIS))
        except (ValueError, ValidationError) as exc:
            raise CliError(f"--until {args.until!r} is not a date and time") from exc
        if not reschedule(args.snooze, due):
            raise CliError(f"reminder #{args.snooze} does not exist or is already done")
        out(f"reminder #{args.snooze} moved to {due:%d/%m/%Y %H:%M}")
        return 0
    if not args.to:
        raise CliError("--reassign needs --to NAME")
    if not caller.is_lead:
        raise CliError(f"only a team lead may reassign ({caller.name} is not one)")
    target = services.find_caller(args.to)
    if target is None:
        raise CliError(f"no caller named {args.to!r}")
    if not reassign(args.reassign, target.id, caller.name, now):
        raise CliError(f"reminder #{args.reassign} does not exist")
    out(f"reminder #{args.reassign} now belongs to {target.name}")
    return 0
