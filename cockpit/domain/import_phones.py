"""Whose number is it? Colleagues listed with their company's switchboard share one number: a
shared phone alone never makes two rows one person (their names must agree too), and a
landline shared by several people of one company is that company's switchboard. A mobile is
always its owner's; a number in a column that says what it is ("Standard", "Ligne directe")
follows its column."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Generic, Protocol, TypeVar

from cockpit.domain.phones import Phone
from cockpit.domain.text import fold

# The import fields holding a number, and the label a number in them gets (see models.Phone:
# standard is the company's switchboard, direct and mobile the person's own). "phone" says
# nothing: the rows around decide.
PHONE_FIELDS = {"switchboard": "standard", "direct_phone": "direct", "mobile_phone": "mobile",
                "phone": ""}
STANDARD, DIRECT, MOBILE = "standard", "direct", "mobile"
SHARED = "shared"  # a hint: several people of the file have it, so it is their switchboard


# What a number may be written with; a cell holding anything else may end with an extension.
NUMBER_CHARS = str.maketrans("", "", "0123456789 +().-/\u00a0\u202f\t")
# "01 23 45 67 89 poste 123", "… p. 123", "… ext. 123", "… x123", "… #123" (folded).
_EXTENSION = re.compile(r"(.*\d[\s).]*?)[\s,;/-]*\(?\s*(?:poste|post|p|ext|extension|x|#)"
                        r"\s*[.:]?\s*(\d{1,6})\s*\)?\s*")


# "01 23 45 67 89 (standard)", "06 12 34 56 78 [perso]": a word after the number, said of it.
_ANNOTATION = re.compile(r"(.*\d[\s.]*?)\s*[(\[]\s*([^\d()\[\]]*[^\W\d_][^\d()\[\]]*?)\s*"
                         r"[)\]]\s*")


def split_annotation(cell: str) -> tuple[str, str]:
    """(the number, the words in brackets after it) of a cell that gives some, else
    (the cell, "")."""
    match = _ANNOTATION.fullmatch(cell)
    if match is None:
        return cell, ""
    return match.group(1).strip(), match.group(2).strip()


def split_extension(cell: str) -> tuple[str, str]:
    """(the number, its extension) of a cell that gives one, else (the cell, "")."""
    if not cell.translate(NUMBER_CHARS):
        return cell, ""  # digits and separators only: most cells
    match = _EXTENSION.fullmatch(fold(cell))
    if match is None:
        return cell, ""
    return cell[: len(match.group(1))].strip(), match.group(2)


class _Person(Protocol):
    values: dict[str, Any]
    phones: list[tuple[Phone, str]]


R = TypeVar("R", bound=_Person)


def label_of(phone: Phone, field_name: str) -> str:
    """The label a number gets from its column alone ("" when the column does not say)."""
    if phone.kind == "mobile":
        return MOBILE  # a mobile is its owner's, whatever the column
    hint = PHONE_FIELDS.get(field_name, "")
    return DIRECT if hint == MOBILE else hint  # a landline in a "Mobile" column: still theirs


@lru_cache(maxsize=1 << 18)  # a row's name is folded when matched, then when written
def name_key(first: str, last: str) -> tuple[str, str]:
    return _first_key(first or ""), " ".join(fold(last or "").split())


# First names repeat (a few hundred in a list of thousands of people), last names mostly do
# not: each distinct one folded once. Bounded, as a file may hold a million names.
@lru_cache(maxsize=1 << 12)
def _first_key(first: str) -> str:
    return " ".join(fold(first).split())


def same_name(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Folded last names equal and first names equal, or one of them unknown: "Durand" and
    "Paul Durand" on the same number are one person, "Paul" and "Marie Durand" are two."""
    if not a[1] or a[1] != b[1]:
        return False
    return not a[0] or not b[0] or a[0] == b[0]


def same_owner(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two rows with one e-mail address are one person unless their names say otherwise:
    "Jean" and "Jean-Marc Dupont" (or "J. Dupont") are one, "Agnès" and "Alain Dubois", or
    colleagues behind contact@…, are two."""
    if a[1] and b[1] and a[1] != b[1]:
        return False
    first, other = sorted((a[0], b[0]), key=len)
    if not first or first == other:
        return True
    stem = first.rstrip(".")
    return other.startswith(stem) and (first.endswith(".") or len(stem) == 1
                                       or other[len(stem):][:1] in ("-", " "))


def person_name(values: dict[str, Any]) -> tuple[str, str]:
    return name_key(values.get("first_name", ""), values.get("last_name", ""))


def mark_shared(records: Sequence[_Person]) -> int:
    """Numbers left undecided that several people of one company (or several people without
    a company) have in the file become their switchboard; returns how many numbers."""
    holders: dict[str, list[_Person]] = {}
    for record in records:
        for phone, label in record.phones:
            if label == "":
                holders.setdefault(phone.e164, []).append(record)
    shared = 0
    for e164, people in holders.items():
        if len(people) < 2:  # most numbers: folding no company name for them
            continue
        by_company: dict[str, list[_Person]] = {}
        for record in people:
            by_company.setdefault(fold(record.values.get("company", "") or ""), []).append(record)
        for group in by_company.values():
            if len(group) < 2:
                continue
            shared += 1
            for record in group:
                record.phones = [(p, SHARED if p.e164 == e164 and label == "" else label)
                                 for p, label in record.phones]
    return shared


def add_phones(kept: list[tuple[Phone, str]], more: Iterable[tuple[Phone, str]]) -> None:
    """A duplicate row's numbers join the kept row's, each once."""
    known = {p.e164 for p, _ in kept}
    for phone, label in more:
        if phone.e164 not in known:
            kept.append((phone, label))
            known.add(phone.e164)


class Seen(Generic[R]):
    """The rows kept so far, by e-mail, by number and last name, and (companies) by name: a
    row is someone seen before when it has their e-mail, or one of their numbers under the
    same name. Indexed by last name too: a switchboard shared by thousands of rows costs no
    more a row than a number of one's own."""

    def __init__(self) -> None:
        self.by_email: dict[str, list[R]] = {}
        self.by_phone: dict[tuple[str, str], list[tuple[tuple[str, str], R]]] = {}
        self.by_name: dict[str, R] = {}

    def match(self, record: R, kind: str) -> R | None:
        if kind == "companies":
            return self.by_name.get(fold(record.values["name"]))
        email = record.values.get("email")
        name = person_name(record.values)
        # The same address under another name may be one people share (contact@…).
        for other in self.by_email.get(email, ()) if email else ():
            if same_owner(person_name(other.values), name):
                return other
        if not record.phones:
            return None
        for phone, _ in record.phones:
            for other_name, other in self.by_phone.get((phone.e164, name[1]), ()):
                if same_name(other_name, name):
                    return other
        return None

    def add(self, record: R, kind: str) -> None:
        if kind == "companies":
            self.by_name.setdefault(fold(record.values["name"]), record)
            return
        if record.values.get("email"):
            holders_of_email = self.by_email.setdefault(record.values["email"], [])
            if record not in holders_of_email:
                holders_of_email.append(record)
        name = person_name(record.values)  # again after a merge: a first name may be new
        for phone, _ in record.phones:
            holders = self.by_phone.setdefault((phone.e164, name[1]), [])
            if holders:
                # Its entry under the name it had before goes: "Dupont", now "Hélène
                # Dupont", must not take in a "Jean Dupont" of the same switchboard.
                holders[:] = [(n, h) for n, h in holders if h is not record]
            holders.append((name, record))
