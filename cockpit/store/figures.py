"""The facts of the calls of a period, for the figures: two indexed queries (the calls by
start time, then their steps and objections), so the cost follows the calls of the period,
not the size of the history."""

from __future__ import annotations

from datetime import date, datetime

from cockpit.domain.figures import CallFact
from cockpit.domain.placement import ProposalFact
from cockpit.domain.undo import path_taken
from cockpit.store.rows import chunks
from cockpit.store.sql import is_postgres
from cockpit.store.sql import rows as run
from cockpit.store.times import aware, naive


def call_facts(start: datetime, end: datetime, caller_id: int | None = None) -> list[CallFact]:
    sql = ("SELECT c.id, k.name, c.started_at, c.ended_at, c.outcome, c.script, "
           "COALESCE(p.is_decision_maker, ?) "
           "FROM call c JOIN caller k ON k.id = c.caller_id "
           "LEFT JOIN contact p ON p.id = c.contact_id "
           "WHERE c.started_at >= ? AND c.started_at < ?")
    params: list[object] = [False, naive(start), naive(end)]
    if caller_id is not None:
        sql += " AND c.caller_id = ?"
        params.append(caller_id)
    rows = run(sql, params)
    logs: dict[int, list[tuple[str, str, str, dict]]] = {}
    ids = [int(r[0]) for r in rows]
    # A step's data is never read: left unparsed, the figures of a week stay quick. SQLite
    # reads the two values an objection or a going back holds itself (json's module, with
    # the `re` it imports, cost a report ~4 ms); PostgreSQL's rows are parsed here.
    in_sql = not is_postgres()
    data = ("CASE WHEN kind = 'step' OR NOT json_valid(data) THEN NULL"
            " ELSE json_extract(data, '$.objection') END,"
            " CASE WHEN kind <> 'back' OR NOT json_valid(data) THEN NULL"
            " ELSE json_extract(data, '$.steps') END" if in_sql else "data, NULL")
    for chunk in chunks(ids):
        marks = ", ".join(["?"] * len(chunk))
        events = run(
            f"SELECT call_id, kind, script, step, {data} FROM call_event "
            f"WHERE call_id IN ({marks}) AND kind IN ('step', 'objection', 'back') "
            f"ORDER BY call_id, seq", chunk)
        for call_id, kind, script, step, first, second in events:
            said = {} if kind == "step" else _read(first, second) if in_sql else _data(first)
            logs.setdefault(call_id, []).append((kind, script, step, said))
    # A step gone back over is taken out: the figures count the path finally taken.
    taken = {call_id: path_taken(log) for call_id, log in logs.items()}
    steps = {call_id: path[0] for call_id, path in taken.items()}
    objections = {call_id: path[1] for call_id, path in taken.items()}
    return [CallFact(call_id=int(r[0]), caller=r[1], started_at=aware(r[2]),
                     ended_at=aware(r[3]), outcome=r[4], decision_maker=bool(r[6]),
                     script=r[5] or "", steps=tuple(steps.get(int(r[0]), ())),
                     objections=tuple(objections.get(int(r[0]), ())))
            for r in rows]


def _read(objection: object, steps: object) -> dict:
    """What path_taken reads of an event's data, as SQLite's json_extract gave it."""
    return {key: value for key, value in (("objection", objection), ("steps", steps))
            if value is not None}


def _data(raw: str | None) -> dict:
    import json

    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def proposal_facts(start: datetime, end: datetime, caller_id: int | None = None,
                   ) -> list[ProposalFact]:
    """The proposals with a step (CV sent, interview, placement) in [start, end), each under
    the caller whose need it is."""
    s, e = naive(start), naive(end)
    sql = ("SELECT COALESCE(k.name, ''), p.cv_sent_at, p.interview_at, p.placed_at, "
           "p.start_date, p.end_date, p.buying_rate, p.selling_rate "
           "FROM proposal p JOIN need n ON n.id = p.need_id "
           "LEFT JOIN caller k ON k.id = n.created_by_id "
           "WHERE ((p.cv_sent_at >= ? AND p.cv_sent_at < ?) "
           "OR (p.interview_at >= ? AND p.interview_at < ?) "
           "OR (p.placed_at >= ? AND p.placed_at < ?))")
    params: list[object] = [s, e, s, e, s, e]
    if caller_id is not None:
        sql += " AND n.created_by_id = ?"
        params.append(caller_id)
    rows = run(sql, params)
    return [ProposalFact(r[0], aware(r[1]), aware(r[2]), aware(r[3]), _day(r[4]), _day(r[5]),
                         r[6], r[7]) for r in rows]


def _day(value: object) -> date | None:
    """A DATE column: a date on PostgreSQL, text through SQLite's raw SQL."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
