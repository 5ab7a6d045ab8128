"""How a call can end. Shared by the scripts (`end: <outcome>`), the reminder rules and the
figures."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    NO_ANSWER = "no_answer"  # nobody picked up, or voicemail
    CALLBACK = "callback"  # "call me back, I'm in a meeting": callback at the time captured
    NO_NEED = "no_need"  # no need now: callback at the next budget date
    NEED_QUALIFIED = "need_qualified"  # a staffing need was captured
    INFO_SENT = "info_sent"  # contact details / brochure e-mailed, no need yet
    REDIRECTED = "redirected"  # sent to another person: new contact created and queued
    REFERENCING = "referencing"  # must get referenced first: follow the referencing steps
    REFUSED = "refused"  # not interested: not before 60 days
    DO_NOT_CALL = "do_not_call"  # asked not to be called again: for good
    WRONG_NUMBER = "wrong_number"
    CV_SENT = "cv_sent"  # an anonymised CV was sent: follow-up two business days later
    # The freelance was checked: available, rate, billing, reference.
    FREELANCE_CONFIRMED = "freelance_confirmed"
    FREELANCE_UNAVAILABLE = "freelance_unavailable"  # on a mission: call back when free
    FREELANCE_DECLINED = "freelance_declined"  # not interested, not mobile, or rate out of reach


# Outcomes that count as "reached the person" in the figures.
REACHED = frozenset(Outcome) - {Outcome.NO_ANSWER, Outcome.WRONG_NUMBER}


# What the end of a call may say, by whom was called (codes: the screens word them).
CONTACT_OUTCOMES = ("no_answer", "callback", "no_need", "info_sent", "need_qualified",
                    "redirected", "referencing", "refused", "do_not_call", "wrong_number",
                    "cv_sent")
FREELANCE_OUTCOMES = ("no_answer", "callback", "freelance_confirmed", "freelance_unavailable",
                      "freelance_declined", "do_not_call", "wrong_number")


def outcomes_for(kind: str) -> tuple[str, ...]:
    """The outcomes a call to a contact or a freelance may end with."""
    return CONTACT_OUTCOMES if kind == "contact" else FREELANCE_OUTCOMES
