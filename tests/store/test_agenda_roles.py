"""The agenda on the team's PostgreSQL server (db/team.sql): a caller's role moves their own
reminders only (the cockpit says so first; the server refuses the statement too), a lead
moves anyone's, and a placement with its rates goes through under a caller's role."""

from __future__ import annotations

from datetime import date

import pytest

from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from tests.conftest import FIXED_NOW
from tests.rawdb import raw
from tests.store.test_team_roles import _reminder_of, _session, team  # noqa: F401


def _sequence(team: dict[str, str], reminder_id: int) -> tuple[str, int]:  # noqa: F811
    with raw(team["postgres"]) as db:
        due, sequence = db.execute("SELECT due_at, sequence FROM reminder WHERE id = ?",
                                   (reminder_id,)).fetchone()
    return str(due), int(sequence)


def test_a_caller_moves_their_own_reminder_not_a_colleagues(team: dict[str, str]) -> None:  # noqa: F811
    karim = open_services(team["karim_t"], clock=lambda: FIXED_NOW)
    me = karim.acting_caller(None)
    assert me is not None
    own, sophies = _reminder_of(team, "Karim"), _reminder_of(team, "Sophie")
    karim.move_reminder(me.id, own, "next_day")  # Tuesday 24 → Wednesday 25
    assert _sequence(team, own) == ("2026-11-25 09:00:00", 1)
    with pytest.raises(ServiceError) as refused:
        karim.move_reminder(me.id, sophies, "next_day")
    assert refused.value.code == "not_your_reminder"
    # Past the cockpit, straight to the server: the row stays as it was.
    connection = _session(team["karim_t"])
    cursor = connection.cursor()
    cursor.execute("UPDATE reminder SET due_at = due_at + interval '1 day', "
                   "sequence = sequence + 1 WHERE id = %s", (sophies,))
    assert cursor.rowcount == 0
    connection.close()
    assert _sequence(team, sophies) == ("2026-11-24 09:00:00", 0)
    with pytest.raises(ServiceError):
        karim.calendar_reminders(me.id, everyone=True)  # the team's: a lead's
    lead = open_services(team["melissa_t"], clock=lambda: FIXED_NOW)
    melissa = lead.acting_caller(None)
    assert melissa is not None
    lead.move_reminder(melissa.id, sophies, "next_week")
    assert _sequence(team, sophies) == ("2026-12-01 09:00:00", 1)


def test_a_caller_records_a_placement_with_its_rates(team: dict[str, str]) -> None:  # noqa: F811
    karim = open_services(team["karim_t"], clock=lambda: FIXED_NOW)
    need = karim.needs()[0]
    freelance = karim.match_freelances(need.id, limit=1).rows[0]
    proposal = karim.propose(need.id, freelance.id)
    placed = karim.record_placement(proposal.id, non_compete_signed=True,
                                    non_solicitation_signed=True, start=date(2027, 1, 4),
                                    end=date(2027, 3, 31), buying_rate=500, selling_rate=625)
    assert (placed.start_date, placed.buying_rate, placed.selling_rate) == (
        date(2027, 1, 4), 500, 625)
