"""Service calls from worker threads, and what comes back to the UI thread.

A worker never reads or changes widgets: it calls a service through `run_service` and posts
a typed message with the result (Textual's post_message may be called from any thread). A
refusal or a failure is posted as `ServiceFailed`, which bubbles up to the app, where one
handler says it and keeps the connection state (`CockpitApp.connection`) that the top bar
watches."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, ParamSpec, TypeVar

from textual.dom import DOMNode
from textual.message import Message
from textual.message_pump import MessagePump

from cockpit.domain.errors import DomainError
from cockpit.services.errors import ServiceError

P = ParamSpec("P")
T = TypeVar("T")


class Connection(NamedTuple):
    """What the last database work said about the database. A named tuple, not a frozen
    dataclass (the same fields, equality and repr): defined before the first screen, it cost
    ~0.6 ms to create instead of ~0.1."""

    offline: bool = False  # it failed: ends of calls wait locally
    refused: bool = False  # the server refused a write (a role's rights)
    disk_full: bool = False  # no room left (the database's disk or the state folder's)


class ServiceFailed(Message):
    """A service refused or failed; bubbles up to the app, which says why."""

    def __init__(self, error: ServiceError | DomainError) -> None:
        super().__init__()
        self.error = error


def run_service(node: MessagePump, fn: Callable[P, T], *args: P.args,
                **kwargs: P.kwargs) -> T | None:
    """fn(*args, **kwargs) in the calling (worker) thread; None once a failure is posted from
    `node` as ServiceFailed."""
    try:
        return fn(*args, **kwargs)
    except (ServiceError, DomainError) as exc:
        node.post_message(ServiceFailed(exc))
        return None



def start_service(node: DOMNode, fn: Callable[[], T], done: Callable[[T], Message | None],
                  *, group: str, exclusive: bool = False,
                  failed: Callable[[ServiceError | DomainError], Message] | None = None) -> None:
    """The one way a screen or a widget calls a service: `fn` (its arguments gathered on the
    UI thread: a worker never reads widgets) runs in a worker thread; what it returned comes
    back as the message `done(result)` (None: nothing to say), posted from `node` and handled
    there with `@on`. A failure is posted as ServiceFailed, said by the app; or as
    `failed(error)` for a node that shows it in place (a field, the notes' status)."""

    def work() -> None:
        try:
            result = fn()
        except (ServiceError, DomainError) as exc:
            node.post_message(ServiceFailed(exc) if failed is None else failed(exc))
            return
        message = done(result)
        if message is not None:
            node.post_message(message)

    node.run_worker(work, thread=True, group=group, exclusive=exclusive)
