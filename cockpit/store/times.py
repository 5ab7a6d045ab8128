"""The store keeps naive UTC datetimes (the same on SQLite and PostgreSQL); the rest of the
program sees aware ones. These two functions are the only crossing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


@overload
def naive(moment: datetime) -> datetime: ...
@overload
def naive(moment: None) -> None: ...
def naive(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment is not None else None


@overload
def aware(moment: datetime | str) -> datetime: ...
@overload
def aware(moment: None) -> None: ...
@overload
def aware(moment: datetime | str | None) -> datetime | None: ...
def aware(moment: datetime | str | None) -> datetime | None:
    """From a stored value (a datetime, or text as SQLite returns it through raw SQL)."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC)
