"""Why a reminder was booked, as the reader says it. The store keeps what the code wrote
("outcome no_answer", "snoozed", "activity") next to what a caller typed ("comité"): the
first are worded here, the second shown as typed."""

from __future__ import annotations

from cockpit.domain.reminder_reasons import OUTCOME, WRITTEN_BY_COCKPIT
from cockpit.i18n import Translator


def reminder_reason(reason: str, tr: Translator) -> str:
    if reason.startswith(OUTCOME):
        key = f"outcome.{reason.removeprefix(OUTCOME)}"
        said = tr(key)
        return reason if said == key else tr("reminder.reason.outcome", outcome=said.lower())
    if reason in WRITTEN_BY_COCKPIT:
        return tr(f"reminder.reason.{reason}")
    return reason
