"""Checked records into the database: a person already known by e-mail, or by a number under
the same name, is merged (empty fields filled, a new number added), not doubled; the same
number under another name is a colleague behind the same switchboard, kept apart, and the
number labelled as the company's switchboard. Companies are matched by name or created.
New rows are written in bulk with their ids chosen here, so their phones can be written in
bulk too. Everything goes in batches of short transactions: a big file must not hold the
write lock for seconds while callers claim their next call or save a note."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import peewee as pw

from cockpit.domain.captures import fold
from cockpit.domain.import_phones import (
    DIRECT,
    SHARED,
    STANDARD,
    name_key,
    person_name,
    same_owner,
)
from cockpit.domain.importing import Record
from cockpit.domain.matching import search_text
from cockpit.store.db import database, is_postgres
from cockpit.store.import_batches import (
    BATCH,
    Progress,
    Written,
    _in_batches,
)
from cockpit.store.import_holders import Holder, Number, Who, holders_of
from cockpit.store.importer_history import Callers, Past, past_of, write_history
from cockpit.store.importer_merge import fill_empty, other_addresses
from cockpit.store.models import Company, Contact, Freelance, Phone
from cockpit.store.rows import tuples
from cockpit.store.search_index import Held
from cockpit.store.times import naive

CHUNK = 2000
People = type[Contact] | type[Freelance]  # the two kinds of person an import writes


def write(kind: str, records: Sequence[Record], now: datetime,
          progress: Progress | None = None, batch: int = BATCH) -> Written:
    """In batches, each committed: on a failure, PartlyWritten says how far it went (a re-run
    merges the rows already in, so it is safe)."""
    if kind == "companies":
        from cockpit.store.importer_companies import write_companies

        return write_companies(records, now, progress, batch)
    model = Contact if kind == "contacts" else Freelance
    return _people(kind, model, records, now, progress, batch)


def _next_id(model: People | type[Company] | type[Phone]) -> int:
    # Plain SQL: three a batch, the ORM's building cost more than the query.
    row = database.obj.execute_sql(
        f'SELECT COALESCE(MAX(id), 0) FROM "{model._meta.table_name}"').fetchone()
    return int(row[0]) + 1


def _after_explicit_ids(*tables: str) -> None:
    """PostgreSQL's id sequences do not see ids written by hand; move them past the last.
    By taking ids (nextval), not setval: a caller's role may take ids, never set a sequence
    (which would let anyone send it back onto existing ids)."""
    db = database.obj
    if is_postgres():
        for table in tables:
            # One round trip a table (a batch's three cost 0.4 s of a 100,000-row import):
            # the series' start takes one id, evaluated once; each of its rows one more,
            # up to the last id written (none when the sequence is past it already).
            sequence = f"pg_get_serial_sequence('{table}', 'id')"
            db.execute_sql(f"SELECT COUNT(nextval({sequence})) FROM generate_series("
                           f"nextval({sequence}) + 1, (SELECT COALESCE(MAX(id), 0) FROM {table}))")


def _lock(*tables: str) -> None:
    db = database.obj
    if is_postgres():
        for table in tables:
            db.execute_sql(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")


def _insert(model: type[pw.Model], fields: list[pw.Field], rows: list[tuple]) -> None:
    """One prepared INSERT run over all the rows: building a statement per chunk through the
    ORM cost more than the database's own work (6 s for 30,000 contacts)."""
    if not rows:
        return
    db = database.obj
    # The ORM fills defaults itself; a raw INSERT must name them (NOT NULL columns).
    given = {f.name for f in fields}
    extra = [(f, f.default() if callable(f.default) else f.default)
             for f in model._meta.sorted_fields
             if f.name not in given and f.default is not None]
    if extra:
        fields = [*fields, *(f for f, _ in extra)]
        tail = tuple(f.db_value(v) for f, v in extra)
        rows = [(*row, *tail) for row in rows]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)  # "references" is a keyword
    cursor = db.cursor()
    if is_postgres():
        # psycopg2's executemany is one round trip a row (4x SQLite's time for a big file):
        # COPY streams the batch; execute_values (a page of rows a statement) takes values
        # COPY's text would not say as psycopg2 does.
        from cockpit.store.pg_copy import copy_rows, copyable

        table = model._meta.table_name
        if all(copyable(value) for row in rows for value in row):
            copy_rows(cursor, table, columns, rows)
            return
        from psycopg2.extras import execute_values

        execute_values(cursor, f'INSERT INTO "{table}" ({columns}) VALUES %s', rows,
                       page_size=CHUNK)
        return
    marks = ", ".join([db.param] * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    for start in range(0, len(rows), CHUNK):
        cursor.executemany(sql, rows[start:start + CHUNK])


class _Companies:
    """Company ids by folded name; missing ones created on first use."""

    def __init__(self, now: datetime) -> None:
        self.now = naive(now)
        self.ids = {fold(name): cid
                    for cid, name in tuples(Company.select(Company.id, Company.name))}
        self.next_id = _next_id(Company)
        self.new: list[tuple] = []
        self.keys: dict[str, str] = {}

    def id_for(self, name: str) -> int:
        key = self.keys.get(name)
        if key is None:  # a company has many people: its name is folded once
            key = self.keys[name] = fold(name)
        if key not in self.ids:
            self.ids[key] = self.next_id
            self.new.append((self.next_id, name.strip(), self.now))
            self.next_id += 1
        return self.ids[key]

    def flush(self) -> int:
        _insert(Company, [Company.id, Company.name, Company.created_at], self.new)
        return len(self.new)


def _people(kind: str, model: People, records: Sequence[Record], now: datetime,
            progress: Progress | None, batch: int) -> Written:
    holders = holders_of(kind)
    by_email: dict[str, list[tuple[tuple[str, str], int]]] = {}
    for pid, email, first, last in tuples(model.select(
            model.id, model.email, model.first_name, model.last_name).where(model.email != "")):
        by_email.setdefault(email.casefold(), []).append((name_key(first, last), pid))
    companies = _Companies(now) if kind == "contacts" else None
    callers = Callers() if kind == "contacts" else None
    written = Written()

    def one(rows: Sequence[Record], offset: int) -> None:
        _people_batch(kind, model, rows, offset, now, progress,
                      (holders, by_email, companies, callers), written)

    return _in_batches(records, batch, progress, written, one)


def _known(record: Record, values: dict[str, Any], holders: dict[str, Number],
           by_email: dict[str, list[tuple[tuple[str, str], int]]],
           ) -> tuple[int | None, str, Holder | None]:
    """(the person already known, why, their holding of the number) or (None, "", None).
    An e-mail under another name is an address people share (contact@…), not one person."""
    email = values.get("email")
    known = by_email.get(email) if email else None
    if known:  # folding the name only then: most rows have a new address
        name = person_name(values)
        for other, pid in known:
            if same_owner(other, name):
                return pid, "same e-mail", None
    for phone, _ in record.phones:
        number = holders.get(phone.e164)
        if number is None:
            continue
        hit = number.named(person_name(values))
        if hit is not None:
            return hit.person, "same phone and name", hit
    return None, "", None


def _label(kind: str, hint: str, number: Number, person_id: int,
           company: int | None) -> str:
    """A number the file left undecided is the company's switchboard when someone else of
    the same company has it already, else the person's direct line."""
    if hint == SHARED:
        return STANDARD
    if hint:
        return hint
    if kind == "contacts" and number.shared_with(person_id, company):
        return STANDARD
    return DIRECT


def _people_batch(kind: str, model: People, records: Sequence[Record], offset: int,
                  now: datetime, progress: Progress | None, known: tuple[Any, ...],
                  written: Written) -> None:
    """One batch, in the transaction the caller opened. The ids are read again here: a
    caller may have added someone (a referral) since the last batch."""
    holders, by_email, companies, callers = known
    _lock(model._meta.table_name, "phone", "company")
    # The index written once at the end, not at each row and number.
    held = Held("contact" if kind == "contacts" else "freelance")
    next_person, next_phone = _next_id(model), _next_id(Phone)
    if companies is not None:
        companies.next_id = _next_id(Company)
        companies.new = []
    new_people: list[dict[str, Any]] = []
    pending: dict[int, dict[str, Any]] = {}  # the batch's new people, not yet written
    new_phones: list[tuple] = []
    pasts: list[Past] = []
    touched: set[int] = set()  # the people the batch wrote, for the search index
    merges: list[tuple[int, dict[str, Any]]] = []  # (someone already in, what the row brings)
    known_before: set[int] = set()  # those of them already in the database
    first_new = next_person
    # In the file's order (a dict, not a set): the first switchboard a file gives a company stays.
    switchboards: dict[tuple[str, int | None], None] = {}
    stamp = naive(now)
    for done, record in enumerate(records, offset + 1):
        values = dict(record.values)
        if record.more_emails:  # the first stays `email`; none of the others is lost
            values["other_emails"] = " ".join(record.more_emails)
        if companies is not None and values.get("company"):
            values["company_id"] = companies.id_for(values.pop("company"))
        values.pop("company", None)
        existing, why, hit = _known(record, values, holders, by_email)
        company = values.get("company_id", hit.company if hit else None)
        if hit is not None:  # their numbers know them under the name the merge completes
            hit.who.complete(values.get("first_name", ""))
        who = hit.who if hit is not None else Who(values.get("first_name", ""),
                                                    values.get("last_name", ""))
        person_id = existing if existing is not None else next_person
        past = past_of(person_id, values, existing is not None)
        if past is not None:
            pasts.append(past)
        if existing is not None and existing in pending:  # met earlier in this batch
            kept = pending[existing]
            for name, value in values.items():
                if kept.get(name) in (None, "") and value not in (None, ""):
                    kept[name] = value
            kept["other_emails"] = other_addresses(kept.get("email", ""),
                                                   kept.get("other_emails", ""), values)
            written.merged.append((record.line, existing, why))
        elif existing is not None:
            merges.append((existing, values))
            written.merged.append((record.line, existing, why))
        else:
            next_person += 1
            if past is not None and past.at is not None:
                values["last_contacted_at"] = naive(past.at)
            values["id"] = person_id  # `values` is the row's own copy: no other one made
            new_people.append(values)
            pending[person_id] = values
            if values.get("email"):
                by_email.setdefault(values["email"], []).append((who.key, person_id))
        written.ids[record.line] = person_id
        if existing is None or existing in pending:
            touched.add(person_id)
        if existing is not None and existing < first_new:
            known_before.add(existing)
        for phone, hint in record.phones:
            number = holders.get(phone.e164)
            if number is None:
                number = holders[phone.e164] = Number()
            label = _label(kind, hint, number, person_id, company)
            if label == STANDARD:
                switchboards[(phone.e164, company)] = None
                if hint != STANDARD:  # found shared, not said so by its column
                    written.switchboards.add(phone.e164)
            if number.has(person_id):
                continue  # they have it already
            new_phones.append((next_phone, phone.e164, phone.kind, phone.time_zone, label,
                               person_id if kind == "contacts" else None,
                               person_id if kind == "freelances" else None))
            touched.add(person_id)  # their entry in the index holds their numbers
            number.add(Holder(person_id, who, company))
            next_phone += 1
        if progress and done % 500 == 0:
            progress(done)
    new_companies = [row[0] for row in companies.new] if companies is not None else []
    if companies is not None:
        written.companies_created += companies.flush()
    _insert_people(kind, model, new_people, stamp)
    touched |= fill_empty(model, merges)
    _insert(Phone, [Phone.id, Phone.e164, Phone.kind, Phone.time_zone, Phone.label,
                    Phone.contact, Phone.freelance], new_phones)
    _after_explicit_ids(model._meta.table_name, "phone", "company")
    for e164, company in switchboards:
        _as_switchboard(e164, company)
        if company is not None:
            keep_switchboard(company, e164)
    if callers is not None:
        written.history += write_history(pasts, callers, now)
        written.unknown_owners = callers.unknown
    _block_known_numbers([row[1] for row in new_phones])
    _index(held, kind, touched, new_companies, known_before)
    written.created += len(new_people)


def _index(held: Held, kind: str, people: set[int], companies: list[int],
           known_before: set[int]) -> None:
    """The batch's people and new companies into the search index. A company's words hold
    its switchboard's numbers: a switchboard row (one already known: the import makes none)
    that got a number re-indexes its company."""
    held.index("contact" if kind == "contacts" else "freelance", people)
    if kind == "contacts" and held.on:
        ids = sorted(known_before)
        switchboards = [row[0] for start in range(0, len(ids), 500) for row in tuples(
            Contact.select(Contact.company).where(Contact.id.in_(ids[start:start + 500]),
                                                  Contact.is_switchboard))]
        held.index("company", [*companies, *switchboards])
    held.release()


def _as_switchboard(e164: str, company: int | None) -> int:
    """The number is the company's switchboard for all its people who have it (an earlier
    import may have taken it for one person's direct line)."""
    # Plain SQL: run for every number found shared, the ORM's building cost more than it.
    db = database.obj
    mark = db.param
    same = "company_id IS NULL" if company is None else f"company_id = {mark}"
    cursor = db.execute_sql(
        f"UPDATE phone SET label = {mark} WHERE e164 = {mark} AND label <> {mark} "
        f"AND kind <> 'mobile' AND contact_id IN (SELECT id FROM contact WHERE {same})",
        (STANDARD, e164, STANDARD, *(() if company is None else (company,))))
    return int(cursor.rowcount)


def keep_switchboard(company_id: int, e164: str) -> None:
    """The company's switchboard, when it has none yet: the first one a file gives stays."""
    mark = database.obj.param
    database.obj.execute_sql(f"UPDATE company SET switchboard = {mark} WHERE id = {mark} "
                             "AND switchboard = ''", (e164, company_id))


def _block_known_numbers(numbers: list[str]) -> None:
    """A number on the do-not-call list (even kept only as a hash, after an erasure) flags
    whoever comes in with it."""
    from cockpit.store import persons
    from cockpit.store.privacy import digests_of

    blocked = persons.blocked_digests()
    if not blocked or not numbers:  # an empty list: no key to read, nothing to hash
        return
    for e164, digests in digests_of(numbers).items():
        if not blocked.isdisjoint(digests):
            persons.flag_do_not_call(e164)


def _insert_people(kind: str, model: People, people: list[dict[str, Any]],
                   stamp: datetime) -> None:
    if kind == "contacts":
        names: tuple[str, ...] = ("id", "company_id", "civility", "first_name", "last_name",
                                  "role", "decision_maker", "email", "other_emails",
                                  "do_not_call", "do_not_call", "last_contacted_at")
        fields: list[pw.Field] = [Contact.id, Contact.company, Contact.civility,
                                  Contact.first_name, Contact.last_name, Contact.role,
                                  Contact.is_decision_maker, Contact.email,
                                  Contact.other_emails, Contact.do_not_call,
                                  Contact.asked_not_to_call, Contact.last_contacted_at,
                                  Contact.created_at]
        _insert(Contact, fields, _rows_of(people, names, stamp))
        return
    names = ("id", "first_name", "last_name", "title", "skills", "day_rate", "availability",
             "available_from", "mobility", "city", "billing", "siret", "email", "other_emails",
             "do_not_call", "do_not_call", "last_contacted_at")
    # An exported "do_not_call" comes in as asked by the person: no later change of the
    # do-not-call list of numbers lifts it.
    fields = [Freelance.id, Freelance.first_name, Freelance.last_name, Freelance.title,
              Freelance.skills, Freelance.day_rate, Freelance.availability,
              Freelance.available_from, Freelance.mobility, Freelance.city, Freelance.billing,
              Freelance.siret, Freelance.email, Freelance.other_emails, Freelance.do_not_call,
              Freelance.asked_not_to_call, Freelance.last_contacted_at, Freelance.search,
              Freelance.created_at]
    rows = []
    for p in people:
        skills = p.get("skills", "")
        row = [_default(p.get(n), n) for n in names]
        row[names.index("skills")] = f" {skills} " if skills else ""
        row += [search_text(p.get("first_name", ""), p.get("last_name", ""),
                            p.get("title", ""), skills, p.get("city", "")), stamp]
        rows.append(tuple(row))
    _insert(model, fields, rows)


_DEFAULTS: dict[str, Any] = {"civility": "", "first_name": "", "role": "", "email": "",
                             "other_emails": "",
                             "decision_maker": False, "title": "", "skills": "",
                             "availability": "available", "mobility": "", "city": "",
                             "billing": "unknown", "siret": "", "do_not_call": False}


def _default(value: Any, name: str) -> Any:
    return _DEFAULTS.get(name) if value is None else value


def _rows_of(people: list[dict[str, Any]], names: tuple[str, ...],
             stamp: datetime) -> list[tuple]:
    """Each person's values in the order of `names` (their defaults where missing), then
    the stamp: built column by column, a batch at once (a call a value cost more)."""
    columns = [[_DEFAULTS.get(n) if (v := p.get(n)) is None else v for p in people]
               for n in names]
    return list(zip(*columns, [stamp] * len(people), strict=True))
