"""`cockpit agenda` and the calendar file, read back with the real `icalendar` parser: French
titles (English with --lang en), the number to call, whose reminder for --all, and a
SEQUENCE that grows when a reminder moves, so a calendar program moves the event."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from cockpit.cli import main
from tests.store.test_agenda import NOW, PARIS, _remind, at, office  # noqa: F401


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_NOW", NOW.isoformat())
    monkeypatch.delenv("COCKPIT_LANG", raising=False)
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)


def _events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_text(encoding="utf-8"))
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_calendar_says_who_to_call_and_moves_with_the_reminder(
        office, store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    services, jean = office
    rid = _remind(services, "Melissa", jean, at(28, 10))
    _remind(services, "Karim", jean, at(29, 11), kind="follow_up")
    path = tmp_path / "rappels.ics"
    assert main(["agenda", "--week", "--day", "2026-12-28", "--caller", "Melissa",
                 "--ics", str(path), "--db", store_url]) == 0
    printed = capsys.readouterr().out
    assert "Rappel\u00a0: Jean Dupont (Atos) · +33612345678" in printed
    (event,) = _events(path).values()
    assert str(event["SUMMARY"]) == "Rappel\u00a0: Jean Dupont (Atos)"  # French spacing
    assert "+33612345678" in str(event["DESCRIPTION"]) and int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == at(28, 10)

    assert main(["reminders", "--caller", "Melissa", "--snooze", str(rid), "--until",
                 "30/12 15h", "--db", store_url]) == 0
    assert main(["agenda", "--caller", "Melissa", "--ics", str(path), "--force",
                 "--db", store_url]) == 0
    moved = _events(path)[f"reminder-{rid}@cockpit"]
    assert int(moved["SEQUENCE"]) == 1 and moved.decoded("DTSTART") == at(30, 15)
    services.move_reminder(services.find_caller("Melissa").id, rid, "next_day")
    assert main(["reminders", "--caller", "Melissa", "--ics", str(path), "--force",
                 "--db", store_url]) == 0
    moved = _events(path)[f"reminder-{rid}@cockpit"]
    assert int(moved["SEQUENCE"]) == 2 and moved.decoded("DTSTART") == at(31, 15)

    # The lead's --all: every caller's, each named; in English when asked.
    assert main(["--lang", "en", "agenda", "--all", "--caller", "Melissa", "--ics", str(path),
                 "--force", "--db", store_url]) == 0
    summaries = sorted(str(e["SUMMARY"]) for e in _events(path).values())
    assert summaries == ["CV follow-up: Jean Dupont (Atos) — for Karim",
                         "Callback: Jean Dupont (Atos) — for Melissa"]


def test_a_caller_asking_for_the_team_agenda_is_told_why(
        office, store_url: str, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    assert main(["agenda", "--all", "--caller", "Karim", "--db", store_url]) != 0
    assert "chef d'équipe" in capsys.readouterr().err
