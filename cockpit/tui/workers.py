"""Service calls from worker threads, and what comes back to the UI thread.

A worker never reads or changes widgets: it calls a service through `run_service` and posts
a typed message with the result (Textual's post_message may be called from any thread). A
refusal or a failure is posted as `ServiceFailed`, which bubbles up to the app, where one
handler says it and keeps the connection state (`CockpitApp.connection`) that the top bar
watches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from textual.message import Message
from textual.message_pump import MessagePump

from cockpit.domain.errors import DomainError
from cockpit.services.errors import ServiceError

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Connection:
    """What the last database work said about the database."""

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
