"""Who to call next: the ranked queue, claiming the next person, skipping, snoozing."""

from __future__ import annotations

from datetime import datetime, timedelta

from cockpit.domain.calling_hours import next_allowed
from cockpit.domain.named import TYPE_CHECKING, NamedTuple
from cockpit.domain.queue import (
    Bucket,
    QueueEntry,
    QueueResult,
    build_queue,
    describe,
    queue_day_end,
)
from cockpit.domain.reminder_reasons import SKIPPED
from cockpit.services.cards import CardServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, store_guard
from cockpit.services.part import Part, Setup
from cockpit.services.views import PersonRef, QueuePage, QueueRow

if TYPE_CHECKING:
    from typing import Any

_BUCKETS = {Bucket.OVERDUE: "overdue", Bucket.DUE_TODAY: "today", Bucket.NEW_LEAD: "new",
            Bucket.STALE_DECISION_MAKER: "stale", Bucket.FREELANCE: "freelance"}


class Claimed(NamedTuple):
    row: QueueRow
    phone: str  # the number to dial, E.164


class QueueServices(Part):
    def __init__(self, setup: Setup, connection: Connection, cards: CardServices) -> None:
        super().__init__(setup, connection)
        self.cards = cards

    def ranked(self, caller_id: int, at: datetime | None = None,
               want: int | None = None) -> QueueResult:
        """The whole ranking; with `want`, only its first `want` entries when that many
        people have a reminder due by the end of the day (they rank before anyone else)."""
        from cockpit.store.queue_query import fetch_candidates

        now = at or self.now()
        if want is not None:
            walked = self._walk(caller_id, now, want)
            if walked is not None:
                return walked
        # Closed hours: the candidates of the day they open again (its reminders too).
        opens = next_allowed(self.policy, now, str(self.zone))
        candidates = fetch_candidates(caller_id, now, opens=opens)
        return build_queue(candidates, caller_id, now, self.policy, caller_time_zone=str(self.zone))

    def _walk(self, caller_id: int, now: datetime, want: int,
              partial: bool = False) -> QueueResult | None:
        """The reminders in due order, a batch at a time, until `want` people pass every
        rule: the walk's order is the queue's in its first two buckets. None when the walk
        runs out first (the leads that follow need the whole ranking); with `partial`, what
        it found then: the whole of those two buckets, the head of the ranking."""
        from cockpit.store.queue_query import walk_candidates

        if want < 1:
            return None  # an empty or odd page: the whole ranking says what it is
        zone = str(self.zone)
        end = queue_day_end(now, self.policy, zone)
        seen: set[int] = set()
        entries: list[QueueEntry] = []
        opens_at: datetime | None = None
        # As many rows as people wanted: a person is there once per reminder due today, and
        # seldom twice; a short batch is followed by one for what is missing, plus a margin.
        offset, batch, batches = 0, want, 0
        while True:
            read, found = walk_candidates(caller_id, now, end, offset=offset, limit=batch)
            offset += read
            batches += 1
            fresh = [c for c in found if c.person_id not in seen] if seen else found
            if fresh:
                result = build_queue(fresh, caller_id, now, self.policy, caller_time_zone=zone)
                opens_at = result.opens_at
                # Every walked person has a reminder due by `end`: listed in the first two
                # buckets, or left out by a rule (the filter only guards that promise; the
                # entries are in bucket order, so the last one says whether it is needed).
                listed = result.entries
                if listed and listed[-1].bucket > Bucket.DUE_TODAY:
                    listed = tuple(e for e in listed if e.bucket <= Bucket.DUE_TODAY)
                entries.extend(listed)
            if len(entries) >= want:
                break
            if read < batch:
                if not partial:
                    return None
                break
            seen.update(c.person_id for c in fresh)  # for the next batch only
            batch = 2 * (want - len(entries)) + 4
        if batches > 1:  # each batch is in order; the first's people all come first
            entries.sort(key=lambda e: e.sort_key)
        return QueueResult(tuple(entries[:want]), (), max(len(entries) - want, 0), opens_at)

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
                   with_excluded: bool = False, count_all: bool = False) -> QueuePage:
        """One page of the queue. `count_all`: the total of the whole queue, leads too."""
        from cockpit.store.queue_query import due_count

        now = at or self.now()
        # The page alone, from the walk, unless the people left out are asked for; then the
        # count of the people with a reminder due today, the leads after them uncounted.
        result = None if with_excluded or count_all else self._walk(caller_id, now, offset + limit)
        more = result is not None
        if result is None:
            result = self.ranked(caller_id, now)
        entries = result.entries[offset : offset + limit]
        total = len(result.entries)
        if more:
            total = max(total, due_count(caller_id, queue_day_end(now, self.policy,
                                                                  str(self.zone))))
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
                         total=total, excluded=excluded,
                         left_out=len(result.excluded), main_reason=main_reason,
                         opens_at=result.opens_at, more=more)

    @store_guard
    def claim_next(self, caller_id: int, lang: str = "fr") -> Claimed | None:
        """Claim the first person ready to be called; None when nobody is."""
        now = self.now()
        # The head of the queue from the walk, even when fewer than 50 reminders are due
        # (those people rank before every lead: the first ready one of them is the ranking's
        # too); the whole ranking only when nobody there is free. `cockpit next` read the
        # whole ranking (334 candidates, 37 ms on the large demo) for one person.
        walked = self._walk(caller_id, now, 50, partial=True)
        if walked is not None:
            taken = self._claim_first(walked, caller_id, now, lang)
            if taken is not None:
                return taken
        return self._claim_first(self.ranked(caller_id, now), caller_id, now, lang)

    def _claim_first(self, result: QueueResult, caller_id: int, now: datetime,
                     lang: str) -> Claimed | None:
        from cockpit.store import claims
        from cockpit.store.lean_reads import first_phone

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
                     SKIPPED, self.now())
        return True

    @store_guard
    def snooze(self, caller_id: int, person: PersonRef, until: str) -> bool:
        from cockpit.domain.captures import parse_reminder  # here: `cockpit queue` needs none
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

