"""When a person may be called: windows in their own time zone, working days only, and caps.

Two presets:

- `BUSINESS` (B2B, the default): Monday–Friday 09:00–12:30 and 13:30–18:30, local time of
  the number. Decision makers read mail before nine and leave the office after half past six;
  the lunch hour is cut out because nobody answers a switchboard then. Attempt cap and refusal
  delay follow the consumer figures, so that a company is never harassed either; but the cap
  never holds back a call the person agreed to (a callback, a follow-up they expect).
- `CONSUMER` (private individuals, French rules of 2023): Monday–Friday 10:00–13:00 and
  14:00–20:00, at most 4 attempts in 30 days, 60 days after a refusal.

Neither calls on weekends or French public holidays (the French list is used for overseas
departments too)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cockpit.domain.errors import ValidationError
from cockpit.domain.named import TYPE_CHECKING, NamedTuple
from cockpit.domain.workdays import is_holiday

if TYPE_CHECKING:
    from typing import Any

Window = tuple[time, time]

# Reason codes of a verdict (described in cockpit.domain.queue.REASONS).
WITHIN_HOURS = "within_hours"
OUTSIDE_HOURS = "outside_hours"
WEEKEND = "weekend"
HOLIDAY = "holiday"

# What the codes say, in French and English (merged into cockpit.domain.queue.REASONS).
HOURS_REASONS: Mapping[str, Mapping[str, str]] = {
    OUTSIDE_HOURS: {
        "fr": "Hors des heures d'appel ({local_time} à {zone})\u00a0: dès le {next:%d/%m %H:%M}",
        "en": "Outside calling hours ({local_time} in {zone}): from {next:%d %b %H:%M}",
    },
    WEEKEND: {
        "fr": "Week-end chez le contact ({zone}) : dès le {next:%d/%m %H:%M}",
        "en": "Weekend where the contact is ({zone}): from {next:%d %b %H:%M}",
    },
    HOLIDAY: {
        "fr": "Jour férié chez le contact : dès le {next:%d/%m %H:%M}",
        "en": "Public holiday where the contact is: from {next:%d %b %H:%M}",
    },
    WITHIN_HOURS: {"fr": "Dans les heures d'appel", "en": "Within calling hours"},
}

_SEARCH_DAYS = 400  # more than a year of days off means the policy has no windows at all


class _PolicyFields(NamedTuple):
    name: str
    # Index 0 = Monday … 6 = Sunday; each day lists its (start, end) windows, end excluded.
    weekday_windows: tuple[tuple[Window, ...], ...]
    allowed_on_holidays: bool = False
    max_attempts: int = 4
    attempts_window_days: int = 30
    refusal_cooldown_days: int = 60
    # Does the attempts cap also hold back the calls booked with the person? The consumer
    # rule counts every call; between companies, a call agreed on is never one too many.
    booked_calls_capped: bool = True


class CallingPolicy(_PolicyFields):
    """The rules of calling for one kind of audience, checked when made. A named tuple (no
    dataclasses: ~8 ms of imports for every short command)."""

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> CallingPolicy:
        policy = super().__new__(cls, *args, **kwargs)
        policy._check()
        return policy

    def _check(self) -> None:
        if len(self.weekday_windows) != 7:
            raise ValidationError(
                "a calling policy needs windows for the 7 days of the week",
                code="policy_needs_seven_days",
                name=self.name,
            )
        if not any(self.weekday_windows):
            raise ValidationError(
                "a calling policy must allow calls on at least one day",
                code="policy_without_windows",
                name=self.name,
            )
        for windows in self.weekday_windows:
            previous_end = time.min
            for start, end in windows:
                if not previous_end <= start < end:
                    raise ValidationError(
                        "calling windows must be in order, non-empty and must not overlap",
                        code="policy_bad_window",
                        name=self.name,
                        start=start.isoformat("minutes"),
                        end=end.isoformat("minutes"),
                    )
                previous_end = end
        for field in ("max_attempts", "attempts_window_days", "refusal_cooldown_days"):
            if getattr(self, field) < 0:
                raise ValidationError(
                    f"{field} cannot be negative",
                    code="policy_negative",
                    name=self.name,
                    field=field,
                )

    def windows_on(self, d: date) -> tuple[Window, ...]:
        """The windows of a local date: none on days off."""
        if not self.allowed_on_holidays and is_holiday(d):
            return ()
        return self.weekday_windows[d.weekday()]

    def opening(self, d: date) -> time | None:
        """The first window's start on a local date, None on a day off."""
        windows = self.windows_on(d)
        return windows[0][0] if windows else None


def _workweek(*windows: Window) -> tuple[tuple[Window, ...], ...]:
    return (tuple(windows),) * 5 + ((), ())


BUSINESS = CallingPolicy(
    name="business",
    weekday_windows=_workweek((time(9, 0), time(12, 30)), (time(13, 30), time(18, 30))),
    booked_calls_capped=False,
)
CONSUMER = CallingPolicy(
    name="consumer",
    weekday_windows=_workweek((time(10, 0), time(13, 0)), (time(14, 0), time(20, 0))),
)
POLICIES = {policy.name: policy for policy in (BUSINESS, CONSUMER)}


class Verdict(NamedTuple):
    """May we call now? If not, why, and from when (UTC). When allowed, next_allowed is now."""

    allowed: bool
    reason_code: str
    next_allowed_utc: datetime
    local_time: datetime  # the moment asked about, in the person's zone


def zone_of(time_zone: str) -> ZoneInfo:
    """The IANA zone, or a ValidationError the interface can show."""
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            f"unknown time zone {time_zone!r}", code="time_zone_unknown", value=time_zone
        ) from exc


def require_aware(when: datetime) -> None:
    """Refuse a naive datetime: without its zone, a moment means nothing to a calendar."""
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValidationError(
            "a moment must carry its time zone", code="naive_datetime", value=when.isoformat()
        )


def _next_opening(policy: CallingPolicy, local: datetime) -> tuple[bool, datetime]:
    """(True, `local`) inside a window, else (False, the next window start in the local zone)."""
    zone = local.tzinfo
    today = local.date()
    now_time = local.time()
    for offset in range(_SEARCH_DAYS):
        day = today + timedelta(days=offset)
        for start, end in policy.windows_on(day):
            if offset == 0:
                if now_time < start:
                    return False, datetime.combine(day, start, tzinfo=zone)
                if now_time < end:
                    return True, local
            else:
                return False, datetime.combine(day, start, tzinfo=zone)
    raise ValidationError(  # pragma: no cover - __post_init__ forbids a policy without windows
        "no calling window in the coming year", code="policy_without_windows", name=policy.name
    )


def can_call_at(policy: CallingPolicy, when_utc: datetime, time_zone: str) -> Verdict:
    """Judge a moment in the person's own time zone (from their phone number)."""
    require_aware(when_utc)
    local = when_utc.astimezone(zone_of(time_zone))
    allowed, opening = _next_opening(policy, local)
    if allowed:
        return Verdict(True, WITHIN_HOURS, when_utc.astimezone(UTC), local)
    day = local.date()
    if not policy.allowed_on_holidays and is_holiday(day):
        reason = HOLIDAY
    elif not policy.weekday_windows[day.weekday()]:
        reason = WEEKEND  # a day the policy never calls on: Saturday and Sunday in the presets
    else:
        reason = OUTSIDE_HOURS
    return Verdict(False, reason, opening.astimezone(UTC), local)


def next_allowed(policy: CallingPolicy, when_utc: datetime, time_zone: str) -> datetime:
    """The first moment at or after `when_utc` inside the calling hours (UTC)."""
    return can_call_at(policy, when_utc, time_zone).next_allowed_utc


def opening_on_or_after(policy: CallingPolicy, d: date, time_zone: str) -> datetime:
    """The first window start on `d` or the next callable day, in UTC ("that morning")."""
    zone = zone_of(time_zone)
    for offset in range(_SEARCH_DAYS):
        day = d + timedelta(days=offset)
        start = policy.opening(day)
        if start is not None:
            return datetime.combine(day, start, tzinfo=zone).astimezone(UTC)
    raise ValidationError(  # pragma: no cover - __post_init__ forbids a policy without windows
        "no calling window in the coming year", code="policy_without_windows", name=policy.name
    )
