"""The end of a call: the outcomes to choose from, the proposed reminder, and the one
transaction that writes the outcome, the note, the reminder and what the call taught us (or
keeps it all in the outbox when the database cannot take it)."""

from __future__ import annotations

import json
from datetime import datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cockpit.domain.captures import format_capture, parse_datetime, parse_reminder
from cockpit.domain.errors import ValidationError
from cockpit.domain.outcomes import REACHED, Outcome
from cockpit.domain.phones import parse_phone
from cockpit.domain.reminder_rules import propose_follow_up
from cockpit.domain.session import CallSession
from cockpit.i18n import Translator
from cockpit.logs import log
from cockpit.services import drafts, outbox
from cockpit.services.calls import CALLER_ZONE
from cockpit.services.errors import StoreUnavailable, disk_full, store_failed
from cockpit.services.views import PersonRef

if TYPE_CHECKING:
    from cockpit.services.core import Services

_CONTACT_OUTCOMES = ("no_answer", "callback", "no_need", "info_sent", "need_qualified",
                     "redirected", "referencing", "refused", "do_not_call", "wrong_number",
                     "cv_sent")
_FREELANCE_OUTCOMES = ("no_answer", "callback", "freelance_confirmed", "freelance_unavailable",
                       "freelance_declined", "do_not_call", "wrong_number")


class CallEndServices:
    def outcome_choices(self: Services, call_id: int, lang: str = "fr") -> list[tuple[str, str]]:
        tr = Translator(lang)
        person = self._sessions[call_id][1]
        codes = _CONTACT_OUTCOMES if person.kind == "contact" else _FREELANCE_OUTCOMES
        return [(code, tr(f"outcome.{code}")) for code in codes]

    def _follow_up(self: Services, call_id: int, outcome: str,
                   now: datetime | None = None) -> Any:
        session, person, _caller_id, _ = self._sessions[call_id]
        return propose_follow_up(Outcome(outcome), session.captured, now or self.now(), 0,
                                 self._zone_of(call_id, person), self.policy)

    def _zone_of(self: Services, call_id: int, person: PersonRef) -> str:
        """The time zone of the number called: known from the start of the call, so the end
        of a call proposes its reminder without the database (offline, on the UI thread)."""
        from cockpit.store import reads

        zone = self._zones.get(call_id)
        if zone is None:
            try:
                phones = reads.phones_of(person.kind, person.id)
            except Exception as exc:
                if not store_failed(exc):
                    raise
                return "Europe/Paris"  # offline: the team's zone, until the number is known
            zone = self._zones[call_id] = phones[0].time_zone if phones else "Europe/Paris"
        return zone

    def propose_reminder(self: Services, call_id: int, outcome: str) -> str:
        follow = self._follow_up(call_id, outcome)
        if follow is None or follow.due_at is None:
            return ""
        return follow.due_at.astimezone(CALLER_ZONE).strftime("%d/%m/%Y %H:%M")

    def finish_call(self: Services, call_id: int, outcome: str, reminder: str,
                    note: str) -> str:
        """End the call: outcome, next reminder, note, in one transaction. When the database
        cannot be reached, the whole end of call waits in the local outbox (written when the
        connection returns) and the caller goes on."""
        with self._lock:
            self._session(call_id)  # a clear error for a call that is not in progress
            session, person, caller_id, _ = self._sessions[call_id]
            self._finishing.add(call_id)  # no draft is saved from now on
        with self._draft_lock:
            pass  # a draft being written to its file is finished first
        try:
            return self._finish_or_keep(call_id, session, person, caller_id, outcome,
                                        reminder, note)
        finally:
            with self._lock:
                self._finishing.discard(call_id)

    def _finish_or_keep(self: Services, call_id: int, session: CallSession, person: PersonRef,
                        caller_id: int, outcome: str, reminder: str, note: str) -> str:
        now = self.now()
        if reminder.strip():  # checked first: a typo is the caller's to fix, offline or not
            parse_reminder(reminder, now.astimezone(CALLER_ZONE))  # no past, no year 9999
        try:
            if not self._worth_trying():  # known offline: straight to the outbox
                raise StoreUnavailable("offline: the database did not answer lately")
            return self._finish(call_id, outcome, reminder, note, now)
        except Exception as exc:
            if not store_failed(exc):
                raise
            failure = exc
        with self._lock:
            if not session.finished:
                session.end(outcome)
            state = session.to_dict()
        entry = {"call_id": call_id, "caller_id": caller_id, "person": [person.kind, person.id],
                 "outcome": outcome, "reminder": reminder, "note": note,
                 "ended_at": now.isoformat(), "state": state, "db": self._db_mark()}
        refused = self._store_trouble(failure)
        on_disk = self._keep_end(call_id, entry)
        # The error's type only: the server's message may quote the values.
        why = "disk full" if disk_full(failure) else "offline" if refused is None else \
            f"refused ({type(failure).__name__})"
        log.warning("call %d kept %s: %s", call_id, "in the outbox" if on_disk else "in memory",
                    why)
        self._forget_call(call_id)
        tr = Translator("fr")
        if not on_disk:
            kept = tr("call.disk_full_memory")
        elif disk_full(failure):
            kept = tr("call.disk_full_kept")
        else:
            kept = tr("call.outbox") if refused is None else tr("call.refused", reason=refused)
        return tr(f"outcome.{outcome}") + " · " + kept

    def _keep_end(self: Services, call_id: int, entry: dict[str, Any]) -> bool:
        """The end of a call the database did not take, in the outbox; in memory when the
        disk is full too (written as soon as there is room). Whether it is on the disk."""
        try:
            outbox.put(call_id, entry)
        except OSError as exc:
            # A full disk, or a state folder refusing the file: memory is what is left.
            self.disk_full = self.disk_full or disk_full(exc)
            with self._lock:
                self._ends_waiting[call_id] = entry
            return False
        return True

    def _forget_call(self: Services, call_id: int) -> None:
        with self._lock:
            for held in (self._sessions, self._zones, self._saved_events, self._dialled,
                         self._held_by, self._draft_seq, self._drafts_waiting):
                held.pop(call_id, None)

    def _finish(self: Services, call_id: int, outcome: str, reminder: str, note: str,
                now: datetime) -> str:
        from cockpit.store import calls

        session, person, caller_id, _ = self._sessions[call_id]
        follow = self._follow_up(call_id, outcome, now)
        due = parse_datetime(reminder, now.astimezone(CALLER_ZONE)) if reminder.strip() \
            else None
        kind = follow.kind if follow is not None else "callback"
        if str(kind) in ("do_not_call",):
            reminder_row = None
        elif due is not None:
            reminder_row = (str(kind) if str(kind) != "cooldown" else "callback", due,
                            f"outcome {outcome}")
        else:
            reminder_row = None
        if follow is not None and str(follow.kind) == "cooldown" and follow.due_at:
            reminder_row = ("cooldown", follow.due_at, "refused")
        with self._lock:
            if not session.finished:
                session.end(outcome)
            self._persist(call_id, at_end=True)
        finish = calls.Finish(
            call_id=call_id, caller_id=caller_id, outcome=outcome, ended_at=now, note=note,
            reminder=reminder_row,
            # A call that reached the person settles the rest of the day's reminders too
            # (a callback booked for 13:15, done at 10:00); one that did not leaves them.
            settles_until=_end_of_day(now) if outcome in REACHED else None,
            do_not_call=outcome == Outcome.DO_NOT_CALL,
            **self._updates(session, person),
        )
        created = calls.finish(finish)
        log.info("call %d finished: %s", call_id, outcome)
        drafts.remove(call_id)
        self._forget_call(call_id)
        parts = [Translator("fr")(f"outcome.{outcome}")]
        if reminder_row is not None and reminder_row[0] != "cooldown":
            parts.append("rappel " + reminder_row[1].astimezone(CALLER_ZONE).strftime(
                "%d/%m %H:%M"))
        if created.get("blocked") is not None:
            parts.append(blocked_words(created["blocked"], Translator("fr")))
        if created.get("contact"):
            parts.append("nouveau contact en file")
        if created.get("need"):
            parts.append("besoin créé")
        return " · ".join(parts)

    def _with_reference(self: Services, freelance_id: int, captured: dict[str, Any]) -> str:
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
                      "phone": phone.e164 if hasattr(phone, "e164") else str(phone or "")})
        return json.dumps(known, ensure_ascii=False)

    def _updates(self: Services, session: CallSession, person: PersonRef) -> dict[str, Any]:
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
                                  format_capture(session._capture_named("need_description"), v)
                                  if isinstance(v, bool) else v)
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


# Captures whose value the card may already hold: (context group, field).
_KNOWN = {"contact.email": ("contact", "email")}


def prefill_known(session: CallSession) -> bool:
    """Fill the fields whose value is already known (the DO's e-mail on the card), once: a
    field the caller has cleared or typed in is theirs."""
    if session.finished:
        return False
    touched = {e.data.get("key") for e in session.events if e.kind == "capture"}
    filled = False
    for capture in session.captures:
        where = _KNOWN.get(capture.stores or "")
        if where is None or capture.key in session.captured or capture.key in touched:
            continue
        known = session.context.get(where[0], {}).get(where[1])
        if not known:
            continue
        try:
            session.capture(capture.key, str(known))
        except ValidationError:
            continue  # an address on file the field refuses: the caller types one
        filled = True
    return filled


def blocked_words(blocked: Any, tr: Translator) -> str:
    """What "never call me again" blocked, in words: the person, their own numbers, and the
    switchboard left open for their colleagues."""
    def shown(numbers: tuple[str, ...]) -> str:
        return ", ".join(parse_phone(n).national() for n in numbers)

    name = blocked.name or tr("dnc.this_person")
    words = tr("dnc.blocked_numbers", name=name, numbers=shown(blocked.own)) if blocked.own \
        else tr("dnc.blocked_person", name=name)
    if blocked.shared:
        words += " " + tr("dnc.switchboard_open", numbers=shown(blocked.shared))
    return words


def _end_of_day(moment: datetime) -> datetime:
    """The last instant of the caller's day that holds this moment."""
    local = moment.astimezone(CALLER_ZONE)
    return datetime.combine(local.date(), time.max, tzinfo=CALLER_ZONE)
