"""Fetching the queue's candidates with a handful of indexed queries.

The store never loads the whole base: it takes the people with reminders coming up, the best
new leads and the long-silent decision makers (each bounded), then their facts in bulk."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from cockpit.domain.named import TYPE_CHECKING, cast
from cockpit.domain.outcomes import Outcome
from cockpit.domain.prospects import ProspectFacts, trend_of
from cockpit.domain.queue import Candidate, DueReminder
from cockpit.store.sql import is_postgres, rows
from cockpit.store.times import aware as _aware
from cockpit.store.times import naive as _naive

if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    Row = tuple[Any, ...]
else:
    Row = tuple

# The prospect rule knows ESNs (of either type) and end clients.
_PROSPECT_KIND = {"esn_conseil": "esn", "esn_classique": "esn", "end_client": "end_client"}
LEAD_LIMIT = 400  # new leads and silent decision makers offered per refresh
STALE_DAYS = 90


def candidate_ids(caller_id: int, now: datetime, lead_limit: int = LEAD_LIMIT,
                  opens: datetime | None = None) -> list[int]:
    """Contacts worth ranking: reminders due by the end of the day, then leads. `opens` is
    when the caller's hours open again, when they are closed: the list is that day's."""
    horizon = _naive(max(now, opens or now)) + timedelta(hours=24)
    due = _rows(
        "SELECT r.contact_id FROM reminder r WHERE r.done_at IS NULL AND r.due_at <= ?"
        " AND r.contact_id IS NOT NULL AND (r.owner_id IS NULL OR r.owner_id = ?)"
        " ORDER BY r.due_at LIMIT 2000", [horizon, caller_id])
    ids = list(dict.fromkeys(c for (c,) in due))
    stale = _naive(now) - timedelta(days=STALE_DAYS)
    seen = set(ids)
    added = 0
    # Deciders first; never contacted, then the longest silent. Each query walks an index.
    for is_do in (True, False):
        for never in (True, False):
            if added >= lead_limit:
                break
            when = "c.last_contacted_at IS NULL" if never else "c.last_contacted_at < ?"
            found = _rows(
                f"SELECT c.id FROM contact c WHERE c.is_decision_maker = ? AND {when}"
                " AND (c.owner_id IS NULL OR c.owner_id = ?) AND c.do_not_call = ?"
                " ORDER BY c.last_contacted_at, c.id LIMIT ?",
                [is_do, *(() if never else (stale,)), caller_id, False, lead_limit - added])
            for (contact_id,) in found:
                if contact_id not in seen:
                    seen.add(contact_id)
                    ids.append(contact_id)
                    added += 1
    return ids


def _rows(sql: str, params: Sequence[object]) -> list[tuple]:
    """Run portable SQL ('?' becomes the driver's placeholder) and return plain tuples, on
    peewee's connection or a short command's driver-only one (store/sql.py)."""
    return rows(sql, params)


def fetch_candidates(caller_id: int, now: datetime, *, window_days: int = 30,
                     lead_limit: int = LEAD_LIMIT,
                     opens: datetime | None = None) -> list[Candidate]:
    return candidates_for(candidate_ids(caller_id, now, lead_limit, opens), caller_id, now,
                          window_days=window_days)


# The reminders that put a person in the first two buckets (the domain's CALL_KINDS).
_CALL_KINDS = ("retry", "callback", "budget", "follow_up", "new_contact")
# One walk of the open reminders in due order (the (done_at, due_at) index), with the rules
# SQL can say: no number, a blocked number, do-not-call, another caller's private contact or
# a colleague's follow-up, a do-not-call reminder. Each row brings its person's facts, summed
# up by indexed subqueries for the rows kept only. The domain still judges every person it
# returns (claims, cooldowns, attempts and calling hours hold a line booked for the day).
_RULES = (
    " FROM reminder r JOIN contact c ON c.id = r.contact_id"
    " WHERE r.done_at IS NULL AND r.due_at < ?"
    f" AND r.kind IN ({','.join('?' * len(_CALL_KINDS))})"
    " AND (r.owner_id IS NULL OR r.owner_id = ?)"
    " AND c.do_not_call = ? AND (c.owner_id IS NULL OR c.owner_id = ?)"
    " AND EXISTS (SELECT 1 FROM phone p WHERE p.contact_id = c.id)"
    " AND NOT EXISTS (SELECT 1 FROM phone p JOIN do_not_call d ON d.e164 = p.e164"
    "  WHERE p.contact_id = c.id)"
    " AND NOT EXISTS (SELECT 1 FROM reminder o WHERE o.contact_id = c.id AND o.done_at IS NULL"
    "  AND (o.kind = 'do_not_call' OR (c.owner_id IS NULL AND o.owner_id IS NOT NULL"
    "   AND o.owner_id <> ? AND o.kind <> 'cooldown')))"
)
# The walk's rows first, with their contact's columns (LIMIT inside: the rules run until
# enough rows pass), then their facts from indexed subqueries, for those rows only (PostgreSQL
# would ask them for every row it sorts otherwise). A person's last call is not asked for:
# these people rank by their reminder, never by their silence. Its moments come as text, as
# on SQLite (psycopg2 sets the ISO date style): the driver's datetimes cost the client more,
# and _moment reads only the rows a refresh has not seen before (_built).
_WALK_POSTGRES = (
    "SELECT w.id, w.first_name, w.last_name, w.is_decision_maker, w.owner_id,"
    " w.claimed_by_id, w.claim_expires_at::text, w.last_contacted_at::text,"
    " w.company_id, co.name,"
    " (SELECT p.time_zone FROM phone p WHERE p.contact_id = w.id ORDER BY p.id LIMIT 1),"
    " (SELECT COUNT(*) FROM call k WHERE k.contact_id = w.id AND k.started_at >= ?),"
    " (SELECT MAX(k.started_at)::text FROM call k WHERE k.contact_id = w.id AND k.outcome = ?),"
    " w.kind, w.due::text, (SELECT o.due_at::text FROM reminder o WHERE o.contact_id = w.id"
    "  AND o.done_at IS NULL AND o.kind = 'cooldown' AND o.due_at > ? ORDER BY o.id LIMIT 1)"
    " FROM (SELECT c.id, c.first_name, c.last_name, c.is_decision_maker, c.owner_id,"
    " c.claimed_by_id, c.claim_expires_at, c.last_contacted_at, c.company_id, r.kind,"
    " r.due_at AS due" + _RULES + " ORDER BY r.due_at, r.contact_id LIMIT ? OFFSET ?) w"
    " LEFT JOIN company co ON co.id = w.company_id ORDER BY w.due, w.id"
)
# SQLite in one level: it asks the subqueries of the select list for the rows it keeps only
# (up to LIMIT, the sort on the contact for equal due times included), and the derived table
# would cost a second pass and a second sort. PostgreSQL would ask them for every row it sorts.
_WALK_SQLITE = (
    "SELECT c.id, c.first_name, c.last_name, c.is_decision_maker, c.owner_id,"
    " c.claimed_by_id, c.claim_expires_at, c.last_contacted_at, c.company_id,"
    " co.name,"
    " (SELECT p.time_zone FROM phone p WHERE p.contact_id = c.id ORDER BY p.id LIMIT 1),"
    " (SELECT COUNT(*) FROM call k WHERE k.contact_id = c.id AND k.started_at >= ?),"
    " (SELECT MAX(k.started_at) FROM call k WHERE k.contact_id = c.id AND k.outcome = ?),"
    " r.kind, r.due_at, (SELECT o.due_at FROM reminder o WHERE o.contact_id = c.id"
    "  AND o.done_at IS NULL AND o.kind = 'cooldown' AND o.due_at > ? ORDER BY o.id LIMIT 1)"
    + _RULES.replace(" WHERE ", " LEFT JOIN company co ON co.id = c.company_id WHERE ", 1)
    + " ORDER BY r.due_at, r.contact_id LIMIT ? OFFSET ?"
)
# The walk's people of the last refreshes, by the row that made them: the queue refreshes every
# few seconds and mostly reads the same rows again, and a Candidate is immutable.
_built: dict[tuple, Candidate] = {}
_BUILT_MAX = 2_000


def due_count(caller_id: int, end_of_day: datetime) -> int:
    """How many people the walk holds: all rank (their reminder is due today), held or not."""
    params = [_naive(end_of_day), *_CALL_KINDS, caller_id, False, caller_id, caller_id]
    return int(_rows(f"SELECT COUNT(DISTINCT r.contact_id){_RULES}", params)[0][0])


def walk_candidates(caller_id: int, now: datetime, end_of_day: datetime, *, offset: int,
                    limit: int, window_days: int = 30) -> tuple[int, list[Candidate]]:
    """Rows `offset`… of the walk: how many rows it read, and their people in the order of
    their first reminder due before `end_of_day` (a person is there once per reminder; the
    caller drops the ones already seen). Their company's facts, sector and technologies are
    left out: they only rank new leads and filter the silent deciders, and these people all
    rank before any of them (their reminder puts them in the first two buckets)."""
    since = _naive(now) - timedelta(days=window_days)
    params = [since, str(Outcome.REFUSED), _naive(now), _naive(end_of_day), *_CALL_KINDS,
              caller_id, False, caller_id, caller_id, limit, offset]
    rows = _rows(_WALK_POSTGRES if is_postgres() else _WALK_SQLITE, params)
    if len(_built) > _BUILT_MAX:
        _built.clear()
    seen: set[int] = set()
    result = []
    for row in rows:
        if row[0] in seen:
            continue  # the first row: the reminder that ranks the person
        seen.add(row[0])
        candidate = _built.get(row)
        if candidate is None:
            candidate = _built[row] = _walked(row)
        result.append(candidate)
    return len(rows), result


def _walked(row: Row) -> Candidate:
    (cid, first, last, is_do, owner, claimed_by, claim_expires, last_contacted, company_id,
     company_name, zone, attempts, refused, kind, due, cooling) = row
    due_at = _due(due)
    return Candidate(
        person_id=cid,
        person_kind="contact",
        display_name=f"{first} {last}".strip(),
        company_name=company_name or "",
        is_decision_maker=bool(is_do),
        owner_id=owner,  # the walk's rules: theirs or shared, nobody else's follow-up
        claimed_by=claimed_by,
        claim_expires_at=_moment(claim_expires),
        do_not_call=False,  # the walk's rules: a number, none blocked, no flag
        time_zone=zone,
        # What ranks them: the reminder due first, and a cooldown running, if any (the
        # reminders due later change nothing once one is due today).
        reminders=(DueReminder(kind, due_at),) if cooling is None else (
            DueReminder(kind, due_at), DueReminder("cooldown", _due(cooling))),
        last_contacted_at=_moment(last_contacted),
        attempts_in_window=int(attempts or 0),
        last_refusal_at=_moment(refused),
        company_id=company_id,
    )


_NO_TECHNOLOGIES: frozenset[str] = frozenset()


def _open_reminders(ids: list[int], caller_id: int,
                    ) -> tuple[dict[int, list[DueReminder]], dict[int, int]]:
    """Their open reminders, and who among colleagues follows each up (theirs until done)."""
    marks = ",".join("?" * len(ids))
    reminders: dict[int, list[DueReminder]] = defaultdict(list)
    followed_by: dict[int, int] = {}
    for contact_id, kind, due_at, owner in _rows(
        "SELECT contact_id, kind, due_at, owner_id FROM reminder"
        f" WHERE contact_id IN ({marks}) AND done_at IS NULL", ids,
    ):
        if owner is not None and owner != caller_id and kind not in ("cooldown",):
            followed_by.setdefault(contact_id, owner)
            continue
        reminders[contact_id].append(DueReminder(kind, _due(due_at)))
    return reminders, followed_by


def candidates_for(ids: list[int], caller_id: int, now: datetime, *,
                   window_days: int = 30) -> list[Candidate]:
    """The queue's facts about these contacts (in no particular order: the domain ranks)."""
    if not ids:
        return []
    # Plain SQL and tuples: on this hot path, building query objects and model instances
    # for a few thousand rows would cost more than the database itself. One row a person,
    # their numbers and calls summed up by indexed subqueries (a call with no end recorded,
    # or a person imported without their last contact, has been called all the same).
    marks = ",".join("?" * len(ids))
    since = _naive(now) - timedelta(days=window_days)
    contacts = _rows(
        "SELECT c.id, c.first_name, c.last_name, c.is_decision_maker, c.owner_id,"
        " c.claimed_by_id, c.claim_expires_at, c.do_not_call, c.last_contacted_at,"
        " c.company_id, co.name, co.sector, co.technologies, co.kind, co.posts_missions,"
        " EXISTS (SELECT 1 FROM phone p WHERE p.contact_id = c.id),"
        " (SELECT p.time_zone FROM phone p WHERE p.contact_id = c.id ORDER BY p.id LIMIT 1),"
        " EXISTS (SELECT 1 FROM phone p JOIN do_not_call d ON d.e164 = p.e164"
        "  WHERE p.contact_id = c.id),"
        " (SELECT COUNT(*) FROM call k WHERE k.contact_id = c.id AND k.started_at >= ?),"
        " (SELECT MAX(k.started_at) FROM call k WHERE k.contact_id = c.id AND k.outcome = ?),"
        " (SELECT MAX(k.started_at) FROM call k WHERE k.contact_id = c.id)"
        f" FROM contact c LEFT JOIN company co ON co.id = c.company_id WHERE c.id IN ({marks})",
        [since, str(Outcome.REFUSED), *ids])
    reminders, followed_by = _open_reminders(ids, caller_id)
    facts = _facts({row[9]: (row[13], row[14]) for row in contacts if row[9]}, now.year)
    if len(_ranked) > _RANKED_MAX:
        _ranked.clear()
    result = []
    for row in contacts:
        cid = row[0]
        # Built again only when a fact changed since the last refresh (see _built).
        key = (row, tuple(reminders.get(cid, ())), followed_by.get(cid), facts.get(row[9]))
        candidate = _ranked.get(key)
        if candidate is None:
            candidate = _ranked[key] = _candidate(row, *key[1:])
        result.append(candidate)
    return result


_ranked: dict[tuple, Candidate] = {}  # the whole ranking's people, by what made them
_RANKED_MAX = 5_000  # about one refresh of the large demo at 5x: a few MB


def _candidate(row: Row, reminders: tuple[DueReminder, ...], followed_by: int | None,
               company: ProspectFacts | None) -> Candidate:
    (cid, first, last, is_do, owner, claimed_by, claim_expires, dnc, last_contacted,
     company_id, company_name, sector, technologies, _kind, _posts, has_phone, zone,
     blocked, attempts, refused, last_call) = row
    return Candidate(
        person_id=cid,
        person_kind="contact",
        display_name=f"{first} {last}".strip(),
        company_name=company_name or "",
        is_decision_maker=bool(is_do),
        owner_id=owner if owner is not None else followed_by,
        claimed_by=claimed_by,
        claim_expires_at=_moment(claim_expires),
        do_not_call=bool(dnc) or bool(blocked),
        has_number=bool(has_phone),
        time_zone=zone if has_phone else "Europe/Paris",
        reminders=reminders,
        last_contacted_at=_latest(_moment(last_contacted), _moment(last_call)),
        attempts_in_window=int(attempts or 0),
        last_refusal_at=_moment(refused),
        company=company if company_id else None,
        company_id=company_id,
        sector=sector,
        technologies=frozenset(technologies.split()) if technologies else _NO_TECHNOLOGIES,
    )


def _latest(recorded: datetime | None, last_call: datetime | None) -> datetime | None:
    """The last contact: the one recorded, or a later call it does not know of."""
    if recorded is None or (last_call is not None and last_call > recorded):
        return last_call
    return recorded


def _due(value: object) -> datetime:
    """A moment the schema never leaves empty (a reminder's due time)."""
    moment = _moment(value)
    if moment is None:
        raise ValueError("a reminder without its due time")
    return moment


def _moment(value: object) -> datetime | None:
    """A stored moment made aware in one step (SQLite's text or PostgreSQL's datetime): on
    the walk's path, a few hundred a refresh."""
    if value is None:
        return None
    if type(value) is str:
        try:
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:  # text written by hand with its own offset: read as UTC, as before
            return _aware(datetime.fromisoformat(value))
    return _aware(cast("datetime", value))


def company_facts(company_ids: set[int], this_year: int) -> dict[int, ProspectFacts]:
    """Kind, revenue and headcount trends (the two latest years known), missions posted."""
    if not company_ids:
        return {}
    ids = list(company_ids)
    marks = ",".join("?" * len(ids))
    kinds = {company_id: (kind, posts) for company_id, kind, posts in _rows(
        f"SELECT id, kind, posts_missions FROM company WHERE id IN ({marks})", ids)}
    return _facts(kinds, this_year)


def _facts(kinds: dict[int, tuple[str | None, object]],
           this_year: int) -> dict[int, ProspectFacts]:
    """The facts of these companies, given their kind and whether they post missions."""
    if not kinds:
        return {}
    ids = list(kinds)
    marks = ",".join("?" * len(ids))
    figures: dict[int, list[tuple[int, int | None, int | None]]] = defaultdict(list)
    for company_id, year, revenue, headcount in _rows(
        "SELECT company_id, year, revenue, headcount FROM company_figure"
        f" WHERE company_id IN ({marks}) AND year >= ? ORDER BY year", [*ids, this_year - 3],
    ):
        figures[company_id].append((year, revenue, headcount))
    result = {}
    for company_id, (kind, posts) in kinds.items():
        rows = figures.get(company_id, [])
        previous, latest = (rows[-2], rows[-1]) if len(rows) >= 2 else (None, None)
        result[company_id] = ProspectFacts(
            kind=_PROSPECT_KIND.get(kind or ""),
            revenue_trend=trend_of(previous[1] if previous else None,
                                   latest[1] if latest else None),
            headcount_trend=trend_of(previous[2] if previous else None,
                                     latest[2] if latest else None),
            posts_missions=bool(posts),
        )
    return result
