"""Outcome → the next reminder, computed in the person's own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from cockpit.domain.calling_hours import CONSUMER
from cockpit.domain.outcomes import Outcome
from cockpit.domain.queue import REASONS, describe
from cockpit.domain.reminder_rules import FollowUpKind, propose_follow_up

PARIS = "Europe/Paris"
GUADELOUPE = "America/Guadeloupe"
# Monday 23 November 2026, 10:42 in Paris (UTC+1).
MONDAY = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


Case = tuple[str, Outcome, dict[str, Any], datetime, int, str, FollowUpKind, datetime | None, str]
CASES: list[Case] = [
    # (id, outcome, captures, now, attempts today, zone, kind, due (UTC), reason)
    ("no answer at 09:30: +2 h", Outcome.NO_ANSWER, {}, utc(2026, 11, 23, 8, 30), 0, PARIS,
     FollowUpKind.RETRY, utc(2026, 11, 23, 10, 30), "retry_later_today"),
    ("no answer at 10:42: +2 h falls in lunch, so 13:30", Outcome.NO_ANSWER, {}, MONDAY, 0, PARIS,
     FollowUpKind.RETRY, utc(2026, 11, 23, 12, 30), "retry_later_today"),
    ("no answer at 17:00: next working morning", Outcome.NO_ANSWER, {},
     utc(2026, 11, 23, 16, 0), 0, PARIS,
     FollowUpKind.RETRY, utc(2026, 11, 24, 8, 0), "retry_next_morning"),
    ("second no answer: tomorrow", Outcome.NO_ANSWER, {}, MONDAY, 1, PARIS,
     FollowUpKind.RETRY, utc(2026, 11, 24, 8, 0), "retry_tomorrow"),
    ("second no answer on a Friday: Monday", Outcome.NO_ANSWER, {},
     utc(2026, 11, 27, 9, 0), 1, PARIS,
     FollowUpKind.RETRY, utc(2026, 11, 30, 8, 0), "retry_tomorrow"),
    ("no answer in Guadeloupe at 05:42 local: 09:00 local", Outcome.NO_ANSWER, {}, MONDAY, 0,
     GUADELOUPE, FollowUpKind.RETRY, utc(2026, 11, 23, 13, 0), "retry_later_today"),
    ("in a meeting, call back at 15:30", Outcome.CALLBACK, {"callback_at": "15:30"}, MONDAY, 0,
     PARIS, FollowUpKind.CALLBACK, utc(2026, 11, 23, 14, 30), "callback_requested"),
    ("callback at an exact moment", Outcome.CALLBACK,
     {"callback_at": datetime(2026, 11, 25, 16, 15, tzinfo=UTC)}, MONDAY, 0, PARIS,
     FollowUpKind.CALLBACK, utc(2026, 11, 25, 16, 15), "callback_requested"),
    ("callback on a day: its first window", Outcome.CALLBACK, {"callback_at": date(2026, 11, 26)},
     MONDAY, 0, PARIS, FollowUpKind.CALLBACK, utc(2026, 11, 26, 8, 0), "callback_requested"),
    ("callback, no time given: +1 h", Outcome.CALLBACK, {}, MONDAY, 0, PARIS,
     FollowUpKind.CALLBACK, utc(2026, 11, 23, 10, 42), "callback_default"),
    ("callback time already past: +1 h", Outcome.CALLBACK,
     {"callback_at": utc(2026, 11, 20, 9, 0)}, MONDAY, 0, PARIS,
     FollowUpKind.CALLBACK, utc(2026, 11, 23, 10, 42), "callback_default"),
    ("no need, budget in January", Outcome.NO_NEED, {"next_budget": date(2027, 1, 4)}, MONDAY, 0,
     PARIS, FollowUpKind.BUDGET, utc(2027, 1, 4, 8, 0), "budget_date"),
    ("no need, budget as ISO text", Outcome.NO_NEED, {"next_budget": "2027-01-04"}, MONDAY, 0,
     PARIS, FollowUpKind.BUDGET, utc(2027, 1, 4, 8, 0), "budget_date"),
    ("no need, no date: in 3 months", Outcome.NO_NEED, {}, MONDAY, 0, PARIS,
     FollowUpKind.BUDGET, utc(2027, 2, 23, 8, 0), "budget_default"),
    ("no need, unreadable date: in 3 months", Outcome.NO_NEED, {"next_budget": "printemps"},
     MONDAY, 0, PARIS, FollowUpKind.BUDGET, utc(2027, 2, 23, 8, 0), "budget_default"),
    ("need qualified: next business morning", Outcome.NEED_QUALIFIED, {}, MONDAY, 0, PARIS,
     FollowUpKind.FOLLOW_UP, utc(2026, 11, 24, 8, 0), "find_profiles"),
    ("CV sent Monday: Wednesday same time", Outcome.CV_SENT, {}, MONDAY, 0, PARIS,
     FollowUpKind.FOLLOW_UP, utc(2026, 11, 25, 9, 42), "cv_follow_up"),
    ("CV sent the Thursday before Whit Monday: Tuesday", Outcome.CV_SENT, {},
     utc(2026, 5, 21, 8, 0), 0, PARIS,
     FollowUpKind.FOLLOW_UP, utc(2026, 5, 26, 8, 0), "cv_follow_up"),
    ("CV sent at 19:00: pushed to the next morning", Outcome.CV_SENT, {},
     utc(2026, 11, 23, 18, 0), 0, PARIS,
     FollowUpKind.FOLLOW_UP, utc(2026, 11, 26, 8, 0), "cv_follow_up"),
    ("info sent: two business days", Outcome.INFO_SENT, {}, MONDAY, 0, PARIS,
     FollowUpKind.FOLLOW_UP, utc(2026, 11, 25, 9, 42), "info_follow_up"),
    ("referencing: five business days", Outcome.REFERENCING, {}, MONDAY, 0, PARIS,
     FollowUpKind.FOLLOW_UP, utc(2026, 11, 30, 9, 42), "referencing_follow_up"),
    ("redirected: call the new contact now", Outcome.REDIRECTED,
     {"new_contact_name": "Mme Durand"}, MONDAY, 0, PARIS,
     FollowUpKind.NEW_CONTACT, MONDAY, "new_contact"),
    ("refused: 60 days", Outcome.REFUSED, {}, MONDAY, 0, PARIS,
     FollowUpKind.COOLDOWN, MONDAY + timedelta(days=60), "cooldown_after_refusal"),
    ("do not call: for good, no date", Outcome.DO_NOT_CALL, {}, MONDAY, 0, PARIS,
     FollowUpKind.DO_NOT_CALL, None, "do_not_call_for_good"),
    ("freelance free mid-January: 3 business days before", Outcome.FREELANCE_UNAVAILABLE,
     {"available_from": date(2027, 1, 15)}, MONDAY, 0, PARIS,
     FollowUpKind.CALLBACK, utc(2027, 1, 12, 8, 0), "freelance_available_soon"),
    ("freelance free in two days: tomorrow morning", Outcome.FREELANCE_UNAVAILABLE,
     {"available_from": "2026-11-25"}, MONDAY, 0, PARIS,
     FollowUpKind.CALLBACK, utc(2026, 11, 24, 8, 0), "freelance_available_soon"),
    ("freelance on a mission, no date: in 30 days", Outcome.FREELANCE_UNAVAILABLE, {}, MONDAY, 0,
     PARIS, FollowUpKind.CALLBACK, utc(2026, 12, 23, 8, 0), "freelance_return_unknown"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("outcome", "captures", "now", "attempts", "zone", "kind", "due", "reason"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_outcome_books_the_right_follow_up(
    outcome: Outcome,
    captures: dict[str, Any],
    now: datetime,
    attempts: int,
    zone: str,
    kind: FollowUpKind,
    due: datetime | None,
    reason: str,
) -> None:
    follow_up = propose_follow_up(outcome, captures, now, attempts, zone)
    assert follow_up is not None
    assert (follow_up.kind, follow_up.due_at, follow_up.reason_code) == (kind, due, reason)
    for lang in ("fr", "en"):
        text = describe(follow_up.reason_code, follow_up.params, lang)
        assert follow_up.reason_code in REASONS and "{" not in text


@pytest.mark.parametrize(
    "outcome",
    [Outcome.WRONG_NUMBER, Outcome.FREELANCE_CONFIRMED, Outcome.FREELANCE_DECLINED],
)
def test_outcomes_without_follow_up(outcome: Outcome) -> None:
    assert propose_follow_up(outcome, {}, MONDAY, 0, PARIS) is None


def test_redirected_carries_who_to_call() -> None:
    captures = {"new_contact_name": "Mme Durand", "new_contact_phone": "01 42 68 53 00"}
    follow_up = propose_follow_up("redirected", captures, MONDAY, 0, PARIS)
    assert follow_up is not None and dict(follow_up.params) == captures


def test_policy_changes_the_windows_and_the_cooldown() -> None:
    # Consumers are not called before 10:00: a no-answer at 17:30 is retried at 10:00 next day.
    follow_up = propose_follow_up(
        Outcome.NO_ANSWER, {}, utc(2026, 11, 23, 16, 30), 0, PARIS, policy=CONSUMER
    )
    assert follow_up is not None and follow_up.due_at == utc(2026, 11, 23, 18, 30)
    follow_up = propose_follow_up(Outcome.NO_ANSWER, {}, MONDAY, 1, PARIS, policy=CONSUMER)
    assert follow_up is not None and follow_up.due_at == utc(2026, 11, 24, 9, 0)


def test_every_call_follow_up_is_due_within_calling_hours() -> None:
    from cockpit.domain.calling_hours import BUSINESS, can_call_at

    for hour in range(24):
        now = MONDAY.replace(hour=hour, minute=17)
        for outcome in Outcome:
            follow_up = propose_follow_up(outcome, {}, now, 0, GUADELOUPE)
            if follow_up is None or follow_up.kind in (
                FollowUpKind.COOLDOWN,
                FollowUpKind.DO_NOT_CALL,
                FollowUpKind.NEW_CONTACT,
            ):
                continue
            assert follow_up.due_at is not None and follow_up.due_at > now, (outcome, hour)
            assert can_call_at(BUSINESS, follow_up.due_at, GUADELOUPE).allowed, (outcome, hour)


def test_naive_callback_time_is_the_persons_local_time() -> None:
    follow_up = propose_follow_up(
        Outcome.CALLBACK, {"callback_at": datetime(2026, 11, 23, 15, 0)}, MONDAY, 0, GUADELOUPE
    )
    assert follow_up is not None and follow_up.due_at == utc(2026, 11, 23, 19, 0)
    bare = propose_follow_up(Outcome.CALLBACK, {"callback_at": time(15, 0)}, MONDAY, 0, GUADELOUPE)
    assert bare is not None and bare.due_at == utc(2026, 11, 23, 19, 0)


def test_naive_now_is_refused() -> None:
    from cockpit.domain.errors import ValidationError

    with pytest.raises(ValidationError) as error:
        propose_follow_up(Outcome.NO_ANSWER, {}, datetime(2026, 11, 23, 10, 0), 0, PARIS)
    assert error.value.code == "naive_datetime"
