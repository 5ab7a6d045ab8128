"""Fetching the queue's candidates with a handful of indexed queries.

The store never loads the whole base: it takes the people with reminders coming up, the best
new leads and the long-silent decision makers (each bounded), then their facts in bulk."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import overload

from cockpit.domain.outcomes import Outcome
from cockpit.domain.prospects import ProspectFacts, trend_of
from cockpit.domain.queue import Candidate, DueReminder
from cockpit.store.db import database
from cockpit.store.models import (
    Contact,
    Reminder,
)
from cockpit.store.rows import tuples
from cockpit.store.times import aware as _aware
from cockpit.store.times import naive as _naive

# The prospect rule knows ESNs (of either type) and end clients.
_PROSPECT_KIND = {"esn_conseil": "esn", "esn_classique": "esn", "end_client": "end_client"}
LEAD_LIMIT = 400  # new leads and silent decision makers offered per refresh
STALE_DAYS = 90


def candidate_ids(caller_id: int, now: datetime, lead_limit: int = LEAD_LIMIT,
                  opens: datetime | None = None) -> list[int]:
    """Contacts worth ranking: reminders due by the end of the day, then leads. `opens` is
    when the caller's hours open again, when they are closed: the list is that day's."""
    horizon = _naive(max(now, opens or now)) + timedelta(hours=24)
    free = (Contact.owner.is_null()) | (Contact.owner == caller_id)
    due = (Reminder.select(Reminder.contact)
           .where(Reminder.done_at.is_null(), Reminder.due_at <= horizon,
                  Reminder.contact.is_null(False),
                  (Reminder.owner.is_null()) | (Reminder.owner == caller_id))
           .order_by(Reminder.due_at).limit(2000))
    ids = list(dict.fromkeys(c for (c,) in tuples(due)))
    stale = _naive(now) - timedelta(days=STALE_DAYS)
    seen = set(ids)
    added = 0
    # Deciders first; never contacted, then the longest silent. Each query walks an index.
    for is_do in (True, False):
        for never in (True, False):
            if added >= lead_limit:
                break
            when = (Contact.last_contacted_at.is_null() if never
                    else Contact.last_contacted_at < stale)
            query = (Contact.select(Contact.id)
                     .where(Contact.is_decision_maker == is_do, when, free,
                            Contact.do_not_call == False)  # noqa: E712 - peewee expression
                     .order_by(Contact.last_contacted_at, Contact.id)
                     .limit(lead_limit - added))
            for (contact_id,) in tuples(query):
                if contact_id not in seen:
                    seen.add(contact_id)
                    ids.append(contact_id)
                    added += 1
    return list(dict.fromkeys(ids))


def _rows(sql: str, params: Sequence[object]) -> list[tuple]:
    """Run portable SQL ('?' becomes the driver's placeholder) and return plain tuples."""
    db = database.obj
    return list(db.execute_sql(sql.replace("?", db.param), tuple(params)).fetchall())


def fetch_candidates(caller_id: int, now: datetime, *, window_days: int = 30,
                     lead_limit: int = LEAD_LIMIT,
                     opens: datetime | None = None) -> list[Candidate]:
    ids = candidate_ids(caller_id, now, lead_limit, opens)
    if not ids:
        return []
    # Plain SQL and tuples: on this hot path, building query objects and model instances
    # for a few thousand rows would cost more than the database itself.
    marks = ",".join("?" * len(ids))
    contacts = _rows(
        "SELECT c.id, c.first_name, c.last_name, c.is_decision_maker, c.owner_id,"
        " c.claimed_by_id, c.claim_expires_at, c.do_not_call, c.last_contacted_at,"
        " c.company_id, co.name, co.sector, co.technologies"
        f" FROM contact c LEFT JOIN company co ON co.id = c.company_id WHERE c.id IN ({marks})",
        ids)
    phones: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for contact_id, e164, zone in _rows(
        f"SELECT contact_id, e164, time_zone FROM phone WHERE contact_id IN ({marks}) ORDER BY id",
        ids,
    ):
        phones[contact_id].append((e164, zone))
    blocked = {e164 for (e164,) in _rows(
        "SELECT d.e164 FROM do_not_call d JOIN phone p ON p.e164 = d.e164"
        f" WHERE p.contact_id IN ({marks})", ids)}
    reminders: dict[int, list[DueReminder]] = defaultdict(list)
    followed_by: dict[int, int] = {}
    for contact_id, kind, due_at, owner in _rows(
        "SELECT contact_id, kind, due_at, owner_id FROM reminder"
        f" WHERE contact_id IN ({marks}) AND done_at IS NULL", ids,
    ):
        if owner is not None and owner != caller_id and kind not in ("cooldown",):
            # A colleague follows this person up: theirs until it is done.
            followed_by.setdefault(contact_id, owner)
            continue
        reminders[contact_id].append(DueReminder(kind, _aware(_parse(due_at))))
    since = _naive(now) - timedelta(days=window_days)
    # One pass over their calls: the attempts in the window, the last refusal, the last call
    # (a call with no end recorded, or a person imported without their last contact, has
    # been called all the same: never "new").
    attempts, refusals, last_calls = {}, {}, {}
    for contact_id, count, refused, last_call in _rows(
        "SELECT contact_id, SUM(CASE WHEN started_at >= ? THEN 1 ELSE 0 END),"
        " MAX(CASE WHEN outcome = ? THEN started_at END), MAX(started_at)"
        f" FROM call WHERE contact_id IN ({marks}) GROUP BY contact_id",
        [since, str(Outcome.REFUSED), *ids],
    ):
        attempts[contact_id] = int(count or 0)
        refusals[contact_id] = refused
        last_calls[contact_id] = last_call
    facts = company_facts({row[9] for row in contacts if row[9]}, now.year)
    result = []
    for (cid, first, last, is_do, owner, claimed_by, claim_expires, dnc, last_contacted,
         company_id, company_name, sector, technologies) in contacts:
        group = phones.get(cid, [])
        result.append(Candidate(
            person_id=cid,
            person_kind="contact",
            display_name=f"{first} {last}".strip(),
            company_name=company_name or "",
            is_decision_maker=bool(is_do),
            owner_id=owner if owner is not None else followed_by.get(cid),
            claimed_by=claimed_by,
            claim_expires_at=_aware(_parse(claim_expires)),
            # No number at all means nothing may be dialled: treated as not callable.
            do_not_call=bool(dnc) or any(e in blocked for e, _ in group) or not group,
            time_zone=group[0][1] if group else "Europe/Paris",
            reminders=tuple(reminders.get(cid, ())),
            last_contacted_at=_latest(_parse(last_contacted), _parse(last_calls.get(cid))),
            attempts_in_window=attempts.get(cid, 0),
            last_refusal_at=_aware(_parse(refusals.get(cid))),
            company=facts.get(company_id) if company_id else None,
            company_id=company_id,
            sector=sector,
            technologies=frozenset((technologies or "").split()),
        ))
    return result


def _latest(recorded: datetime | None, last_call: datetime | None) -> datetime | None:
    """The last contact: the one recorded, or a later call it does not know of."""
    if recorded is None or (last_call is not None and last_call > recorded):
        return _aware(last_call)
    return _aware(recorded)


@overload
def _parse(value: None) -> None: ...
@overload
def _parse(value: datetime | str) -> datetime: ...
@overload
def _parse(value: object) -> datetime | None: ...
def _parse(value: object) -> datetime | None:
    """A stored moment: SQLite's raw SQL gives it as text, PostgreSQL's as a datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def company_facts(company_ids: set[int], this_year: int) -> dict[int, ProspectFacts]:
    """Kind, revenue and headcount trends (the two latest years known), missions posted."""
    if not company_ids:
        return {}
    ids = list(company_ids)
    marks = ",".join("?" * len(ids))
    figures: dict[int, list[tuple[int, int | None, int | None]]] = defaultdict(list)
    for company_id, year, revenue, headcount in _rows(
        "SELECT company_id, year, revenue, headcount FROM company_figure"
        f" WHERE company_id IN ({marks}) AND year >= ? ORDER BY year", [*ids, this_year - 3],
    ):
        figures[company_id].append((year, revenue, headcount))
    result = {}
    for company_id, kind, posts in _rows(
        f"SELECT id, kind, posts_missions FROM company WHERE id IN ({marks})", ids
    ):
        rows = figures.get(company_id, [])
        previous, latest = (rows[-2], rows[-1]) if len(rows) >= 2 else (None, None)
        result[company_id] = ProspectFacts(
            kind=_PROSPECT_KIND.get(kind),
            revenue_trend=trend_of(previous[1] if previous else None,
                                   latest[1] if latest else None),
            headcount_trend=trend_of(previous[2] if previous else None,
                                     latest[2] if latest else None),
            posts_missions=bool(posts),
        )
    return result
