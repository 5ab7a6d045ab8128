"""Errors the services raise to the UI and the CLI. No store import here: the UI uses it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class ServiceError(Exception):
    """A use case could not be carried out; `code` and `params` let the UI say why."""

    def __init__(self, text: str, *, code: str = "service", **params: Any) -> None:
        super().__init__(text)
        self.code = code
        self.params = params


class StoreUnavailable(ServiceError):
    """The database cannot be reached or written (unreachable, read-only, disk full)."""

    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text, code="store_unavailable", message=text, **params)


def store_guard(fn: F) -> F:
    """Database failures (unreachable, locked, read-only, disk full) become StoreUnavailable,
    which the screens show as a message instead of crashing."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import peewee  # here, not at the top: the UI imports this module

        try:
            return fn(*args, **kwargs)
        except peewee.DatabaseError as exc:  # OperationalError and IntegrityError included
            from cockpit.logs import log

            # The type only: a driver's message may quote the values (PostgreSQL does).
            log.warning("database error in %s: %s", fn.__name__, type(exc).__name__)
            text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreUnavailable(text) from exc

    return wrapper  # type: ignore[return-value]
