"""`cockpit match NEED`: the freelances for a need, in seed 001's order; `--propose ID`."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import count, out, record_id, short_text


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("match", help="freelances for a need, best first",
                            description="Available freelances first, then those unavailable "
                            "but not contacted for a long time; each with the technologies "
                            "covered, mobility, and the selling rate at the firm's margin "
                            "against the client's budget.")
    parser.add_argument("need", type=record_id, metavar="NEED_ID")
    parser.add_argument("--search", type=short_text, default="", metavar="TEXT",
                        help="narrow by name, title, skill or city (word prefixes)")
    parser.add_argument("--limit", type=count, default=20)
    parser.add_argument("--propose", type=record_id, metavar="FREELANCE_ID",
                        help="attach this freelance to the need")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import lang_of, services_for
    from cockpit.commands.base import language, say
    from cockpit.domain.rates import percent
    from cockpit.i18n import Translator
    from cockpit.tui.card_words import match_availability

    services = services_for(args)
    if args.propose is not None:
        proposal = services.propose(args.need, args.propose)
        out(say("cli.match.proposal", id=proposal.id, name=proposal.freelance_name,
                need=args.need, status=say(f"proposal.status.{proposal.status}")))
        return 0
    page = services.match_freelances(args.need, typed=args.search, limit=args.limit)
    tr = Translator(lang_of(args))
    for r in page.rows:
        rate = f"{r.day_rate} € → {r.selling_rate} €" if r.day_rate \
            else say("match.rate_unknown")
        budget = {True: say("match.within_budget"),
                  False: say("cli.match.over_budget", amount=r.over_budget_by),
                  None: ""}[r.within_budget]
        flags = ", ".join(x[:1].lower() + x[1:] for x in (
            match_availability(r.availability, r.available_from, tr),
            say("match.mobile" if r.mobile else "match.not_mobile"), budget,
            say("cli.match.already") if r.proposed else "") if x)
        out(f"#{r.id:<6} {say(f'match.group.{r.group}')} · {r.name} · {r.title} · "
            f"{' '.join(r.covered)} · {rate} · {flags}")
    margin = percent(page.margin) if language() == "fr" else f"{page.margin:.0%}"
    out(say("cli.match.summary", shown=len(page.rows), total=page.total, margin=margin))
    return 0
