"""The first run of a new database: the firm's name and its first person, who leads the team.
Then the cockpit opens, with that person as the caller."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from cockpit.services.errors import ServiceError
from cockpit.tui.localise import translate_bindings

if TYPE_CHECKING:
    from cockpit.services.views import CallerView
    from cockpit.tui.app import CockpitApp

FIELDS = ("firm", "name", "email")
# Which field a refusal of the services is about (the others show under the form).
_FIELD_OF = {"firm_bad_name": "firm", "team_bad_name": "name", "team_duplicate": "name",
             "team_bad_email": "email"}


class FirstRunScreen(Screen[None]):
    CSS_PATH = "../styles/first_run.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.start_team", id="first_run.save", priority=True),
    ]

    def __init__(self, suggested_name: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self._suggested = suggested_name
        self._saving = False

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        tr = self.cockpit.tr
        values = {"name": self._suggested}
        with Vertical(id="first-run"):
            yield Static(tr("first_run.title"), id="first-run-title")
            yield Static(tr("first_run.intro"), id="first-run-intro")
            for key in FIELDS:
                mark = "" if key == "email" else " *"
                with Horizontal(classes="first-run-row"):
                    yield Label(tr(f"first_run.{key}") + mark, classes="first-run-label")
                    yield Input(values.get(key, ""), id=f"first-run-{key}",
                                classes="first-run-input", max_length=120)
                yield Static("", id=f"first-run-error-{key}", classes="first-run-error")
            yield Static("", id="first-run-error")
            yield Static(tr("first_run.help"), id="first-run-help")

    def on_mount(self) -> None:
        self.query_one("#first-run-firm", Input).focus()

    def _value(self, key: str) -> str:
        return self.query_one(f"#first-run-{key}", Input).value.strip()

    @on(Input.Submitted, ".first-run-input")
    def _next(self, event: Input.Submitted) -> None:
        inputs = list(self.query(".first-run-input").results(Input))
        index = inputs.index(event.input)
        if index < len(inputs) - 1:
            inputs[index + 1].focus()
        else:
            self.action_save()

    def _say(self, errors: dict[str, str]) -> None:
        for key in (*FIELDS, ""):
            target = f"#first-run-error-{key}" if key else "#first-run-error"
            self.query_one(target, Static).update(errors.get(key, ""))
        first = next((k for k in FIELDS if k in errors), None)
        if first is not None:
            self.query_one(f"#first-run-{first}", Input).focus()

    def action_save(self) -> None:
        if self._saving:  # Enter and ctrl+s typed fast: the team is created once
            return
        required = self.cockpit.tr("form.required")
        errors = {k: required for k in ("firm", "name") if not self._value(k)}
        self._say(errors)
        if errors:
            return
        self._saving = True
        self._start(self._value("firm"), self._value("name"), self._value("email"))

    @work(thread=True, exclusive=True)
    def _start(self, firm: str, name: str, email: str) -> None:
        app = self.cockpit
        try:
            caller = app.services.start_team(firm, name, email)  # type: ignore[attr-defined]
        except ServiceError as exc:
            field = _FIELD_OF.get(exc.code, "")
            app.call_from_thread(self._refused, {field: app.tr.error(exc)})
            return
        app.call_from_thread(self._started, caller)

    def _refused(self, errors: dict[str, str]) -> None:
        self._saving = False
        self._say(errors)

    def _started(self, caller: CallerView) -> None:
        self.cockpit.first_run_done(caller)
