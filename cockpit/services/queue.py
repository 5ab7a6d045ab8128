"""Who to call next: the ranked queue, claiming the next person, skipping, snoozing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cockpit.domain.calling_hours import next_allowed
from cockpit.domain.captures import parse_reminder
from cockpit.domain.queue import Bucket, QueueEntry, QueueResult, build_queue, describe
from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part, Setup
from cockpit.services.views import PersonRef, QueuePage, QueueRow

_BUCKETS = {Bucket.OVERDUE: "overdue", Bucket.DUE_TODAY: "today", Bucket.NEW_LEAD: "new",
            Bucket.STALE_DECISION_MAKER: "stale", Bucket.FREELANCE: "freelance"}


@dataclass(frozen=True)
class Claimed:
    row: QueueRow
    phone: str  # the number to dial, E.164


class QueueServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards

    def ranked(self, caller_id: int, at: datetime | None = None) -> QueueResult:
        from cockpit.store.queue_query import fetch_candidates

        now = at or self.now()
        # Closed hours: the candidates of the day they open again (its reminders too).
        opens = next_allowed(self.policy, now, str(self.zone))
        candidates = fetch_candidates(caller_id, now, opens=opens)
        return build_queue(candidates, caller_id, now, self.policy, caller_time_zone=str(self.zone))

    def _row(self, entry: QueueEntry, lang: str) -> QueueRow:
        c, hold = entry.candidate, entry.hold
        bucket = _BUCKETS[entry.bucket]
        if bucket == "new" and c.last_contacted_at is not None:
            bucket = "stale"  # called before: never shown as new
        return QueueRow(
            person=PersonRef(c.person_kind, c.person_id),
            name=c.display_name,
            company=c.company_name,
            bucket=bucket,
            reason=describe(entry.reason_code, entry.reason_params, lang, str(self.zone)),
            due_at=entry.due_at,
            is_decision_maker=c.is_decision_maker,
            held="" if hold is None else describe(hold.reason_code, hold.reason_params, lang,
                                                  str(self.zone)),
            callable_at=None if hold is None else hold.until,
        )

    @store_guard
    def queue_page(self, caller_id: int, *, offset: int = 0, limit: int = 50,
                   lang: str = "fr", at: datetime | None = None,
                   with_excluded: bool = False) -> QueuePage:
        result = self.ranked(caller_id, at)
        entries = result.entries[offset : offset + limit]
        excluded: tuple[tuple[str, str], ...] = ()
        if with_excluded:
            excluded = tuple((x.candidate.display_name,
                              describe(x.reason_code, x.reason_params, lang, str(self.zone)))
                             for x in result.excluded)
        main_reason = ""
        if result.excluded:
            from collections import Counter

            code, _ = Counter(x.reason_code for x in result.excluded).most_common(1)[0]
            sample = next(x for x in result.excluded if x.reason_code == code)
            main_reason = describe(code, sample.reason_params, lang, str(self.zone))
        return QueuePage(rows=tuple(self._row(e, lang) for e in entries), offset=offset,
                         total=len(result.entries), excluded=excluded,
                         left_out=len(result.excluded), main_reason=main_reason,
                         opens_at=result.opens_at)

    @store_guard
    def claim_next(self, caller_id: int, lang: str = "fr") -> Claimed | None:
        """Claim the first person ready to be called; None when nobody is."""
        from cockpit.store import claims
        from cockpit.store.reads import first_phone

        now = self.now()
        result = self.ranked(caller_id, now)
        ready = [e for e in result.entries if e.ready]
        # In the queue's order, runs of the same kind of person (at most 50) tried at once:
        # the first that can be taken wins (on PostgreSQL without waiting on rows other
        # callers are taking).
        runs: list[list[Any]] = []
        for entry in ready:
            kind = entry.candidate.person_kind
            if runs and runs[-1][0].candidate.person_kind == kind and len(runs[-1]) < 50:
                runs[-1].append(entry)
            else:
                runs.append([entry])
        for run in runs:
            kind = run[0].candidate.person_kind
            taken = claims.claim_first(kind, [e.candidate.person_id for e in run], caller_id,
                                       now)
            if taken is not None:
                entry = next(e for e in run if e.candidate.person_id == taken)
                return Claimed(self._row(entry, lang), first_phone(kind, taken))
        return None

    @store_guard
    def skip(self, caller_id: int, person: PersonRef) -> bool:
        """Not now: release any claim and move the person out of today's first places."""
        from cockpit.store import claims
        from cockpit.store.reminders import add_reminder

        claims.release(person.kind, person.id, caller_id)
        add_reminder(caller_id, person.kind, person.id, "retry", self.now() + timedelta(hours=2),
                     "skipped", self.now())
        return True

    @store_guard
    def snooze(self, caller_id: int, person: PersonRef, until: str) -> bool:
        from cockpit.store import claims
        from cockpit.store.reminders import snooze_person

        now = self.now().astimezone(self.zone)
        due = parse_reminder(until, now)  # ValidationError: garbage, past, year 9999
        claims.release(person.kind, person.id, caller_id)
        snooze_person(caller_id, person.kind, person.id, due, self.now())
        return True

    @store_guard
    def mark_do_not_call(self, caller_id: int, person: PersonRef) -> Any:
        """The person, never again; returns what was blocked (`persons.Blocked`): their own
        numbers, and their company's switchboard left open for colleagues."""
        from cockpit.store.reminders import mark_do_not_call

        blocked = mark_do_not_call(person.kind, person.id, self.now(), actor=str(caller_id))
        if blocked is None:
            raise ServiceError("this person no longer exists", code="person_gone")
        return blocked

