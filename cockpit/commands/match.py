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
    from cockpit.commands._common import services_for

    services = services_for(args)
    if args.propose is not None:
        proposal = services.propose(args.need, args.propose)
        out(f"proposal #{proposal.id}: {proposal.freelance_name} for need #{args.need} "
            f"({proposal.status})")
        return 0
    page = services.match_freelances(args.need, typed=args.search, limit=args.limit)
    for r in page.rows:
        rate = f"{r.day_rate} € → {r.selling_rate} €" if r.day_rate else "rate unknown"
        budget = {True: "within budget", False: f"{r.over_budget_by} € over budget",
                  None: ""}[r.within_budget]
        flags = ", ".join(x for x in (r.availability, "mobile" if r.mobile else "not mobile",
                                      budget, "already proposed" if r.proposed else "") if x)
        out(f"#{r.id:<6} {r.group:<9} {r.name} · {r.title} · {' '.join(r.covered)} · "
            f"{rate} · {flags}")
    out(f"{len(page.rows)} of {page.total} freelance(s); margin {page.margin:.0%}")
    return 0
