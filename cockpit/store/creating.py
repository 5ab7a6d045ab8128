"""Rows typed by hand: the existing ones that may be the same (read by e-mail, number, SIRET
and name through indexes, never the whole table), and the insert, audited."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import peewee as pw

from cockpit.domain.creating import Checked, Existing
from cockpit.domain.text import fold
from cockpit.store.db import database
from cockpit.store.models import AuditLog, Company, Contact, Freelance, Phone
from cockpit.store.persons import flag_listed_numbers
from cockpit.store.rows import tuples
from cockpit.store.times import naive

STANDARD = "standard"  # a company's switchboard number, as the import labels it


def _numbers_of(kind: str, ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Each person's numbers, with their labels (standard: the company's switchboard)."""
    field = Phone.contact if kind == "contact" else Phone.freelance
    found: dict[int, dict[str, str]] = {}
    wanted = sorted(set(ids))
    if wanted:
        for owner, e164, label in tuples(Phone.select(field, Phone.e164, Phone.label)
                                         .where(field.in_(wanted))):
            found.setdefault(owner, {})[e164] = label or ""
    return found


def _own(numbers: dict[str, str]) -> frozenset[str]:
    return frozenset(e164 for e164, label in numbers.items() if label in ("direct", "mobile"))


def candidates(kind: str, checked: Checked) -> list[Existing]:
    """Rows sharing an e-mail, a number, a SIRET or a last name with what was typed."""
    values = checked.values
    if kind == "company":
        return [Existing("company", cid, cname, "", "", frozenset())
                for cid, cname in _companies_named(str(values.get("name", "")))]
    model = Contact if kind == "contact" else Freelance
    numbers = [phone.e164 for phone, _ in checked.phones]
    owner_field = Phone.contact if kind == "contact" else Phone.freelance
    conditions = []
    if values.get("email"):
        conditions.append(fn_lower(model.email) == str(values["email"]).lower())
    if values.get("last_name"):
        conditions.append(fn_lower(model.last_name) == str(values["last_name"]).lower())
    if kind == "freelance" and values.get("siret"):
        conditions.append(Freelance.siret == values["siret"])
    ids: set[int] = set()
    if conditions:
        where = conditions[0]
        for condition in conditions[1:]:
            where = where | condition
        ids |= {r[0] for r in tuples(model.select(model.id).where(where))}
    if numbers:
        ids |= {r[0] for r in tuples(Phone.select(owner_field)
                                     .where(Phone.e164.in_(numbers), owner_field.is_null(False)))}
    if not ids:
        return []
    held = _numbers_of(kind, ids)
    if kind == "contact":
        rows = tuples(Contact.select(Contact.id, Contact.first_name, Contact.last_name,
                                     Company.name, Contact.email)
                      .join(Company, pw.JOIN.LEFT_OUTER, on=(Contact.company == Company.id))
                      .where(Contact.id.in_(sorted(ids)), ~Contact.is_switchboard))
        return [Existing("contact", cid, f"{first} {last}".strip(), company or "", email or "",
                         frozenset(held.get(cid, {})), own_numbers=_own(held.get(cid, {})))
                for cid, first, last, company, email in rows]
    rows = tuples(Freelance.select(Freelance.id, Freelance.first_name, Freelance.last_name,
                                   Freelance.email, Freelance.siret)
                  .where(Freelance.id.in_(sorted(ids))))
    return [Existing("freelance", fid, f"{first} {last}".strip(), "", email or "",
                     frozenset(held.get(fid, {})), siret or "",
                     own_numbers=_own(held.get(fid, {})))
            for fid, first, last, email, siret in rows]


def fn_lower(column: Any) -> Any:
    return pw.fn.LOWER(column)


def _companies_named(name: str) -> list[tuple[int, str]]:
    """Companies of that name, case aside (by the index), else accents aside too (a few
    thousand names compared in Python: the folded name has no column)."""
    rows = tuples(Company.select(Company.id, Company.name)
                  .where(fn_lower(Company.name) == name.lower()))
    if not rows:
        wanted = fold(name)
        rows = [(cid, cname) for cid, cname in tuples(Company.select(Company.id, Company.name))
                if fold(cname) == wanted]
    return [(int(cid), str(cname)) for cid, cname in rows]


def company_named(name: str) -> int | None:
    """The company of that name (accents and case aside), if the base has it."""
    found = _companies_named(name)
    return found[0][0] if found else None


def create(kind: str, checked: Checked, *, owner_id: int | None, actor: str,
           now: datetime, is_decision_maker: bool) -> int:
    """Insert the row (and its company when a contact names a new one); audited, field
    names only (the audit must not become a copy of personal data)."""
    from cockpit.domain.matching import search_text

    values = dict(checked.values)
    stamp = naive(now)
    with database.obj.atomic():
        if kind == "company":
            switchboard = [p for p, _ in checked.phones]
            company = Company.create(created_at=stamp, **values)
            for phone in switchboard:
                holder = Contact.create(company=company.id, last_name="Standard",
                                        is_switchboard=True, created_at=stamp)
                Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone,
                             label=STANDARD, contact=holder.id)
            new_id = int(company.id)
        elif kind == "contact":
            named = values.pop("company", "")
            company_id = company_named(named) if named else None
            if named and company_id is None:
                company_id = int(Company.create(name=named, created_at=stamp).id)
            values.pop("decision_maker", None)
            new_id = int(Contact.create(company=company_id, owner=owner_id, created_at=stamp,
                                        is_decision_maker=is_decision_maker, **values).id)
            for phone, _ in checked.phones:
                Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone,
                             label="mobile" if phone.kind == "mobile" else "direct",
                             contact=new_id)
        else:
            new_id = int(Freelance.create(created_at=stamp, search=search_text(
                values.get("first_name", ""), values.get("last_name", ""),
                values.get("title", ""), values.get("skills", ""), values.get("city", "")),
                **{k: (v.lower() if k == "skills" else v) for k, v in values.items()}).id)
            for phone, _ in checked.phones:
                Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone,
                             label="mobile" if phone.kind == "mobile" else "direct",
                             freelance=new_id)
        AuditLog.create(at=stamp, actor=actor, action="create", entity=kind,
                        entity_id=new_id, details=json.dumps(sorted(
                            [*values, *(key for _, key in checked.phones)])))
    # A number on the do-not-call list flags whoever comes in with it, as an import does.
    flag_listed_numbers([phone.e164 for phone, _ in checked.phones])
    return new_id
