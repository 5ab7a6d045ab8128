"""Creating a company, a person or a freelance by hand (ctrl+n on the queue): what to create,
its form checked field by field as a capture is, then the rows that look the same offered
first — "create it anyway" or see the one the base has."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.message import Message
from textual.screen import Screen

from cockpit.domain.creating import FORMS
from cockpit.domain.errors import ValidationError
from cockpit.i18n import Translator
from cockpit.services.creating import Created, Duplicate
from cockpit.tui.app import CockpitApp
from cockpit.tui.screens.form import FormField, FormModal
from cockpit.tui.workers import start_service


@dataclass
class LooksKnown(Message):
    """Rows of the base look like the one typed: asked before anything is created."""

    kind: str
    values: dict[str, str]
    like: list[Duplicate]


@dataclass
class NewCreated(Message):
    created: Created


class CreateModal(FormModal):
    """The form, scrolled when the terminal is short (a contact has nine fields: see
    styles/modals.tcss)."""


def form_for(kind: str, tr: Translator, check: Callable[[str, dict[str, str]], object],
             typed: dict[str, str] | None = None) -> CreateModal:
    fields = [FormField(spec.key, tr(f"create.field.{spec.key}"), spec.type, spec.required,
                        (typed or {}).get(spec.key, ""))
              for spec in FORMS[kind]]

    def validate(values: dict[str, str]) -> dict[str, str]:
        # Pure checks (no database): run here, said under the field they are about.
        try:
            check(kind, values)
        except ValidationError as exc:
            return {str(exc.params.get("field", "")): tr.error(exc)}
        return {}

    return CreateModal(tr(f"create.title.{kind}"), fields, validate=validate)


def start_create(screen: Screen[Any], app: CockpitApp) -> None:
    """Ask what to create, then its form; the answer goes to `screen` as messages."""
    from cockpit.tui.ask import ask
    from cockpit.tui.screens.picker import Choice, PickerModal

    tr = app.tr
    choices = [Choice(kind, tr(f"create.kind.{kind}")) for kind in FORMS]
    ask(screen, PickerModal(tr("create.what"), choices), partial(_form, screen, app))


def _form(screen: Screen[Any], app: CockpitApp, kind: str,
          typed: dict[str, str] | None = None) -> None:
    from cockpit.tui.ask import ask

    services = app.services
    ask(screen, form_for(kind, app.tr, services.check_new, typed),
        partial(_look_first, screen, app, kind))


def _look_first(screen: Screen[Any], app: CockpitApp, kind: str, values: dict[str, str]) -> None:
    services, caller_id = app.services, app.caller.id

    def look() -> tuple[list[Duplicate], Created | None]:
        like = services.duplicates(kind, values)
        if like:
            return like, None
        return like, services.create(caller_id, kind, values, even_if_like=True)

    def said(found: tuple[list[Duplicate], Created | None]) -> Message:
        like, created = found
        return NewCreated(created) if created is not None else LooksKnown(kind, values, like)

    start_service(screen, look, said, group="create")


def ask_anyway(screen: Screen[Any], app: CockpitApp, event: LooksKnown,
               show: Callable[[Duplicate], None]) -> None:
    """The rows that look the same, each named with why: choosing one shows it (the base's
    own row is the one to work with); the last line creates it anyway."""
    from cockpit.tui.screens.picker import Choice, PickerModal

    tr = app.tr
    like = {f"{d.kind}:{d.id}": d for d in event.like[:8]}
    choices = [Choice(key, f"{d.name}{' · ' + d.company if d.company else ''}",
                      ", ".join(tr("create.why." + w) for w in d.why))
               for key, d in like.items()]
    choices.append(Choice("", tr("create.anyway")))
    services, caller_id = app.services, app.caller.id

    def chosen(key: str | None) -> None:
        if key:
            show(like[key])
        elif key == "":
            start_service(screen, partial(services.create, caller_id, event.kind,
                                          event.values, even_if_like=True), NewCreated,
                          group="create")
        else:  # Escape: back to the form, with what was typed (nothing lost)
            _form(screen, app, event.kind, event.values)

    app.push_screen(PickerModal(tr("create.looks_known"), choices), chosen)
