"""A person's card in portable SQL (`sql.rows`): their numbers, their facts, their company's
figures, their history. No peewee: the cockpit's first screen shows a card, and is read on
the driver's own connection (`sql.open_lean`) before the store's models are loaded; the
cards of later moves read the same queries on peewee's connection."""

from __future__ import annotations

from datetime import date, datetime

from cockpit.domain.named import NamedTuple
from cockpit.store.sql import rows
from cockpit.store.times import aware


class PhoneRow(NamedTuple):
    id: int
    e164: str
    kind: str
    time_zone: str
    label: str


class CompanyRow(NamedTuple):
    id: int
    name: str
    kind: str
    sector: str
    city: str


class ReferrerRow(NamedTuple):
    """The person we were talking to when this one was named (a switchboard: its company)."""

    is_switchboard: bool
    first_name: str
    last_name: str
    role: str
    company_name: str | None


class ContactRow(NamedTuple):
    first_name: str
    last_name: str
    role: str
    is_decision_maker: bool
    persona: str
    email: str
    other_emails: str
    do_not_call: bool
    company: CompanyRow | None
    owner_name: str | None  # the caller holding them in a private portfolio
    referrer: ReferrerRow | None


class FreelanceRow(NamedTuple):
    first_name: str
    last_name: str
    title: str
    email: str
    other_emails: str
    do_not_call: bool
    day_rate: int | None
    availability: str
    available_from: date | None
    mobility: str
    billing: str


class FigureRow(NamedTuple):
    year: int
    revenue: int | None
    headcount: int | None


def _person_column(kind: str) -> str:
    return "contact_id" if kind == "contact" else "freelance_id"


def phones_of(kind: str, person_id: int) -> list[PhoneRow]:
    """Their numbers, a direct line first: it is dialled, and reaches the person past the
    switchboard (lean_reads.first_phone, the number dialled, is the first)."""
    found = rows(f"SELECT id, e164, kind, time_zone, label FROM phone"
                 f" WHERE {_person_column(kind)} = ?"
                 " ORDER BY CASE WHEN label = 'direct' THEN 0 ELSE 1 END, id", (person_id,))
    return [PhoneRow(int(i), str(e164), str(k), str(zone), str(label or ""))
            for i, e164, k, zone, label in found]


_CONTACT = (
    "SELECT c.first_name, c.last_name, c.role, c.is_decision_maker, c.persona, c.email,"
    " c.other_emails, c.do_not_call, co.id, co.name, co.kind, co.sector, co.city, o.name,"
    " s.id, s.is_switchboard, s.first_name, s.last_name, s.role, sco.name"
    " FROM contact c LEFT JOIN company co ON co.id = c.company_id"
    " LEFT JOIN caller o ON o.id = c.owner_id"
    " LEFT JOIN contact s ON s.id = c.redirected_from_id"
    " LEFT JOIN company sco ON sco.id = s.company_id"
    " WHERE c.id = ?")


def contact(person_id: int) -> ContactRow | None:
    found = rows(_CONTACT, (person_id,))
    if not found:
        return None
    (first, last, role, is_do, persona, email, others, dnc, company_id, company_name, kind,
     sector, city, owner, source_id, source_switchboard, source_first, source_last,
     source_role, source_company) = found[0]
    company = None if company_id is None else CompanyRow(
        int(company_id), company_name or "", kind or "", sector or "", city or "")
    referrer = None if source_id is None else ReferrerRow(
        bool(source_switchboard), source_first or "", source_last or "", source_role or "",
        source_company)
    return ContactRow(first or "", last or "", role or "", bool(is_do), persona or "",
                      email or "", others or "", bool(dnc), company, owner, referrer)


def freelance(person_id: int) -> FreelanceRow | None:
    found = rows("SELECT first_name, last_name, title, email, other_emails, do_not_call,"
                 " day_rate, availability, available_from, mobility, billing"
                 " FROM freelance WHERE id = ?", (person_id,))
    if not found:
        return None
    (first, last, title, email, others, dnc, rate, availability, since, mobility,
     billing) = found[0]
    return FreelanceRow(first or "", last or "", title or "", email or "", others or "",
                        bool(dnc), None if rate is None else int(rate), availability or "",
                        _day(since), mobility or "", billing or "")


def _day(value: object) -> date | None:
    """A stored date: SQLite's text (peewee writes YYYY-MM-DD) or PostgreSQL's date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def figures_of(company_id: int) -> list[FigureRow]:
    """The company's figures, year by year, oldest first."""
    found = rows("SELECT year, revenue, headcount FROM company_figure WHERE company_id = ?"
                 " ORDER BY year", (company_id,))
    return [FigureRow(int(year), None if revenue is None else int(revenue),
                      None if headcount is None else int(headcount))
            for year, revenue, headcount in found]


NOTE = "note"  # the outcome of a history line that is a note written outside any call


def history(kind: str, person_id: int, limit: int = 15) -> list[tuple[datetime, str, str, str]]:
    """(when, who, outcome, note) latest first: the calls with their notes, and the notes
    written outside a call (a CV sent, and where), whose outcome is NOTE."""
    column = _person_column(kind)
    calls = rows(f"SELECT k.id, k.started_at, a.name, k.outcome FROM call k"
                 f" JOIN caller a ON a.id = k.caller_id"
                 f" WHERE k.{column} = ? AND k.outcome IS NOT NULL"
                 " ORDER BY k.started_at DESC LIMIT ?", (person_id, limit))
    notes: dict[int, str] = {}
    if calls:
        marks = ",".join("?" * len(calls))
        for call_id, body in rows(f"SELECT call_id, body FROM note WHERE call_id IN ({marks})"
                                  " AND is_draft = ? ORDER BY id",
                                  (*[c[0] for c in calls], False)):
            notes.setdefault(int(call_id), body)  # the call's own note; later lines apart
    lines = [(aware(at), str(who), outcome or "", notes.get(int(call_id), ""))
             for call_id, at, who, outcome in calls]
    loose = rows(f"SELECT n.created_at, n.body, a.name FROM note n"
                 " LEFT JOIN caller a ON a.id = n.author_id"
                 f" WHERE n.{column} = ? AND n.call_id IS NULL AND n.is_draft = ?"
                 " ORDER BY n.created_at DESC LIMIT ?", (person_id, False, limit))
    lines += [(aware(at), who or "", NOTE, body) for at, body, who in loose]
    lines.sort(key=lambda line: line[0], reverse=True)
    return lines[:limit]


def added_to_calls(kind: str, person_id: int) -> dict[datetime, list[tuple[datetime, str, str]]]:
    """Lines added to the person's call notes after the call, (when, who, text), oldest
    first, by the start of their call (as history() gives it)."""
    column = _person_column(kind)
    later = rows(
        "SELECT k.started_at, n.created_at, a.name, n.body FROM note n"
        " JOIN call k ON k.id = n.call_id LEFT JOIN caller a ON a.id = n.author_id"
        f" WHERE k.{column} = ? AND n.is_draft = ? AND n.id NOT IN"
        " (SELECT MIN(f.id) FROM note f JOIN call fk ON fk.id = f.call_id"
        f"  WHERE fk.{column} = ? AND f.is_draft = ? GROUP BY f.call_id)"
        " ORDER BY n.id", (person_id, False, person_id, False))
    found: dict[datetime, list[tuple[datetime, str, str]]] = {}
    for started, at, who, body in later:
        found.setdefault(aware(started), []).append((aware(at), who or "", body))
    return found
