"""A contact's history as the tool a firm leaves kept it: the last contact's date ("Last
Activity Date", "Dernier contact") and the comment written then become a past call with its
note, so the queue knows the person was called and the card shows what was said."""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo
from zoneinfo import ZoneInfo

from cockpit.domain.errors import ValidationError
from cockpit.domain.months import month_number
from cockpit.domain.outcomes import Outcome
from cockpit.domain.text import fold

PARIS = ZoneInfo("Europe/Paris")  # a spreadsheet's times are the firm's wall-clock times
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"
                      r"(?:[ t,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(am|pm)?)?")
_WORDS = re.compile(r"(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})(?:[ ,a]+(\d{1,2})[:h](\d{2}))?")
NOON = time(12, 0)  # a day without an hour: neither its first nor its last minute


class HistoryError(ValidationError):
    """A last contact's date refused: its `code`, the cell as `value`."""


def parse_moment(raw: str, now: datetime, zone: tzinfo = PARIS) -> datetime:
    """When a contact took place, aware: ISO ("2024-11-20T14:32:00Z", "2024-11-20 14:32"),
    French (20/11/2024, 20/11/2024 14h32, 20 nov. 2024), or American (11/20/2024, when the
    day cannot be the first number). Refused when after `now`."""
    text = fold(raw).strip()
    moment = _iso(text, zone) or _numeric(text, zone) or _words(text, zone)
    if moment is None:
        raise HistoryError(f"{raw!r} is not a date (20/11/2024, 2024-11-20 14:32)",
                           code="history_date", value=raw)
    if moment > now:
        raise HistoryError(f"{raw!r} is in the future: a last contact has taken place",
                           code="history_future", value=raw)
    return moment


def _iso(text: str, zone: tzinfo) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.upper().replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        at = moment.time() if re.search(r"\d[t ]\d", text) else NOON
        moment = datetime.combine(moment.date(), at, zone)
    return moment


def _numeric(text: str, zone: tzinfo) -> datetime | None:
    match = _NUMERIC.fullmatch(text)
    if not match:
        return None
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    year += 2000 if len(match.group(3)) == 2 else 0
    day, month = (second, first) if second > 12 >= first else (first, second)
    hour, minute = int(match.group(4) or 12), int(match.group(5) or 0)
    if match.group(7) == "pm" and hour < 12:
        hour += 12
    elif match.group(7) == "am" and hour == 12:
        hour = 0
    return _at(year, month, day, hour, minute, zone)


def _words(text: str, zone: tzinfo) -> datetime | None:
    match = _WORDS.fullmatch(text)
    if not match:
        return None
    word = match.group(2)
    month = month_number(word)
    if not month:
        return None
    return _at(int(match.group(3)), month, int(match.group(1)), int(match.group(4) or 12),
               int(match.group(5) or 0), zone)


def _at(year: int, month: int, day: int, hour: int, minute: int,
        zone: tzinfo) -> datetime | None:
    try:
        return datetime.combine(date(year, month, day), time(hour, minute), zone)
    except ValueError:
        return None


_REFUSED = ("pas interesse", "pas interessee", "refus", "not interested", "aucun interet",
            "ne souhaite pas")
_NO_ANSWER = ("messagerie", "repondeur", "pas de reponse", "injoignable", "no answer",
              "voicemail", "ne repond pas", "absent")
_NO_NEED = ("pas de besoin", "aucun besoin", "no need", "pas de projet")
_CALLBACK = ("rappeler", "rappel", "call back", "relancer", "a relancer")


def outcome_of(comment: str) -> Outcome:
    """The outcome an imported contact most likely had, read from its comment: a refusal
    keeps the person out of the queue for the usual while; otherwise a call to follow up."""
    text = fold(comment)
    for words, outcome in ((_REFUSED, Outcome.REFUSED), (_NO_ANSWER, Outcome.NO_ANSWER),
                           (_NO_NEED, Outcome.NO_NEED), (_CALLBACK, Outcome.CALLBACK)):
        if any(word in text for word in words):
            return outcome
    return Outcome.CALLBACK
