"""The first run of a new database: the firm's name and its first person, who leads the team.
Then the cockpit opens, with that person as the caller."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import work
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
        # Before the field's own Enter: the focus moves at once, so what is typed right
        # after Enter lands in the next field however fast it comes.
        Binding("enter", "next_field", "key.next_field", id="first_run.next", show=False,
                priority=True),
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
        self.set_focus(self.query_one("#first-run-firm", Input))

    def _value(self, key: str) -> str:
        return self.query_one(f"#first-run-{key}", Input).value.strip()

    def action_next_field(self) -> None:
        inputs = list(self.query(".first-run-input").results(Input))
        focused = self.focused
        index = inputs.index(focused) if focused in inputs else -1  # type: ignore[arg-type]
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


def _after(field: Input, then: Callable[[], None]) -> Callable[[], None]:
    """`then`, once the field has handled every key sent to it so far."""
    return lambda: field.call_later(then)
