"""What the caller's workers bring back to the UI thread, one typed message per result.

Plain classes, not dataclasses: each dataclass costs ~0.3 ms to define, and these are all
defined before the first screen.

A worker posts one of these from the widget (or screen) that started it, which handles it
with `@on`; failures travel apart, as `workers.ServiceFailed`. The messages carry data,
never words: the handler, on the UI thread, says what it means in the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from cockpit.domain.errors import DomainError
    from cockpit.services.errors import ServiceError
    from cockpit.services.views import CallEnded, CallView, ContactCardView, PersonRef, QueuePage
    from cockpit.tui.screens.end_call import EndCallChoice


# -- the queue, the card, the day (the caller's screen) ----------------------------------------

class QueueLoaded(Message):
    def __init__(self, page: QueuePage) -> None:
        super().__init__()
        self.page = page


class QueuePolled(Message):
    """A quiet refresh: the page when the database answered, and the connection re-read."""

    def __init__(self, page: QueuePage | None) -> None:
        super().__init__()
        self.page = page


class CardLoaded(Message):
    def __init__(
            self,
            card: ContactCardView | None,
            error: ServiceError | DomainError | None = None,
    ) -> None:
        super().__init__()
        self.card = card
        self.error = error  # not read: the card shows nobody


class FiguresLoaded(Message):
    def __init__(self, figures: dict[str, int]) -> None:
        super().__init__()
        self.figures = figures


class OutboxSynced(Message):
    def __init__(self, written: int, dropped: int) -> None:
        super().__init__()
        self.written = written  # ends of calls kept locally, now in the database
        self.dropped = dropped  # kept ends about people erased meanwhile, dropped


class QueueEdited(Message):
    """Someone skipped or snoozed: the queue is read again from its start."""


class PersonBlocked(Message):
    def __init__(self, blocked: Any) -> None:
        super().__init__()
        # What services.mark_do_not_call returns, said by call_words.blocked_words.
        self.blocked = blocked


class CardFieldsRead(Message):
    def __init__(self, person: PersonRef, current: dict[str, str]) -> None:
        super().__init__()
        self.person = person
        self.current = current


class CardEdited(Message):
    def __init__(self, person: PersonRef, name: str) -> None:
        super().__init__()
        self.person = person
        self.name = name


# -- the call (the call console) -----------------------------------------------------------------

class CallStarted(Message):
    def __init__(self, call: CallView, draft: str = "", resumed: bool = False) -> None:
        super().__init__()
        self.call = call
        self.draft = draft  # the notes of a call resumed
        self.resumed = resumed


class CallMoved(Message):
    """An answer taken: the call's next step (or its end, when the script reached one)."""

    def __init__(self, call: CallView) -> None:
        super().__init__()
        self.call = call


class ObjectionRaised(Message):
    def __init__(self, call: CallView) -> None:
        super().__init__()
        self.call = call


class CaptureChecked(Message):
    def __init__(
            self,
            key: str,
            call: CallView | None,
            error: ServiceError | DomainError | None = None,
    ) -> None:
        super().__init__()
        self.key = key
        self.call = call  # None: refused, for `error`
        self.error = error


class DraftSaved(Message):
    def __init__(self, at: str) -> None:
        super().__init__()
        self.at = at  # the time the database took it


class DraftKept(Message):
    """Not saved in the database: kept on this computer, or in memory when its disk is full."""

    def __init__(self, error: ServiceError | DomainError) -> None:
        super().__init__()
        self.error = error


class CallFinished(Message):
    def __init__(self, ended: CallEnded) -> None:
        super().__init__()
        self.ended = ended  # said by call_words.call_end_words


class FinishRefused(Message):
    def __init__(self, error: ServiceError | DomainError, choice: EndCallChoice) -> None:
        super().__init__()
        self.error = error
        self.choice = choice


class RedirectAdded(Message):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
