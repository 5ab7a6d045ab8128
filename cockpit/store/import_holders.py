"""Who already has each number, for an import to tell the same person (same number, same
name) from a colleague on the same switchboard (same number, another name)."""

from __future__ import annotations

import peewee as pw

from cockpit.domain.import_phones import name_key, same_name
from cockpit.store.models import Contact, Freelance, Phone
from cockpit.store.rows import tuples


class Who:
    """A person's name as the import knows it, shared by their numbers: folded when first
    compared (most numbers never are), and completed when a merge brings a first name."""

    __slots__ = ("_key", "first", "last")

    def __init__(self, first: str, last: str) -> None:
        self.first, self.last = first or "", last or ""
        self._key: tuple[str, str] | None = None

    @property
    def key(self) -> tuple[str, str]:
        if self._key is None:
            self._key = name_key(self.first, self.last)
        return self._key

    def complete(self, first: str) -> None:
        if first and not self.first:
            self.first, self._key = first, None


class Holder:
    """Someone who has a number: who, under what name, in which company."""

    __slots__ = ("company", "person", "who")

    def __init__(self, person: int, who: Who, company: int | None) -> None:
        self.person, self.who, self.company = person, who, company

    @property
    def name(self) -> tuple[str, str]:
        return self.who.key


class Number:
    """Everyone who has one number. Most numbers have one holder, looked through at once; a
    switchboard shared by thousands gets its indexes, built when first needed, so that it
    costs no more a row than a number of one's own."""

    __slots__ = ("_by_company", "_by_last", "_persons", "holders")
    FEW = 8  # holders looked through one by one

    def __init__(self) -> None:
        self.holders: list[Holder] = []
        self._persons: set[int] | None = None
        self._by_company: dict[int | None, set[int]] | None = None
        self._by_last: dict[str, list[Holder]] | None = None

    def add(self, holder: Holder) -> None:
        self.holders.append(holder)
        if self._persons is not None:
            self._persons.add(holder.person)
        if self._by_company is not None:
            self._by_company.setdefault(holder.company, set()).add(holder.person)
        if self._by_last is not None:
            self._by_last.setdefault(holder.name[1], []).append(holder)

    def has(self, person: int) -> bool:
        if not self.holders:  # a number new to the base: most of a list's
            return False
        if len(self.holders) <= self.FEW:
            return any(h.person == person for h in self.holders)
        if self._persons is None:
            self._persons = {h.person for h in self.holders}
        return person in self._persons

    def named(self, name: tuple[str, str]) -> Holder | None:
        """The holder with this name (see domain.import_phones.same_name), if any."""
        if len(self.holders) <= self.FEW:
            candidates: list[Holder] = self.holders
        else:
            if self._by_last is None:
                self._by_last = {}
                for holder in self.holders:
                    self._by_last.setdefault(holder.name[1], []).append(holder)
            candidates = self._by_last.get(name[1], [])
        return next((h for h in candidates if same_name(h.name, name)), None)

    def shared_with(self, person: int, company: int | None) -> bool:
        """Someone else of the same company has it."""
        if not self.holders:
            return False
        if len(self.holders) <= self.FEW:
            return any(h.company == company and h.person != person for h in self.holders)
        if self._by_company is None:
            self._by_company = {}
            for h in self.holders:
                self._by_company.setdefault(h.company, set()).add(h.person)
        people = self._by_company.get(company, set())
        return len(people) > 1 or (bool(people) and person not in people)


def holders_of(kind: str) -> dict[str, Number]:
    """Who has each number already, with their names and companies."""
    out: dict[str, Number] = {}
    names: dict[int, Who] = {}
    if kind == "contacts":
        query = (Phone.select(Phone.e164, Contact.id, Contact.first_name, Contact.last_name,
                              Contact.company)
                 .join(Contact, on=(Phone.contact == Contact.id)))
    else:
        query = (Phone.select(Phone.e164, Freelance.id, Freelance.first_name,
                              Freelance.last_name, pw.Value(None))
                 .join(Freelance, on=(Phone.freelance == Freelance.id)))
    for e164, pid, first, last, company in tuples(query):
        if e164 not in out:
            out[e164] = Number()
        if pid not in names:
            names[pid] = Who(first, last)
        out[e164].add(Holder(pid, names[pid], company))
    return out
