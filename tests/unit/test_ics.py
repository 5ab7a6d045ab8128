"""The iCalendar export, read back with the real `icalendar` parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from cockpit.domain.errors import ValidationError
from cockpit.domain.ics import IcsEvent, escape_text, fold, reminders_to_ics

NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)
PRODID = "-//Cockpit//Rappels//FR"


def events(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def test_calendar_is_read_back_with_every_field() -> None:
    paris = ZoneInfo("Europe/Paris")
    text = reminders_to_ics(
        [
            IcsEvent(
                uid="reminder-1@cockpit",
                start=datetime(2026, 11, 25, 10, 42, tzinfo=paris),
                summary="Relance CV : M. Lefèvre, Société Générale",
                description="Envoyé lundi; pas de réponse\nRappeler au 01 42 68 53 00",
                alarm_before=timedelta(minutes=10),
            ),
            IcsEvent(
                uid="reminder-2@cockpit",
                start=datetime(2026, 11, 26, 8, 0, tzinfo=UTC),
                summary="Rappel budget",
                duration=timedelta(minutes=30),
            ),
        ],
        NOW,
        PRODID,
    )
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["PRODID"]) == PRODID and str(calendar["VERSION"]) == "2.0"
    first, second = events(text)
    assert str(first["UID"]) == "reminder-1@cockpit"
    assert first.decoded("DTSTART") == datetime(2026, 11, 25, 9, 42, tzinfo=UTC)
    assert first.decoded("DTEND") - first.decoded("DTSTART") == timedelta(minutes=15)
    assert first.decoded("DTSTAMP") == NOW
    assert str(first["SUMMARY"]) == "Relance CV : M. Lefèvre, Société Générale"
    assert str(first["DESCRIPTION"]) == "Envoyé lundi; pas de réponse\nRappeler au 01 42 68 53 00"
    (alarm,) = first.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=10)
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert second.decoded("DTEND") - second.decoded("DTSTART") == timedelta(minutes=30)
    assert not second.walk("VALARM")


def test_times_are_written_in_utc_with_crlf_line_ends() -> None:
    paris = ZoneInfo("Europe/Paris")
    text = reminders_to_ics(
        [IcsEvent("u@cockpit", datetime(2026, 7, 15, 9, 0, tzinfo=paris), "Rappel")], NOW, PRODID
    )
    assert "DTSTART:20260715T070000Z\r\n" in text
    assert "DTSTAMP:20261123T094200Z\r\n" in text
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_long_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    description = "Besoin qualifié : développeur Java/Spring, télétravail 2 jours, " * 6
    text = reminders_to_ics(
        [IcsEvent("long@cockpit", NOW, "é" * 100, description=description)], NOW, PRODID
    )
    lines = text.split("\r\n")
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # there were continuation lines
    (event,) = events(text)
    assert str(event["SUMMARY"]) == "é" * 100
    assert str(event["DESCRIPTION"]) == description


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"),
    ],
)
def test_text_escaping(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped
    text = reminders_to_ics([IcsEvent("e@cockpit", NOW, raw)], NOW, PRODID)
    (event,) = events(text)
    assert str(event["SUMMARY"]) == raw.replace("\r\n", "\n")


def test_fold_leaves_short_lines_alone() -> None:
    assert fold("SUMMARY:court") == "SUMMARY:court"


def test_empty_calendar_is_valid() -> None:
    text = reminders_to_ics([], NOW, PRODID)
    assert events(text) == []


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        reminders_to_ics([IcsEvent("n@cockpit", datetime(2026, 11, 25, 10, 0), "x")], NOW, PRODID)
    assert error.value.code == "naive_datetime"
