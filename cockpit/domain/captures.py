"""Typed values captured during a call, parsed from what the caller types.

French habits first: 25/12/2026, 25/12, "demain", "lundi", 14h30, 650 €, 1 200,50."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from cockpit.domain.errors import ValidationError
from cockpit.domain.months import month_number
from cockpit.domain.phones import parse_phone
from cockpit.domain.script import Capture
from cockpit.domain.siret import normalise_siret
from cockpit.domain.text import fold

_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
             "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
             "friday": 4, "saturday": 5, "sunday": 6}
_RELATIVE = {"aujourd'hui": 0, "aujourdhui": 0, "today": 0, "demain": 1, "tomorrow": 1,
             "apres-demain": 2}
_YES = {"oui", "o", "yes", "y", "1", "vrai", "true"}
_NO = {"non", "n", "no", "0", "faux", "false"}
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_NAMED_DAY = re.compile(r"(\d{1,2})(?:er)?\s+([a-z]+\.?)(?:\s+(\d{4}))?")
_TIME = re.compile(r"^(\d{1,2})\s*(?:h|:)\s*(\d{2})?$")
MAX_MONEY = Decimal(100_000)


TEXT_MAX = 1000  # characters of a one-line typed field: more is a paste gone wrong
EMAIL_MAX = 254  # the longest address mail servers take
QUOTED_MAX = 80  # characters of a typed value an error message repeats


def _quoted(raw: str) -> str:
    text = " ".join((raw or "").split())
    return text if len(text) <= QUOTED_MAX else text[: QUOTED_MAX - 1] + "…"


def _error(capture: Capture, raw: str, code: str, message: str) -> ValidationError:
    return ValidationError(f"{capture.label}: {message}", code=code, field=capture.label,
                           value=_quoted(raw))


def yes_or_no(raw: str) -> bool:
    """True for oui/o/yes…, False for non/n/no…; ValueError for anything else."""
    folded = fold(raw.strip())
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValueError(raw)


def parse_date(raw: str, today: date) -> date:
    text = fold(raw)
    if text in _RELATIVE:
        return today + timedelta(days=_RELATIVE[text])
    if text in _WEEKDAYS:
        ahead = (_WEEKDAYS[text] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", text)
    named = None if match else _NAMED_DAY.fullmatch(text)
    if match:
        day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    elif named and month_number(named.group(2)):
        # "23 nov.", "23 Nov 2026": how the cockpit writes a day, typed back.
        day, month, year_text = int(named.group(1)), month_number(named.group(2)), named.group(3)
    else:
        raise ValueError(text)
    if year_text:
        year = int(year_text)
        # Two digits are this century's; four are read as written ("0001" is year 1, which
        # a check of the moment then refuses, not 2001).
        year = year + 2000 if len(year_text) == 2 else year
        return date(year, month, day)
    found = date(today.year, month, day)
    # "25/01" typed in December means next January.
    return found if found >= today else date(today.year + 1, month, day)


def parse_time(raw: str) -> time:
    match = _TIME.fullmatch(fold(raw))
    if not match:
        raise ValueError(raw)
    return time(int(match.group(1)), int(match.group(2) or 0))


def parse_datetime(raw: str, now: datetime) -> datetime:
    """A moment in `now`'s time zone: "25/12 14h30", "25 déc. 14h30", "demain 10h", "14:30",
    ISO."""
    text = raw.strip()
    try:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo else moment.replace(tzinfo=now.tzinfo)
    except ValueError:
        pass
    parts = text.replace(" à ", " ").replace(" a ", " ").split()
    if len(parts) == 1:
        try:
            at = parse_time(parts[0])
        except ValueError:
            day = parse_date(parts[0], now.date())
            return datetime.combine(day, time(9, 0), now.tzinfo)
        moment = datetime.combine(now.date(), at, now.tzinfo)
        return moment if moment > now else moment + timedelta(days=1)
    try:
        at = parse_time(parts[-1])
    except ValueError:  # "23 nov.": a day alone, in words
        return datetime.combine(parse_date(" ".join(parts), now.date()), time(9, 0), now.tzinfo)
    return datetime.combine(parse_date(" ".join(parts[:-1]), now.date()), at, now.tzinfo)


REMINDER_YEARS_AHEAD = 10  # further than this, a typed reminder is a typo
REMINDER_GRACE = timedelta(minutes=15)  # a proposed "call back now" left on screen a while


def parse_reminder(raw: str, now: datetime) -> datetime:
    """A reminder typed by the caller: a moment to come (or just gone), within the next ten
    years; ValidationError saying which otherwise (a past date is not silently booked)."""
    try:
        due = parse_datetime(raw, now)
    except (ValueError, ArithmeticError) as exc:
        raise ValidationError(f"reminder: {raw!r} is not a date and time",
                              code="reminder_invalid", value=_quoted(raw)) from exc
    if due < now - REMINDER_GRACE:  # "now", proposed a few minutes ago, is still now
        raise ValidationError(f"reminder: {raw!r} has already passed",
                              code="reminder_past", value=_quoted(raw),
                              when=f"{due:%d/%m}/{due.year:04d} {due:%H:%M}")  # 0001, not 1
    if due.year > now.year + REMINDER_YEARS_AHEAD:
        raise ValidationError(f"reminder: {raw!r} is more than ten years ahead",
                              code="reminder_too_far", value=_quoted(raw), year=due.year)
    return due


def parse_money(raw: str) -> Decimal:
    text = raw.strip().replace("€", "").replace("eur", "").replace("EUR", "")
    text = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")
    if text.endswith(("k", "K")):
        return Decimal(text[:-1]) * 1000
    return Decimal(text)


def parse_capture(capture: Capture, raw: str, now: datetime) -> object:
    """The typed value, or ValidationError saying what is wrong with what was typed."""
    text = (raw or "").strip()
    if not text:
        if capture.required:
            raise _error(capture, raw, "capture_required", "a value is required")
        return None
    kind = capture.type
    try:
        if kind == "text":
            if len(text) > TEXT_MAX:
                raise ValidationError(f"{capture.label}: {len(text)} characters, at most "
                                      f"{TEXT_MAX}", code="capture_too_long",
                                      field=capture.label, length=len(text), limit=TEXT_MAX)
            return text
        if kind == "date":
            return parse_date(text, now.date())
        if kind == "datetime":
            return parse_datetime(text, now)
        if kind == "money":
            value = parse_money(text)
            if value < 0 or value > MAX_MONEY:
                raise _error(capture, raw, "capture_money_range",
                             f"{text} is outside 0 to 100 000 €")
            return value
        if kind == "integer":
            return int(text)
        if kind == "yesno":
            return yes_or_no(text)
        if kind == "choice":
            return _choice(capture, text)
        if kind == "email":
            if len(text) > EMAIL_MAX or not _EMAIL.fullmatch(text):
                raise ValueError(text)
            local, _, domain = text.rpartition("@")
            return f"{local}@{domain.lower()}"
        if kind == "phone":
            return parse_phone(text).e164
        if kind == "siret":
            return normalise_siret(text)
    except ValidationError as exc:
        if exc.code.startswith("capture_"):
            raise
        raise ValidationError(f"{capture.label}: {exc.message}", code=exc.code,
                              **exc.params) from exc
    except (ValueError, InvalidOperation, ArithmeticError) as exc:
        raise _error(capture, raw, f"capture_{kind}",
                     f"{_quoted(text)!r} is not a valid {kind}") from exc
    raise _error(capture, raw, "capture_type", f"unknown capture type {kind}")


def _choice(capture: Capture, text: str) -> str:
    if text.isdigit() and 1 <= int(text) <= len(capture.choices):
        return capture.choices[int(text) - 1]
    folded = fold(text)
    matches = [c for c in capture.choices if fold(c) == folded]
    matches = matches or [c for c in capture.choices if fold(c).startswith(folded)]
    if len(matches) == 1:
        return matches[0]
    raise ValueError(text)


def format_capture(capture: Capture, value: object) -> str:
    """How a captured value reads on screen (French)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        whole = value.quantize(Decimal(1)) if value == value.to_integral() else value
        return f"{whole:,}".replace(",", "\u202f").replace(".", ",") + " €"
    if capture.type == "phone":
        return parse_phone(str(value)).national()
    return str(value)
