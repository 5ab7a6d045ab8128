"""The first run of a new database: the firm's name and its first person, who leads the team.
Then the cockpit opens, with that person as the caller."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from cockpit.services.errors import ServiceError
from cockpit.services.views import CallerView
from cockpit.tui.app import CockpitApp
from cockpit.tui.localise import translate_bindings
from cockpit.tui.screens.team_form import said_in_a_form
from cockpit.tui.workers import ServiceFailed, run_service

FIELDS = ("firm", "name", "email")
# Which field a refusal of the services is about (the others show under the form).
_FIELD_OF = {"firm_bad_name": "firm", "team_bad_name": "name", "team_duplicate": "name",
             "team_bad_email": "email"}


@dataclass
class TeamStarted(Message):
    lead: CallerView


class FirstRunScreen(Screen[None]):
    CSS_PATH = "../styles/first_run.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.start_team", id="first_run.save", priority=True),
        # Before the field's own Enter: the focus moves at once, so what is typed right
        # after Enter lands in the next field however fast it comes.
        Binding("enter", "next_field", "key.next_field", id="first_run.next", show=False,
                priority=True),
    ]

    app = getters.app(CockpitApp)

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._saving = False

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        values = {"name": self.app.suggested_name}
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
        self.set_focus(self.query_one("#first-run-firm", Input))

    def _value(self, key: str) -> str:
        return self.query_one(f"#first-run-{key}", Input).value.strip()

    def action_next_field(self) -> None:
        inputs = list(self.query(".first-run-input").results(Input))
        focused = self.focused
        index = inputs.index(focused) if isinstance(focused, Input) and focused in inputs else -1
        if index < len(inputs) - 1:
            self.set_focus(inputs[index + 1])
        else:
            self.action_save()

    def _say(self, errors: dict[str, str]) -> None:
        for key in (*FIELDS, ""):
            target = f"#first-run-error-{key}" if key else "#first-run-error"
            self.query_one(target, Static).update(errors.get(key, ""))
        first = next((k for k in FIELDS if k in errors), None)
        if first is not None:
            self.set_focus(self.query_one(f"#first-run-{first}", Input))

    def action_save(self) -> None:
        # The keys typed before this one may still wait in the fields' own queues (a burst
        # of typing, a paste): each field reads them before the form is read.
        inputs = list(self.query(".first-run-input").results(Input))
        then = self._save_now
        for field in reversed(inputs):
            then = _after(field, then)
        then()

    def _save_now(self) -> None:
        if self._saving:  # Enter and ctrl+s typed fast: the team is created once
            return
        required = self.app.tr("form.required")
        errors = {k: required for k in ("firm", "name") if not self._value(k)}
        self._say(errors)
        if errors:
            return
        self._saving = True
        self._start(self._value("firm"), self._value("name"), self._value("email"))

    @work(thread=True, exclusive=True)
    def _start(self, firm: str, name: str, email: str) -> None:
        lead = run_service(self, self.app.services.start_team, firm, name, email)
        if lead is not None:
            self.post_message(TeamStarted(lead))

    @on(ServiceFailed)
    def _refused(self, event: ServiceFailed) -> None:
        """Said under the field it is about (or under the form), not as a passing message."""
        event.stop()
        error = event.error
        self._saving = False
        if isinstance(error, ServiceError):
            self._say({_FIELD_OF.get(error.code, ""): said_in_a_form(self.app.tr, error)})
        else:
            self._say({"": self.app.tr.error(error)})

    @on(TeamStarted)
    def _started(self, event: TeamStarted) -> None:
        self.app.first_run_done(event.lead)


def _after(field: Input, then: Callable[[], None]) -> Callable[[], None]:
    """`then`, once the field has handled every key sent to it so far."""

    def later() -> None:
        field.call_later(then)

    return later
