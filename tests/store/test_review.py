"""The lead's review through the services, on a real demo file: who sees what, live calls,
overdue reminders, reassignment with its audit trail, and the day's figures."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cockpit.domain.figures import period_of_day
from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from tests.conftest import FIXED_NOW
from tests.rawdb import Raw, raw


@pytest.fixture
def services(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    return open_services(demo_url, clock=lambda: FIXED_NOW)


def _db(url: str) -> Raw:
    return raw(url)


def _people(services):
    lead = next(c for c in services.callers() if c.is_lead)
    caller = next(c for c in services.callers() if not c.is_lead)
    return lead, caller


def test_the_days_figures_match_the_database(services, demo_url: str) -> None:
    lead, _ = _people(services)
    start, end = period_of_day("2026-11-23")
    figures = services.figures(lead.id, start, end)
    with _db(demo_url) as db:
        per_caller = dict(db.execute(
            "SELECT k.name, COUNT(*) FROM call c JOIN caller k ON k.id = c.caller_id "
            "WHERE c.started_at >= ? AND c.started_at < ? GROUP BY k.name",
            ("2026-11-22 23:00:00", "2026-11-23 23:00:00")).fetchall())
        needs = db.execute("SELECT COUNT(*) FROM call WHERE outcome = 'need_qualified' AND "
                           "started_at >= ? AND started_at < ?",
                           ("2026-11-22 23:00:00", "2026-11-23 23:00:00")).fetchone()[0]
    assert per_caller and {n: f.calls for n, f in figures.callers.items()} == per_caller
    assert figures.team.calls == sum(per_caller.values()) and figures.team.needs == needs
    assert sum(figures.team.outcomes.values()) == figures.team.finished


def test_a_caller_sees_only_their_own_figures(services) -> None:
    lead, caller = _people(services)
    start, end = period_of_day("2026-11-23")
    mine = services.figures(caller.id, start, end)
    assert set(mine.callers) <= {caller.name}
    with pytest.raises(ServiceError, match="only a team lead"):
        services.figures(caller.id, start, end, caller=lead.name)
    with pytest.raises(ServiceError, match="only a team lead"):
        services.team_today(caller.id)
    with pytest.raises(ServiceError, match="only a team lead"):
        services.reassign_reminder(caller.id, 1, lead.name)


def test_team_today_shows_a_call_in_progress(services) -> None:
    lead, caller = _people(services)
    before = services.team_today(lead.id)
    assert {r.name for r in before.rows} == {c.name for c in services.callers()}
    assert all(r.on_call_with == "" for r in before.rows)
    person = services.queue_page(caller.id, limit=1).rows[0]
    services.start_call(caller.id, person.person)
    after = services.team_today(lead.id)
    row = next(r for r in after.rows if r.name == caller.name)
    assert person.name in row.on_call_with and row.on_call_since == FIXED_NOW
    assert after.unassigned_leads >= 0


def test_reassigning_an_overdue_reminder_is_audited(services, demo_url: str) -> None:
    lead, _ = _people(services)
    team = services.team_today(lead.id)
    holder = next(r for r in team.rows if r.overdue)
    overdue = services.overdue_reminders(lead.id, holder.caller_id)
    assert len(overdue) == holder.overdue
    assert all(r.due_at < FIXED_NOW for r in overdue)
    other = next(c for c in services.callers() if c.id != holder.caller_id)
    services.reassign_reminder(lead.id, overdue[0].id, other.name)
    with _db(demo_url) as db:
        owner = db.execute("SELECT owner_id FROM reminder WHERE id = ?",
                           (overdue[0].id,)).fetchone()[0]
        audit = db.execute("SELECT actor, action, entity_id FROM audit_log "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    assert owner == other.id and audit == (lead.name, "reassign", overdue[0].id)
    with pytest.raises(ServiceError, match="no caller named"):
        services.reassign_reminder(lead.id, overdue[1].id if len(overdue) > 1 else 1, "Zoé")


def test_private_ownership_set_and_lifted(services, demo_url: str) -> None:
    lead, caller = _people(services)
    contact = services.queue_page(caller.id, limit=1).rows[0].person
    services.set_private_owner(lead.id, contact.id, caller.name)
    with _db(demo_url) as db:
        assert db.execute("SELECT owner_id FROM contact WHERE id = ?",
                          (contact.id,)).fetchone() == (caller.id,)
    services.set_private_owner(lead.id, contact.id, None)
    with _db(demo_url) as db:
        assert db.execute("SELECT owner_id FROM contact WHERE id = ?",
                          (contact.id,)).fetchone() == (None,)


def test_a_week_has_seven_days(services) -> None:
    lead, _ = _people(services)
    start, _ = period_of_day("2026-11-23")
    figures = services.figures(lead.id, start, start + timedelta(days=7))
    assert len(figures.per_day) == 7
