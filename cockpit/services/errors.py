"""Errors the services raise to the UI and the CLI. No store import here: the UI uses it."""

from __future__ import annotations

from typing import Any


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
