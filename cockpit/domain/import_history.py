"""A contact's history as the tool a firm leaves kept it: the last contact's date ("Last
Activity Date", "Dernier contact") and the comment written then become a past call with its
note, so the queue knows the person was called and the card shows what was said."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from cockpit.domain.errors import ValidationError
from cockpit.domain.months import month_number
from cockpit.domain.outcomes import Outcome
from cockpit.domain.text import fold

PARIS = ZoneInfo("Europe/Paris")  # a spreadsheet's times are the firm's wall-clock times
_TIME = r"(?:[ t,]+(?:a\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?)?"
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})" + _TIME)
# 2026/12/03 (Excel's Japanese-style dates, some CRMs' exports).
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})" + _TIME)
# 3 déc. 2026, 3-Dec-2026, 03-Dec-26 (Excel's "d-mmm-yy").
_WORDS = re.compile(r"(\d{1,2})(?:er)?[\s/-]+([a-z]+)\.?[\s/-]+(\d{4}|\d{2})" + _TIME)
# Dec 3, 2026 / Thu Dec 03 2026 / December 3rd, 2026 2:32 PM (American exports: HubSpot,
# Salesforce, LinkedIn).
_MONTH_FIRST_WORDS = re.compile(r"(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
                                r"\s+(\d{4})" + _TIME)
# A date cell exported as its number (days since 30/12/1899, Excel's serial): 46359 is
# 03/12/2026; only a number of five digits, 1954 to 2119, is taken for one.
_SERIAL = re.compile(r"(\d{5})(?:[.,](\d+))?")
_EXCEL_EPOCH = date(1899, 12, 30)
NOON = time(12, 0)  # a day without an hour: neither its first nor its last minute
DAY_FIRST, MONTH_FIRST = "day_first", "month_first"


class HistoryError(ValidationError):
    """A last contact's date refused: its `code`, the cell as `value`."""


def date_order(values: Iterable[str]) -> str:
    """How a column writes its numeric dates: day first (French, 03/12/2026) unless one of
    them can only be month first (11/20/2026) or gives its time the American way (10:00 AM)
    and none can only be day first. Decided for the whole column: "11/5/2026" beside
    "11/20/2026" is the 5th of November, not the 11th of May."""
    month_first = False
    for raw in values:
        match = _NUMERIC.fullmatch(fold(raw).strip())
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12:
            return DAY_FIRST
        if second > 12 or match.group(7):
            month_first = True
    return MONTH_FIRST if month_first else DAY_FIRST


def parse_moment(raw: str, now: datetime, zone: tzinfo = PARIS,
                 order: str | None = None) -> datetime:
    """When a contact took place, aware: ISO ("2024-11-20T14:32:00Z", "2024-11-20 14:32"),
    French (20/11/2024, 20/11/2024 14h32, 20 nov. 2024), American (11/20/2024, Nov 20, 2024
    2:32 PM), an Excel serial (45616). `order` (see `date_order`) says how the column writes
    01/02/2024; without it, the cell alone decides. Refused when after `now`."""
    moment = moment_of(raw, zone, order)
    if moment is None:
        raise HistoryError(f"{raw!r} is not a date (20/11/2024, 2024-11-20 14:32)",
                           code="history_date", value=raw)
    if moment > now:
        raise HistoryError(f"{raw!r} is in the future: a last contact has taken place",
                           code="history_future", value=raw)
    return moment


def moment_of(raw: str, zone: tzinfo = PARIS, order: str | None = None) -> datetime | None:
    """The moment a cell writes in any of the ways `parse_moment` reads, None otherwise."""
    text = " ".join(fold(raw).split())
    return (_iso(text, zone) or _numeric(text, zone, order or date_order((text,)))
            or _year_first(text, zone) or _words(text, zone) or _month_first(text, zone)
            or _serial(text, zone))


def _iso(text: str, zone: tzinfo) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.upper().replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        at = moment.time() if re.search(r"\d[t ]\d", text) else NOON
        moment = datetime.combine(moment.date(), at, zone)
    return moment


def _hour(match: re.Match[str], at: int) -> tuple[int, int]:
    """The hour and minute of a match whose time groups start at `at` (noon without)."""
    hour, minute = int(match.group(at) or 12), int(match.group(at + 1) or 0)
    meridian = match.group(at + 3)
    if meridian == "pm" and hour < 12:
        hour += 12
    elif meridian == "am" and hour == 12:
        hour = 0
    return hour, minute


def _year(text: str) -> int:
    return int(text) + (2000 if len(text) == 2 else 0)


def _numeric(text: str, zone: tzinfo, order: str) -> datetime | None:
    match = _NUMERIC.fullmatch(text)
    if not match:
        return None
    first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
    if order == MONTH_FIRST:
        day, month = (first, second) if first > 12 >= second else (second, first)
    else:
        day, month = (second, first) if second > 12 >= first else (first, second)
    return _at(year, month, day, *_hour(match, 4), zone)


def _year_first(text: str, zone: tzinfo) -> datetime | None:
    match = _YEAR_FIRST.fullmatch(text)
    if not match:
        return None
    return _at(int(match.group(1)), int(match.group(2)), int(match.group(3)),
               *_hour(match, 4), zone)


def _words(text: str, zone: tzinfo) -> datetime | None:
    match = _WORDS.fullmatch(text)
    if not match:
        return None
    month = month_number(match.group(2))
    if not month:
        return None
    return _at(_year(match.group(3)), month, int(match.group(1)), *_hour(match, 4), zone)


def _month_first(text: str, zone: tzinfo) -> datetime | None:
    match = _MONTH_FIRST_WORDS.fullmatch(text)
    if not match:
        return None
    month = month_number(match.group(1))
    if not month:
        return None
    return _at(int(match.group(3)), month, int(match.group(2)), *_hour(match, 4), zone)


def _serial(text: str, zone: tzinfo) -> datetime | None:
    match = _SERIAL.fullmatch(text)
    if not match or not 20_000 <= int(match.group(1)) <= 80_000:
        return None
    day = _EXCEL_EPOCH + timedelta(days=int(match.group(1)))
    if not match.group(2):
        return datetime.combine(day, NOON, zone)
    minutes = round(float("0." + match.group(2)) * 24 * 60)
    return datetime.combine(day, time(min(minutes // 60, 23), minutes % 60), zone)


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
