"""What is held about people, as their rights and the law ask: find a person, export them
(GDPR art. 15 and 20), forget them (art. 17), purge prospects without contact for three years,
keep the do-not-call list, export whole tables, and check that nothing erased stays behind."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cockpit.domain.errors import Reason, ValidationError
from cockpit.domain.phones import parse_phone
from cockpit.domain.spreadsheet import neutralise
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part
from cockpit.services.views import PersonRef

if TYPE_CHECKING:
    from cockpit.store.persons import Wipe

_KIND_ID = re.compile(r"^(contact|freelance)[:#/ ]?(\d+)$", re.IGNORECASE)
_AGE = re.compile(r"^(\d+)\s*([ymwd])$", re.IGNORECASE)


def parse_age(text: str) -> timedelta:
    """"3y", "36m", "1095d", "8w" → a duration (a year is 365 days, a month 30)."""
    match = _AGE.match(text.strip())
    if not match:
        raise ServiceError(f"--older-than {text!r}: expected a number and y, m, w or d "
                           "(3y, 36m, 1095d)", code="bad_age", value=text)
    n, unit = int(match.group(1)), match.group(2).lower()
    return timedelta(days=n * {"y": 365, "m": 30, "w": 7, "d": 1}[unit])


class PersonDataServices(Part):
    # -- finding a person ----------------------------------------------------------------------

    @store_guard
    def find_people(self, query: str) -> list[PersonRef]:
        """By id ("12", "contact:12", "freelance:7"), phone number (any spelling) or e-mail."""
        from cockpit.store import persons

        text = query.strip()
        match = _KIND_ID.match(text)
        if match:
            found = persons.find(match.group(1).lower(), person_id=int(match.group(2)))
        elif text.isdigit() and len(text) < 8:
            found = persons.find(None, person_id=int(text))
        elif "@" in text:
            found = persons.find(None, email=text)
        else:
            try:
                e164 = parse_phone(text).e164
            except ValidationError as exc:
                raise ServiceError(f"{query!r}: not an id, an e-mail or a phone number "
                                   f"({exc.message})", code="bad_person_query",
                                   value=query) from exc
            found = persons.find(None, e164=e164)
        return [PersonRef(kind, pid) for kind, pid in found]

    def _one(self, query: str) -> PersonRef:
        found = self.find_people(query)
        if not found:
            raise ServiceError(f"nobody matches {query!r}", code="nobody", value=query)
        if len(found) > 1:
            names = ", ".join(f"{p.kind}:{p.id}" for p in found)
            raise ServiceError(f"{query!r} matches several people ({names}); give one of "
                               "those", code="several", value=query, names=names)
        return found[0]

    @store_guard
    def export_person(self, query: str) -> dict[str, Any]:
        from cockpit.store import persons

        person = self._one(query)
        data = persons.export(person.kind, person.id)
        data["exported_at"] = self.now().isoformat()
        return data

    @store_guard
    def forget_person(self, query: str, actor: str) -> tuple[PersonRef, dict[str, int], Wipe]:
        """Erase the person for good; (who, what was removed by kind, how far the files were
        wiped at once: see store.persons.Wipe)."""
        from cockpit.store import persons

        person = self._one(query)
        removed = persons.erase(person.kind, person.id, self.now(), actor,
                                reason="erased on request (GDPR art. 17)")
        from cockpit.logs import log

        log.info("erased %s #%d", person.kind, person.id)
        return person, removed, persons.wipe_traces()

    # -- retention -----------------------------------------------------------------------------

    @store_guard
    def stale_prospects(self, older_than: str) -> list[tuple[int, str, str,
                                                                       datetime | None]]:
        from cockpit.store import persons

        return persons.stale_prospects(self.now() - parse_age(older_than))

    @store_guard
    def purge(self, older_than: str, actor: str) -> tuple[int, Wipe]:
        """Erase the prospects untouched for `older_than`; (how many, how far the files were
        wiped at once)."""
        from cockpit.store import persons
        from cockpit.store.models import Contact

        stale = persons.stale_prospects(self.now() - parse_age(older_than))
        for contact_id, *_ in stale:
            blocked = bool(Contact.get_by_id(contact_id).do_not_call)
            persons.erase("contact", contact_id, self.now(), actor,
                          reason=f"retention: no contact for {older_than}",
                          keep_numbers_blocked=blocked)
        return len(stale), persons.wipe_traces()

    # -- do-not-call ---------------------------------------------------------------------------

    def _number(self, raw: str) -> str:
        try:
            return parse_phone(raw).e164
        except ValidationError as exc:
            raise ServiceError(exc.message, code="bad_number", value=raw) from exc

    @store_guard
    def dnc_add(self, raw: str, reason: str = "asked not to be called"
                ) -> tuple[str, bool, int]:
        from cockpit.store import persons

        e164 = self._number(raw)
        added, flagged = persons.dnc_add(e164, reason, self.now())
        return e164, added, flagged

    @store_guard
    def dnc_remove(self, raw: str) -> tuple[str, bool, int]:
        from cockpit.store import persons

        e164 = self._number(raw)
        removed, unflagged = persons.dnc_remove(e164)
        return e164, removed, unflagged

    @store_guard
    def dnc_list(self) -> list[tuple[str | None, str, str, datetime]]:
        from cockpit.store import persons

        return persons.dnc_list()

    @store_guard
    def dnc_import(self, path: str) -> tuple[int, int, list[tuple[int, Reason]]]:
        """Numbers from a file (CSV or .xlsx; the phone column, else the first): (added,
        already there, [(line, why) of the unreadable ones], said by the caller in the
        user's language)."""
        from cockpit.domain.captures import fold
        from cockpit.services.imports import read_table
        from cockpit.store import persons

        table = read_table(Path(path))
        names = [fold(h) for h in table.headers]
        phone_words = ("telephone", "tel", "phone", "numero", "mobile", "number", "portable")
        column = next((i for i, h in enumerate(names) if any(w in h for w in phone_words)), 0)
        rows = list(table.rows)
        if not any(w in names[0] for w in phone_words) and column == 0:
            # No header with a phone word: the first line may itself be a number.
            try:
                parse_phone(table.headers[0])
                rows.insert(0, (1, table.headers))
            except ValidationError:
                pass
        added = already = 0
        bad: list[tuple[int, Reason]] = []
        for line, cells in rows:
            raw = cells[column] if column < len(cells) else ""
            try:
                e164 = parse_phone(raw).e164
            except ValidationError as exc:
                bad.append((line, Reason.of(exc)))
                continue
            new, _ = persons.dnc_add(e164, "imported list", self.now())
            added += new
            already += not new
        return added, already, bad

    # -- whole tables, and what an erasure leaves behind ------------------------------------

    @store_guard
    def export_table(self, kind: str, path: str, fmt: str = "csv",
                     delimiter: str = ";", *, force: bool = False) -> int:
        """Write a whole table; the file is readable by its owner only (it holds personal
        data). CSV opens in Excel (UTF-8 with BOM) and no cell can run as a formula."""
        from cockpit.store import exports

        if kind not in exports.KINDS:
            raise ServiceError(f"unknown table {kind!r}; one of {', '.join(exports.KINDS)}",
                               code="export_kind")
        from cockpit.services.outputs import open_output

        count = 0
        with open_output(path, db_url=self.url, force=force,
                         encoding="utf-8-sig" if fmt == "csv" else "utf-8") as out:
            if fmt == "csv":
                writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
                writer.writerow(exports.columns(kind))
                for row in exports.rows(kind):
                    writer.writerow([neutralise(_cell(v)) for v in row.values()])
                    count += 1
            else:
                out.write("[")
                for row in exports.rows(kind):
                    out.write(("," if count else "") + "\n  " + json.dumps(
                        {k: _json(v) for k, v in row.items()}, ensure_ascii=False))
                    count += 1
                out.write("\n]\n")
        from cockpit.logs import log

        log.info("exported %d %s as %s", count, kind, fmt)
        return count

    @store_guard
    def database_health(self) -> tuple[dict[str, object], bool]:
        """The database's summary, after folding SQLite's journal into the file (erased
        rows then leave no trace behind); False when another cockpit kept it open."""
        from cockpit.store.db import summary
        from cockpit.store.persons import wipe_traces

        found = summary()
        return found, wipe_traces() != "journal_busy" if found["engine"] == "SQLite" else True

    @store_guard
    def vacuum_erased(self) -> tuple[list[str], list[str], list[str]]:
        """VACUUM the tables an erasure touches, on a team server (the owner's, before
        PostgreSQL 17); (tables rewritten, tables in use only freed, tables this login may
        not vacuum)."""
        from cockpit.store import persons
        from cockpit.store.db import is_postgres

        if not is_postgres():
            raise ServiceError("only a PostgreSQL database needs this: on SQLite, forget "
                               "wipes the file at once", code="vacuum_sqlite")
        rewritten, freed = persons.vacuum_erased()
        return rewritten, freed, [t for t in persons.ERASED_TABLES
                                  if t not in rewritten and t not in freed]

    @store_guard
    def forget_preview(self, query: str) -> tuple[PersonRef, str, dict[str, int]]:
        """Who `person forget` would erase and what goes with them, counted, before asking."""
        from cockpit.store import persons

        person = self._one(query)
        data = persons.export(person.kind, person.id)
        record = data.get("person") or {}
        name = " ".join(str(record.get(k) or "") for k in ("first_name", "last_name")).strip()
        counts = {k: len(data.get(k) or []) for k in ("calls", "notes", "reminders", "phones")}
        return person, name, counts


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
