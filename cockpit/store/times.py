"""The store keeps naive UTC datetimes (the same on SQLite and PostgreSQL); the rest of the
program sees aware ones. These two functions are the only crossing."""

from __future__ import annotations

from datetime import UTC, datetime

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import overload
else:  # typing's at run time would load it for every short command (domain/named.py)
    from cockpit.domain.named import overload
# (the linter knows overloads by typing's own at run time: noqa F811 below)


@overload
def naive(moment: datetime) -> datetime: ...
@overload
def naive(moment: None) -> None: ...  # noqa: F811
def naive(moment: datetime | None) -> datetime | None:  # noqa: F811
    return moment.astimezone(UTC).replace(tzinfo=None) if moment is not None else None


@overload
def aware(moment: datetime | str) -> datetime: ...
@overload
def aware(moment: None) -> None: ...  # noqa: F811
@overload
def aware(moment: datetime | str | None) -> datetime | None: ...  # noqa: F811
def aware(moment: datetime | str | None) -> datetime | None:  # noqa: F811
    """From a stored value (a datetime, or text as SQLite returns it through raw SQL)."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC)
