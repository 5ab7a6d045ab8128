"""From the end of a call to the next step: which reminder to book, and when.

Every delay lives in the table below; due times are UTC, computed in the person's own zone
and kept inside the calling hours of the policy (except a time the person chose)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from cockpit.domain.calling_hours import (
    BUSINESS,
    CallingPolicy,
    next_allowed,
    opening_on_or_after,
    require_aware,
    zone_of,
)
from cockpit.domain.named import TYPE_CHECKING, NamedTuple
from cockpit.domain.outcomes import Outcome
from cockpit.domain.reminder_reasons import REFUSED, after_outcome
from cockpit.domain.workdays import add_business_days, next_working_moment

if TYPE_CHECKING:
    from typing import Any

# ---- The table: every delay of the rules -------------------------------------------------
RETRY_DELAY = timedelta(hours=2)  # no answer: try again later the same day…
SAME_DAY_RETRIES = 1  # …this many times; after that, the next working morning
CALLBACK_DEFAULT_DELAY = timedelta(hours=1)  # "in a meeting" and no time given
NO_NEED_DEFAULT_MONTHS = 3  # no need and no budget date given
FREELANCE_LEAD_BUSINESS_DAYS = 3  # call an unavailable freelance this long before they are free
FREELANCE_UNKNOWN_RETURN_DAYS = 30  # unavailable and no date given
# Follow-ups counted in working days (weekends and French public holidays skipped).
BUSINESS_DAY_FOLLOW_UPS: Mapping[Outcome, int] = {
    # Our choice: the day after a need is qualified, look for profiles and call the DO back
    # with them; the training does not fix this delay.
    Outcome.NEED_QUALIFIED: 1,
    Outcome.CV_SENT: 2,  # two working days without an answer after an anonymised CV
    Outcome.INFO_SENT: 2,
    Outcome.REFERENCING: 5,  # let the referencing steps move before chasing
}
# Refusal: the policy's refusal_cooldown_days (60 by default). Do-not-call: for good.
# -------------------------------------------------------------------------------------------


class FollowUpKind(StrEnum):
    RETRY = "retry"
    CALLBACK = "callback"
    BUDGET = "budget"
    FOLLOW_UP = "follow_up"
    COOLDOWN = "cooldown"  # not a call: nobody calls the person before due_at
    DO_NOT_CALL = "do_not_call"  # not a call: flag the person, book nothing
    NEW_CONTACT = "new_contact"  # call the person we were redirected to


class FollowUp(NamedTuple):
    kind: FollowUpKind
    due_at: datetime | None  # UTC; None for do-not-call
    reason_code: str  # described by cockpit.domain.queue.describe
    params: Mapping[str, Any] = {}  # never changed in place: the default is shared


FOLLOW_UP_REASONS: Mapping[str, Mapping[str, str]] = {
    "retry_later_today": {
        "fr": "Pas de réponse : nouvel essai plus tard dans la journée",
        "en": "No answer: try again later today",
    },
    "retry_next_morning": {
        "fr": "Pas de réponse : nouvel essai le prochain matin ouvré",
        "en": "No answer: try again the next working morning",
    },
    "retry_tomorrow": {
        "fr": "Pas de réponse ({attempts} essais aujourd'hui) : on rappelle demain",
        "en": "No answer ({attempts} attempts today): call again tomorrow",
    },
    "callback_requested": {
        "fr": "Rappel à l'heure convenue",
        "en": "Call back at the agreed time",
    },
    "callback_default": {
        "fr": "Rappel dans une heure (aucune heure donnée)",
        "en": "Call back in an hour (no time given)",
    },
    "budget_date": {
        "fr": "Pas de besoin : rappel à la date du prochain budget",
        "en": "No need: call back when the next budget opens",
    },
    "budget_default": {
        "fr": "Pas de besoin : rappel dans {months} mois",
        "en": "No need: call back in {months} months",
    },
    "find_profiles": {
        "fr": "Besoin qualifié : chercher des profils et rappeler le DO",
        "en": "Need qualified: find profiles and call the decision maker back",
    },
    "cv_follow_up": {
        "fr": "Relance du CV envoyé ({days} jours ouvrés)",
        "en": "Follow up the CV sent ({days} working days)",
    },
    "info_follow_up": {
        "fr": "Relance après l'envoi de nos coordonnées ({days} jours ouvrés)",
        "en": "Follow up the information sent ({days} working days)",
    },
    "referencing_follow_up": {
        "fr": "Suivi du référencement ({days} jours ouvrés)",
        "en": "Follow up the referencing ({days} working days)",
    },
    "new_contact": {
        "fr": "Appeler la personne indiquée",
        "en": "Call the person we were referred to",
    },
    "cooldown_after_refusal": {
        "fr": "Refus : pas d'appel avant {days} jours",
        "en": "Refused: no call for {days} days",
    },
    "do_not_call_for_good": {
        "fr": "Ne plus jamais appeler",
        "en": "Never call again",
    },
    "freelance_available_soon": {
        "fr": "Rappeler le freelance quelques jours avant sa disponibilité",
        "en": "Call the freelance a few days before they are free",
    },
    "freelance_return_unknown": {
        "fr": "Freelance en mission : reprendre des nouvelles dans {days} jours",
        "en": "Freelance on a mission: check again in {days} days",
    },
}


def _to_utc(value: Any, zone_name: str, policy: CallingPolicy) -> datetime | None:
    """A captured moment (datetime, date, time or ISO text) in UTC; None when unusable.

    A date alone means that day's first calling window; a naive time is the person's local time.
    A bad capture falls back to the default delay rather than failing the end of a call."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
        except ValueError:
            try:
                value = time.fromisoformat(text)
            except ValueError:
                return None
    zone = zone_of(zone_name)
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(UTC)
    if isinstance(value, date):
        return opening_on_or_after(policy, value, zone_name)
    if isinstance(value, time):
        return None  # a bare time needs "today": handled by the caller of this helper
    return None


def _add_months(d: date, months: int) -> date:
    month_index = d.month - 1 + months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(d.day, _days_in(year, month)))


def _days_in(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without calendar (it imports locale and `re`:
    ~5 ms of every short command)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _same_time_after_business_days(
    now: datetime, days: int, zone_name: str, policy: CallingPolicy
) -> datetime:
    """`days` working days later at the same local time, pushed into the calling hours."""
    local = now.astimezone(zone_of(zone_name))
    target_day = add_business_days(local.date(), days)
    target = datetime.combine(target_day, local.time(), tzinfo=local.tzinfo)
    return next_allowed(policy, target.astimezone(UTC), zone_name)


def _callback_at(
    captured: Any, now: datetime, zone_name: str, policy: CallingPolicy
) -> datetime | None:
    if isinstance(captured, str):
        with contextlib.suppress(ValueError):
            captured = time.fromisoformat(captured.strip())
    if isinstance(captured, time):
        local_now = now.astimezone(zone_of(zone_name))
        moment = datetime.combine(
            local_now.date(), captured.replace(tzinfo=None), tzinfo=local_now.tzinfo
        )
        if moment <= local_now:
            moment += timedelta(days=1)
        return moment.astimezone(UTC)
    return _to_utc(captured, zone_name, policy)


def propose_follow_up(
    outcome: Outcome | str,
    captures: Mapping[str, Any],
    now: datetime,
    attempts_today: int,
    tz: str,
    policy: CallingPolicy = BUSINESS,
) -> FollowUp | None:
    """The reminder to book after a call, or None when nothing follows.

    `attempts_today` counts the earlier unanswered attempts of the same local day, not the
    call that just ended. `tz` is the person's own zone (from their number)."""
    outcome = Outcome(outcome)
    require_aware(now)
    now = now.astimezone(UTC)
    local_today = now.astimezone(zone_of(tz)).date()

    if outcome is Outcome.NO_ANSWER:
        if attempts_today >= SAME_DAY_RETRIES:
            due = opening_on_or_after(policy, local_today + timedelta(days=1), tz)
            return FollowUp(
                FollowUpKind.RETRY, due, "retry_tomorrow", {"attempts": attempts_today + 1}
            )
        due = next_allowed(policy, now + RETRY_DELAY, tz)
        same_day = due.astimezone(zone_of(tz)).date() == local_today
        return FollowUp(
            FollowUpKind.RETRY, due, "retry_later_today" if same_day else "retry_next_morning"
        )

    if outcome is Outcome.CALLBACK:
        asked = _callback_at(captures.get("callback_at"), now, tz, policy)
        if asked is not None and asked > now:
            return FollowUp(FollowUpKind.CALLBACK, asked, "callback_requested")
        due = next_allowed(policy, now + CALLBACK_DEFAULT_DELAY, tz)
        return FollowUp(FollowUpKind.CALLBACK, due, "callback_default")

    if outcome is Outcome.NO_NEED:
        budget = _to_utc(captures.get("next_budget"), tz, policy)
        if budget is not None and budget > now:
            return FollowUp(FollowUpKind.BUDGET, next_allowed(policy, budget, tz), "budget_date")
        due = opening_on_or_after(policy, _add_months(local_today, NO_NEED_DEFAULT_MONTHS), tz)
        return FollowUp(
            FollowUpKind.BUDGET, due, "budget_default", {"months": NO_NEED_DEFAULT_MONTHS}
        )

    if outcome is Outcome.NEED_QUALIFIED:
        days = BUSINESS_DAY_FOLLOW_UPS[outcome]
        due = opening_on_or_after(policy, add_business_days(local_today, days), tz)
        return FollowUp(FollowUpKind.FOLLOW_UP, due, "find_profiles", {"days": days})

    if outcome in (Outcome.CV_SENT, Outcome.INFO_SENT, Outcome.REFERENCING):
        days = BUSINESS_DAY_FOLLOW_UPS[outcome]
        due = _same_time_after_business_days(now, days, tz, policy)
        code = {
            Outcome.CV_SENT: "cv_follow_up",
            Outcome.INFO_SENT: "info_follow_up",
            Outcome.REFERENCING: "referencing_follow_up",
        }[outcome]
        return FollowUp(FollowUpKind.FOLLOW_UP, due, code, {"days": days})

    if outcome is Outcome.REDIRECTED:
        params = {
            k: captures[k] for k in ("new_contact_name", "new_contact_phone") if captures.get(k)
        }
        return FollowUp(FollowUpKind.NEW_CONTACT, now, "new_contact", params)

    if outcome is Outcome.REFUSED:
        days = policy.refusal_cooldown_days
        return FollowUp(
            FollowUpKind.COOLDOWN,
            now + timedelta(days=days),
            "cooldown_after_refusal",
            {"days": days},
        )

    if outcome is Outcome.DO_NOT_CALL:
        return FollowUp(FollowUpKind.DO_NOT_CALL, None, "do_not_call_for_good")

    if outcome is Outcome.FREELANCE_UNAVAILABLE:
        free = captures.get("available_from")
        if isinstance(free, datetime):
            free = free.date()
        elif isinstance(free, str):
            try:
                free = date.fromisoformat(free.strip()[:10])
            except ValueError:
                free = None
        if isinstance(free, date) and free > local_today:
            # A few working days before they are free, and not before tomorrow morning.
            call_day = max(
                add_business_days(free, -FREELANCE_LEAD_BUSINESS_DAYS),
                local_today + timedelta(days=1),
            )
            due = opening_on_or_after(policy, call_day, tz)
            params = {"available_from": free.isoformat()}
            return FollowUp(FollowUpKind.CALLBACK, due, "freelance_available_soon", params)
        days = FREELANCE_UNKNOWN_RETURN_DAYS
        due = opening_on_or_after(policy, local_today + timedelta(days=days), tz)
        return FollowUp(FollowUpKind.CALLBACK, due, "freelance_return_unknown", {"days": days})

    # Wrong number, freelance confirmed (the CV sending books its own follow-up), declined.
    return None


AFTER_INTERVIEW_AT = time(10, 0)  # the morning after an interview, both sides are called


def after_interview(interview_at: datetime, time_zone: str) -> datetime:
    """When to call the decision maker and the freelance about an interview: the next working
    day's morning (seed 001: "after the interview, we call both sides"). UTC."""
    require_aware(interview_at)
    local_next_day = interview_at.astimezone(zone_of(time_zone)) + timedelta(days=1)
    start_of_day = datetime.combine(local_next_day.date(), time(0), zone_of(time_zone))
    return next_working_moment(start_of_day, AFTER_INTERVIEW_AT, time_zone).astimezone(UTC)


def booked_reminder(follow: FollowUp | None, outcome: str, due: datetime | None,
                    ) -> tuple[str, datetime, str] | None:
    """The reminder an end of call books, from the rule's follow-up and the moment the caller
    kept: (kind, due, reason), or None (a do-not-call books none)."""
    kind = follow.kind if follow is not None else "callback"
    row: tuple[str, datetime, str] | None = None
    if str(kind) != "do_not_call" and due is not None:
        row = (str(kind) if str(kind) != "cooldown" else "callback", due, after_outcome(outcome))
    if follow is not None and str(follow.kind) == "cooldown" and follow.due_at:
        row = ("cooldown", follow.due_at, REFUSED)
    return row
