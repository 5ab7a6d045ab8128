"""Calling hours are judged where the phone rings, from the number's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.domain.calling_hours import (
    BUSINESS,
    CONSUMER,
    CallingPolicy,
    can_call_at,
    next_allowed,
    opening_on_or_after,
)
from cockpit.domain.errors import ValidationError
from cockpit.domain.phones import parse_phone

PARIS = parse_phone("01 42 68 53 00").time_zone
GUADELOUPE = parse_phone("0690 12 34 56").time_zone
MONTREAL = parse_phone("+1 514 555 0199").time_zone


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_zones_come_from_the_numbers() -> None:
    assert PARIS == "Europe/Paris"
    assert GUADELOUPE == "America/Guadeloupe"
    assert MONTREAL.startswith("America/")


@pytest.mark.parametrize(
    ("when", "zone", "allowed", "reason", "next_at"),
    [
        # Monday 23 Nov 2026, 09:42 UTC: 10:42 in Paris, 05:42 in Guadeloupe, 04:42 in Montréal.
        (utc(2026, 11, 23, 9, 42), PARIS, True, "within_hours", utc(2026, 11, 23, 9, 42)),
        (utc(2026, 11, 23, 9, 42), GUADELOUPE, False, "outside_hours", utc(2026, 11, 23, 13, 0)),
        (utc(2026, 11, 23, 9, 42), MONTREAL, False, "outside_hours", utc(2026, 11, 23, 14, 0)),
        # Same day 22:00 UTC: 23:00 in Paris (closed), 18:00 in Guadeloupe, 17:00 in Montréal.
        (utc(2026, 11, 23, 22, 0), PARIS, False, "outside_hours", utc(2026, 11, 24, 8, 0)),
        (utc(2026, 11, 23, 22, 0), GUADELOUPE, True, "within_hours", utc(2026, 11, 23, 22, 0)),
        (utc(2026, 11, 23, 22, 0), MONTREAL, True, "within_hours", utc(2026, 11, 23, 22, 0)),
        # Lunch in Paris (12:45) → 13:30.
        (utc(2026, 11, 23, 11, 45), PARIS, False, "outside_hours", utc(2026, 11, 23, 12, 30)),
        # Window edges: 09:00 opens, 18:30 closes.
        (utc(2026, 11, 23, 8, 0), PARIS, True, "within_hours", utc(2026, 11, 23, 8, 0)),
        (utc(2026, 11, 23, 17, 30), PARIS, False, "outside_hours", utc(2026, 11, 24, 8, 0)),
        # Saturday → Monday 09:00.
        (utc(2026, 11, 28, 10, 0), PARIS, False, "weekend", utc(2026, 11, 30, 8, 0)),
        # Tuesday 14 July 2026 → Wednesday 09:00 (summer time: UTC+2).
        (utc(2026, 7, 14, 9, 0), PARIS, False, "holiday", utc(2026, 7, 15, 7, 0)),
        # French holidays apply overseas too.
        (utc(2026, 7, 14, 15, 0), GUADELOUPE, False, "holiday", utc(2026, 7, 15, 13, 0)),
        # Friday evening in Montréal is Saturday in Paris: still callable over there.
        (utc(2026, 11, 27, 23, 0), MONTREAL, True, "within_hours", utc(2026, 11, 27, 23, 0)),
    ],
)
def test_business_hours_in_the_contacts_zone(
    when: datetime, zone: str, allowed: bool, reason: str, next_at: datetime
) -> None:
    verdict = can_call_at(BUSINESS, when, zone)
    assert (verdict.allowed, verdict.reason_code) == (allowed, reason)
    assert verdict.next_allowed_utc == next_at


@pytest.mark.parametrize(
    ("paris_time", "business", "consumer"),
    [
        (time(9, 30), True, False),  # consumers not before 10:00
        (time(13, 15), False, False),
        (time(13, 45), True, False),  # consumers lunch until 14:00
        (time(19, 30), False, True),  # consumers until 20:00
        (time(20, 0), False, False),
    ],
)
def test_consumer_policy_is_a_separate_preset(
    paris_time: time, business: bool, consumer: bool
) -> None:
    # Tuesday 24 Nov 2026, Paris is UTC+1.
    when = datetime.combine(datetime(2026, 11, 24).date(), paris_time, tzinfo=UTC) - timedelta(
        hours=1
    )
    assert can_call_at(BUSINESS, when, PARIS).allowed is business
    assert can_call_at(CONSUMER, when, PARIS).allowed is consumer


def test_presets_carry_the_caps() -> None:
    for policy in (BUSINESS, CONSUMER):
        assert (policy.max_attempts, policy.attempts_window_days) == (4, 30)
        assert policy.refusal_cooldown_days == 60
        assert policy.allowed_on_holidays is False
    # The consumer cap counts every call; between companies, not a call the person agreed to.
    assert CONSUMER.booked_calls_capped is True and BUSINESS.booked_calls_capped is False


@pytest.mark.parametrize(
    ("when", "reason", "next_at"),
    [
        (utc(2026, 11, 23, 7, 10), "outside_hours", utc(2026, 11, 23, 8, 0)),  # 08:10 → 09:00
        (utc(2026, 11, 23, 11, 45), "outside_hours", utc(2026, 11, 23, 12, 30)),  # 12:45 → 13:30
        (utc(2026, 11, 23, 18, 0), "outside_hours", utc(2026, 11, 24, 8, 0)),  # 19:00 → Tue
        (utc(2026, 11, 28, 9, 0), "weekend", utc(2026, 11, 30, 8, 0)),  # Saturday → Monday
        (utc(2026, 12, 25, 9, 0), "holiday", utc(2026, 12, 28, 8, 0)),  # Christmas (Fri) → Mon
    ],
    ids=["08:10", "12:45", "19:00", "saturday", "25-december"],
)
def test_a_morning_that_is_not_open_yet_says_when_it_opens(
    when: datetime, reason: str, next_at: datetime
) -> None:
    verdict = can_call_at(BUSINESS, when, PARIS)
    assert (verdict.allowed, verdict.reason_code, verdict.next_allowed_utc) == (
        False, reason, next_at)
    assert next_allowed(BUSINESS, next_at, PARIS) == next_at  # the opening itself is open


def test_opening_on_or_after_skips_days_off() -> None:
    # Saturday 23 May 2026 → Tuesday 26 (Whit Monday off), 09:00 Paris = 07:00 UTC.
    assert opening_on_or_after(BUSINESS, datetime(2026, 5, 23).date(), PARIS) == utc(
        2026, 5, 26, 7, 0
    )


def test_naive_moment_and_unknown_zone_are_refused() -> None:
    with pytest.raises(ValidationError) as naive:
        can_call_at(BUSINESS, datetime(2026, 11, 23, 10, 0), PARIS)
    assert naive.value.code == "naive_datetime"
    with pytest.raises(ValidationError) as zone:
        can_call_at(BUSINESS, utc(2026, 11, 23, 10, 0), "Mars/Olympus")
    assert zone.value.code == "time_zone_unknown"


@pytest.mark.parametrize(
    ("windows", "code"),
    [
        ((((time(9), time(12)), (time(11), time(14))),) * 7, "policy_bad_window"),
        ((((time(12), time(9)),),) * 7, "policy_bad_window"),
        (((),) * 7, "policy_without_windows"),
        ((((time(9), time(12)),),) * 5, "policy_needs_seven_days"),
    ],
)
def test_bad_policies_are_refused(windows: tuple, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        CallingPolicy(name="bad", weekday_windows=windows)
    assert error.value.code == code


ZONES = st.sampled_from([PARIS, GUADELOUPE, MONTREAL, "Indian/Reunion", "Pacific/Noumea"])
MOMENTS = st.datetimes(datetime(2025, 1, 1), datetime(2028, 12, 31), timezones=st.just(UTC))


@given(MOMENTS, ZONES, st.sampled_from([BUSINESS, CONSUMER]))
def test_next_allowed_is_never_earlier_and_always_allowed(
    when: datetime, zone: str, policy: CallingPolicy
) -> None:
    verdict = can_call_at(policy, when, zone)
    assert verdict.next_allowed_utc >= when
    assert can_call_at(policy, verdict.next_allowed_utc, zone).allowed
    assert (verdict.next_allowed_utc == when) is verdict.allowed
    assert next_allowed(policy, verdict.next_allowed_utc, zone) == verdict.next_allowed_utc
