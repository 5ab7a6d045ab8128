"""Why a reminder was booked, as the reader says it. The store keeps what the code wrote
("outcome no_answer", "snoozed", "activity") next to what a caller typed ("comité"): the
first are worded here, the second shown as typed."""

from __future__ import annotations

from cockpit.i18n import Translator

_WORDED = ("snoozed", "activity")  # written by the cockpit itself, never typed


def reminder_reason(reason: str, tr: Translator) -> str:
    if reason.startswith("outcome "):
        key = f"outcome.{reason.removeprefix('outcome ')}"
        said = tr(key)
        return reason if said == key else tr("reminder.reason.outcome", outcome=said.lower())
    if reason in _WORDED:
        return tr(f"reminder.reason.{reason}")
    return reason
