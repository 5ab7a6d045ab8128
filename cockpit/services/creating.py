"""Creating a company, a person or a freelance by hand, outside a call: checked as an import
checks a row, and the rows that look like the one typed offered first, so nobody is created
twice. A need is created from the needs board (services/needs.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from cockpit.domain.creating import Checked, check, same_as
from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part, Setup


class Duplicate(NamedTuple):
    kind: str  # company | contact | freelance
    id: int
    name: str
    company: str
    why: tuple[str, ...]  # email | phone | siret | name


class Created(NamedTuple):
    kind: str
    id: int
    name: str


class CreateServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards

    def checked(self, kind: str, typed: Mapping[str, str]) -> Checked:
        """The typed values checked (pure: no database); the first refusal raised, with the
        field it is about in its params."""
        found = check(kind, typed, self.now())
        for key, error in found.errors.items():
            error.params.setdefault("field", key)
            raise error
        return found

    @store_guard
    def duplicates(self, kind: str, typed: Mapping[str, str]) -> list[Duplicate]:
        """What the base already holds that looks like the row typed, the likeliest first."""
        from cockpit.store.creating import candidates

        found = self.checked(kind, typed)
        matches = []
        for existing in candidates(kind, found):
            why = same_as(kind, found, existing)
            if why:
                matches.append(Duplicate(existing.kind, existing.id, existing.name,
                                         existing.company, tuple(why)))
        matches.sort(key=lambda d: (-len(d.why), d.id))
        return matches

    @store_guard
    def create(self, caller_id: int, kind: str, typed: Mapping[str, str], *,
               private: bool = False, even_if_like: bool = False) -> Created:
        """The row created; refused (code "create_duplicate") while one looks the same,
        unless the caller said it is another (`even_if_like`). A contact may go straight
        into the caller's private portfolio."""
        from cockpit.store.creating import create

        caller = self.cards.caller(caller_id)
        found = self.checked(kind, typed)
        if not even_if_like:
            like = self.duplicates(kind, typed)
            if like:
                first = like[0]
                raise ServiceError(f"{first.name} (#{first.id}) is already in the base",
                                   code="create_duplicate", name=first.name, id=first.id)
        is_dm = self._decision_maker(found) if kind == "contact" else False
        new_id = create(kind, found, owner_id=caller.id if private and kind == "contact"
                        else None, actor=caller.name, now=self.now(), is_decision_maker=is_dm)
        values = found.values
        name = (str(values.get("name", "")) if kind == "company" else
                f"{values.get('first_name', '')} {values.get('last_name', '')}".strip())
        return Created(kind, new_id, name)

    def _decision_maker(self, found: Checked) -> bool:
        """Said in the form (oui/non), else read from the role as a call's capture is."""
        said = found.values.get("decision_maker")
        if isinstance(said, bool):
            return said
        role = str(found.values.get("role", ""))
        known = self.content.role_for(role) if role else None
        return bool(known and known.decision_maker)
