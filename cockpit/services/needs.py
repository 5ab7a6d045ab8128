"""The needs a DO gave us, and the freelances who match them: the needs board, a need's
page, matching and searching freelances. Proposing one, and all that follows, is in
services/proposals.py."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from cockpit.domain.captures import parse_money
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.later_views import (
    FreelanceMatchView,
    MatchPage,
    NeedRow,
    NeedView,
)
from cockpit.services.part import Part
from cockpit.services.proposals import _proposal_view
from cockpit.services.views import PersonRef

NEED_STATUSES = ("open", "proposed", "won", "lost")
_NEED_FIELDS = ("profile", "tasks", "technologies", "region", "start", "duration",
                "budget_rate", "languages", "description")


class NeedServices(Part):
    # -- needs ---------------------------------------------------------------------------------

    @store_guard
    def needs(self, *, status: str | None = None, technology: str = "",
              region: str = "", text: str = "", with_proposals: bool = False,
              limit: int = 200) -> tuple[NeedRow, ...]:
        from cockpit.store import needs
        from cockpit.store.times import aware

        if status and status not in NEED_STATUSES:
            raise ServiceError(f"unknown need status {status!r}; one of "
                               f"{', '.join(NEED_STATUSES)}", code="bad_status", value=status)
        rows = needs.search(status=status, technology=technology, region=region, text=text,
                            with_proposals=with_proposals, limit=limit)
        return tuple(NeedRow(r["id"], r["title"], r.get("name") or "", r["technologies"],
                             r["region"], r["start"], r["budget_rate"], r["status"],
                             int(r["proposed"]), _created(aware(r["created_at"])))
                     for r in rows)

    @store_guard
    def need(self, need_id: int) -> NeedView:
        from cockpit.store import needs

        row = needs.get(need_id)
        if row is None:
            raise ServiceError(f"no need #{need_id}", code="no_need", id=need_id)
        contact_id = row.contact_id
        contact = row.contact if contact_id else None
        company = row.company if row.company_id else None
        fields = tuple((name, str(getattr(row, name))) for name in _NEED_FIELDS
                       if getattr(row, name) not in (None, ""))
        proposals = needs.proposals_of(need_id)
        sent = needs.history_notes(contact_id, [int(p.freelance_id) for p in proposals]
                                   ) if contact_id else {}
        return NeedView(
            id=int(row.id), title=row.title, company=company.name if company else "",
            contact=PersonRef("contact", contact_id) if contact_id else None,
            contact_name=f"{contact.civility} {contact.first_name} {contact.last_name}".strip()
            if contact else "",
            contact_email=contact.email if contact else "", fields=fields, status=row.status,
            proposals=tuple(_proposal_view(p, sent.get(int(p.freelance_id), ""))
                            for p in proposals))

    @store_guard
    def create_need(self, caller_id: int, fields: Mapping[str, str],
                    contact: PersonRef | None = None) -> int:
        """A need typed by hand (the DO call creates its own from the script's captures)."""
        from cockpit.store import needs

        values: dict[str, Any] = {k: str(v).strip() for k, v in fields.items() if str(v).strip()}
        unknown = set(values) - {"title", *_NEED_FIELDS}
        if unknown:
            raise ServiceError(f"unknown need field(s): {', '.join(sorted(unknown))}",
                               code="bad_field", field=", ".join(sorted(unknown)))
        if not values.get("title"):
            raise ServiceError("a need has a title (the profile sought)", code="need_title")
        if "budget_rate" in values:
            try:
                values["budget_rate"] = int(parse_money(values["budget_rate"]))
            except (ValueError, ArithmeticError):
                raise ServiceError(f"budget day rate {values['budget_rate']!r} is not an amount "
                                   "in euros", code="bad_money", field="budget_rate",
                                   value=values["budget_rate"]) from None
        if contact is not None and contact.kind != "contact":
            raise ServiceError("a need belongs to a company contact", code="need_contact")
        return needs.create(values, contact.id if contact else None, caller_id, self.now())

    @store_guard
    def set_need_status(self, need_id: int, status: str) -> None:
        from cockpit.store import needs

        if status not in NEED_STATUSES:
            raise ServiceError(f"unknown need status {status!r}; one of "
                               f"{', '.join(NEED_STATUSES)}", code="bad_status", value=status)
        if not needs.set_status(need_id, status):
            raise ServiceError(f"no need #{need_id}", code="no_need", id=need_id)

    # -- finding freelances --------------------------------------------------------------------

    @store_guard
    def match_freelances(self, need_id: int, typed: str = "", limit: int = 50) -> MatchPage:
        """Freelances for the need, best first (seed 001's order), narrowed by what is typed."""
        from cockpit.domain.matching import NeedSpec, rank
        from cockpit.store import freelance_search, needs

        row = needs.get(need_id)
        if row is None:
            raise ServiceError(f"no need #{need_id}", code="no_need", id=need_id)
        spec = NeedSpec.of(row.technologies, row.region, row.start, row.budget_rate,
                           today=self.now().date())
        found = freelance_search.find(typed, any_of=spec.technologies)
        ranked = rank(spec, found, Decimal(str(self.margin)), self.now())
        proposed = {p.freelance_id for p in needs.proposals_of(need_id)}
        rows = tuple(_match_view(m, m.freelance.id in proposed) for m in ranked[:limit])
        return MatchPage(rows=rows, total=len(ranked), margin=self.margin)

    @store_guard
    def search_freelances(self, typed: str, limit: int = 50) -> MatchPage:
        """Type-to-search over every freelance (no need): available ones first."""
        from cockpit.domain.matching import STALE_AFTER, NeedSpec, rank
        from cockpit.store import freelance_search

        now = self.now()
        found, total = freelance_search.first_page(typed, now.date(), now - STALE_AFTER, limit)
        ranked = rank(NeedSpec(()), found, Decimal(str(self.margin)), now, at_least_one=False)
        return MatchPage(rows=tuple(_match_view(m, False) for m in ranked),
                         total=total, margin=self.margin)


# -- helpers -----------------------------------------------------------------------------------


def _match_view(m: Any, proposed: bool) -> FreelanceMatchView:
    f = m.freelance
    return FreelanceMatchView(
        id=f.id, name=f.name, title=f.title, group=m.group, covered=m.covered,
        missing=m.missing, mobile=m.mobile, day_rate=f.day_rate,
        selling_rate=int(m.selling_rate) if m.selling_rate is not None else None,
        within_budget=m.within_budget, over_budget_by=int(m.over_budget_by),
        availability=f.availability, available_from=f.available_from, proposed=proposed)


def _created(moment: datetime | None) -> datetime:
    """A need's creation time: always written (a need without one reads as created never)."""
    return moment if moment is not None else datetime.min.replace(tzinfo=UTC)
