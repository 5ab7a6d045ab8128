"""What the caller's workers bring back to the UI thread, one typed message per result.

A worker posts one of these from the widget (or screen) that started it, which handles it
with `@on`; failures travel apart, as `workers.ServiceFailed`. The messages carry data,
never words: the handler, on the UI thread, says what it means in the user's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from cockpit.domain.errors import DomainError
    from cockpit.services.errors import ServiceError
    from cockpit.services.views import CallEnded, CallView, ContactCardView, PersonRef, QueuePage
    from cockpit.tui.screens.end_call import EndCallChoice


# -- the queue, the card, the day (the caller's screen) ----------------------------------------

@dataclass
class QueueLoaded(Message):
    page: QueuePage


@dataclass
class QueuePolled(Message):
    """A quiet refresh: the page when the database answered, and the connection re-read."""

    page: QueuePage | None


@dataclass
class CardLoaded(Message):
    card: ContactCardView | None
    error: ServiceError | DomainError | None = None  # not read: the card shows nobody


@dataclass
class FiguresLoaded(Message):
    figures: dict[str, int]


@dataclass
class OutboxSynced(Message):
    written: int  # ends of calls kept locally, now in the database
    dropped: int  # kept ends about people erased meanwhile, dropped


@dataclass
class QueueEdited(Message):
    """Someone skipped or snoozed: the queue is read again from its start."""


@dataclass
class PersonBlocked(Message):
    blocked: Any  # what services.mark_do_not_call returns, said by call_words.blocked_words


@dataclass
class CardFieldsRead(Message):
    person: PersonRef
    current: dict[str, str]


@dataclass
class CardEdited(Message):
    person: PersonRef
    name: str


# -- the call (the call console) -----------------------------------------------------------------

@dataclass
class CallStarted(Message):
    call: CallView
    draft: str = ""  # the notes of a call resumed
    resumed: bool = False


@dataclass
class CallMoved(Message):
    """An answer taken: the call's next step (or its end, when the script reached one)."""

    call: CallView


@dataclass
class ObjectionRaised(Message):
    call: CallView


@dataclass
class CaptureChecked(Message):
    key: str
    call: CallView | None  # None: refused, for `error`
    error: ServiceError | DomainError | None = None


@dataclass
class DraftSaved(Message):
    at: str  # the time the database took it


@dataclass
class DraftKept(Message):
    """Not saved in the database: kept on this computer, or in memory when its disk is full."""

    error: ServiceError | DomainError


@dataclass
class CallFinished(Message):
    ended: CallEnded  # said by call_words.call_end_words


@dataclass
class FinishRefused(Message):
    error: ServiceError | DomainError
    choice: EndCallChoice


@dataclass
class RedirectAdded(Message):
    name: str
