"""The call console: the script panel and the notes, and every step of a call.

It owns the call on screen (`call`): it starts, resumes, moves and ends it through the
services, in worker threads (workers.start_service), whose results come back as the typed
messages of tui/messages.py. It tells its screen what the screen must follow:
`CallChanged` (keys, layout), `Started` (the card of the person on the line), `Ended` (back
to the queue), `QueueChanged` (someone joined the queue). A failure never clears what the
caller typed.

The screen may put widgets of its own above the script (the queue and the card): they share
the console's one vertical layout, so the rows keep the sizes they have side by side."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from cockpit.domain.errors import DomainError
from cockpit.services.errors import ServiceError
from cockpit.services.views import CallEnded, CallView, PersonRef
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.messages import (
    CallFinished,
    CallMoved,
    CallStarted,
    CaptureChecked,
    DraftKept,
    DraftSaved,
    FinishRefused,
    ObjectionRaised,
    RedirectAdded,
)
from cockpit.tui.widgets.notes_pane import NotesPane
from cockpit.tui.widgets.script_panel import ScriptPanel
from cockpit.tui.workers import start_service

if TYPE_CHECKING:
    from cockpit.services import Services
    from cockpit.services.mend import EndedCall  # the services open after the first frame
    from cockpit.tui.screens.end_call import EndCallChoice

LEASE_EVERY = 60.0  # seconds between two renewals of the hold on the person called


class CallCancelled(Message):
    """The call started by mistake is gone."""


class MendChoices(Message):
    def __init__(self, mine: list[EndedCall], past: list[EndedCall]) -> None:
        super().__init__()
        self.mine = mine  # the caller's calls of the day, latest first
        self.past = past  # the highlighted person's past calls (a line to add)


class CallMended(Message):
    def __init__(self, ended: CallEnded) -> None:
        super().__init__()
        self.ended = ended


class MendRefused(Message):
    def __init__(
            self,
            error: ServiceError | DomainError,
            ended: EndedCall,
            choice: EndCallChoice,
    ) -> None:
        super().__init__()
        self.error = error
        self.ended = ended
        self.choice = choice


class NoteAdded(Message):
    """A line was added to a past call's note."""


def _mend_choices(services: Services, caller_id: int, person: PersonRef | None,
                  ) -> MendChoices:
    mine = services.calls_to_mend(caller_id)
    today = {c.call_id for c in mine}
    past = [c for c in services.past_calls(person) if c.call_id not in today] \
        if person is not None else []
    return MendChoices(mine, past)


def _hour(at: datetime, app: CockpitApp) -> str:
    return at.astimezone(app.display_tz).strftime("%H:%M")


def _day(at: datetime, app: CockpitApp) -> str:
    return at.astimezone(app.display_tz).strftime("%d/%m/%Y %H:%M")


class CallConsole(Vertical):
    app = getters.app(CockpitApp)
    script = getters.query_one(ScriptPanel)
    notes = getters.query_one(NotesPane)
    BINDINGS: ClassVar[list[BindingType]] = [
        # In a field or the notes, Backspace erases a character: the key is the script's.
        Binding("backspace", "step_back", "key.step_back", id="call.step_back"),
        # Out of the way of a slip: the wrong person, `a` pressed by accident.
        Binding("delete", "cancel_call", "key.cancel_call", id="call.cancel", show=False),
        Binding("u", "mend", "key.mend", id="call.mend", show=False),
    ]

    class CallChanged(Message):
        """The call on screen changed (None: no call)."""

        def __init__(self, call: CallView | None) -> None:
            super().__init__()
            self.call = call

    class Started(Message):
        """A call began (or was resumed) with this person."""

        def __init__(self, person: PersonRef) -> None:
            super().__init__()
            self.person = person

    class Ended(Message):
        """The call is saved (or kept on this computer): the caller is back at the queue."""

    class QueueChanged(Message):
        """Someone joined the queue during the call (the person a decision maker named)."""

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        translate_bindings(self)
        self.call: CallView | None = None
        self._checking = 0  # values typed sent to be checked, not answered yet
        self._after_check: int | None = None  # an answer chosen while they were
        self._was_cancellable = False

    def compose(self) -> ComposeResult:
        yield ScriptPanel(id="script")
        yield NotesPane(id="notes")

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)
        self.set_interval(LEASE_EVERY, self._keep_alive)

    @property
    def on_air(self) -> bool:
        """A call is on and not ended yet."""
        return self.call is not None and self.call.mode != "ended"

    def _set_call(self, call: CallView | None) -> None:
        self.call = call
        self.script.show(call)
        self.post_message(self.CallChanged(call))

    def _tick(self) -> None:
        self.script.tick(self.app.clock())
        cancellable = self._cancellable()
        if cancellable != self._was_cancellable:  # its first seconds are over: greyed
            self._was_cancellable = cancellable
            self.screen.refresh_bindings()

    def _keep_alive(self) -> None:
        # A call may last longer than the lease: renew it while the call is on.
        if self.call is not None:
            start_service(self, partial(self.app.services.keep_alive, self.call.call_id),
                          lambda _renewed: None, group="lease")

    # -- starting, resuming -------------------------------------------------------------------

    def start(self, person: PersonRef, need_id: int | None = None,
              number: str | None = None) -> None:
        app = self.app
        start_service(self, partial(app.services.start_call, app.caller.id, person,
                                    need_id=need_id, number=number),
                      CallStarted, group="call", exclusive=True)

    def call_person(self, person: PersonRef, need_id: int | None = None,
                    number: str | None = None) -> None:
        """Call someone chosen elsewhere (a freelance for a need, a record), unless a call
        is on."""
        if self.on_air:
            self.app.notify(self.app.tr("call.already_on"), severity="warning")
            return
        self.start(person, need_id, number)

    def resume_unfinished(self) -> None:
        app = self.app
        start_service(self, partial(app.services.unfinished_call, app.caller.id),
                      lambda found: None if not found
                      else CallStarted(found[0], found[1], resumed=True),
                      group="call")

    @on(CallStarted)
    def _started(self, event: CallStarted) -> None:
        call, app = event.call, self.app
        self._set_call(call)
        self.notes.load(event.draft)
        self.post_message(self.Started(call.person))
        if call.dial:
            app.notify(app.tr("call.dial", number=call.dial), timeout=10)
        if event.resumed and call.held_by:
            app.notify(app.tr("call.resumed_held", name=call.held_by), severity="warning",
                       timeout=15)
        elif event.resumed:
            app.notify(app.tr("call.resumed"), timeout=6)
        focus_now(self.script)

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

    def _choose(self, call_id: int, number: int) -> None:
        start_service(self, partial(self.app.services.choose, call_id, number), CallMoved,
                      group="call", exclusive=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_back":
            if self.call is None:
                return False  # between calls: not in the key bar at all
            return True if self.call.can_go_back else None
        if action == "cancel_call":  # too late, it says why (a key that does nothing would not)
            return self.on_air
        if action == "mend":
            return self.call is None
        return True

    def _cancellable(self) -> bool:
        from cockpit.domain.undo import may_cancel

        call = self.call
        return call is not None and call.mode != "ended" and not call.held_by and may_cancel(
            ["answer"] if call.answered else [], call.started_at, self.app.clock())

    def action_cancel_call(self) -> None:
        from cockpit.tui.screens.confirm import ConfirmModal

        call = self.call
        if call is None:
            return
        if not self._cancellable():
            self.app.notify(self.app.tr("call.cancel_too_late"), severity="warning", timeout=6)
            return
        call_id = call.call_id

        def confirmed(yes: bool | None) -> None:
            if yes and self.call is not None and self.call.call_id == call_id:
                start_service(self, partial(self.app.services.cancel_call, call_id),
                              lambda _done: CallCancelled(), group="call", exclusive=True)

        self.app.push_screen(ConfirmModal(self.app.tr("call.cancel_confirm")), confirmed)

    @on(CallCancelled)
    def _cancelled(self, _: CallCancelled) -> None:
        self._set_call(None)
        self.notes.load("")
        self.app.notify(self.app.tr("call.cancelled"), timeout=6)
        self.post_message(self.Ended())

    # -- after the call: its end mended, a line added to a past call's note ------------------

    def action_mend(self) -> None:
        if self.call is not None:
            return
        app = self.app
        person = getattr(self.screen, "highlighted", None)
        start_service(self, partial(_mend_choices, app.services, app.caller.id, person),
                      lambda choices: choices, group="mend", exclusive=True)

    @on(MendChoices)
    def _mend_choices(self, event: MendChoices) -> None:
        from cockpit.tui.screens.picker import Choice, PickerModal

        app, tr = self.app, self.app.tr
        if not event.mine and not event.past:
            app.notify(tr("mend.nothing"), timeout=6)
            return
        if len(event.mine) == 1 and not event.past:
            self._open_mend(event.mine[0])
            return
        choices = [Choice(f"m{c.call_id}", f"{_hour(c.at, app)} {c.name} · "
                          f"{tr(f'outcome.{c.outcome}')}", tr("mend.fix"))
                   for c in event.mine]
        choices += [Choice(f"n{c.call_id}", f"{_day(c.at, app)} · {tr(f'outcome.{c.outcome}')}",
                           tr("mend.add_note")) for c in event.past]
        by_key = {f"m{c.call_id}": c for c in event.mine}
        by_key.update({f"n{c.call_id}": c for c in event.past})

        def chosen(key: str | None) -> None:
            if key is None:
                return
            if key.startswith("m"):
                self._open_mend(by_key[key])
            else:
                self._add_note(by_key[key])

        app.push_screen(PickerModal(tr("mend.title"), choices), chosen)

    def _open_mend(self, ended: EndedCall, error: str = "",
                   choice: EndCallChoice | None = None) -> None:
        from cockpit.tui.screens.end_call import EndCallModal

        app = self.app
        modal = EndCallModal(
            outcomes=[(code, app.tr(f"outcome.{code}")) for code in ended.outcomes],
            suggested=choice.outcome if choice else ended.outcome,
            propose=lambda outcome: app.services.propose_mended(ended.person, outcome),
            note=choice.note if choice else ended.note,
            reminder=choice.reminder if choice else ended.reminder,
            title=app.tr("mend.end_title", name=ended.name),
        )

        def saved(choice: EndCallChoice | None) -> None:
            if choice is not None:
                start_service(self, partial(app.services.mend_call, app.caller.id,
                                            ended.call_id, choice.outcome, choice.reminder,
                                            choice.note),
                              CallMended, group="mend", exclusive=True,
                              failed=lambda error: MendRefused(error, ended, choice))

        app.push_screen(modal, saved)
        if error:
            modal.call_after_refresh(modal.show_error, error)

    @on(MendRefused)
    def _mend_refused(self, event: MendRefused) -> None:
        self._open_mend(event.ended, self.app.tr.error(event.error), event.choice)

    @on(CallMended)
    def _mended(self, event: CallMended) -> None:
        from cockpit.tui.call_words import call_end_words

        app = self.app
        app.refresh_connection()
        app.notify(app.tr("mend.saved") + " " + call_end_words(event.ended, app.tr,
                                                                 app.display_tz), timeout=8)
        self.post_message(self.Ended())  # the queue, the card and the figures follow

    def _add_note(self, past: EndedCall) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        app = self.app
        form = FormModal(app.tr("mend.note_title", when=_day(past.at, app)),
                         [FormField("text", app.tr("mend.note_field"), "text", required=True)])

        def typed(values: dict[str, str] | None) -> None:
            if values and values.get("text", "").strip():
                start_service(self, partial(app.services.add_call_note, app.caller.id,
                                            past.call_id, values["text"]),
                              lambda _done: NoteAdded(), group="mend")

        app.push_screen(form, typed)

    @on(NoteAdded)
    def _note_added(self, _: NoteAdded) -> None:
        self.app.notify(self.app.tr("mend.note_added"), timeout=6)
        self.post_message(self.Ended())

    def action_step_back(self) -> None:
        call = self.call
        if call is None or not call.can_go_back or self._checking:
            return  # a value typed still being checked: it lands first, on this step
        start_service(self, partial(self.app.services.back, call.call_id), CallMoved,
                      group="call")

    @on(CallMoved)
    def _moved(self, event: CallMoved) -> None:
        self._set_call(event.call)
        if event.call.mode == "ended":
            self.end_call()

    @on(ScriptPanel.CaptureEntered)
    def _captured(self, event: ScriptPanel.CaptureEntered) -> None:
        if self.call is not None:
            self._checking += 1
            key = event.key
            start_service(self, partial(self.app.services.capture, self.call.call_id, key,
                                        event.raw),
                          partial(CaptureChecked, key), group="call",
                          failed=lambda error: CaptureChecked(key, None, error))

    @on(CaptureChecked)
    def _checked(self, event: CaptureChecked) -> None:
        self._checking = max(self._checking - 1, 0)
        call = event.call
        if call is None:
            self._after_check = None  # the refusal is what the caller sees, not a next step
            error = self.app.tr.error(event.error) if event.error is not None else ""
            self.script.show_capture_error(event.key, error)
            return
        self._set_call(call)
        self.script.capture_accepted(event.key)
        if not self._checking and self._after_check is not None:
            number, self._after_check = self._after_check, None
            if call.mode != "ended":
                self._choose(call.call_id, number)

    def objection(self) -> None:
        from cockpit.tui.screens.objection_picker import ObjectionPicker

        if self.call is None:
            return
        call_id = self.call.call_id

        def chosen(objection_id: str | None) -> None:
            if objection_id and self.call is not None:
                start_service(self, partial(self.app.services.raise_objection,
                                            self.call.call_id, objection_id),
                              ObjectionRaised, group="call", exclusive=True)

        self.app.push_screen(ObjectionPicker(self.app.services.objections(call_id)), chosen)

    @on(ObjectionRaised)
    def _raised(self, event: ObjectionRaised) -> None:
        self._set_call(event.call)
        self.script.focus()

    # -- notes ---------------------------------------------------------------------------------

    def focus_notes(self) -> None:
        self.notes.focus_text()

    def focus_script(self) -> None:
        focus_now(self.script)

    @on(NotesPane.DraftChanged)
    def _draft(self, event: NotesPane.DraftChanged) -> None:
        if self.call is not None:
            start_service(self, partial(self.app.services.save_draft, self.call.call_id,
                                        event.text, event.seq),
                          # None: the call ended meanwhile, the note went with it
                          lambda at: None if at is None else DraftSaved(at),
                          group="draft", failed=DraftKept)

    @on(DraftSaved)
    def _draft_saved(self, event: DraftSaved) -> None:
        self.notes.set_status("notes.saved_at", time=event.at)

    @on(DraftKept)
    def _draft_kept(self, event: DraftKept) -> None:
        error = event.error
        if getattr(error, "code", "") == "disk_full":
            self.notes.set_status("notes.kept_in_memory")
            self.app.refresh_connection()
        else:
            self.notes.set_status("notes.kept_locally", error=self.app.tr.error(error))

    # -- ending -------------------------------------------------------------------------------

    def end_call(self, error: str = "", choice: EndCallChoice | None = None) -> None:
        from cockpit.tui.screens.end_call import EndCallModal

        if self.call is None:
            return
        app = self.app
        call_id = self.call.call_id
        note = choice.note if choice else self.notes.flush_now()
        modal = EndCallModal(
            outcomes=[(code, app.tr(f"outcome.{code}"))
                      for code in app.services.outcome_choices(call_id)],
            suggested=choice.outcome if choice else self.call.outcome,
            propose=lambda outcome: app.services.propose_reminder(call_id, outcome),
            note=note,
            reminder=choice.reminder if choice else None,  # a refused one comes back as typed
            on_note=self.notes.take,  # typed in the form: the call's draft all the same
        )
        app.push_screen(modal, self._end_chosen)
        if error:
            modal.call_after_refresh(modal.show_error, error)

    def _end_chosen(self, choice: EndCallChoice | None) -> None:
        if choice is not None and self.call is not None:
            start_service(self, partial(self.app.services.finish_call, self.call.call_id,
                                        choice.outcome, choice.reminder, choice.note),
                          CallFinished, group="call", exclusive=True,
                          failed=lambda error: FinishRefused(error, choice))

    @on(FinishRefused)
    def _finish_refused(self, event: FinishRefused) -> None:
        self.end_call(self.app.tr.error(event.error), event.choice)  # to correct, nothing lost

    @on(CallFinished)
    def _finished(self, event: CallFinished) -> None:
        app = self.app
        self._set_call(None)
        self.notes.load("")
        app.refresh_connection()
        connection = app.connection
        trouble = connection.offline or connection.refused or connection.disk_full
        # Kept on this computer: said louder and longer than a plain "saved".
        from cockpit.tui.call_words import call_end_words

        app.notify(call_end_words(event.ended, app.tr, app.display_tz),
                   timeout=12 if trouble else 6,
                   severity="warning" if trouble else "information")
        self.post_message(self.Ended())

    # -- people met on the way ------------------------------------------------------------------

    def redirect(self) -> None:
        from cockpit.tui.screens.call_forms import redirect_form

        if self.call is None:
            return
        call_id = self.call.call_id

        def typed(values: dict[str, str] | None) -> None:
            if values:
                start_service(self, partial(self.app.services.add_redirect, call_id, values),
                              RedirectAdded, group="call")

        self.app.push_screen(redirect_form(self.app.tr), typed)

    @on(RedirectAdded)
    def _redirected(self, event: RedirectAdded) -> None:
        self.app.notify(self.app.tr("redirect.added", name=event.name), timeout=6)
        # The person the DO named is in the queue at once, not after the call.
        self.post_message(self.QueueChanged())
