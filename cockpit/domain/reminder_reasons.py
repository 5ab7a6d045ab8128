"""Why the cockpit booked a reminder itself, as the store keeps it: a code, worded for the
reader by cockpit/i18n/reasons.py (a caller's own reason is kept and shown as typed). Every
reminder the code books names one of these, so none can reach a screen as a code."""

from __future__ import annotations

OUTCOME = "outcome "  # + the call's outcome: the end of a call booked it
REFUSED = "refused"  # the rest after a refusal (a cooldown)
REDIRECTED = "redirected"  # the person a call sent us to
CV_FOLLOW_UP = "cv_follow_up"  # two working days after a CV was sent
AFTER_INTERVIEW = "after_interview"  # the morning after an interview, both sides
SKIPPED = "skipped"  # passed over in the queue, tried again later
SNOOZED = "snoozed"  # put off by the caller
FROM_ACTIVITY = "activity"  # booked from the general activity list

WRITTEN_BY_COCKPIT = frozenset({REFUSED, REDIRECTED, CV_FOLLOW_UP, AFTER_INTERVIEW, SKIPPED,
                                SNOOZED, FROM_ACTIVITY})


def after_outcome(outcome: str) -> str:
    return f"{OUTCOME}{outcome}"
