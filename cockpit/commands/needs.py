"""`cockpit needs`: every need, or only those with profiles proposed (seed 001's two searches);
`cockpit needs --show ID` shows one with its proposals; `--add` records one by hand."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import out, record_id, short_text

_FIELDS = ("title", "profile", "tasks", "technologies", "region", "start", "duration",
           "budget_rate", "languages", "description")


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("needs", help="list, search, show or add needs",
                            description="Needs qualified with decision makers. Without options, "
                            "every need, latest first.")
    parser.add_argument("--status", choices=("open", "proposed", "won", "lost"))
    parser.add_argument("--tech", type=short_text, metavar="WORD", default="",
                        help="a technology, e.g. java")
    parser.add_argument("--region", type=short_text, metavar="TEXT", default="")
    parser.add_argument("--proposed", action="store_true",
                        help="only needs that already have freelances proposed")
    parser.add_argument("--show", type=record_id, metavar="ID", help="one need and its proposals")
    parser.add_argument("--add", nargs="+", metavar="FIELD=VALUE",
                        help=f"record a need by hand; fields: {', '.join(_FIELDS)}")
    parser.add_argument("--contact", type=record_id, metavar="ID",
                        help="the decision maker (--add)")
    parser.add_argument("--set-status", metavar="STATUS", help="with --show: change the status")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS)
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, quoted, services_for
    from cockpit.commands.base import refused, say
    from cockpit.services.views import PersonRef

    def status(code: str) -> str:
        return say(f"need.status.{code}")

    services = services_for(args)
    if args.add:
        fields: dict[str, str] = {}
        for item in args.add:
            key, sep, value = item.partition("=")
            if not sep:
                raise refused("cli.needs.bad_add", item=quoted(item))
            fields[key.strip()] = value
        _check_fields(fields)
        caller = caller_for(services, args)
        contact = PersonRef("contact", args.contact) if args.contact else None
        need_id = services.create_need(caller.id, fields, contact)
        out(say("cli.needs.recorded", id=need_id))
        return 0
    if args.show is not None:
        if args.set_status:
            services.set_need_status(args.show, args.set_status)
        need = services.need(args.show)
        out(f"#{need.id} {need.title} · {need.company or '—'} · {status(need.status)}")
        if need.contact_name:
            out(say("cli.needs.field", name=say("need.contact"),
                    value=f"{need.contact_name} {need.contact_email}".rstrip()))
        for name, value in need.fields:
            out(say("cli.needs.field", name=say(f"need.field.{name}"), value=value))
        for p in need.proposals:
            out(say("cli.needs.proposal", id=p.id, name=p.freelance_name,
                    freelance=p.freelance_id, status=say(f"proposal.status.{p.status}")))
        return 0
    rows = services.needs(status=args.status, technology=args.tech, region=args.region,
                          with_proposals=args.proposed)
    for n in rows:
        budget = f"{n.budget_rate} €" if n.budget_rate else "—"
        out(f"#{n.id:<5} {status(n.status):<8} {n.title} · {n.company or '—'} · "
            f"{n.technologies} · {n.region or '—'} · {n.start or '—'} · {budget} · "
            f"{say('cli.needs.proposed', count=n.proposed)}")
    out(say("cli.needs.count", count=len(rows)))
    return 0


def _check_fields(fields: dict[str, str]) -> None:
    """What the service would take but should not: a title on several lines (it becomes an
    e-mail's subject), a budget below 1 € or beyond any day rate."""
    from cockpit.commands._common import TEXT_MAX, quoted
    from cockpit.commands.base import CliError
    from cockpit.domain.captures import parse_money

    for name in ("title", "profile", "region", "start", "duration"):
        value = fields.get(name, "")
        if "\n" in value or "\r" in value:
            raise CliError(f"{name}: one line only", code="cli_multiline", field=name,
                           value=quoted(value))
    for name, value in fields.items():
        limit = 20 * TEXT_MAX if name == "description" else TEXT_MAX
        if len(value) > limit:
            raise CliError(f"{name}: too long", code="cli_too_long", field=name,
                           value=quoted(value), limit=limit)
    raw = fields.get("budget_rate", "").strip()
    if not raw:
        return
    try:
        amount = parse_money(raw) if len(raw) <= 20 else None
    except (ValueError, ArithmeticError):
        return  # not an amount at all: the service says so
    if amount is None or not 1 <= amount <= 100_000:
        raise CliError(f"budget_rate {quoted(raw)!r}: between 1 and 100,000 €",
                       code="cli_budget", value=quoted(raw))
