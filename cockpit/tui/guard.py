"""Service calls made from worker threads: a refusal or a failure becomes a message on
screen (in the user's language) instead of an exception that would end the program."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cockpit.domain.errors import DomainError
from cockpit.services.errors import ServiceError

if TYPE_CHECKING:
    from cockpit.tui.app import CockpitApp


def guarded_call(app: CockpitApp, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """fn(*args, **kwargs), or None once the reason it failed is on screen."""
    try:
        return fn(*args, **kwargs)
    except (ServiceError, DomainError) as exc:
        app.call_from_thread(app.notify, app.tr.error(exc), severity="error", timeout=8)
        return None
