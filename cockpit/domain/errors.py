"""Errors the domain raises. Each carries a stable `code` and its `params`, so the interface can
say it in the user's language (cockpit/i18n), and an English message for logs and the CLI."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base class: a rule of the trade was broken."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params = params

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class ValidationError(DomainError, ValueError):
    """A value typed by a user (or read from a file) is not acceptable."""

    code = "invalid"
