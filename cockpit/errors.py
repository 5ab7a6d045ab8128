"""Errors from the outer layers turned into one line a user can act on."""

from __future__ import annotations


def explain(exc: BaseException) -> str | None:
    """A clear message for a known failure, or None to let it propagate (a bug)."""
    from cockpit.domain.errors import DomainError
    from cockpit.services.errors import ServiceError

    if isinstance(exc, DomainError):
        return exc.message
    from cockpit.store.db import StoreError, read_only_message

    refused = read_only_message(exc)  # a write the read-only file refused
    if refused is not None:
        return refused
    if isinstance(exc, ServiceError):
        return str(exc)
    if isinstance(exc, StoreError):
        return str(exc)
    from cockpit.content.loader import ContentErrors

    if isinstance(exc, ContentErrors):
        return "the content has problems (run `cockpit check`):\n" + str(exc)
    return None
