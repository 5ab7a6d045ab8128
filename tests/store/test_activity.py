"""The old CRM's lists through the services, on the demo (a SQLite file and PostgreSQL):
decision makers silent for N days with their last note, filters without accents or case,
a caller's private contacts, the lead's do-not-call list, and a line put in my queue."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from cockpit.domain.activity import ActivityFilter
from cockpit.domain.errors import ValidationError
from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

CUT = (FIXED_NOW - timedelta(days=90)).replace(tzinfo=None)


@pytest.fixture
def services(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    return open_services(demo_url, clock=lambda: FIXED_NOW)


def _team(services):
    lead = next(c for c in services.callers() if c.is_lead)
    caller = next(c for c in services.callers() if not c.is_lead)
    return lead, caller


def _silent_ids(url: str, viewer_id: int | None) -> list[int]:
    """The same list, written as plain SQL: what the lines must be, in this order."""
    sql = ("SELECT id FROM contact WHERE is_decision_maker AND NOT is_switchboard"
           " AND NOT do_not_call AND NOT asked_not_to_call AND last_contacted_at < ?")
    params: list[object] = [CUT]
    if viewer_id is not None:
        sql += " AND (owner_id IS NULL OR owner_id = ?)"
        params.append(viewer_id)
    with raw(url) as db:
        return [r[0] for r in db.execute(sql + " ORDER BY last_contacted_at, id", params)]


def test_the_lead_sees_every_silent_decision_maker_longest_silent_first(services,
                                                                         demo_url) -> None:
    lead, _ = _team(services)
    found = services.silent_decision_makers(lead.id, ActivityFilter(90), limit=10_000)
    expected = _silent_ids(demo_url, None)
    assert expected, "the demo holds decision makers silent for 90 days"
    assert [r.person.id for r in found.rows] == expected
    assert found.total == len(expected)
    assert all(r.last_contact.replace(tzinfo=None) < CUT for r in found.rows)


def test_a_caller_never_sees_a_colleagues_private_contact(services, demo_url) -> None:
    lead, caller = _team(services)
    everyone = services.silent_decision_makers(lead.id, ActivityFilter(90), limit=10_000)
    colleague = next(r for r in everyone.rows if r.owner and r.owner != caller.name)
    own = services.silent_decision_makers(caller.id, ActivityFilter(90), limit=10_000)
    assert colleague.person not in {r.person for r in own.rows}
    assert [r.person.id for r in own.rows] == _silent_ids(demo_url, caller.id)


def test_each_line_brings_the_latest_note_not_a_draft(services, demo_url) -> None:
    lead, _ = _team(services)
    first = services.silent_decision_makers(lead.id, ActivityFilter(90)).rows[0]
    noted_at = (first.last_contact + timedelta(hours=1)).replace(tzinfo=None)
    with raw(demo_url) as db:
        db.execute("INSERT INTO note (contact_id, author_id, body, is_draft, created_at,"
                   " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                   (first.person.id, lead.id, "Rappeler après le salon", False, noted_at,
                    noted_at))
        db.execute("INSERT INTO note (contact_id, author_id, body, is_draft, created_at,"
                   " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                   (first.person.id, lead.id, "brouillon en cours", True,
                    noted_at + timedelta(hours=1), noted_at + timedelta(hours=1)))
    again = services.silent_decision_makers(lead.id, ActivityFilter(90)).rows[0]
    assert again.person == first.person
    assert again.last_note == "Rappeler après le salon"
    assert again.last_note_at is not None
    assert again.last_note_at.replace(tzinfo=None) == noted_at


def test_filters_ignore_accents_and_case_and_read_the_needs_technologies(services,
                                                                          demo_url) -> None:
    lead, _ = _team(services)
    everyone = services.silent_decision_makers(lead.id, ActivityFilter(30), limit=10_000).rows
    target = next(r for r in everyone if r.sector and r.company)
    by_sector = services.silent_decision_makers(
        lead.id, ActivityFilter(30, sector=target.sector.upper().replace("É", "E")),
        limit=10_000).rows
    assert target in by_sector
    assert all(r.sector.casefold() == target.sector.casefold() for r in by_sector)
    part = target.company[1:5].lower()
    by_company = services.silent_decision_makers(
        lead.id, ActivityFilter(30, company=part), limit=10_000).rows
    assert target in by_company and all(part in r.company.lower() for r in by_company)
    # A technology only a need of the company names finds its decision makers.
    with raw(demo_url) as db:
        company_id = db.execute("SELECT company_id FROM contact WHERE id = ?",
                                (target.person.id,)).fetchone()[0]
        db.execute("INSERT INTO need (company_id, title, profile, tasks, technologies, region,"
                   " start, duration, languages, description, status, created_at) VALUES"
                   " (?, 'Migration', '', '', 'Quarkus', '', '', '', '', '', 'open', ?)",
                   (company_id, CUT))
    by_tech = services.silent_decision_makers(
        lead.id, ActivityFilter(30, tech="quarkus"), limit=10_000).rows
    assert target.person in {r.person for r in by_tech}
    assert all(r.company == target.company for r in by_tech)


def test_a_bad_number_of_days_is_refused_with_its_value() -> None:
    for days in (0, -3, 4000):
        with pytest.raises(ValidationError) as caught:
            ActivityFilter(days)
        assert caught.value.params["days"] == days


def test_private_contacts_come_with_the_last_call_and_next_reminder(services,
                                                                    demo_url) -> None:
    _, caller = _team(services)
    rows = services.private_contacts(caller.id)
    with raw(demo_url) as db:
        owned = {r[0] for r in db.execute("SELECT id FROM contact WHERE owner_id = ?",
                                          (caller.id,))}
        assert owned, "the demo gives each caller private contacts"
        target = rows[0].person.id
        due = (FIXED_NOW + timedelta(days=3)).replace(tzinfo=None)
        db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at,"
                   " created_at) VALUES (?, ?, 'callback', 'salon', ?, ?)",
                   (caller.id, target, due, CUT))
    assert {r.person.id for r in rows} == owned
    again = {r.person.id: r for r in services.private_contacts(caller.id)}
    assert again[target].next_kind in ("callback", "follow_up", "retry", "budget")
    assert again[target].next_due is not None
    assert again[target].next_due.replace(tzinfo=None) <= due


def test_the_do_not_call_list_names_the_people_and_is_the_leads(services) -> None:
    lead, caller = _team(services)
    rows = services.do_not_call_list(lead.id)
    assert rows and all(r.since is not None for r in rows)
    assert any(r.people for r in rows), "a listed number is held by someone of the demo"
    with pytest.raises(ServiceError) as refused:
        services.do_not_call_list(caller.id)
    assert refused.value.code == "lead_only"


def test_a_line_put_in_my_queue_comes_with_the_due_reminders_once(services) -> None:
    lead, caller = _team(services)
    line = next(r for r in services.silent_decision_makers(caller.id, ActivityFilter(90)).rows
                if not r.owner)
    assert services.to_my_queue(caller.id, line.person) is True
    assert services.to_my_queue(caller.id, line.person) is False  # nothing doubled
    rows = services.queue_page(caller.id, limit=200).rows
    where = [r.person for r in rows].index(line.person)
    # Among the calls due now, before every new or silent lead.
    assert all(r.bucket in ("overdue", "today") for r in rows[:where + 1])
    before = [r.person for r in services.queue_page(caller.id, limit=200).rows]
    assert before.count(line.person) == 1
    private = next(r for r in services.silent_decision_makers(lead.id, ActivityFilter(90),
                                                              limit=10_000).rows
                   if r.owner and r.owner != caller.name)
    with pytest.raises(ServiceError) as refused:
        services.to_my_queue(caller.id, private.person)
    assert refused.value.code == "portfolio_colleague"
    assert refused.value.params["name"] == private.owner


@pytest.mark.sqlite_only
def test_the_command_prints_the_list_and_refuses_bad_days(demo_url, tmp_path) -> None:
    env = {"COCKPIT_NOW": FIXED_NOW.isoformat(), "COCKPIT_STATE": str(tmp_path / "state"),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "COCKPIT_LANG": "fr"}
    run = [sys.executable, "-m", "cockpit", "--db", demo_url, "activity"]
    done = subprocess.run([*run, "--limit", "3"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "sans appel depuis 90 jours" in lines[-1]
    assert sum(line.startswith("#") for line in lines) == 3
    bad = subprocess.run([*run, "--days", "0"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "--days" in bad.stderr and "0" in bad.stderr
    dnc = subprocess.run([*run, "--do-not-call", "--caller", "Karim"], capture_output=True,
                         text=True, env=env)
    assert dnc.returncode == 2 and "chef d'équipe" in dnc.stderr
