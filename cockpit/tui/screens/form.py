"""A small form in a modal: labelled fields, checked before it closes. Returns the values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from cockpit.domain.text import printable
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text


@dataclass(frozen=True)
class FormField:
    key: str
    label: str
    type: str = "text"  # the capture type, used to check the value
    required: bool = False
    value: str = ""


Validator = Callable[[dict[str, str]], dict[str, str]]  # values -> {key: error message}

# Types checked by the form itself, with the same rules as a capture during a call (dates
# and times need the app's clock: the screen's validator checks them).
_CHECKED = {"money", "phone", "email", "yesno", "integer", "siret", "text"}  # text: its length


class FormModal(ModalScreen[dict[str, str] | None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "key.save", id="form.save", priority=True),
        # Handled before the field sees it, and the focus moved at once: the letters typed
        # in the same burst after Enter go to the next field, not to the end of this one.
        Binding("enter", "next_field", "key.next", id="form.next", show=False,
                priority=True),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, title: str, fields: list[FormField],
                 validate: Validator | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._fields = fields
        self._validate = validate

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(data_text(self._title), id="form-title")  # may name a person
            for field in self._fields:
                mark = " *" if field.required else ""
                with Horizontal(classes="form-row"):
                    yield Label(data_text(f"{field.label}{mark}"), classes="form-label")
                    yield Input(printable(field.value), id=f"field-{field.key}",
                                classes="form-input")
                yield Static("", id=f"field-error-{field.key}", classes="form-error")
            yield Static(self.app.tr("form.help"), id="form-help")

    def on_mount(self) -> None:
        self.query(".form-input").first(Input).focus()

    def values(self) -> dict[str, str]:
        return {f.key: self.query_one(f"#field-{f.key}", Input).value.strip() for f in self._fields}

    def action_next_field(self) -> None:
        inputs = list(self.query(".form-input").results(Input))
        index = inputs.index(self.focused) if self.focused in inputs else len(inputs) - 1
        if index < len(inputs) - 1:
            focus_now(inputs[index + 1])
        else:
            self.action_save()

    def action_save(self) -> None:
        # Enter and ctrl+s act as soon as they are read: letters typed just before them in
        # the same burst may still wait in the field. The field runs the save after them.
        field = self.focused
        if isinstance(field, Input):
            field.call_later(self._save)
        else:
            self._save()

    def _save(self) -> None:
        if not self.is_current:
            return  # saved or cancelled meanwhile (ctrl+s twice)
        values = self.values()
        errors = {f.key: self.app.tr("form.required") for f in self._fields
                  if f.required and not values[f.key]}
        if not errors:
            errors = self._type_errors(values)
        if not errors and self._validate is not None:
            errors = self._validate(values)
        self.show_errors(errors)
        if not errors:
            self.accept(values)

    def accept(self, values: dict[str, str]) -> None:
        """The values checked: the form closes with them. A form that saves them itself
        (and may be refused, said in a field) does so here instead."""
        self.dismiss(values)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Errors under their fields (an error may quote what was typed: shown as typed);
        the first one's field takes the focus."""
        for field in self._fields:
            self.query_one(f"#field-error-{field.key}", Static).update(
                data_text(errors.get(field.key, "")))
        first = next((f for f in self._fields if f.key in errors), None)
        if first is not None:
            self.query_one(f"#field-{first.key}", Input).focus()

    def _type_errors(self, values: dict[str, str]) -> dict[str, str]:
        from datetime import UTC, datetime

        from cockpit.domain.captures import parse_capture
        from cockpit.domain.errors import ValidationError
        from cockpit.domain.script import Capture

        errors = {}
        for f in self._fields:
            if f.type in _CHECKED and values[f.key]:
                try:
                    parse_capture(Capture(f.key, f.label, f.type), values[f.key],
                                  datetime.now(UTC))
                except ValidationError as exc:
                    errors[f.key] = self.app.tr.error(exc)
        return errors

    def action_cancel(self) -> None:
        self.dismiss(None)
