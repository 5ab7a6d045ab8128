"""A call from start to finish: claim, dial, walk the script, save the draft as it is typed,
and end in one transaction that books the next reminder."""

from __future__ import annotations

import json
import shlex
import subprocess
import time
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from cockpit.domain.captures import format_capture, parse_datetime
from cockpit.domain.errors import ValidationError
from cockpit.domain.outcomes import Outcome
from cockpit.domain.phones import parse_phone
from cockpit.domain.reminder_rules import propose_follow_up
from cockpit.domain.session import CallSession
from cockpit.i18n import Translator
from cockpit.logs import log
from cockpit.services import drafts, outbox
from cockpit.services.errors import (
    ServiceError,
    StoreUnavailable,
    connection_lost,
    refusal,
    store_failed,
)
from cockpit.services.errors import store_guard as _store_guard
from cockpit.services.views import (
    AnswerView,
    CallView,
    CaptureView,
    ObjectionView,
    PersonRef,
)

if TYPE_CHECKING:
    from cockpit.services.core import Services

CALLER_ZONE = ZoneInfo("Europe/Paris")
RETRY_OFFLINE = 10.0  # seconds between the steps' attempts to reach the database offline
_CONTACT_OUTCOMES = ("no_answer", "callback", "no_need", "info_sent", "need_qualified",
                     "redirected", "referencing", "refused", "do_not_call", "wrong_number",
                     "cv_sent")
_FREELANCE_OUTCOMES = ("no_answer", "callback", "freelance_confirmed", "freelance_unavailable",
                       "freelance_declined", "do_not_call", "wrong_number")


class CallServices:
    # -- starting ------------------------------------------------------------------------------

    @_store_guard
    def start_call(self: Services, caller_id: int, person: PersonRef,
                   need_id: int | None = None) -> CallView:
        """Claim the person and start their script; a freelance may be called about a need,
        whose title, region, budget and dates then fill the script."""
        from cockpit.store import calls, claims, reads

        now = self.now()
        if not claims.claim(person.kind, person.id, caller_id, now):
            holder = claims.holder(person.kind, person.id, now)
            if holder is not None and holder != caller_id:
                raise ServiceError("someone else is calling this person", code="claimed_by_other")
            raise ServiceError("this person is on the do-not-call list", code="do_not_call")
        phones = reads.phones_of(person.kind, person.id)
        if not phones:
            claims.release(person.kind, person.id, caller_id)
            raise ServiceError("no phone number to call", code="no_phone")
        first = phones[0]
        if person.kind == "freelance":
            script = "freelance"
        else:
            script = "standard" if first.label == "standard" else "do"
        context = self._context(caller_id, person, need_id)
        session = CallSession(self.content, script, context, self.clock)
        call_id = calls.start_call(caller_id, person.kind, person.id, script, now,
                                   need_id=need_id)
        with self._lock:
            self._sessions[call_id] = (session, person, caller_id, now)
            self._saved_events[call_id] = 0
            self._zones[call_id] = first.time_zone
        self._persist(call_id)
        self._dialled[call_id] = self._dial(first.e164)
        log.info("call %d started: %s #%d, script %s", call_id, person.kind, person.id, script)
        return self._view(call_id)

    def _dial(self: Services, e164: str) -> str:
        """Start the softphone when one is configured; else return the number to dial."""
        shown = parse_phone(e164).national() if e164 else ""
        if not self.dial_command:
            return shown
        try:
            subprocess.Popen([*shlex.split(self.dial_command), e164],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        except OSError:
            return shown  # the dial command failed: the number is shown to dial by hand
        return ""

    def _context(self: Services, caller_id: int, person: PersonRef,
                 need_id: int | None = None) -> dict[str, dict[str, Any]]:
        from cockpit.store import needs, reads

        caller = next((c for c in reads.callers() if c.id == caller_id), None)
        context: dict[str, dict[str, Any]] = {
            "caller": {"first_name": caller.first_name if caller else "",
                       "last_name": caller.last_name if caller else ""},
            "firm": {"name": self.firm_name},
        }
        if person.kind == "contact":
            c = reads.contact(person.id)
            if c is not None:
                context["contact"] = {"civility": c.civility, "first_name": c.first_name,
                                      "last_name": c.last_name, "role": c.role}
                if c.company_id:
                    context["company"] = {"name": c.company.name, "city": c.company.city}
        else:
            f = reads.freelance(person.id)
            if f is not None:
                context["freelance"] = {"first_name": f.first_name, "last_name": f.last_name,
                                        "day_rate": f.day_rate}
        need = needs.get(need_id) if need_id is not None else None
        if need is not None:
            context["need"] = {"title": need.title, "region": need.region,
                               "budget_rate": need.budget_rate, "start": need.start,
                               "duration": need.duration}
        return context

    @_store_guard
    def unfinished_call(self: Services, caller_id: int) -> tuple[CallView, str] | None:
        """The call this caller left unfinished (a crash), with its draft."""
        from cockpit.store import calls

        row = calls.unfinished(caller_id)
        if row is None or not row.state:
            return None
        if any(call_id == row.id for call_id, _ in outbox.entries()):
            return None  # ended while offline: it waits in the outbox, not to be resumed
        session = CallSession.from_dict(self.content, json.loads(row.state), self.clock)
        person = PersonRef("contact", row.contact_id) if row.contact_id else \
            PersonRef("freelance", row.freelance_id)
        started = row.started_at.replace(tzinfo=ZoneInfo("UTC"))
        with self._lock:
            self._sessions[row.id] = (session, person, caller_id, started)
            self._saved_events[row.id] = len(session.events)
        draft = calls.draft_of(row.id)
        local = drafts.read(row.id)
        if local is not None and len(local) >= len(draft):
            draft = local  # typed while the database was away
        return self._view(row.id), draft

    # -- during the call -----------------------------------------------------------------------

    def _session(self: Services, call_id: int) -> CallSession:
        try:
            return self._sessions[call_id][0]
        except KeyError:
            raise ServiceError("no such call in progress", code="no_call") from None

    def _worth_trying(self: Services) -> bool:
        """While offline, the steps of a call try the database at most every RETRY_OFFLINE
        seconds: a dead link can take seconds to fail each time, and the caller must not
        wait on every answer. Meanwhile the steps wait in memory, the note in its draft."""
        if not self.offline:
            return True
        now = time.monotonic()
        if now - self._offline_try_at >= RETRY_OFFLINE:
            self._offline_try_at = now
            return True
        return False

    def _persist(self: Services, call_id: int, *, at_end: bool = False) -> None:
        """Save the call's new steps and renew the claim. During the call a failure is
        noted and the call goes on; at its end (at_end) a failure is raised, so the end
        goes to the outbox with every step."""
        from cockpit.store import calls, claims

        if not at_end and not self._worth_trying():
            return
        session, person, caller_id, _ = self._sessions[call_id]
        saved = self._saved_events.get(call_id, 0)
        new = [{"at": e.at, "kind": e.kind, "script": e.script, "step": e.step, "data": e.data}
               for e in session.events[saved:]]
        try:
            calls.record(call_id, new, saved, session.to_dict())
            self._saved_events[call_id] = len(session.events)
            claims.renew(person.kind, person.id, caller_id, self.now())
        except Exception as exc:
            if at_end or not store_failed(exc) or not self._sessions.get(call_id):
                raise
            # Offline in the middle of a call: the script goes on from memory; the steps not
            # saved yet are written with the next save, or with the end of the call.
            self._store_trouble(exc)
            return
        self._store_fine()

    @_store_guard
    def choose(self: Services, call_id: int, number: int) -> CallView:
        with self._lock:
            self._session(call_id).choose(number)
            self._persist(call_id)
        return self._view(call_id)

    @_store_guard
    def capture(self: Services, call_id: int, key: str, raw: str) -> CallView:
        with self._lock:
            session = self._session(call_id)
            local = session.clock().astimezone(CALLER_ZONE)
            session.clock, clock = (lambda: local), session.clock  # dates typed are local
            try:
                session.capture(key, raw)
            finally:
                session.clock = clock
            self._persist(call_id)
        return self._view(call_id)

    def keep_alive(self: Services, call_id: int) -> bool:
        """Renew the lease on the person while the call lasts (called every minute)."""
        from cockpit.store import claims

        session_data = self._sessions.get(call_id)
        if session_data is None:
            return False
        _, person, caller_id, _ = session_data
        return claims.renew(person.kind, person.id, caller_id, self.now())

    def objections(self: Services, call_id: int) -> list[ObjectionView]:
        session = self._session(call_id)
        return [ObjectionView(o.id, o.label, o.heard, session.render(o.reply))
                for o in session.objections_available()]

    @_store_guard
    def raise_objection(self: Services, call_id: int, objection_id: str) -> CallView:
        with self._lock:
            self._session(call_id).raise_objection(objection_id)
            self._persist(call_id)
        return self._view(call_id)

    def save_draft(self: Services, call_id: int, text: str) -> str | None:
        """Save the note typed so far; on a database failure keep it in a local file.
        None when the call is ending or ended: its note goes with the end of the call (a
        draft saved after it would outlive the call)."""
        from cockpit.store import calls

        # Under the lock: the end of the call waits for a save in flight, and none starts
        # once the end has begun.
        with self._lock:
            held = self._sessions.get(call_id)
            if held is None or call_id in self._finishing:
                return None
            caller_id = held[2]
            # On disk first: if the database hangs or the program dies, the text is safe.
            drafts.write(call_id, text)
            if not self._worth_trying():
                raise StoreUnavailable("offline: kept on this computer")
            try:
                calls.save_draft(call_id, caller_id, text, self.now())
            except Exception as exc:
                if store_failed(exc):
                    self._store_trouble(exc)
                raise StoreUnavailable(str(exc).splitlines()[0] if str(exc) else
                                       "unavailable") from exc
            self._store_fine()
            drafts.remove(call_id)
        return self.now().astimezone(CALLER_ZONE).strftime("%H:%M:%S")

    # -- the end ---------------------------------------------------------------------------

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
            try:
                parse_datetime(reminder, now.astimezone(CALLER_ZONE))
            except (ValueError, ValidationError) as exc:
                raise ValidationError(f"reminder: {reminder!r} is not a date and time",
                                      code="reminder_invalid", value=reminder) from exc
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
        outbox.put(call_id, {"call_id": call_id, "caller_id": caller_id,
                             "person": [person.kind, person.id], "outcome": outcome,
                             "reminder": reminder, "note": note, "ended_at": now.isoformat(),
                             "state": state})
        refused = self._store_trouble(failure)
        # The error's type only: the server's message may quote the values.
        log.warning("call %d kept in the outbox: %s", call_id,
                    "offline" if refused is None else f"refused ({type(failure).__name__})")
        with self._lock:
            self._sessions.pop(call_id, None)
            self._zones.pop(call_id, None)
            self._saved_events.pop(call_id, None)
        tr = Translator("fr")
        kept = tr("call.outbox") if refused is None else tr("call.refused", reason=refused)
        return tr(f"outcome.{outcome}") + " · " + kept

    def flush_outbox(self: Services) -> int:
        """Write the ends of calls kept while offline; how many were written. Each is written
        once: a call that already has its outcome in the database is only taken off the list."""
        from cockpit.store import calls

        written, started = 0, time.monotonic()
        pending = list(outbox.entries())
        if not pending:
            return 0  # nothing waiting: says nothing about the connection
        for call_id, entry in pending:
            try:
                if calls.outcome_of(call_id) is None:
                    self._replay(entry)
                outbox.remove(call_id)
                written += 1
            except Exception as exc:
                if not store_failed(exc):
                    raise
                self._store_trouble(exc, started)
                return written
        self._store_fine()
        return written

    def _store_trouble(self: Services, exc: BaseException,
                       started: float | None = None) -> str | None:
        """Note why the database did not take the work: offline (it passes when the
        connection returns), or refused (a permission, a constraint: someone must act).
        Returns the refusal, None when offline. A failure of work that started before the
        last success says nothing of the connection now (a slow attempt from before)."""
        self._troubles += 1
        if connection_lost(exc):
            if started is None or started >= self._fine_at:
                self.offline = True
            return None
        self.refused = refusal(exc)
        return self.refused

    def _connection_fine(self: Services) -> None:
        self.offline = False
        self._fine_at = time.monotonic()

    def _store_fine(self: Services) -> None:
        """A write went through: connected, and nothing waits refused."""
        self._connection_fine()
        self.refused = None

    def _replay(self: Services, entry: dict[str, Any]) -> None:
        from cockpit.store import calls

        call_id = int(entry["call_id"])
        ended = datetime.fromisoformat(entry["ended_at"])
        session = CallSession.from_dict(self.content, entry["state"], lambda: ended)
        person = PersonRef(entry["person"][0], int(entry["person"][1]))
        with self._lock:
            self._sessions[call_id] = (session, person, int(entry["caller_id"]), ended)
            self._saved_events[call_id] = calls.events_saved(call_id)
        self._finish(call_id, entry["outcome"], entry["reminder"], entry["note"], ended)

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
            reminder=reminder_row, do_not_call=outcome == Outcome.DO_NOT_CALL,
            **self._updates(session, person),
        )
        created = calls.finish(finish)
        log.info("call %d finished: %s", call_id, outcome)
        drafts.remove(call_id)
        with self._lock:
            self._sessions.pop(call_id, None)
            self._zones.pop(call_id, None)
            self._saved_events.pop(call_id, None)
        parts = [Translator("fr")(f"outcome.{outcome}")]
        if reminder_row is not None and reminder_row[0] != "cooldown":
            parts.append("rappel " + reminder_row[1].astimezone(CALLER_ZONE).strftime(
                "%d/%m %H:%M"))
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

    @_store_guard
    def add_redirect(self: Services, call_id: int, values: dict[str, str]) -> str:
        """The person the DO sent us to, created now and queued for a call."""
        from cockpit.store.models import Call, Contact, Phone
        from cockpit.store.reminders import add_reminder

        _, _person, caller_id, _ = self._sessions[call_id]
        phone = parse_phone(values["phone"])
        source = Call.get_by_id(call_id).contact
        contact = Contact.create(company=source.company_id if source else None,
                                 first_name=values.get("first_name", ""),
                                 last_name=values["last_name"], role=values.get("role", ""),
                                 is_decision_maker=True, created_at=self.now().replace(tzinfo=None),
                                 redirected_from=source.id if source else None)
        Phone.create(e164=phone.e164, kind=phone.kind, time_zone=phone.time_zone, label="direct",
                     contact=contact.id)
        add_reminder(caller_id, "contact", contact.id, "new_contact", self.now(),
                     "redirected", self.now())
        return f"{values.get('first_name', '')} {values['last_name']}".strip()

    # -- the view --------------------------------------------------------------------------

    def _view(self: Services, call_id: int, dial: str = "") -> CallView:
        session, person, _, started = self._sessions[call_id]
        crumbs: list[str] = []
        previous = None
        for target in session.path[-3:]:
            script = self.content.scripts[target.script]
            if target.script != previous:  # name the script where the call enters it
                crumbs.append(script.title)
                previous = target.script
            crumbs.append(script.steps[target.step].title)
        mode = "ended" if session.finished else ("objection" if session.objection else "step")
        answers = tuple(AnswerView(i, a.label, a.end is not None)
                        for i, a in enumerate(session.answers, 1)) if mode != "ended" else ()
        captures = tuple(CaptureView(c.key, c.label, c.type, c.required, c.choices,
                                     format_capture(c, session.captured.get(c.key)))
                         for c in session.captures) if mode != "ended" else ()
        objection = None
        if session.objection is not None:
            o = session.objection
            objection = ObjectionView(o.id, o.label, o.heard, session.render(o.reply))
        step = session.step
        return CallView(
            call_id=call_id, person=person, started_at=started,
            breadcrumb=(" › ".join(crumbs),), mode=mode,
            script_title=self.content.scripts[session.position.script].title,
            step_title=step.title, text=session.text, hint=session.render(step.hint),
            answers=answers, captures=captures, objection=objection,
            outcome=str(session.outcome or session.suggested_outcome or "") or None,
            dial=dial or self._dialled.get(call_id, ""),
        )

