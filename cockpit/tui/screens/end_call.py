"""End of call: the outcome (pre-selected when the script reached one), the proposed
reminder (editable), the note. Returns the caller's choice; the screen saves it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from cockpit.domain.text import printable
from cockpit.tui.app import CockpitApp
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text
from cockpit.tui.widgets.note_area import NoteArea


@dataclass(frozen=True)
class EndCallChoice:
    outcome: str
    reminder: str  # as typed: "" for none, else a date and time the services parse
    note: str


class EndCallModal(ModalScreen[EndCallChoice | None]):
    app = getters.app(CockpitApp)
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="end.cancel"),
        Binding("ctrl+s", "save", "key.save", id="end.save", priority=True),
        # Enter takes the focus on at once, when the key is read: what is typed after it
        # in the same burst goes into the next field (the list's choice and the field's
        # Enter acted later, and the reminder's words were lost or went into it).
        Binding("enter", "next_field", "key.next_field", id="end.next", show=False,
                priority=True),
    ]

    def __init__(
        self,
        outcomes: list[tuple[str, str]],
        suggested: str | None,
        propose: Callable[[str], str],
        note: str,
        reminder: str | None = None,
        title: str | None = None,
        on_note: Callable[[str], None] | None = None,
    ) -> None:
        """`reminder`: the one saved before, shown while its outcome is (an end mended);
        None: the one `propose` gives for the outcome highlighted. `on_note`: told the note
        as it is typed (the call's draft keeps it, as the notes pane's typing does)."""
        super().__init__()
        translate_bindings(self)
        self._outcomes = outcomes  # (code, label in the user's language)
        self._suggested = suggested
        self._propose = propose
        self._note = note
        self._reminder = reminder
        self._title = title
        self._on_note = on_note

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        with Vertical(id="end-call"):
            yield Static(data_text(self._title) if self._title else tr("end.title"),
                         id="end-title")  # a mended end names the person
            # Why the end was refused, at the top: on a 24-line terminal the form's foot
            # is below the fold, and the error was there, unseen.
            yield Static("", id="end-error")
            yield Label(tr("end.outcome"))
            yield OptionList(*[Option(data_text(label), id=code) for code, label in self._outcomes],
                             id="end-outcomes")
            yield Label(tr("end.reminder"))
            yield Input(id="end-reminder", placeholder=tr("placeholder.datetime"))
            yield Label(tr("end.note"))
            yield NoteArea(printable(self._note, multiline=True), id="end-note")
            yield Static(tr("end.help"), id="end-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        codes = [code for code, _ in self._outcomes]
        start = codes.index(self._suggested) if self._suggested in codes else 0
        options.highlighted = start
        self._update_reminder(codes[start])
        note = self.query_one("#end-note", TextArea)
        note.move_cursor(note.document.end)  # what is typed goes after the notes, not before
        options.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_field":  # from the outcomes and the reminder; in the note, a line
            return self.focused in (self.query_one("#end-outcomes"),
                                    self.query_one("#end-reminder"))
        return True

    def action_next_field(self) -> None:
        from cockpit.tui.focus import focus_now

        if self.focused is self.query_one("#end-outcomes"):
            focus_now(self.query_one("#end-reminder", Input))
        else:
            focus_now(self.query_one("#end-note", TextArea))

    def _update_reminder(self, outcome: str) -> None:
        saved = self._reminder is not None and outcome == self._suggested
        self.query_one("#end-reminder", Input).value = \
            (self._reminder or "") if saved else self._propose(outcome)

    @on(OptionList.OptionHighlighted, "#end-outcomes")
    def _outcome_moved(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._update_reminder(event.option.id)

    @on(OptionList.OptionSelected, "#end-outcomes")
    def _outcome_chosen(self, _: OptionList.OptionSelected) -> None:  # a click
        self.query_one("#end-reminder", Input).focus()

    @on(TextArea.Changed, "#end-note")
    def _note_typed(self, event: TextArea.Changed) -> None:
        if self._on_note is not None:
            self._on_note(event.text_area.text)

    def show_error(self, message: str) -> None:
        error = self.query_one("#end-error", Static)
        error.update(data_text(message))  # may quote the input
        error.set_class(bool(message), "refused")

    def action_save(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        code = options.get_option_at_index(options.highlighted).id or ""
        self.dismiss(EndCallChoice(
            outcome=code,
            reminder=self.query_one("#end-reminder", Input).value.strip(),
            note=self.query_one("#end-note", TextArea).text,
        ))

    def action_cancel(self) -> None:
        self.dismiss(None)
