"""Errors from the outer layers turned into one line a user can act on."""

from __future__ import annotations


def explain(exc: BaseException) -> str | None:
    """A clear message for a known failure, or None to let it propagate (a bug)."""
    from cockpit.domain.errors import DomainError
    from cockpit.services.errors import ServiceError

    if isinstance(exc, DomainError):
        return exc.message
    from cockpit.store.db import read_only_message  # a write the read-only file refused

    refused = read_only_message(exc)
    if refused is not None:
        return refused
    if isinstance(exc, ServiceError):
        return str(exc)
    try:
        from cockpit.store.db import StoreError
    except ImportError:  # pragma: no cover - the store always exists in a release
        StoreError = ()  # type: ignore[assignment]
    if StoreError and isinstance(exc, StoreError):
        return str(exc)
    try:
        from cockpit.content.loader import ContentErrors
    except ImportError:  # pragma: no cover
        return None
    if isinstance(exc, ContentErrors):
        return "the content has problems (run `cockpit check`):\n" + str(exc)
    return None
