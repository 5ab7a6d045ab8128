"""The small forms of the caller's screen: a snooze, the card to correct, a redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cockpit.domain.text import printable
from cockpit.i18n import Translator
from cockpit.tui.screens.form import FormField, FormModal

if TYPE_CHECKING:
    from cockpit.tui.app import CockpitApp

Check = Callable[[dict[str, str]], dict[str, str]]


def check_until(app: CockpitApp, values: dict[str, str]) -> dict[str, str]:
    """The moment typed for a reminder, checked in the form where it can be corrected:
    garbage, a past moment, year 9999 (the queue's snooze and a record's reminder)."""
    from cockpit.domain.captures import parse_reminder
    from cockpit.domain.errors import ValidationError

    try:
        parse_reminder(values["until"], app.services.now().astimezone(app.display_tz))
    except ValidationError as exc:
        return {"until": app.tr.error(exc)}
    return {}


def snooze_form(tr: Translator, check: Check) -> FormModal:
    fields = [FormField("until", tr("snooze.until"), "datetime", required=True)]
    return FormModal(tr("snooze.title"), fields, check)


def edit_card_form(tr: Translator, current: dict[str, str]) -> FormModal:
    # The form checks the e-mail and the phone as a call's captures are checked.
    fields = [FormField(key, tr(f"field.{key}"), kind, value=current.get(key, ""),
                        required=key == "last_name")
              for key, kind in (("first_name", "text"), ("last_name", "text"),
                                ("role", "text"), ("email", "email"),
                                ("phone", "phone"))]
    return FormModal(tr("edit.title"), fields)


def kept_values(current: dict[str, str], values: dict[str, str]) -> dict[str, str]:
    """The form shows control characters as signs: a field left alone keeps its value."""
    return {k: current[k] if k in current and v == printable(current[k]).strip() else v
            for k, v in values.items()}


def redirect_form(tr: Translator) -> FormModal:
    fields = [
        FormField("first_name", tr("field.first_name"), "text"),
        FormField("last_name", tr("field.last_name"), "text", required=True),
        FormField("role", tr("field.role"), "text"),
        FormField("phone", tr("field.phone"), "phone", required=True),
    ]
    return FormModal(tr("redirect.title"), fields)
