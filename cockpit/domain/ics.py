"""Reminders as an iCalendar file (RFC 5545) that calendar applications import.

Written by hand, it is small: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
character), TEXT values escaped, every time in UTC."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cockpit.domain.calling_hours import require_aware
from cockpit.domain.errors import ValidationError

_LIMIT = 75  # octets per line, CRLF excluded (RFC 5545 §3.1)


@dataclass(frozen=True, slots=True)
class IcsEvent:
    uid: str  # globally unique and stable, e.g. "reminder-42@cockpit"
    start: datetime  # aware
    summary: str
    description: str = ""
    duration: timedelta = timedelta(minutes=15)
    alarm_before: timedelta | None = None  # a display alarm this long before the start
    url: str | None = None
    # One more each time the event moves: a calendar program that imports the file again
    # replaces the event of the same UID only when its SEQUENCE is higher (RFC 5545 §3.8.7.4).
    sequence: int = 0


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF + space."""
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return line
    pieces: list[str] = []
    start = 0
    room = _LIMIT
    while start < len(data):
        end = min(start + room, len(data))
        # Step back to a character boundary: continuation bytes look like 0b10xxxxxx.
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start = end
        room = _LIMIT - 1  # the leading space of a continuation line counts
    return "\r\n ".join(pieces)


def _utc(moment: datetime) -> str:
    require_aware(moment)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"PT{minutes}M"


def reminders_to_ics(
    reminders: Iterable[IcsEvent], now: datetime, prodid: str = "-//Cockpit//Reminders//FR"
) -> str:
    """The whole calendar as text (CRLF line ends); write it with newline="" to keep them."""
    stamp = _utc(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in reminders:
        if event.duration <= timedelta(0):
            raise ValidationError("an event must last", code="ics_bad_duration", uid=event.uid)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(event.uid)}",
            f"DTSTAMP:{stamp}",
            f"SEQUENCE:{max(0, event.sequence)}",
            f"DTSTART:{_utc(event.start)}",
            f"DTEND:{_utc(event.start + event.duration)}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        if event.alarm_before is not None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"TRIGGER:-{_duration(event.alarm_before)}",
                f"DESCRIPTION:{escape_text(event.summary)}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
