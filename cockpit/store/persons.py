"""A person's data as a whole: found by id, phone or e-mail; exported (GDPR art. 15 and 20);
erased for good (art. 17) with only a keyed hash of their numbers kept on the do-not-call
list; purged after three years without contact (the CNIL's reference). And the do-not-call
list itself."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import peewee as pw

from cockpit.store.db import database, is_postgres
from cockpit.store.models import (
    AuditLog,
    Call,
    CallEvent,
    Company,
    Contact,
    CvFile,
    DoNotCall,
    Freelance,
    Need,
    Note,
    Phone,
    Proposal,
    Reminder,
)
from cockpit.store.privacy import digest_number, digests
from cockpit.store.rows import dicts, tuples
from cockpit.store.times import naive

PersonKey = tuple[str, int]  # ("contact" | "freelance", id)


def find(kind: str | None, person_id: int | None = None, e164: str | None = None,
         email: str | None = None) -> list[PersonKey]:
    """Everyone matching: by id (of the kind given), by number, or by e-mail."""
    found: list[PersonKey] = []
    if person_id is not None:
        for name, model in (("contact", Contact), ("freelance", Freelance)):
            if kind in (None, name) and model.get_or_none(model.id == person_id):
                found.append((name, person_id))
    if e164:
        for contact_id, freelance_id in tuples(Phone.select(Phone.contact, Phone.freelance)
                                               .where(Phone.e164 == e164)):
            if contact_id:
                found.append(("contact", int(contact_id)))
            if freelance_id:
                found.append(("freelance", int(freelance_id)))
    if email:
        folded = email.strip().casefold()
        for name, model in (("contact", Contact), ("freelance", Freelance)):
            for (pid,) in tuples(model.select(model.id).where(
                    pw.fn.LOWER(model.email) == folded)):
                found.append((name, int(pid)))
            # Their other addresses too: the rows that may hold it, then each one compared.
            for pid, others in tuples(model.select(model.id, model.other_emails).where(
                    model.other_emails.contains(folded))):
                if folded in (a.casefold() for a in others.split()):
                    found.append((name, int(pid)))
    return list(dict.fromkeys(found))


def _rows(query: pw.BaseQuery) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in dicts(query)]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def export(kind: str, person_id: int) -> dict[str, Any]:
    """Everything held about the person, as plain data."""
    model = Contact if kind == "contact" else Freelance
    field = "contact" if kind == "contact" else "freelance"
    person = _rows(model.select().where(model.id == person_id))
    if not person:
        return {}
    record = person[0]
    for internal in ("claimed_by", "claim_expires_at", "search"):
        record.pop(internal, None)
    if kind == "freelance" and isinstance(record.get("references"), str):
        with contextlib.suppress(ValueError):
            record["references"] = json.loads(record["references"])
    calls = _rows(Call.select().where(getattr(Call, field) == person_id).order_by(Call.id))
    call_ids = [c["id"] for c in calls]
    for call in calls:
        call.pop("state", None)
    events = _rows(CallEvent.select().where(CallEvent.call.in_(call_ids))
                   .order_by(CallEvent.call, CallEvent.seq)) if call_ids else []
    out: dict[str, Any] = {
        "kind": kind,
        "person": record,
        "phones": _rows(Phone.select().where(getattr(Phone, field) == person_id)),
        "calls": calls,
        "call_events": events,
        "notes": _rows(Note.select().where(getattr(Note, field) == person_id)),
        "reminders": _rows(Reminder.select().where(getattr(Reminder, field) == person_id)),
        "do_not_call": _rows(DoNotCall.select().where(DoNotCall.e164.in_(
            Phone.select(Phone.e164).where(getattr(Phone, field) == person_id)))),
    }
    if kind == "contact":
        company_id = record.get("company")
        out["company"] = _rows(Company.select().where(Company.id == company_id))[0] \
            if company_id else None
        out["needs"] = _rows(Need.select().where(Need.contact == person_id))
    else:
        out["proposals"] = _rows(Proposal.select().where(Proposal.freelance == person_id))
        # Their CV files as text (the file itself: `cockpit freelance cv ID` lists them).
        out["cv_files"] = _rows(CvFile.select(
            CvFile.id, CvFile.name, CvFile.format, CvFile.size, CvFile.sha256, CvFile.text,
            CvFile.scanned, CvFile.added_at).where(CvFile.freelance == person_id))
    return out


def erase(kind: str, person_id: int, now: datetime, actor: str, reason: str,
          keep_numbers_blocked: bool = True) -> dict[str, int]:
    """Delete the person and everything about them; returns what was removed, by kind.
    Their numbers stay on the do-not-call list as keyed hashes only (when asked). The
    caller then runs wipe_traces(), once for many erasures."""
    model = Contact if kind == "contact" else Freelance
    field = "contact" if kind == "contact" else "freelance"
    db = database.obj
    removed: dict[str, int] = {}
    if not is_postgres():
        db.execute_sql("PRAGMA secure_delete = ON")  # freed pages are zeroed, not left readable
    with db.atomic():
        numbers = [e for (e,) in tuples(Phone.select(Phone.e164)
                                        .where(getattr(Phone, field) == person_id))]
        call_ids = [c for (c,) in tuples(Call.select(Call.id)
                                         .where(getattr(Call, field) == person_id))]
        removed["calls"] = len(call_ids)
        reminders = getattr(Reminder, field) == person_id
        reminder_ids = [r for (r,) in tuples(Reminder.select(Reminder.id).where(reminders))]
        # The audit stays append-only: its readers tell this person's earlier lines from
        # a newcomer's by this line (SQLite may give the highest id again), reminders too.
        # Written first: on a team server, rows are deleted only in a transaction that
        # wrote its erasure to the audit log (db/team.sql).
        details = reason + (f"; reminders {' '.join(f'#{r}' for r in reminder_ids)}"
                            if reminder_ids else "")
        AuditLog.create(at=naive(now), actor=actor, action="erase", entity=kind,
                        entity_id=person_id, details=details)
        removed["call_events"] = CallEvent.delete().where(
            CallEvent.call.in_(call_ids)).execute() if call_ids else 0
        notes = getattr(Note, field) == person_id
        if call_ids:
            notes = notes | Note.call.in_(call_ids)
        removed["notes"] = Note.delete().where(notes).execute()
        removed["reminders"] = Reminder.delete().where(reminders).execute()
        if call_ids:
            Call.delete().where(Call.id.in_(call_ids)).execute()
        if kind == "freelance":
            removed["proposals"] = Proposal.delete().where(
                Proposal.freelance == person_id).execute()
            removed["cv_files"] = CvFile.delete().where(
                CvFile.freelance == person_id).execute()
        else:
            # Needs belong to the company: they stay, without the person.
            Need.update(contact=None).where(Need.contact == person_id).execute()
            Contact.update(redirected_from=None).where(
                Contact.redirected_from == person_id).execute()
        removed["phones"] = Phone.delete().where(getattr(Phone, field) == person_id).execute()
        removed["person"] = model.delete().where(model.id == person_id).execute()
        for e164 in numbers:
            # The number itself goes; its keyed hash stays, so it is never called again.
            DoNotCall.update(e164=None).where(DoNotCall.e164 == e164).execute()
            if keep_numbers_blocked and not DoNotCall.select().where(
                    DoNotCall.digest.in_(digests(e164))).exists():
                DoNotCall.create(e164=None, digest=digest_number(e164), reason=reason,
                                 created_at=naive(now))
        removed["numbers_kept_as_hash"] = len(numbers) if keep_numbers_blocked else 0
    return removed


# What an erasure touches: the tables whose old row versions may hold a name, a note or a
# number (need keeps only its contact's id, vacuumed too so that nothing is left dead).
ERASED_TABLES = ("contact", "freelance", "phone", "call", "call_event", "note", "reminder",
                 "proposal", "need", "do_not_call", "cv_file")

# "wiped": nothing readable is left in the tables' and indexes' files; "journal_busy"
# (SQLite): another connection kept the WAL from being truncated, the next checkpoint does
# it; "owner_vacuums" (PostgreSQL): this login may not VACUUM (before 17, only the owner may),
# the dead rows stay until the owner runs `cockpit person vacuum` or autovacuum passes;
# "in_use" (PostgreSQL): a table was busy, its dead rows are freed but their bytes stay in
# its free space until `cockpit person vacuum` rewrites it.
Wipe = Literal["wiped", "journal_busy", "owner_vacuums", "in_use"]


def wipe_traces() -> Wipe:
    """Make deleted rows unreadable in the files: on SQLite, erased pages are zeroed
    (secure_delete, set at connection) and the WAL is folded in and truncated; on PostgreSQL,
    the touched tables are rewritten (VACUUM FULL)."""
    db = database.obj
    if is_postgres():
        rewritten, freed = vacuum_erased()
        if len(rewritten) == len(ERASED_TABLES):
            return "wiped"
        return "in_use" if len(rewritten) + len(freed) == len(ERASED_TABLES) else \
            "owner_vacuums"
    from cockpit.store.search import rewrite_index

    rewrite_index()  # the search index keeps a deleted row's words until merged
    busy, _, _ = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return "wiped" if busy == 0 else "journal_busy"


def _vacuumable() -> list[str]:
    """The erased tables this login may VACUUM: asked first, as the server only warns and
    skips the others (owner, database owner or superuser; MAINTAIN from PostgreSQL 17)."""
    db = database.obj
    version = int(db.execute_sql("SHOW server_version_num").fetchone()[0])
    may = ("has_table_privilege(t, 'MAINTAIN')" if version >= 170000 else
           "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
           " OR pg_has_role(current_user, (SELECT relowner FROM pg_class"
           " WHERE oid = t::regclass), 'USAGE')"
           " OR pg_has_role(current_user, (SELECT datdba FROM pg_database"
           " WHERE datname = current_database()), 'USAGE')")
    rows = db.execute_sql(f"SELECT t FROM unnest(%s::text[]) AS t WHERE {may}",
                          (list(ERASED_TABLES),)).fetchall()
    allowed = {t for (t,) in rows}
    return [t for t in ERASED_TABLES if t in allowed]


def vacuum_erased() -> tuple[list[str], list[str]]:
    """VACUUM the erased tables this login may (PostgreSQL); (tables rewritten, tables only
    freed). A plain VACUUM makes the dead rows unreachable but leaves their bytes in the
    pages' free space (and index entries too, when it finds few): VACUUM FULL writes the
    table and its indexes anew. It locks the table for its time (a moment for a cockpit's
    tables): a table that stays in use past the lock timeout gets a plain VACUUM."""
    db = database.obj
    rewritten, freed = [], []
    for table in _vacuumable():
        try:
            db.execute_sql("SET lock_timeout = '5s'")
            db.execute_sql(f"VACUUM FULL {table}")
            rewritten.append(table)
        except pw.OperationalError:  # lock_not_available: someone holds the table
            db.execute_sql(f"VACUUM (INDEX_CLEANUP ON) {table}")
            freed.append(table)
        finally:
            db.execute_sql("RESET lock_timeout")
    return rewritten, freed


def stale_prospects(before: datetime, limit: int | None = None,
                    ) -> list[tuple[int, str, str, datetime | None]]:
    """Contacts with no call since `before` (never called: created before it)."""
    query = (Contact.select(Contact.id, Contact.first_name, Contact.last_name, Company.name,
                            Contact.last_contacted_at)
             .join(Company, pw.JOIN.LEFT_OUTER)
             .where(Contact.is_switchboard == False,  # noqa: E712
                    ((Contact.last_contacted_at < naive(before))
                     | (Contact.last_contacted_at.is_null()
                        & (Contact.created_at < naive(before)))))
             .order_by(Contact.last_contacted_at, Contact.id))
    if limit is not None:
        query = query.limit(limit)
    return [(int(cid), f"{first} {last}".strip(), company or "", last_at)
            for cid, first, last, company, last_at in tuples(query)]


# -- the do-not-call list ------------------------------------------------------------------


def dnc_add(e164: str, reason: str, now: datetime) -> tuple[bool, int]:
    """(added, people now flagged) — any spelling of the number matches, as it is kept as
    E.164; the people with that number are flagged at once."""
    with database.obj.atomic():
        known = digests(e164)
        exists = DoNotCall.select().where(DoNotCall.digest.in_(known)).exists()
        if exists:
            DoNotCall.update(e164=e164).where(DoNotCall.digest.in_(known),
                                              DoNotCall.e164.is_null()).execute()
        else:
            DoNotCall.create(e164=e164, digest=known[0], reason=reason, created_at=naive(now))
        flagged = _flag(e164, True)
    return not exists, flagged


def dnc_remove(e164: str) -> tuple[bool, int]:
    with database.obj.atomic():
        removed = _lift(digests(e164))
        flagged = _unflag(e164) if removed else 0
    return bool(removed), flagged


def _lift(known: list[str]) -> int:
    """On a team server db/team.sql allows no bare DELETE of the list: its function lifts
    one number and writes the audit line."""
    db = database.obj
    if is_postgres() and db.execute_sql(
            "SELECT to_regprocedure('cockpit_remove_dnc(text[], text)')").fetchone()[0]:
        return int(db.execute_sql("SELECT cockpit_remove_dnc(%s, %s)",
                                  (known, "dnc remove")).fetchone()[0])
    return int(DoNotCall.delete().where(DoNotCall.digest.in_(known)).execute())


def _flag(e164: str, value: bool) -> int:
    total = 0
    for model, field in ((Contact, Phone.contact), (Freelance, Phone.freelance)):
        ids = Phone.select(field).where(Phone.e164 == e164, field.is_null(False))
        total += model.update(do_not_call=value).where(model.id.in_(ids)).execute()
    return total


def _unflag(e164: str) -> int:
    """The people with this number may be called again, unless they asked themselves or
    another of their numbers is still on the list."""
    total = 0
    for model, field in ((Contact, Phone.contact), (Freelance, Phone.freelance)):
        ids = Phone.select(field).where(Phone.e164 == e164, field.is_null(False))
        still = (Phone.select(field).join(DoNotCall, on=(DoNotCall.e164 == Phone.e164))
                 .where(field.is_null(False)))
        total += model.update(do_not_call=False).where(
            model.id.in_(ids), model.asked_not_to_call == False,  # noqa: E712
            model.id.not_in(still)).execute()
    return total


SWITCHBOARD = "standard"  # the label of a company's number, shared by its people


def own_numbers(kind: str, person_id: int) -> tuple[list[str], list[str]]:
    """(the person's own numbers, the shared ones). A switchboard is the company's, and so is
    a number another person of the same kind also has: it is their colleagues' way in."""
    field = Phone.contact if kind == "contact" else Phone.freelance
    own: list[str] = []
    shared: list[str] = []
    for e164, label in tuples(Phone.select(Phone.e164, Phone.label).where(field == person_id)
                              .order_by(Phone.id)):
        others = Phone.select().where(Phone.e164 == e164, field.is_null(False),
                                      field != person_id).exists()
        target = shared if label == SWITCHBOARD or others else own
        if e164 not in target:
            target.append(e164)
    return own, shared


@dataclass(frozen=True)
class Blocked:
    """What "never call me again" blocked: the person and their own numbers; the shared
    numbers (a switchboard) stay open for their colleagues."""

    name: str
    own: tuple[str, ...]
    shared: tuple[str, ...]


def block_person(kind: str, person_id: int, now: datetime, actor: str,
                 reason: str) -> Blocked | None:
    """The person asked not to be called: flagged for good (even when reached through a
    switchboard), their own numbers on the list; their company's switchboard is not.
    None when the person no longer exists."""
    model = Contact if kind == "contact" else Freelance
    with database.obj.atomic():
        row = model.get_or_none(model.id == person_id)
        if row is None:
            return None  # erased meanwhile: nobody left to block
        own, shared = own_numbers(kind, person_id)
        model.update(do_not_call=True, asked_not_to_call=True, claimed_by=None,
                     claim_expires_at=None).where(model.id == person_id).execute()
        for e164 in own:
            if not DoNotCall.select().where(DoNotCall.digest.in_(digests(e164))).exists():
                DoNotCall.create(e164=e164, digest=digest_number(e164), reason=reason,
                                 created_at=naive(now))
        # Counts only: the audit outlives an erasure, the numbers must not.
        AuditLog.create(at=naive(now), actor=actor, action="do_not_call", entity=kind,
                        entity_id=person_id,
                        details=f"{reason}; own numbers {len(own)}; shared left open "
                                f"{len(shared)}")
    return Blocked(f"{row.first_name} {row.last_name}".strip(), tuple(own), tuple(shared))


def flag_do_not_call(e164: str) -> int:
    return _flag(e164, True)


def dnc_list() -> list[tuple[str | None, str, str, datetime]]:
    return [(e, d, r, at) for e, d, r, at in tuples(DoNotCall.select(
        DoNotCall.e164, DoNotCall.digest, DoNotCall.reason, DoNotCall.created_at)
        .order_by(DoNotCall.created_at))]


def blocked_digests() -> set[str]:
    return {d for (d,) in tuples(DoNotCall.select(DoNotCall.digest))}


def flag_listed_numbers(numbers: list[str]) -> None:
    """Whoever has one of these numbers is flagged when the number is on the do-not-call
    list (even kept only as a hash, after an erasure)."""
    if not numbers:
        return
    blocked = blocked_digests()
    for e164 in numbers:
        if not blocked.isdisjoint(digests(e164)):
            flag_do_not_call(e164)


def audit_log(limit: int = 200) -> list[tuple[int, datetime, str, str, str, int | None, str]]:
    """The latest lines, newest first: (seq, at, actor, action, entity, entity id, details)."""
    return [(seq, at, actor, action, entity, entity_id, details)
            for seq, at, actor, action, entity, entity_id, details in tuples(
                AuditLog.select(AuditLog.id, AuditLog.at, AuditLog.actor, AuditLog.action,
                                AuditLog.entity, AuditLog.entity_id, AuditLog.details)
                .order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit))]
