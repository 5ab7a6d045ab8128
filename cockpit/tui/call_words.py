"""The end of a call in words: what the services' `CallEnded` record says, in the caller's
language (the services return the record, never the words)."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from cockpit.domain.phones import shown_national

if TYPE_CHECKING:
    from cockpit.i18n import Translator
    from cockpit.services.views import CallEnded

def call_end_words(ended: CallEnded, tr: Translator, zone: tzinfo) -> str:
    """"Rappel convenu · rappel 12/06 10:00", or why the end waits on this computer."""
    outcome = tr(f"outcome.{ended.outcome}")
    if ended.kept:
        kept = {"memory": "call.disk_full_memory", "disk_full": "call.disk_full_kept",
                "outbox": "call.outbox"}.get(ended.kept)
        said = tr(kept) if kept else tr("call.refused", reason=ended.refused or "")
        return f"{outcome} · {said}"
    parts = [outcome]
    if ended.reminder_at is not None:
        parts.append(tr("call.ended_reminder",
                        at=ended.reminder_at.astimezone(zone).strftime("%d/%m %H:%M")))
    if ended.blocked is not None:
        parts.append(blocked_words(ended.blocked, tr))
    if ended.new_contact:
        parts.append(tr("call.ended_new_contact"))
    if ended.need_created:
        parts.append(tr("call.ended_need"))
    return " · ".join(parts)


def blocked_words(blocked: Any, tr: Translator) -> str:
    """What "never call me again" blocked, in words: the person, their own numbers, and the
    switchboard left open for their colleagues."""
    def shown(numbers: tuple[str, ...]) -> str:
        return ", ".join(shown_national(n) for n in numbers)

    name = blocked.name or tr("dnc.this_person")
    words = tr("dnc.blocked_numbers", name=name, numbers=shown(blocked.own)) if blocked.own \
        else tr("dnc.blocked_person", name=name)
    if blocked.shared:
        words += " " + tr("dnc.switchboard_open", numbers=shown(blocked.shared))
    return words
