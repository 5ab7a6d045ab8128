"""After a call: its end mended (a wrong outcome, reminder or note saved again, the same
day, by its own caller), and a line added to a past call's note. Offline, a mended end waits
in the outbox with the rest: a call still there is mended in place, so it is written once."""

from __future__ import annotations

from datetime import datetime
from datetime import time as day_time
from typing import NamedTuple
from zoneinfo import ZoneInfo

from cockpit.domain.captures import parse_datetime, parse_reminder
from cockpit.domain.outcomes import Outcome, outcomes_for
from cockpit.domain.reminder_rules import booked_reminder, propose_follow_up
from cockpit.logs import log
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, StoreUnavailable, store_failed
from cockpit.services.errors import store_guard as _store_guard
from cockpit.services.live import DEFAULT_ZONE
from cockpit.services.offline import KeptEnds
from cockpit.services.part import Part, Setup
from cockpit.services.views import CallEnded, PersonRef

_UTC = ZoneInfo("UTC")


class EndedCall(NamedTuple):
    """A call's end as it was saved, for its end form to show again."""

    call_id: int
    person: PersonRef
    name: str  # the person called
    at: datetime  # when the call started (aware)
    outcome: str
    reminder: str  # the reminder booked, as the form types it ("" for none)
    note: str
    outcomes: tuple[str, ...]  # what it may be mended to
    kept: bool = False  # ended offline: still in the outbox


class MendServices(Part):
    def __init__(self, setup: Setup, connection: Connection, kept: KeptEnds) -> None:
        super().__init__(setup, connection)
        self.kept = kept

    def _day_start(self, at: datetime | None = None) -> datetime:
        local = (at or self.now()).astimezone(self.zone)
        return datetime.combine(local.date(), day_time.min, tzinfo=self.zone)

    def _form_time(self, due: datetime | None) -> str:
        if due is None:
            return ""
        return due.replace(tzinfo=_UTC).astimezone(self.zone).strftime("%d/%m/%Y %H:%M")

    @staticmethod
    def _name(kind: str, person_id: int) -> str:
        from cockpit.store import reads

        row = reads.contact(person_id) if kind == "contact" else reads.freelance(person_id)
        return f"{row.first_name} {row.last_name}".strip() if row is not None else "?"

    def _kept_ends(self, caller_id: int) -> list[EndedCall]:
        """The caller's ends still in the outbox (ended offline): mended there."""
        found = []
        for call_id, entry in self.kept.pending():
            if int(entry.get("caller_id", -1)) != caller_id or "mend" in entry:
                continue
            kind, person_id = entry["person"][0], int(entry["person"][1])
            ended = datetime.fromisoformat(entry["ended_at"])
            if ended < self._day_start():
                continue
            found.append(EndedCall(call_id, PersonRef(kind, person_id), "", ended,
                                   entry["outcome"], entry.get("reminder", ""),
                                   entry.get("note", ""), outcomes_for(kind), kept=True))
        return found

    def calls_to_mend(self, caller_id: int) -> list[EndedCall]:
        """The caller's own calls of the day, latest first: those whose end may be mended.
        Offline, those still in the outbox only."""
        from cockpit.store import calls

        kept = self._kept_ends(caller_id)
        seen = {e.call_id for e in kept}
        try:
            rows = calls.ended_since(caller_id, self._day_start())
            named = [e._replace(name=self._name(e.person.kind, e.person.id)) for e in kept]
        except Exception as exc:
            if not store_failed(exc):
                raise
            self.connection.trouble(exc)
            return kept
        stored = [EndedCall(r.call_id, PersonRef(r.kind, r.person_id),
                            self._name(r.kind, r.person_id),
                            r.started_at.replace(tzinfo=_UTC), r.outcome,
                            self._form_time(r.reminder_due), r.note, outcomes_for(r.kind))
                  for r in rows if r.call_id not in seen]
        return sorted(named + stored, key=lambda e: e.at, reverse=True)

    def propose_mended(self, person: PersonRef, outcome: str) -> str:
        """The reminder an outcome proposes, for the end form of a call mended."""
        follow = propose_follow_up(Outcome(outcome), {}, self.now(), 0, DEFAULT_ZONE,
                                   self.policy)
        if follow is None or follow.due_at is None:
            return ""
        return follow.due_at.astimezone(self.zone).strftime("%d/%m/%Y %H:%M")

    def mend_call(self, caller_id: int, call_id: int, outcome: str, reminder: str,
                  note: str) -> CallEnded:
        """Save a call's end again (the caller's own, of the day): the reminder booked the
        first time is replaced, the audit log keeps the first values."""
        now = self.now()
        due = None
        if reminder.strip():  # a typo is the caller's to fix, offline or not
            due = parse_reminder(reminder, now.astimezone(self.zone))  # no past, no 9999
        mine = {e.call_id: e for e in self._kept_ends(caller_id)}
        if call_id in mine:
            return self._mend_kept(call_id, outcome, reminder, note)
        follow = propose_follow_up(Outcome(outcome), {}, now, 0, DEFAULT_ZONE, self.policy)
        row = booked_reminder(follow, outcome, due)
        try:
            if not self.connection.worth_trying():
                raise StoreUnavailable("offline: the database did not answer lately")
            self._check_mine(caller_id, call_id, outcome)
            self._write_mend(caller_id, call_id, outcome, note, row, now)
        except Exception as exc:
            if not store_failed(exc):
                raise
            refused = self.connection.trouble(exc)
            # Written once the database answers (call_end.flush_outbox), over the first end.
            self.kept.keep(call_id, {
                "call_id": call_id, "caller_id": caller_id, "mend": True, "outcome": outcome,
                "reminder": reminder, "note": note, "ended_at": now.isoformat(),
                "db": self.db_mark()})
            return CallEnded(outcome, kept="outbox" if refused is None else "refused",
                             refused=refused)
        self.connection.wrote()
        return CallEnded(outcome, reminder_at=row[1] if row and row[0] != "cooldown" else None)

    def _check_mine(self, caller_id: int, call_id: int, outcome: str,
                    at: datetime | None = None) -> None:
        from cockpit.store import calls

        first = calls.ended(call_id)
        if first is None or first.caller_id != caller_id:
            raise ServiceError("only one's own calls are mended", code="mend_not_yours")
        if first.started_at.replace(tzinfo=_UTC) < self._day_start(at):
            raise ServiceError("only the calls of the day are mended", code="mend_not_today")
        if first.outcome == Outcome.DO_NOT_CALL and outcome != Outcome.DO_NOT_CALL:
            # The person asked: only a team lead takes them off the list.
            raise ServiceError("the person asked not to be called", code="mend_do_not_call")
        if outcome not in outcomes_for(first.kind):
            raise ServiceError(f"no outcome {outcome!r} here", code="mend_outcome")

    def _write_mend(self, caller_id: int, call_id: int, outcome: str, note: str,
                    row: tuple[str, datetime, str] | None, now: datetime) -> None:
        from cockpit.store import calls, reads

        actor = next((c.name for c in reads.callers() if c.id == caller_id), str(caller_id))
        try:
            first = calls.mend(calls.Mend(call_id, caller_id, outcome, note, row, now, actor,
                                          do_not_call=outcome == Outcome.DO_NOT_CALL))
        except LookupError as exc:  # a colleague's call (the team server moved no row)
            raise ServiceError("only one's own calls are mended",
                               code="mend_not_yours") from exc
        log.info("call %d mended: %s → %s", call_id, first.outcome, outcome)

    def _mend_kept(self, call_id: int, outcome: str, reminder: str, note: str) -> CallEnded:
        """Ended offline and still in the outbox: mended there, written once."""
        entry = dict(next(e for c, e in self.kept.pending() if c == call_id))
        entry.setdefault("first", {"outcome": entry["outcome"],
                                   "reminder": entry.get("reminder", "")})
        entry.update(outcome=outcome, reminder=reminder, note=note)
        state = entry.get("state") or {}
        if state.get("outcome"):
            state["outcome"] = outcome
        on_disk = self.kept.keep(call_id, entry)
        return CallEnded(outcome, kept="outbox" if on_disk else "memory")

    def replay_mend(self, call_id: int, entry: dict) -> None:
        """A mend kept while offline, written now (call_end.flush_outbox)."""
        from cockpit.store import calls

        ended = datetime.fromisoformat(entry["ended_at"])
        first = calls.ended(call_id)
        if first is None:
            return
        reminder = str(entry.get("reminder", ""))
        due = parse_datetime(reminder, ended.astimezone(self.zone)) if reminder.strip() \
            else None
        follow = propose_follow_up(Outcome(entry["outcome"]), {}, ended, 0, DEFAULT_ZONE,
                                   self.policy)
        caller_id = int(entry["caller_id"])
        try:
            self._check_mine(caller_id, call_id, entry["outcome"], ended)
            self._write_mend(caller_id, call_id, entry["outcome"], entry["note"],
                             booked_reminder(follow, entry["outcome"], due), ended)
        except ServiceError as exc:  # not theirs, or no longer the day's: dropped, said
            log.warning("call %d: the end mended offline was refused (%s)", call_id, exc.code)

    # -- a note added later ---------------------------------------------------------------

    @_store_guard
    def add_call_note(self, caller_id: int, call_id: int, text: str) -> None:
        """A dated line added to a past call's note (the original stays as written)."""
        from cockpit.store import calls

        if not text.strip():
            raise ServiceError("the line to add is empty", code="note_empty")
        if calls.outcome_of(call_id) is None:
            raise ServiceError("the call is not over yet", code="note_call_on")
        calls.add_to_note(call_id, caller_id, text, self.now())

    @_store_guard
    def past_calls(self, person: PersonRef, limit: int = 10) -> list[EndedCall]:
        """The person's past calls (anyone's), latest first: a line may be added to each."""
        from cockpit.store import calls

        return [EndedCall(r.call_id, person, "", r.started_at.replace(tzinfo=_UTC),
                          r.outcome, "", r.note, ())
                for r in calls.ended_of(person.kind, person.id, limit)]

