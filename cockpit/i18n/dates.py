"""Dates the way French (or English) callers read them, without depending on the OS locale:
the one place that writes a date for a person, in the command line, the cockpit and the
services. The day always comes before its month: the cockpit reads "25/11 14h30" typed in
either language, so English shows "25 Nov", never the American 11/25 a caller would type
back the wrong way round."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

_DAYS = {
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def format_day_time(moment: datetime, lang: str = "fr", tz: tzinfo | None = None) -> str:
    """lun. 23 nov. 10:42 — the moment in the display time zone (the machine's by default)."""
    local = moment.astimezone(tz) if moment.tzinfo else moment
    day = _DAYS[lang][local.weekday()]
    month = _MONTHS[lang][local.month - 1]
    return f"{day} {local.day} {month} {local:%H:%M}"


def weekday(day: date, lang: str = "fr") -> str:
    """lun. (fr) or Mon (en)."""
    return _DAYS[lang][day.weekday()]


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz) if moment.tzinfo else moment


def format_date(day: date | datetime, lang: str = "fr", tz: tzinfo | None = None) -> str:
    """23/11/2026 (fr) or 23 Nov 2026 (en); a moment is read in `tz` first, when given."""
    if isinstance(day, datetime) and tz is not None:
        day = _local(day, tz)
    return f"{day:%d/%m/%Y}" if lang == "fr" else f"{format_day_month(day, lang)} {day:%Y}"


def format_date_time(moment: datetime, lang: str = "fr", tz: tzinfo | None = None) -> str:
    """23/11/2026 10:42 (fr) or 23 Nov 2026 10:42 (en), in `tz` when given."""
    local = _local(moment, tz) if tz is not None else moment
    return f"{format_date(local, lang)} {local:%H:%M}"


def format_day_month(day: date | datetime, lang: str = "fr") -> str:
    """23/11 (fr) or 23 Nov (en): a day of a week shown with its year elsewhere."""
    return f"{day:%d/%m}" if lang == "fr" else f"{day.day} {_MONTHS['en'][day.month - 1]}"


def format_short(moment: datetime, lang: str = "fr", tz: tzinfo | None = None) -> str:
    """23/11 10:42 (fr) or 23 Nov 10:42 (en)."""
    local = moment.astimezone(tz) if moment.tzinfo else moment
    if lang == "fr":
        return f"{local:%d/%m %H:%M}"
    return f"{format_day_month(local, lang)} {local:%H:%M}"


def format_soon(moment: datetime, today: date, lang: str = "fr", tz: tzinfo | None = None,
                ) -> str:
    """09:00 on `today`, lun. 09:00 within the coming week, 28/12 09:00 further on."""
    local = moment.astimezone(tz) if moment.tzinfo else moment
    days = (local.date() - today).days
    if days == 0:
        return f"{local:%H:%M}"
    if 0 < days < 7:
        return f"{_DAYS[lang][local.weekday()]} {local:%H:%M}"
    return format_short(local, lang)
