"""Search from anywhere (`/`, the palette, `cockpit search`): companies, people, freelances
and needs, grouped by kind, the best first, a few a kind (never thousands of rows)."""

from __future__ import annotations

from cockpit.domain.named import TYPE_CHECKING, NamedTuple
from cockpit.domain.search import KINDS, search_terms
from cockpit.domain.text import fold
from cockpit.services.errors import ServiceError, store_guard

if TYPE_CHECKING:
    from cockpit.services.connection import Connection
    from cockpit.services.part import Setup

PER_KIND = 8  # the lines a kind shows; the count says how many more match


class SearchHit(NamedTuple):
    kind: str  # company | contact | freelance | need
    id: int
    name: str
    detail: tuple[str, ...]  # company: kind, sector, city; contact: role, company, "dnc";
    # freelance: title, skills, "dnc"; need: status, company, technologies
    flag: bool  # contact: decision maker; freelance: available; need: open


class SearchGroup(NamedTuple):
    kind: str
    hits: tuple[SearchHit, ...]
    total: int  # how many match in all, up to TOTAL_CAP
    capped: bool  # there may be more than `total`


class SearchResults(NamedTuple):
    typed: str  # what was asked: the screen drops results of an older text
    groups: tuple[SearchGroup, ...]

    @property
    def empty(self) -> bool:
        return not any(g.hits for g in self.groups)


def _best_first(typed: str, hits: list[SearchHit]) -> list[SearchHit]:
    """A whole word of the name typed comes first ("Martin" before "Martinez"), then
    the shorter names; stable otherwise (the index's order)."""
    words = set(fold(typed).split())

    def key(hit: SearchHit) -> tuple[int, int]:
        name_words = set(fold(hit.name).split())
        return (0 if words and words <= name_words else 1 if words & name_words else 2,
                len(hit.name))

    return sorted(hits, key=key)


class SearchServices:
    """Not a `Part`: a search reads neither the clock nor the scripts, and `cockpit search`
    then loads none of what a part needs (services/lean.py)."""

    def __init__(self, setup: Setup | None, connection: Connection) -> None:
        self.setup = setup
        self.connection = connection  # errors.store_guard notes each failure here

    def _private_for(self, caller_id: int) -> int | None:
        """Whose private contacts stay hidden: a caller sees only their own; a lead, all."""
        from cockpit.services.lean import callers

        me = next((c for c in callers() if c.id == caller_id), None)
        if me is None:
            raise ServiceError(f"no caller #{caller_id}", code="no_caller", id=caller_id)
        return None if me.is_lead else caller_id

    @store_guard
    def search(self, caller_id: int, typed: str, per_kind: int = PER_KIND,
               kinds: tuple[str, ...] = KINDS) -> SearchResults:
        from cockpit.store import search as store

        terms = search_terms(typed[:200])  # a pasted page is not a search
        found = store.find(terms, self._private_for(caller_id), per_kind, kinds)
        groups = []
        for kind in kinds:
            hits, total = found[kind]
            shown = [SearchHit(h.kind, h.id, h.name, h.detail, h.flag) for h in hits]
            groups.append(SearchGroup(kind, tuple(_best_first(typed, shown)), total,
                                      total >= store.COUNT_CAP))
        return SearchResults(typed, tuple(groups))
