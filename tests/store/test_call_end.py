"""What the end of a call settles: the person's reminders for the day when the call reached
them; nothing ahead of time when nobody answered; the days after stay booked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cockpit.services import open_services
from tests.conftest import FIXED_NOW
from tests.rawdb import raw


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def _book(url: str, contact_id: int, owner_id: int, due_utc: str, reason: str) -> int:
    with raw(url) as db:
        db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, created_at)"
                   " VALUES (?, ?, 'callback', ?, ?, ?)",
                   (owner_id, contact_id, reason, datetime.fromisoformat(due_utc),
                    datetime(2026, 11, 20, 9, 0)))
        return db.execute("SELECT MAX(id) FROM reminder").fetchone()[0]


def _open(url: str, ids: list[int]) -> list[bool]:
    with raw(url) as db:
        return [db.execute("SELECT done_at FROM reminder WHERE id = ?", (i,)).fetchone()[0]
                is None for i in ids]


@pytest.mark.parametrize(("outcome", "still_open_today"), [("no_need", False),
                                                           ("no_answer", True)])
def test_a_call_settles_the_days_reminders_when_it_reached_the_person(
        demo_url: str, outcome: str, still_open_today: bool) -> None:
    services = open_services(demo_url, clock=lambda: FIXED_NOW)  # Monday 23/11, 10:42 Paris
    caller = services.find_caller("Melissa")
    assert caller is not None
    person = next(r.person for r in services.queue_page(caller.id, limit=50).rows
                  if r.person.kind == "contact")
    # 15:00 and 23:30 Paris the same day; 10:00 Paris the next day (UTC in the database).
    today = _book(demo_url, person.id, caller.id, "2026-11-23 14:00", "rappel convenu 15h")
    late = _book(demo_url, person.id, caller.id, "2026-11-23 22:30", "rappel tardif")
    tomorrow = _book(demo_url, person.id, caller.id, "2026-11-24 09:00", "rappel demain")
    call = services.start_call(caller.id, person)
    assert call is not None
    services.finish_call(call.call_id, outcome, "", "")
    assert _open(demo_url, [today, late, tomorrow]) == [still_open_today, still_open_today,
                                                         True]
