"""The current step of the script: breadcrumb and timer, what to say, the numbered answers,
and the fields to capture, validated where they are typed."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from cockpit.domain.text import printable
from cockpit.services.views import CallView, CaptureView
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text

# What an empty field of each type shows, in the interface's language (catalogue keys).
_PLACEHOLDERS = frozenset({"date", "datetime", "money", "phone", "email", "yesno", "siret",
                           "integer"})


ROOM_FOR_BIG_NUMBER = 32  # terminal lines: below, the script's text needs all the pane


def _digit_bindings() -> list[BindingType]:
    return [Binding("enter", "enter_field", "key.next_field", show=False, priority=True,
                    id="script.enter"),
            *(Binding(str(n), f"choose({n})", "key.choose", show=False,
                      id=f"script.choose.{n}") for n in range(1, 10))]


class CaptureInput(Input):
    """A field of the step, which knows the capture it is for."""

    def __init__(self, key: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.key = key


class ScriptPanel(Vertical):
    """Shows a CallView; posts what the caller chose or typed."""

    app = getters.app(CockpitApp)

    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = _digit_bindings()

    class AnswerChosen(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    class CaptureEntered(Message):
        def __init__(self, key: str, raw: str) -> None:
            super().__init__()
            self.key = key
            self.raw = raw

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self._call: CallView | None = None
        self._built = False  # the step's widgets are mounted with the first call
        self._crumb, self._timer = Static("", id="breadcrumb"), Static("", id="timer")
        self._text, self._hint = Static("", id="script-text"), Static("", id="script-hint")
        self._answers = Static("", id="answers")
        self._captures: Vertical  # built with the step's fields, at the first call
        # The fields on screen, by capture key. Rows are swapped one step at a time, the old
        # ones removed (awaited) before the new ones go in: their ids come from the keys, and
        # an objection and the step it returns to often ask for the same one.
        self._fields: dict[str, CaptureInput] = {}
        self._errors: dict[str, Static] = {}
        self._swaps = 0  # steps asked for; a swap overtaken by a later one mounts nothing
        self._swapping = asyncio.Lock()
        self._advancing: CaptureInput | None = None  # entered, waiting to be taken
        self._held = False  # another caller holds the person: the fields are greyed
        self._dial = Static("", id="dial-number")
        self._first_step: tuple[int, tuple[str, ...]] | None = None  # call id, breadcrumb

    def compose(self) -> ComposeResult:
        # Until the first call, one line says there is none: the step's widgets come with
        # the first call, which spares every start their building and drawing.
        yield Static(self.app.tr("script.idle"), id="script-idle")

    def _build(self, captures: tuple[CaptureView, ...], held: bool = False) -> None:
        self._built = True
        self._captures = Vertical(*self._capture_rows(captures, held), id="captures")
        self.query_one("#script-idle", Static).remove()
        self.mount_all([
            Horizontal(self._crumb, self._timer, id="script-head"),
            # Not a stop of Tab: from the answers, Tab goes straight to the first field.
            VerticalScroll(self._dial, self._text, self._hint, self._captures,
                           id="script-body", can_focus=False),
            self._answers,
        ])

    @property
    def call(self) -> CallView | None:
        return self._call

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A call resumed while another caller holds the person can only be ended: its
        # answers are greyed (None: shown disabled; F1 says so), not refused once pressed.
        if action == "choose" and self._call is not None and self._call.held_by:
            return None
        if action == "enter_field":  # in a field of the step; elsewhere Enter is Enter
            return isinstance(self.screen.focused, CaptureInput)
        return True

    def show(self, call: CallView | None) -> None:
        previous = self._call
        self._call = call
        fresh = False
        if not self._built:
            if call is None:
                return  # the idle line is already there
            self._build(call.captures, bool(call.held_by))
            fresh = True
        tr = self.app.tr
        self._show_number(call)
        if call is None:
            self._crumb.update(tr("script.idle"))
            self._text.update("")
            self._hint.update("")
            self._answers.update("")
            self._rebuild_captures(())
            return
        head = Text(printable(" › ".join(call.breadcrumb)), style="bold")
        if call.dial and call.mode != "ended":  # no softphone: the number to dial by hand
            head.append("   ☎ ", style="bold")
            head.append(f" {call.dial} ", style="bold reverse")
        self._crumb.update(head)
        if call.mode == "objection" and call.objection is not None:
            self._text.update(Text.assemble(
                (printable(call.objection.label) + "\n", "bold yellow"),
                printable(call.objection.reply, multiline=True)))
        else:  # the script's text with the person's name, company… filled in
            self._text.update(Text(printable(call.text, multiline=True)))
        self._hint.update(Text(printable(call.hint, multiline=True), style="italic dim")
                          if call.hint else "")
        self._answers.update(self._answers_line(call))
        same_step = (previous is not None and previous.call_id == call.call_id
                     and previous.breadcrumb == call.breadcrumb and previous.mode == call.mode)
        if same_step:
            self._refresh_capture_values(call.captures)
        elif not fresh:  # a fresh build holds the step's fields already
            self._rebuild_captures(call.captures, bool(call.held_by))
        self.refresh_bindings()
        self.tick(self.app.clock())

    def _show_number(self, call: CallView | None) -> None:
        """With no softphone, the number to dial, in large digits, until the first answer
        (somebody picked up, or not); only where the pane has room for them and the text."""
        if call is not None and (self._first_step is None or self._first_step[0] != call.call_id):
            self._first_step = (call.call_id, call.breadcrumb)
        dialling = (call is not None and bool(call.dial) and call.mode != "ended"
                    and self._first_step == (call.call_id, call.breadcrumb)
                    and self.app.size.height >= ROOM_FOR_BIG_NUMBER)
        if dialling and call is not None:
            from textual.renderables.digits import Digits

            self._dial.update(Digits(call.dial))
        self._dial.display = dialling

    def _answers_line(self, call: CallView) -> Text:
        line = Text()
        if call.mode == "ended":
            said = self.app.tr(f"outcome.{call.outcome}") if call.outcome else ""
            line.append(printable(self.app.tr("script.ended", outcome=said)),
                        style="bold green")
            return line
        for answer in call.answers:
            line.append(f" {answer.number} ", style="reverse bold")
            line.append(f" {printable(answer.label)}  ", style="red" if answer.ends_call else "")
        return line

    def _rebuild_captures(self, captures: tuple[CaptureView, ...], held: bool = False) -> None:
        self._held = held
        self._swaps += 1
        self.run_worker(self._swap_captures(self._swaps), group="script-captures")

    async def _swap_captures(self, swap: int) -> None:
        async with self._swapping:  # one swap at a time: never two rows of the same key
            if swap != self._swaps:
                return  # a later step came meanwhile: its swap shows it
            had_focus = any(f.has_focus for f in self._fields.values())
            self._fields, self._errors = {}, {}
            await self._captures.remove_children()
            # The step as it is now (values typed meanwhile included), not as it was asked.
            captures = self._call.captures if self._call is not None else ()
            rows = self._capture_rows(captures, self._held)
            if rows:
                await self._captures.mount_all(rows)
            if had_focus and self.app.focused is None:
                self.focus()  # the field typed in went with its step: back to the answers

    def _capture_rows(self, captures: tuple[CaptureView, ...], held: bool = False
                      ) -> list[Widget]:
        hint = self.app.tr("script.captures_hint")
        rows: list[Widget] = [Static(hint, classes="capture-hint")] if captures else []
        fields: dict[str, CaptureInput] = {}
        errors: dict[str, Static] = {}
        for capture in captures:
            mark = " *" if capture.required else ""
            label = Label(data_text(f"{capture.label}{mark}"), classes="capture-label")
            placeholder = self.app.tr(f"placeholder.{capture.type}") \
                if capture.type in _PLACEHOLDERS else ""
            if capture.type == "choice":
                placeholder = " / ".join(f"{i} {c}" for i, c in enumerate(capture.choices, 1))
            field = CaptureInput(capture.key, value=printable(capture.value),
                                 placeholder=printable(placeholder),
                                 id=f"capture-{capture.key}", classes="capture-input",
                                 disabled=held)  # another caller holds the person: greyed
            error = Static("", id=f"capture-error-{capture.key}", classes="capture-error")
            fields[capture.key], errors[capture.key] = field, error
            rows.append(Horizontal(label, field, classes="capture-row"))
            rows.append(error)
        self._fields, self._errors = fields, errors
        return rows

    @property
    def capture_fields(self) -> list[CaptureInput]:
        """The fields of the step shown, in order (none while a step's fields are swapped)."""
        return list(self._fields.values())

    def _refresh_capture_values(self, captures: tuple[CaptureView, ...]) -> None:
        for capture in captures:
            field = self._fields.get(capture.key)
            shown = printable(capture.value)
            if field is not None and not field.has_focus and shown and field.value != shown:
                field.value = shown
            error = self._errors.get(capture.key)
            if error is not None and not capture.refused:  # a refusal stays until mended
                error.update("")

    def show_capture_error(self, key: str, message: str) -> None:
        # Refused after Enter, the field still has the focus and keeps it; refused after the
        # caller left it (Escape, Tab), the message shows and the focus stays where they went,
        # so the answers' digits choose answers instead of typing into the field.
        if self._advancing is not None and self._advancing.key == key:
            self._advancing = None
        error = self._errors.get(key)
        if error is not None:
            error.update(data_text(message, "bold red"))

    def tick(self, now: datetime) -> None:
        if not self._built:
            return
        if self._call is None or self._call.mode == "ended":
            self._timer.update("")
            return
        seconds = max(int((now - self._call.started_at).total_seconds()), 0)
        self._timer.update(f"⏱ {seconds // 60:02d}:{seconds % 60:02d}")

    def action_choose(self, number: int) -> None:
        self.post_message(self.AnswerChosen(number))

    @on(Input.Submitted, ".capture-input")
    def _capture_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not isinstance(event.input, CaptureInput):
            return
        # The field keeps the focus until the value is taken (`capture_accepted`): refused,
        # it is still there to correct, and digits typed meanwhile stay text of the field.
        # (Enter is the panel's own key when it can act at once: see action_enter_field.)
        self._advancing = event.input
        self.post_message(self.CaptureEntered(event.input.key, event.value))

    def action_enter_field(self) -> None:
        """Enter in a field, taken when it is read: the focus moves on at once, so the letters
        typed after it in the same burst land in the next field, not in this one. Leaving
        the field enters its value (`_capture_left`); once the letters typed before Enter are
        in, a value the capture's rules refuse takes the focus back, to be corrected there
        (the call says why under it)."""
        field = self.screen.focused
        if isinstance(field, CaptureInput):
            self._move_on(field)
            field.call_later(self._check_left, field)

    def _check_left(self, field: CaptureInput) -> None:
        if self._valid_here(field.key, field.value):
            return
        if not field.value:  # an empty field left says nothing by itself: asked here
            self.post_message(self.CaptureEntered(field.key, ""))
        focus_now(field)

    def _valid_here(self, key: str, raw: str) -> bool:
        """Whether the value passes the capture's rules (pure: no database), dates read
        against the call's clock as the call will read them."""
        from cockpit.domain.captures import parse_capture
        from cockpit.domain.errors import ValidationError
        from cockpit.domain.script import Capture

        captures = self._call.captures if self._call else ()
        view = next((c for c in captures if c.key == key), None)
        if view is None:
            return True  # a field of a step left behind: nothing to take back
        try:
            parse_capture(Capture(view.key, view.label, view.type, view.required, view.choices),
                          raw, self.app.clock().astimezone(self.app.display_tz))
        except ValidationError:
            return False
        return True

    def _move_on(self, field: CaptureInput) -> None:
        fields = self.capture_fields
        index = fields.index(field) if field in fields else -1
        focus_now(fields[index + 1] if 0 <= index < len(fields) - 1 else self)

    def capture_accepted(self, key: str) -> None:
        """The value typed and entered is taken: Enter moves on to the next field, then back
        to the answers."""
        field, self._advancing = self._advancing, None
        if field is None or field.key != key or not field.has_focus:
            return  # moved on already, or the caller moved elsewhere: the focus stays
        self._move_on(field)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The script's body is not a stop of Tab, so Textual does not scroll it by itself:
        # the field reached stays in view, its message line below it when there is room.
        if isinstance(event.widget, CaptureInput) and self._built:
            self.query_one("#script-body", VerticalScroll).scroll_to_center(
                event.widget, animate=False, immediate=True)

    @on(Input.Blurred, ".capture-input")
    def _capture_left(self, event: Input.Blurred) -> None:
        # Leaving a field keeps what was typed: nothing is lost by moving around.
        key = event.input.key if isinstance(event.input, CaptureInput) else ""
        captures = self._call.captures if self._call else ()
        current = next((c for c in captures if c.key == key), None)
        # A field of a step left behind has nothing to say to the new one.
        if event.value and current is not None and current.value != event.value:
            self.post_message(self.CaptureEntered(key, event.value))
