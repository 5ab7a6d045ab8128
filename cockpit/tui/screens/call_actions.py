"""What the caller does during a call, as actions of the caller's screen.

Every database step runs in a worker thread; results and errors come back to the UI
thread. A failure never clears what the caller typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on, work
from textual.screen import Screen

from cockpit.domain.errors import DomainError
from cockpit.domain.text import printable
from cockpit.services.errors import ServiceError, StoreUnavailable
from cockpit.services.views import CallView
from cockpit.tui.call_words import call_end_words
from cockpit.tui.focus import focus_now
from cockpit.tui.widgets.notes_pane import NotesPane
from cockpit.tui.widgets.script_panel import ScriptPanel

if TYPE_CHECKING:
    from cockpit.services.views import PersonRef
    from cockpit.tui.app import CockpitApp
    from cockpit.tui.screens.end_call import EndCallChoice

T = TypeVar("T")

_IN_CALL = {"objection", "notes", "end_call", "redirect", "leave_notes"}
_OUT_OF_CALL = {"start_call", "skip", "snooze", "do_not_call"}
_ON_A_PERSON = {"edit_card"}
_CHANGES_THE_CALL = {"objection"}  # refused while another caller holds the person


class CallActions(Screen[None]):
    """The call half of CallerScreen (a Screen so that its @on handlers register);
    CallerScreen provides `cockpit`, `_highlighted`, `show_call` and the loaders."""

    call: CallView | None = None
    _checking = 0  # values typed sent to be checked, not answered yet
    _after_check: int | None = None  # an answer chosen while they were
    _highlighted: PersonRef | None
    cockpit: CockpitApp

    # -- helpers ------------------------------------------------------------------------------

    def guarded(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run a service call (in a worker); say what went wrong instead of crashing."""
        app = self.cockpit
        try:
            return fn(*args, **kwargs)
        except (ServiceError, DomainError) as exc:
            if isinstance(exc, StoreUnavailable):
                from cockpit.tui.widgets.top_bar import TopBar

                bar = self.query_one(TopBar)
                said = bar.offline or (bar.disk_full and exc.code == "disk_full")
                if said and exc.code != "read_only":  # a refused write is said each time
                    return None  # already said, and the top bar keeps saying it
                app.call_from_thread(self._offline)
            app.call_from_thread(app.notify, app.tr.error(exc), severity="error", timeout=8)
            return None

    def _offline(self) -> None:
        from cockpit.tui.widgets.top_bar import TopBar

        services = self.cockpit.services
        self.query_one(TopBar).set_offline(services.offline, services.refused is not None,
                                           services.disk_full)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _IN_CALL:
            if action in _CHANGES_THE_CALL and self.call is not None and self.call.held_by:
                return None  # resumed read-only: shown greyed (None), it would be refused
            return self.call is not None and self.call.mode != "ended"
        if action in _OUT_OF_CALL:
            return self.call is None and self._highlighted is not None
        if action in _ON_A_PERSON:
            return (self.call.person if self.call else self._highlighted) is not None
        return True

    def _set_call(self, call: CallView | None) -> None:
        self.call = call
        self.show_call(call)  # type: ignore[attr-defined]

    # -- starting, resuming -------------------------------------------------------------------

    def action_start_call(self) -> None:
        if self._highlighted is not None:
            held = self.held_reason(self._highlighted)  # type: ignore[attr-defined]
            if held:  # listed to prepare, not to call yet: say why, take nothing
                self.cockpit.notify(self.cockpit.tr("queue.held_refused", reason=held),
                                    severity="warning")
                return
            self._start(self._highlighted)

    def call_person(self, person: PersonRef, need_id: int | None = None) -> None:
        """Call someone chosen elsewhere (a freelance for a need), unless a call is on."""
        if self.call is not None and self.call.mode != "ended":
            self.cockpit.notify(self.cockpit.tr("call.already_on"), severity="warning")
            return
        self._start(person, need_id)

    @work(thread=True, exclusive=True, group="call")
    def _start(self, person: PersonRef, need_id: int | None = None) -> None:
        app = self.cockpit
        call = self.guarded(app.services.start_call, app.caller.id, person, need_id=need_id)
        if call is not None:
            app.call_from_thread(self._started, call, "")

    @work(thread=True, group="call")
    def resume_unfinished(self) -> None:
        app = self.cockpit
        found = self.guarded(app.services.unfinished_call, app.caller.id)
        if found:
            call, draft = found
            app.call_from_thread(self._started, call, draft)
            if call.held_by:
                app.call_from_thread(app.notify, app.tr("call.resumed_held", name=call.held_by),
                                     severity="warning", timeout=15)
            else:
                app.call_from_thread(app.notify, app.tr("call.resumed"), timeout=6)

    def _started(self, call: CallView, draft: str) -> None:
        self._set_call(call)
        self.query_one(NotesPane).load(draft)  # type: ignore[attr-defined]
        self.load_card(call.person)  # type: ignore[attr-defined]
        if call.dial:
            self.cockpit.notify(self.cockpit.tr("call.dial", number=call.dial), timeout=10)
        focus_now(self.query_one(ScriptPanel))

    # -- the script ---------------------------------------------------------------------------

    @on(ScriptPanel.AnswerChosen)
    def _answer(self, event: ScriptPanel.AnswerChosen) -> None:
        if self.call is None or self.call.mode == "ended":
            return
        if self._checking:
            # A value typed is still being checked: the answer waits for it (taken first, it
            # would move the call on and the value would be lost; refused, it is dropped).
            self._after_check = event.number
            return
        self._choose(self.call.call_id, event.number)

    @work(thread=True, exclusive=True, group="call")
    def _choose(self, call_id: int, number: int) -> None:
        app = self.cockpit
        call = self.guarded(app.services.choose, call_id, number)
        if call is not None:
            app.call_from_thread(self._set_call, call)
            if call.mode == "ended":
                app.call_from_thread(self.action_end_call)

    @on(ScriptPanel.CaptureEntered)
    def _captured(self, event: ScriptPanel.CaptureEntered) -> None:
        if self.call is not None:
            self._checking += 1
            self._capture(self.call.call_id, event.key, event.raw)

    @work(thread=True, group="call")
    def _capture(self, call_id: int, key: str, raw: str) -> None:
        app = self.cockpit
        try:
            call = app.services.capture(call_id, key, raw)
        except (DomainError, ServiceError) as exc:
            app.call_from_thread(self._checked, key, None, app.tr.error(exc))
            return
        app.call_from_thread(self._checked, key, call, "")

    def _checked(self, key: str, call: CallView | None, error: str) -> None:
        self._checking = max(self._checking - 1, 0)
        panel = self.query_one(ScriptPanel)  # type: ignore[attr-defined]
        if call is None:
            self._after_check = None  # the refusal is what the caller sees, not a next step
            panel.show_capture_error(key, error)
            return
        self._set_call(call)
        panel.capture_accepted(key)
        if not self._checking and self._after_check is not None:
            number, self._after_check = self._after_check, None
            if call.mode != "ended":
                self._choose(call.call_id, number)

    def action_objection(self) -> None:
        from cockpit.tui.screens.objection_picker import ObjectionPicker

        if self.call is None:
            return
        objections = self.cockpit.services.objections(self.call.call_id)
        self.cockpit.push_screen(ObjectionPicker(objections), self._objection_chosen)

    def _objection_chosen(self, objection_id: str | None) -> None:
        if objection_id and self.call is not None:
            self._raise(self.call.call_id, objection_id)

    @work(thread=True, exclusive=True, group="call")
    def _raise(self, call_id: int, objection_id: str) -> None:
        app = self.cockpit
        call = self.guarded(app.services.raise_objection, call_id, objection_id)
        if call is not None:
            app.call_from_thread(self._set_call, call)
            app.call_from_thread(self.query_one(ScriptPanel).focus)  # type: ignore[attr-defined]

    # -- notes ---------------------------------------------------------------------------------

    def action_notes(self) -> None:
        self.query_one(NotesPane).focus_text()  # type: ignore[attr-defined]

    def action_leave_notes(self) -> None:
        focus_now(self.query_one(ScriptPanel))

    @on(NotesPane.DraftChanged)
    def _draft(self, event: NotesPane.DraftChanged) -> None:
        if self.call is not None:
            self._save_draft(self.call.call_id, event.text, event.seq)

    @work(thread=True, group="draft")
    def _save_draft(self, call_id: int, text: str, seq: int) -> None:
        from cockpit.tui.widgets.top_bar import TopBar

        app = self.cockpit
        notes = self.query_one(NotesPane)  # type: ignore[attr-defined]
        try:
            saved = app.services.save_draft(call_id, text, seq)
        except ServiceError as exc:
            if exc.code == "disk_full":
                app.call_from_thread(notes.set_status, "notes.kept_in_memory")
                app.call_from_thread(self.query_one(TopBar).set_offline, app.services.offline,
                                     app.services.refused is not None, True)
            else:
                app.call_from_thread(notes.set_status, "notes.kept_locally",
                                     error=app.tr.error(exc))
            return
        if saved is not None:  # None: the call ended meanwhile, the note went with it
            app.call_from_thread(notes.set_status, "notes.saved_at", time=saved)

    # -- ending -------------------------------------------------------------------------------

    def action_end_call(self, error: str = "", choice: EndCallChoice | None = None) -> None:
        from cockpit.tui.screens.end_call import EndCallModal

        if self.call is None:
            return
        app = self.cockpit
        call_id = self.call.call_id
        note = choice.note if choice else self.query_one(NotesPane).flush_now()  # type: ignore[attr-defined]
        modal = EndCallModal(
            outcomes=[(code, app.tr(f"outcome.{code}"))
                      for code in app.services.outcome_choices(call_id)],
            suggested=choice.outcome if choice else self.call.outcome,
            propose=lambda outcome: app.services.propose_reminder(call_id, outcome),
            note=note,
        )
        app.push_screen(modal, self._end_chosen)
        if error:
            modal.call_after_refresh(modal.show_error, error)

    def _end_chosen(self, choice: EndCallChoice | None) -> None:
        if choice is not None and self.call is not None:
            self._finish(self.call.call_id, choice)

    @work(thread=True, exclusive=True, group="call")
    def _finish(self, call_id: int, choice: EndCallChoice) -> None:
        app = self.cockpit
        try:
            ended = app.services.finish_call(call_id, choice.outcome, choice.reminder,
                                             choice.note)
        except (DomainError, ServiceError) as exc:
            app.call_from_thread(self.action_end_call, app.tr.error(exc), choice)
            return
        app.call_from_thread(self._finished, call_end_words(ended, app.tr, app.display_tz))

    def _finished(self, summary: str) -> None:
        from cockpit.tui.widgets.top_bar import TopBar

        self._set_call(None)
        self.query_one(NotesPane).load("")  # type: ignore[attr-defined]
        services = self.cockpit.services
        trouble = services.offline or services.refused is not None or services.disk_full
        self.query_one(TopBar).set_offline(services.offline, services.refused is not None,
                                           services.disk_full)
        # Kept on this computer: said louder and longer than a plain "saved".
        self.cockpit.notify(summary, timeout=12 if trouble else 6,
                            severity="warning" if trouble else "information")
        self.load_queue(0)  # type: ignore[attr-defined]
        self.load_figures()  # type: ignore[attr-defined]
        # Back to the queue: ↓ moves on at once, and the card shows the person highlighted
        # as the database has them now (the call just saved included).
        focus_now(self.query_one("#queue-list"))
        if self._highlighted is not None:
            self.load_card(self._highlighted)  # type: ignore[attr-defined]

    # -- outside a call -------------------------------------------------------------------------

    def action_skip(self) -> None:
        if self._highlighted is not None:
            self._skip(self._highlighted)

    @work(thread=True, group="queue-edit")
    def _skip(self, person: PersonRef) -> None:
        app = self.cockpit
        if self.guarded(app.services.skip, app.caller.id, person) is not None:
            app.call_from_thread(self.load_queue, 0)  # type: ignore[attr-defined]

    def action_snooze(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        if self._highlighted is None:
            return
        person = self._highlighted
        fields = [FormField("until", self.cockpit.tr("snooze.until"), "datetime", required=True)]
        self.cockpit.push_screen(
            FormModal(self.cockpit.tr("snooze.title"), fields, self._check_until),
            lambda values: values and self._snooze(person, values["until"]),
        )

    def _check_until(self, values: dict[str, str]) -> dict[str, str]:
        # In the form, where it can be corrected: garbage, a past moment, year 9999.
        from cockpit.domain.captures import parse_reminder
        from cockpit.domain.errors import ValidationError

        app = self.cockpit
        try:
            parse_reminder(values["until"], app.services.now().astimezone(app.display_tz))
        except ValidationError as exc:
            return {"until": app.tr.error(exc)}
        return {}

    @work(thread=True, group="queue-edit")
    def _snooze(self, person: PersonRef, until: str) -> None:
        app = self.cockpit
        if self.guarded(app.services.snooze, app.caller.id, person, until) is not None:
            app.call_from_thread(self.load_queue, 0)  # type: ignore[attr-defined]

    def action_do_not_call(self) -> None:
        from cockpit.tui.screens.confirm import ConfirmModal

        if self._highlighted is None:
            return
        person = self._highlighted
        self.cockpit.push_screen(
            ConfirmModal(self.cockpit.tr("dnc.confirm")),
            lambda yes: yes and self._do_not_call(person),
        )

    @work(thread=True, group="queue-edit")
    def _do_not_call(self, person: PersonRef) -> None:
        app = self.cockpit
        blocked = self.guarded(app.services.mark_do_not_call, app.caller.id, person)
        if blocked is not None:
            from cockpit.tui.call_words import blocked_words

            app.call_from_thread(app.notify, blocked_words(blocked, app.tr), timeout=8)
            app.call_from_thread(self.load_queue, 0)  # type: ignore[attr-defined]

    def action_edit_card(self) -> None:
        person = self.call.person if self.call else self._highlighted
        if person is not None and person.kind == "contact":
            self._open_edit_card(person)

    @work(thread=True, exclusive=True, group="edit-card")
    def _open_edit_card(self, person: PersonRef) -> None:
        # The card's current values come from the database: read here, never on the UI thread.
        app = self.cockpit
        current = self.guarded(app.services.editable_fields, person)
        if current is not None:
            app.call_from_thread(self._show_edit_card, person, current)

    def _show_edit_card(self, person: PersonRef, current: dict[str, str]) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        tr = self.cockpit.tr
        # The form checks the e-mail and the phone as a call's captures are checked.
        fields = [FormField(key, tr(f"field.{key}"), kind, value=current.get(key, ""),
                            required=key == "last_name")
                  for key, kind in (("first_name", "text"), ("last_name", "text"),
                                    ("role", "text"), ("email", "email"),
                                    ("phone", "phone"))]
        def kept(values: dict[str, str]) -> dict[str, str]:
            # The form shows control characters as signs: a field left alone keeps its value.
            return {k: current[k] if k in current and v == printable(current[k]).strip() else v
                    for k, v in values.items()}

        self.cockpit.push_screen(FormModal(tr("edit.title"), fields),
                                 lambda values: values and self._edit(person, kept(values)))

    @work(thread=True, group="queue-edit")
    def _edit(self, person: PersonRef, values: dict[str, str]) -> None:
        app = self.cockpit
        name = self.guarded(app.services.edit_contact, app.caller.id, person, values)
        if name is not None:
            app.call_from_thread(app.notify, app.tr("edit.saved", name=name), timeout=5)
            app.call_from_thread(self.load_card, person)  # type: ignore[attr-defined]

    def action_redirect(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        if self.call is None:
            return
        call_id = self.call.call_id
        tr = self.cockpit.tr
        fields = [
            FormField("first_name", tr("field.first_name"), "text"),
            FormField("last_name", tr("field.last_name"), "text", required=True),
            FormField("role", tr("field.role"), "text"),
            FormField("phone", tr("field.phone"), "phone", required=True),
        ]
        self.cockpit.push_screen(
            FormModal(tr("redirect.title"), fields),
            lambda values: values and self._redirect(call_id, values),
        )

    @work(thread=True, group="call")
    def _redirect(self, call_id: int, values: dict[str, str]) -> None:
        app = self.cockpit
        name = self.guarded(app.services.add_redirect, call_id, values)
        if name is not None:
            app.call_from_thread(app.notify, app.tr("redirect.added", name=name), timeout=6)
            # The person the DO named is in the queue at once, not after the call.
            app.call_from_thread(self.load_queue, self._offset)  # type: ignore[attr-defined]
