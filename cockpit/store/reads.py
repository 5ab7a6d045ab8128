"""Reads for the screens through the store's models: callers, a person (the card's own reads
are plain SQL, in card_reads)."""

from __future__ import annotations

import peewee as pw

# One read, lean or not: the card's reads are plain SQL (card_reads), the first screen's too.
from cockpit.store.card_reads import NOTE as NOTE
from cockpit.store.card_reads import added_to_calls as added_to_calls
from cockpit.store.card_reads import figures_of as figures_of
from cockpit.store.card_reads import history as history
from cockpit.store.card_reads import phones_of as phones_of
from cockpit.store.lean_reads import first_phone as first_phone
from cockpit.store.models import Caller, Company, Contact, Freelance


def callers() -> list[Caller]:
    return list(Caller.select().where(Caller.active == True).order_by(Caller.id))  # noqa: E712


def caller_by_name(name: str) -> Caller | None:
    return Caller.select().where(pw.fn.LOWER(Caller.name) == name.lower()).first()


def contact(person_id: int) -> Contact | None:
    return (Contact.select(Contact, Company).join(Company, pw.JOIN.LEFT_OUTER)
            .where(Contact.id == person_id).first())


def freelance(person_id: int) -> Freelance | None:
    return Freelance.get_or_none(Freelance.id == person_id)
