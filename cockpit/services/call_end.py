"""The end of a call: the outcomes to choose from, the proposed reminder, and the one
transaction that writes the outcome, the note, the reminder and what the call taught us (or
keeps it all in the outbox when the database cannot take it)."""

from __future__ import annotations

import json
import time
from datetime import datetime, tzinfo
from datetime import time as day_time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cockpit.domain.captures import format_capture, parse_datetime, parse_reminder
from cockpit.domain.outcomes import REACHED, Outcome, outcomes_for
from cockpit.domain.phones import Phone, parse_phone
from cockpit.domain.reminder_rules import FollowUp, booked_reminder, propose_follow_up
from cockpit.domain.script import Capture
from cockpit.domain.session import CallSession
from cockpit.logs import log
from cockpit.services import drafts
from cockpit.services.calls import CallServices
from cockpit.services.connection import Connection
from cockpit.services.errors import ServiceError, StoreUnavailable, disk_full, store_failed
from cockpit.services.live import DEFAULT_ZONE, LiveCall, LiveCalls
from cockpit.services.offline import KeptEnds
from cockpit.services.part import Part, Setup
from cockpit.services.views import CallEnded, PersonRef

if TYPE_CHECKING:
    from cockpit.services.mend import MendServices


# A yes/no captured for a need is kept in words ("oui"/"non"), the way the screen shows it.
_YES_NO = Capture("need_yes_no", "", "yesno")


class CallEndServices(Part):
    def __init__(self, setup: Setup, connection: Connection, live: LiveCalls,
                 calls: CallServices, kept: KeptEnds, mend: MendServices) -> None:
        super().__init__(setup, connection)
        self.live = live
        self.calls = calls
        self.kept = kept
        self.mend = mend  # writes the ends mended while offline

    def outcome_choices(self, call_id: int) -> tuple[str, ...]:
        """The outcomes this call may end with (codes: the screen names them)."""
        person = self.live.require(call_id).person
        return outcomes_for(person.kind)

    def _follow_up(self, call: LiveCall, outcome: str, now: datetime | None = None,
                   ) -> FollowUp | None:
        return propose_follow_up(Outcome(outcome), call.session.captured, now or self.now(), 0,
                                 self._zone_of(call), self.policy)

    def _zone_of(self, call: LiveCall) -> str:
        """The time zone of the number called: known from the start of the call, so the end
        of a call proposes its reminder without the database (offline, on the UI thread)."""
        from cockpit.store import reads

        if call.zone is None:  # a call replayed from the outbox: its number is read now
            try:
                phones = reads.phones_of(call.person.kind, call.person.id)
            except Exception as exc:
                if not store_failed(exc):
                    raise
                return DEFAULT_ZONE  # offline: the team's zone, until the number is known
            call.zone = phones[0].time_zone if phones else DEFAULT_ZONE
        return call.zone

    def propose_reminder(self, call_id: int, outcome: str) -> str:
        follow = self._follow_up(self.live.require(call_id), outcome)
        if follow is None or follow.due_at is None:
            return ""
        return follow.due_at.astimezone(self.zone).strftime("%d/%m/%Y %H:%M")

    def finish_call(self, call_id: int, outcome: str, reminder: str, note: str) -> CallEnded:
        """End the call: outcome, next reminder, note, in one transaction. When the database
        cannot be reached, the whole end of call waits in the local outbox (written when the
        connection returns) and the caller goes on."""
        with self.live.lock:
            call = self.live.require(call_id)  # a clear error for a call not in progress
            call.finishing = True  # no draft is saved from now on
        with self.live.draft_lock:
            pass  # a draft being written to its file is finished first
        try:
            return self._finish_or_keep(call, outcome, reminder, note)
        finally:
            with self.live.lock:
                call.finishing = False

    def _finish_or_keep(self, call: LiveCall, outcome: str, reminder: str,
                        note: str) -> CallEnded:
        now = self.now()
        if reminder.strip():  # checked first: a typo is the caller's to fix, offline or not
            parse_reminder(reminder, now.astimezone(self.zone))  # no past, no year 9999
        try:
            if not self.connection.worth_trying():  # known offline: straight to the outbox
                raise StoreUnavailable("offline: the database did not answer lately")
            return self._finish(call, outcome, reminder, note, now)
        except Exception as exc:
            if not store_failed(exc):
                raise
            failure = exc
        session, person = call.session, call.person
        with self.live.lock:
            if not session.finished:
                session.end(outcome)
            state = session.to_dict()
        entry = {"call_id": call.call_id, "caller_id": call.caller_id,
                 "person": [person.kind, person.id], "outcome": outcome, "reminder": reminder,
                 "note": note, "ended_at": now.isoformat(), "state": state,
                 "db": self.db_mark()}
        refused = self.connection.trouble(failure)
        on_disk = self.kept.keep(call.call_id, entry)
        # The error's type only: the server's message may quote the values.
        why = "disk full" if disk_full(failure) else "offline" if refused is None else \
            f"refused ({type(failure).__name__})"
        log.warning("call %d kept %s: %s", call.call_id,
                    "in the outbox" if on_disk else "in memory", why)
        self.live.forget(call.call_id)
        if not on_disk:
            kept = "memory"
        elif disk_full(failure):
            kept = "disk_full"
        else:
            kept = "outbox" if refused is None else "refused"
        return CallEnded(outcome, kept=kept, refused=refused)

    def _finish(self, call: LiveCall, outcome: str, reminder: str, note: str,
                now: datetime) -> CallEnded:
        from cockpit.store import calls

        session, person = call.session, call.person
        follow = self._follow_up(call, outcome, now)
        due = parse_datetime(reminder, now.astimezone(self.zone)) if reminder.strip() \
            else None
        reminder_row = booked_reminder(follow, outcome, due)
        with self.live.lock:
            if not session.finished:
                session.end(outcome)
            self.calls.persist(call.call_id, at_end=True)
        finish = calls.Finish(
            call_id=call.call_id, caller_id=call.caller_id, outcome=outcome, ended_at=now,
            note=note, reminder=reminder_row,
            # A call that reached the person settles the rest of the day's reminders too
            # (a callback booked for 13:15, done at 10:00); one that did not leaves them.
            settles_until=_end_of_day(now, self.zone) if outcome in REACHED else None,
            do_not_call=outcome == Outcome.DO_NOT_CALL,
            **self._updates(session, person),
        )
        created = calls.finish(finish)
        log.info("call %d finished: %s", call.call_id, outcome)
        drafts.remove(call.call_id)
        self.live.forget(call.call_id)
        callback = reminder_row[1] if reminder_row is not None and \
            reminder_row[0] != "cooldown" else None
        return CallEnded(outcome, reminder_at=callback, blocked=created.get("blocked"),
                         new_contact=bool(created.get("contact")),
                         need_created=bool(created.get("need")))

    # -- the ends kept while offline -------------------------------------------------------

    def flush_outbox(self) -> int:
        """Write the ends of calls kept while offline (or while the disk was full); how many
        were written. Each is written once: a call that already has its outcome in the
        database is only taken off the list; one whose person was erased since is dropped,
        with its note (counted in `erased_dropped`, for the screen to say once)."""
        from cockpit.store import calls

        written, started = 0, time.monotonic()
        self._retry_drafts()
        pending = self.kept.pending()
        if not pending:
            return 0  # nothing waiting: says nothing about the connection
        for call_id, entry in pending:
            try:
                person = calls.person_of(call_id)
                expected = entry.get("person")  # a mend made offline does not know it
                if person is None or (expected is not None and
                                      person != (expected[0], int(expected[1]))):
                    self.kept.drop_erased(call_id)  # no such call now: its person was erased
                    continue
                if entry.get("mend"):
                    self.mend.replay_mend(call_id, entry)  # over the end written before
                elif calls.outcome_of(call_id) is None:
                    self._replay(entry)
                    if entry.get("first"):  # mended while it waited: said in the audit
                        calls.audit_mend(call_id, str(entry["caller_id"]), entry["first"],
                                         datetime.fromisoformat(entry["ended_at"]))
                self.kept.written(call_id)
                written += 1
            except Exception as exc:
                if not store_failed(exc):
                    raise
                self.connection.trouble(exc, started)
                self.kept.to_disk()
                return written
        self.connection.wrote()
        return written

    def _retry_drafts(self) -> None:
        """Drafts neither the disk nor the database took: tried again (the caller may not
        type another key before the end of the call)."""
        for call_id, text, seq in self.live.drafts_waiting():
            try:
                self.calls.save_draft(call_id, text, seq)
            except ServiceError:
                return  # still no room, or still offline: the next poll tries again

    def _replay(self, entry: dict[str, Any]) -> None:
        from cockpit.store import calls

        call_id = int(entry["call_id"])
        ended = datetime.fromisoformat(entry["ended_at"])
        session = CallSession.from_dict(self.content, entry["state"], lambda: ended)
        person = PersonRef(entry["person"][0], int(entry["person"][1]))
        call = self.live.add(LiveCall(call_id, session, person, int(entry["caller_id"]), ended,
                                      saved_events=calls.events_saved(call_id)))
        self._finish(call, entry["outcome"], entry["reminder"], entry["note"], ended)

    def _with_reference(self, freelance_id: int, captured: dict[str, Any]) -> str:
        """The freelance's references (JSON) with the one given during the call added."""
        from cockpit.store import reads

        row = reads.freelance(freelance_id)
        try:
            known = json.loads(row.references) if row is not None and row.references else []
        except ValueError:
            known = []
        phone = captured.get("reference_phone")
        known.append({"name": str(captured.get("reference_name", "")),
                      "company": str(captured.get("reference_company", "") or ""),
                      "phone": phone.e164 if isinstance(phone, Phone) else str(phone or "")})
        return json.dumps(known, ensure_ascii=False)

    def _updates(self, session: CallSession, person: PersonRef) -> dict[str, Any]:
        """Where the captured values go, from each capture's `stores`."""
        values: dict[str, dict[str, Any]] = {}
        for key, value in session.captured.items():
            capture = session._capture_named(key)
            if capture is None or not capture.stores:
                continue
            group, _, field = capture.stores.partition(".")
            values.setdefault(group, {})[field] = value
        kind = person.kind
        result: dict[str, Any] = {}
        contact = {k: v for k, v in values.get("contact", {}).items() if k in ("email", "role")}
        if contact and kind == "contact":
            result["contact_updates"] = contact
        direct = values.get("contact", {}).get("phone")
        if direct and kind == "contact":  # the DO's direct line: one of their numbers now
            result["direct_line"] = parse_phone(str(direct))
        if "next_budget" in values.get("company", {}):
            result["company_updates"] = {"next_budget": values["company"]["next_budget"]}
        need = values.get("need")
        if need and need.get("title"):
            result["need"] = {k: (int(v) if isinstance(v, Decimal) else
                                  format_capture(_YES_NO, v) if isinstance(v, bool) else v)
                              for k, v in need.items()}
        redirect = values.get("redirect")
        if redirect and redirect.get("last_name"):
            phone = redirect.get("phone")
            result["redirect"] = {**redirect, "phone": parse_phone(phone) if phone else None}
        freelance = values.get("freelance")
        if freelance and kind == "freelance":
            allowed = {"availability", "available_from", "mobility", "day_rate", "billing",
                       "siret", "email"}
            updates = {k: v for k, v in freelance.items() if k in allowed}
            if "day_rate" in updates:
                updates["day_rate"] = int(updates["day_rate"])
            if "availability" in updates:
                updates["availability"] = {"disponible": "available", "en mission": "on_mission",
                                           "préavis": "notice"}.get(updates["availability"],
                                                                    "available")
            if "billing" in updates:
                updates["billing"] = {"portage": "portage"}.get(updates["billing"],
                                                                 "own_company")
            if freelance.get("reference_name"):
                updates["references"] = self._with_reference(person.id, freelance)
            result["freelance_updates"] = updates
        return result


def _end_of_day(moment: datetime, zone: tzinfo) -> datetime:
    """The last instant of the caller's day that holds this moment."""
    local = moment.astimezone(zone)
    return datetime.combine(local.date(), day_time.max, tzinfo=zone)
