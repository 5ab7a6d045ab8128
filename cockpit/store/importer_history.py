"""The history an import brings with its contacts: the last contact as a past call by the
caller the file names (a note of its comment), or, when nobody of the team is named, the
comment as a note by nobody; and the person's last contact moved to that date, so the queue
never offers as new someone called last week. A re-run of the same file adds nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import peewee as pw

from cockpit.domain.import_history import outcome_of
from cockpit.domain.text import fold
from cockpit.store.models import Call, Caller, Contact, Note
from cockpit.store.rows import tuples
from cockpit.store.times import naive


@dataclass(frozen=True, slots=True)
class Past:
    person: int
    at: datetime | None  # aware; None: a comment without a date
    comment: str
    caller: str  # as the file names them ("" for nobody)
    known: bool  # the person was in the database before this import


def past_of(person: int, values: dict, known: bool) -> Past | None:
    """What the row says of the past (taken out of its values), or None."""
    at = values.pop("last_contact", None)
    comment = values.pop("comment", "") or ""
    caller = values.pop("last_caller", "") or ""
    if at is None and not comment:
        return None
    return Past(person, at, comment, caller, known)


class Callers:
    """The team by every name a file may give them: sign-in name, first and last name,
    e-mail, or a first name only one of them has."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        # Names a file gave that are nobody in the team (the old tool's users), with how
        # many people each had: the import says them, their history is kept by nobody.
        self.unknown: dict[str, int] = {}
        firsts: dict[str, list[int]] = {}
        rows = tuples(Caller.select(Caller.id, Caller.name, Caller.first_name,
                                    Caller.last_name, Caller.email))
        for cid, name, first, last, email in rows:
            for key in (name, f"{first} {last}", f"{last} {first}", email):
                if key.strip():
                    self.ids.setdefault(" ".join(fold(key).split()), cid)
            firsts.setdefault(fold(first), []).append(cid)
        for first, ids in firsts.items():
            if first and len(ids) == 1:
                self.ids.setdefault(first, ids[0])

    def find(self, name: str) -> int | None:
        if not name.strip():
            return None
        found = self.ids.get(" ".join(fold(name).split()))
        if found is None:
            shown = " ".join(name.split())
            self.unknown[shown] = self.unknown.get(shown, 0) + 1
        return found


def write_history(pasts: Sequence[Past], callers: Callers, now: datetime) -> int:
    """Calls, notes and last-contact dates for one batch (in its transaction); returns for
    how many people something was written (a re-run of the file: none)."""
    if not pasts:
        return 0
    already = _already(pasts)
    calls: list[tuple] = []
    notes: list[tuple] = []
    stamp = naive(now)
    next_call = None
    taken = 0
    for past in pasts:
        at = naive(past.at) if past.at else None
        if (past.person, at, past.comment) in already:
            continue
        taken += 1
        caller = callers.find(past.caller)
        call_id = None
        if caller is not None and at is not None:
            if next_call is None:
                _lock_calls()
                next_call = int(Call.select(pw.fn.COALESCE(pw.fn.MAX(Call.id), 0)).scalar()) + 1
            call_id, next_call = next_call, next_call + 1
            calls.append((call_id, caller, past.person, at, at, "", str(outcome_of(past.comment)),
                          ""))
        if past.comment:
            notes.append((past.person, call_id, caller, past.comment, False, at or stamp,
                          at or stamp))
    from cockpit.store.importer import _after_explicit_ids, _insert

    _insert(Call, [Call.id, Call.caller, Call.contact, Call.started_at, Call.ended_at,
                   Call.script, Call.outcome, Call.state], calls)
    _insert(Note, [Note.contact, Note.call, Note.author, Note.body, Note.is_draft,
                   Note.created_at, Note.updated_at], notes)
    if calls:
        _after_explicit_ids("call")
    _last_contacted(pasts)
    return taken


def _lock_calls() -> None:
    from cockpit.store.importer import _lock

    _lock("call")


def _already(pasts: Sequence[Past]) -> set[tuple[int, datetime | None, str]]:
    """What people known before the import hold already: the same note at the same moment,
    or (no comment) a call at that moment."""
    known = [p.person for p in pasts if p.known]
    if not known:
        return set()
    found: set[tuple[int, datetime | None, str]] = set()
    for person, at, body in tuples(Note.select(Note.contact, Note.created_at, Note.body)
                                   .where(Note.contact.in_(known))):
        found.add((person, at, body))
        found.add((person, None, body))  # a comment without a date: same body is enough
    for person, at in tuples(Call.select(Call.contact, Call.started_at)
                             .where(Call.contact.in_(known))):
        found.add((person, at, ""))
    return found


def _last_contacted(pasts: Sequence[Past]) -> None:
    """Moved forward only: a call made in the cockpit since is not undone by an old file.
    (People new to the database got theirs with their row.)"""
    latest: dict[int, datetime] = {}
    for past in pasts:
        if past.at is not None and past.known:
            at = naive(past.at)
            if past.person not in latest or latest[past.person] < at:
                latest[past.person] = at
    for at in sorted(set(latest.values())):
        people = [p for p, when in latest.items() if when == at]
        for start in range(0, len(people), 500):
            (Contact.update(last_contacted_at=at)
             .where(Contact.id.in_(people[start:start + 500]),
                    Contact.last_contacted_at.is_null() | (Contact.last_contacted_at < at))
             .execute())
