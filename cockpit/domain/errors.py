"""Errors the domain raises. Each carries a stable `code` and its `params`, so the interface can
say it in the user's language (cockpit/i18n), and an English message for logs and the CLI."""

from __future__ import annotations

from collections.abc import Mapping

from cockpit.domain.named import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
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


class Reason(NamedTuple):
    """Why a value or a row is refused, kept to be said later in the reader's language (the
    catalogue's `error.<code>` with `params`, as Translator.error says an error); `english`
    is for logs. A named tuple, as every record a short command loads: `dataclasses` costs
    every process ~8 ms of imports (inspect, ast, dis)."""

    code: str
    english: str
    params: Mapping[str, Any] = {}  # never changed in place: the default is shared

    def __str__(self) -> str:
        return self.english

    def __hash__(self) -> int:  # its words, not its parameters (a dict: unhashable)
        return hash((self.code, self.english))

    @classmethod
    def of(cls, exc: BaseException, **defaults: Any) -> Reason:
        """The reason an error gives; `defaults` fill the parameters it does not name (the
        cell's value for an error without a code of its own)."""
        params = {**defaults, **(getattr(exc, "params", None) or {})}
        return cls(getattr(exc, "code", None) or "invalid",
                   getattr(exc, "message", None) or str(exc), params)
