"""A call under way: claim, dial, walk the script, save the draft as it is typed. Its end is
in call_end.py; working through a lost connection, in offline.py."""

from __future__ import annotations

import json
import shlex
import subprocess
from typing import Any
from zoneinfo import ZoneInfo

from cockpit.domain.captures import format_capture
from cockpit.domain.errors import ValidationError
from cockpit.domain.phones import parse_phone, shown_national
from cockpit.domain.reminder_reasons import REDIRECTED
from cockpit.domain.session import CallSession
from cockpit.domain.undo import may_cancel
from cockpit.logs import log
from cockpit.services import drafts
from cockpit.services.connection import Connection
from cockpit.services.errors import (
    DiskFull,
    ServiceError,
    StoreUnavailable,
    disk_full,
    refusal,
    store_failed,
)
from cockpit.services.errors import store_guard as _store_guard
from cockpit.services.live import LiveCall, LiveCalls
from cockpit.services.offline import KeptEnds
from cockpit.services.part import Part, Setup
from cockpit.services.views import (
    AnswerView,
    CallView,
    CaptureView,
    ObjectionView,
    PersonRef,
)


def _caller_phone(raw: str) -> str:
    """The number a caller leaves in a voicemail: the `phone` setting (no field holds it)."""
    try:
        return parse_phone(raw).national() if raw else ""
    except ValueError:
        return raw.strip()


class CallServices(Part):
    def __init__(self, setup: Setup, connection: Connection, live: LiveCalls,
                 kept: KeptEnds) -> None:
        super().__init__(setup, connection)
        self.live = live
        self.kept = kept

    # -- starting ------------------------------------------------------------------------------

    @_store_guard
    def start_call(self, caller_id: int, person: PersonRef,
                   need_id: int | None = None, number: str | None = None) -> CallView:
        """Claim the person and start their script; a freelance may be called about a need,
        whose title, region, budget and dates then fill the script. `number`: the one of
        theirs chosen on their record (else their first)."""
        with self.live.start_lock:  # the same start asked twice gives the same call
            on = self.live.on_with(caller_id, person)
            if on is not None:
                return self._view(on.call_id)
            return self._start_call(caller_id, person, need_id, number)

    def _start_call(self, caller_id: int, person: PersonRef, need_id: int | None,
                    number: str | None) -> CallView:
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
        first = phones[0] if number is None else next(
            (p for p in phones if p.e164 == number), None)
        if first is None:  # the number chosen went meanwhile: never dial another one
            claims.release(person.kind, person.id, caller_id)
            raise ServiceError("no phone number to call", code="no_phone")
        if person.kind == "freelance":
            script = "freelance"
        else:
            script = "standard" if first.label == "standard" else "do"
        context = self._context(caller_id, person, need_id)
        session = CallSession(self.content, script, context, self.clock)
        call_id = calls.start_call(caller_id, person.kind, person.id, script, now,
                                   need_id=need_id)
        call = self.live.add(LiveCall(call_id, session, person, caller_id, now,
                                      zone=first.time_zone))
        self.persist(call_id)
        call.dialled = self._dial(first.e164)
        log.info("call %d started: %s #%d, script %s", call_id, person.kind, person.id, script)
        return self._view(call_id)

    def _dial(self, e164: str) -> str:
        """Start the softphone when one is configured; else return the number to dial."""
        shown = shown_national(e164) if e164 else ""
        if not self.setup.dial_command:
            return shown
        try:
            subprocess.Popen([*shlex.split(self.setup.dial_command), e164],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        except OSError:
            return shown  # the dial command failed: the number is shown to dial by hand
        return ""

    def _context(self, caller_id: int, person: PersonRef,
                 need_id: int | None = None) -> dict[str, dict[str, Any]]:
        from cockpit.store import needs, reads

        caller = next((c for c in reads.callers() if c.id == caller_id), None)
        context: dict[str, dict[str, Any]] = {
            "caller": {"first_name": caller.first_name if caller else "",
                       "last_name": caller.last_name if caller else "",
                       "email": caller.email if caller else "",
                       "phone": _caller_phone(self.setup.phone)},
            "firm": {"name": self.firm_name, "margin": self.margin},
        }
        if person.kind == "contact":
            c = reads.contact(person.id)
            if c is not None:
                context["contact"] = {"civility": c.civility, "first_name": c.first_name,
                                      "last_name": c.last_name, "role": c.role,
                                      "email": c.email,
                                      "is_decision_maker": c.is_decision_maker}
                company = c.company if c.company_id else None
                if company is not None:
                    context["company"] = {"name": company.name, "city": company.city}
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
    def unfinished_call(self, caller_id: int) -> tuple[CallView, str] | None:
        """The call this caller left unfinished (a crash), with its draft. The person is
        claimed again; when another caller took them meanwhile (the lease ran out), the call
        comes back read-only, naming who holds the person now: it can only be ended."""
        from cockpit.store import calls, claims, reads

        drafts.forget_orphans()
        row = calls.unfinished(caller_id)
        if row is None or not row.state:
            return None
        if self.kept.in_outbox(row.id):
            return None  # ended while offline: it waits in the outbox, not to be resumed
        session = CallSession.from_dict(self.content, json.loads(row.state), self.clock)
        if row.contact_id:
            person = PersonRef("contact", row.contact_id)
        elif row.freelance_id:
            person = PersonRef("freelance", row.freelance_id)
        else:
            return None  # a call about nobody (never written so): nothing to resume
        started = row.started_at.replace(tzinfo=ZoneInfo("UTC"))
        now = self.now()
        held_by = ""
        if not claims.claim(person.kind, person.id, caller_id, now):
            holder = claims.holder(person.kind, person.id, now)
            if holder is not None and holder != caller_id:
                held_by = next((c.name for c in reads.callers() if c.id == holder), "?")
        phones = reads.phones_of(person.kind, person.id)
        # What the start of the call knew, known again: the number to dial by hand (not
        # dialled again: the call may be on) and its zone (the end's reminder uses it).
        self.live.add(LiveCall(
            row.id, session, person, caller_id, started, saved_events=len(session.events),
            zone=phones[0].time_zone if phones else None,
            dialled=shown_national(phones[0].e164) if phones else "",
            held_by=held_by))
        draft = calls.draft_of(row.id)
        local = drafts.read(row.id)
        if local is not None and len(local) >= len(draft):
            draft = local  # typed while the database was away
        return self._view(row.id), draft

    def _writable(self, call_id: int) -> None:
        """A call resumed while another caller holds the person can only be ended."""
        holder = self.live.require(call_id).held_by
        if holder:
            raise ServiceError("someone else is calling this person", code="held_by_other",
                               name=holder)

    # -- during the call -----------------------------------------------------------------------

    def _session(self, call_id: int) -> CallSession:
        return self.live.require(call_id).session

    def persist(self, call_id: int, *, at_end: bool = False) -> None:
        """Save the call's new steps and renew the claim. During the call a failure is
        noted and the call goes on; at its end (at_end) a failure is raised, so the end
        goes to the outbox with every step."""
        from cockpit.store import calls, claims

        if not at_end and not self.connection.worth_trying():
            return
        call = self.live.require(call_id)
        session, saved = call.session, call.saved_events
        new = [{"at": e.at, "kind": e.kind, "script": e.script, "step": e.step, "data": e.data}
               for e in session.events[saved:]]
        try:
            calls.record(call_id, new, saved, session.to_dict())
            call.saved_events = len(session.events)
            claims.renew(call.person.kind, call.person.id, call.caller_id, self.now())
        except Exception as exc:
            if at_end or not store_failed(exc) or call_id not in self.live:
                raise
            # Offline in the middle of a call: the script goes on from memory; the steps not
            # saved yet are written with the next save, or with the end of the call.
            self.connection.trouble(exc)
            return
        self.connection.wrote()

    @_store_guard
    def choose(self, call_id: int, number: int) -> CallView:
        with self.live.lock:
            self._writable(call_id)
            self._session(call_id).choose(number)
            self.persist(call_id)
        return self._view(call_id)

    @_store_guard
    def capture(self, call_id: int, key: str, raw: str) -> CallView:
        with self.live.lock:
            self._writable(call_id)
            session = self._session(call_id)
            local = session.clock().astimezone(self.zone)
            session.clock, clock = (lambda: local), session.clock  # dates typed are local
            try:
                session.capture(key, raw)
            finally:
                session.clock = clock
            self.persist(call_id)
        return self._view(call_id)

    @_store_guard
    def back(self, call_id: int) -> CallView:
        """One step back: the move before comes undone (the log keeps it and its undoing)."""
        with self.live.lock:
            self._writable(call_id)
            self._session(call_id).back()
            self.persist(call_id)
        return self._view(call_id)

    @_store_guard
    def cancel_call(self, call_id: int) -> None:
        """A call started by mistake, within its first seconds or before any answer: as if
        never made (the claim released, no attempt counted), but for the audit line."""
        from cockpit.store import calls, reads

        with self.live.lock:
            self._writable(call_id)
            call = self.live.require(call_id)
            session = call.session
            if session.finished or not may_cancel((e.kind for e in session.events),
                                                  call.started, self.now()):
                raise ServiceError("the call is under way: end it instead",
                                   code="cancel_too_late")
            actor = next((c.name for c in reads.callers() if c.id == call.caller_id),
                         str(call.caller_id))
            calls.cancel(call_id, call.caller_id, self.now(), actor)
            drafts.remove(call_id)
            self.live.forget(call_id)
        log.info("call %d cancelled (started by mistake)", call_id)

    def may_cancel(self, call_id: int) -> bool:
        call = self.live.get(call_id)
        return call is not None and not call.held_by and not call.session.finished and \
            may_cancel((e.kind for e in call.session.events), call.started, self.now())

    def keep_alive(self, call_id: int) -> bool:
        """Renew the lease on the person while the call lasts (called every minute)."""
        from cockpit.store import claims

        call = self.live.get(call_id)
        if call is None:
            return False
        return claims.renew(call.person.kind, call.person.id, call.caller_id, self.now())

    def objections(self, call_id: int) -> list[ObjectionView]:
        session = self._session(call_id)
        return [ObjectionView(o.id, o.label, o.heard, session.render(o.reply))
                for o in session.objections_available()]

    @_store_guard
    def raise_objection(self, call_id: int, objection_id: str) -> CallView:
        with self.live.lock:
            self._writable(call_id)
            self._session(call_id).raise_objection(objection_id)
            self.persist(call_id)
        return self._view(call_id)

    def save_draft(self, call_id: int, text: str, seq: int | None = None) -> str | None:
        """Save the note typed so far: on this computer first, then in the database (the
        local copy is dropped once the database has it). `seq` rises with each draft handed
        on: a save that comes late never overwrites a newer one. None when the call is
        ending or ended (its note goes with the end) or a newer draft is on its way."""
        from cockpit.store import calls

        # The file under its own lock, not the database's: a database that hangs (a dead
        # link) never holds a draft off the disk.
        live, connection = self.live, self.connection
        with live.draft_lock:
            call = live.get(call_id)
            if call is None or call.finishing:
                return None
            if seq is not None:
                if seq < call.draft_seq:
                    return None
                call.draft_seq = seq
            on_disk = self._draft_to_disk(call_id, text)
        # Under the lock: the end of the call waits for a save in flight, and none starts
        # once the end has begun.
        with live.lock:
            if live.get(call_id) is not call or call.finishing:
                return None
            if seq is not None and seq < call.draft_seq:
                return None  # a newer draft follows: it is the one to save
            if not connection.worth_trying():
                call.draft_waiting = (text, seq)
                raise (DiskFull() if not on_disk and connection.disk_full
                       else StoreUnavailable("offline: kept on this computer"))
            try:
                calls.save_draft(call_id, call.caller_id, text, self.now())
            except Exception as exc:
                if not store_failed(exc):
                    raise
                connection.trouble(exc)
                call.draft_waiting = (text, seq)
                if disk_full(exc) or (not on_disk and connection.disk_full):
                    raise DiskFull() from exc
                raise StoreUnavailable(refusal(exc)) from exc
            call.draft_waiting = None
            connection.wrote()
            with live.draft_lock:
                if seq is None or seq == call.draft_seq:
                    drafts.remove(call_id)  # the database has it (and nothing newer is typed)
        return self.now().astimezone(self.zone).strftime("%H:%M:%S")

    def _draft_to_disk(self, call_id: int, text: str) -> bool:
        """The draft in its local file; False when it cannot be written (a full disk, a
        folder refusing it): it stays in memory, the database may still take it."""
        try:
            drafts.write(call_id, text)
        except OSError as exc:
            if disk_full(exc):
                self.connection.disk_full = True
            log.warning("call %d: draft not written to its file (%s)", call_id,
                        "disk full" if disk_full(exc) else type(exc).__name__)
            return False
        return True

    # -- people met on the way -------------------------------------------------------------

    @_store_guard
    def add_redirect(self, call_id: int, values: dict[str, str]) -> str:
        """The person the DO sent us to, created now and queued for a call."""
        from cockpit.store.models import Call, Contact, Phone
        from cockpit.store.reminders import add_reminder

        caller_id = self.live.require(call_id).caller_id
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
                     REDIRECTED, self.now())
        return f"{values.get('first_name', '')} {values['last_name']}".strip()

    # -- the view --------------------------------------------------------------------------

    def _view(self, call_id: int, dial: str = "") -> CallView:
        call = self.live.require(call_id)
        session, person, started = call.session, call.person, call.started
        prefill_known(session)  # saved with the call's next step
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
        # A refused value is shown as typed, to be corrected (the call waits for it).
        captures = tuple(CaptureView(c.key, c.label, c.type, c.required, c.choices,
                                     session.refused.get(c.key)
                                     or format_capture(c, session.captured.get(c.key)),
                                     c.key in session.refused)
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
            outcome=str(session.proposed_outcome or "") or None,
            dial=dial or call.dialled,
            held_by=call.held_by,
            can_go_back=session.can_go_back and not call.held_by,
            answered=any(e.kind == "answer" for e in session.events),
        )


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
