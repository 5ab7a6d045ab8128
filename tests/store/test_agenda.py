"""The agenda through the services, on a real database (SQLite file, and PostgreSQL when
there is one): what a day, a week and a month hold around a weekend and Christmas, what is
overdue, moving a reminder over days off, and whose reminders one may move."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.services import open_services
from cockpit.services.errors import ServiceError

PARIS = ZoneInfo("Europe/Paris")
# Thursday 24 December 2026, 10:00 in Paris: Friday 25 is Christmas, then a weekend.
NOW = datetime(2026, 12, 24, 10, 0, tzinfo=PARIS).astimezone(UTC)


def at(day: int, hour: int, month: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=PARIS)


@pytest.fixture
def office(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Melissa (lead) and Karim on a new database; Jean Dupont of Atos, reachable directly."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    services = open_services(store_url, clock=lambda: NOW)
    services.team_add("Melissa")
    services.team_add("Karim", actor="Melissa")
    from cockpit.store.models import Company, Contact, Phone

    atos = Company.create(name="Atos", created_at=NOW.replace(tzinfo=None))
    jean = Contact.create(company=atos, first_name="Jean", last_name="Dupont",
                          is_decision_maker=True, created_at=NOW.replace(tzinfo=None))
    Phone.create(e164="+33140000000", label="standard", contact=jean)
    Phone.create(e164="+33612345678", label="direct", contact=jean)
    return services, int(jean.id)


def _remind(services, owner: str, contact_id: int, due: datetime, kind: str = "callback") -> int:
    from cockpit.store.reminders import add_reminder

    owner_id = services.find_caller(owner).id
    return add_reminder(owner_id, "contact", contact_id, kind, due, "", NOW)


def _ids(view) -> list[tuple[int, bool]]:
    return [(i.id, i.overdue) for i in view.items if i.kind == "reminder"]


def test_day_week_and_month_around_a_weekend_and_christmas(office) -> None:
    services, jean = office
    melissa = services.find_caller("Melissa").id
    long_ago = _remind(services, "Melissa", jean, at(30, 9, month=11))
    yesterday = _remind(services, "Melissa", jean, at(23, 9))
    today = _remind(services, "Melissa", jean, at(24, 15))
    saturday = _remind(services, "Melissa", jean, at(26, 10))
    monday = _remind(services, "Melissa", jean, at(28, 10))
    new_year = _remind(services, "Melissa", jean, at(1, 10, month=1, year=2027))
    karims = _remind(services, "Karim", jean, at(24, 11))

    day = services.agenda(melissa, "day")
    assert (day.first, day.after) == (date(2026, 12, 24), date(2026, 12, 25))
    # What was left behind comes first, in red; then the day.
    assert _ids(day) == [(long_ago, True), (yesterday, True), (today, False)]
    (shown,) = [i for i in day.items if i.id == today]
    assert (shown.person, shown.company, shown.number) == ("Jean Dupont", "Atos", "+33612345678")

    week = services.agenda(melissa, "week")
    assert (week.first, week.after) == (date(2026, 12, 21), date(2026, 12, 28))
    assert _ids(week) == [(long_ago, True), (yesterday, True), (today, False),
                          (saturday, False)]
    month = services.agenda(melissa, "month")
    assert (month.first, month.after) == (date(2026, 12, 1), date(2027, 1, 1))
    assert [i for i, _ in _ids(month)] == [long_ago, yesterday, today, saturday, monday]
    january = services.agenda(melissa, "month", date(2027, 1, 15))
    assert _ids(january) == [(long_ago, True), (yesterday, True), (new_year, False)]
    # Each caller their own; the lead, the team's.
    assert _ids(services.agenda(services.find_caller("Karim").id, "day")) == [(karims, False)]
    assert karims in [i for i, _ in _ids(services.agenda(melissa, "day", everyone=True))]


def test_moving_skips_christmas_and_the_weekend_and_counts_each_move(office) -> None:
    services, jean = office
    melissa = services.find_caller("Melissa").id
    today = _remind(services, "Melissa", jean, at(24, 15))
    assert services.move_reminder(melissa, today, "next_day") == at(28, 15)
    assert services.move_reminder(melissa, today, "previous_day") == at(24, 15)
    assert services.move_reminder(melissa, today, "next_week") == at(31, 15)
    (item,) = services.calendar_reminders(melissa)
    assert (item.at, item.sequence) == (at(31, 15), 3)
    # Back into the past: refused, nothing changes.
    earlier = _remind(services, "Melissa", jean, at(24, 11))
    with pytest.raises(ServiceError) as refused:
        services.move_reminder(melissa, earlier, "previous_day")
    assert refused.value.code == "agenda_past"
    # Left behind, a day later is tomorrow's working day (Monday 28), at its own time.
    late = _remind(services, "Melissa", jean, at(22, 9))
    assert services.move_reminder(melissa, late, "next_day") == at(28, 9)


def test_a_caller_moves_only_their_own_reminders(office) -> None:
    services, jean = office
    melissas = _remind(services, "Melissa", jean, at(28, 10))
    karim = services.find_caller("Karim").id
    with pytest.raises(ServiceError) as refused:
        services.move_reminder(karim, melissas, "next_day")
    assert refused.value.code == "not_your_reminder"
    with pytest.raises(ServiceError) as refused:
        services.agenda(karim, "week", everyone=True)
    assert refused.value.code == "lead_only"
    assert services.calendar_reminders(services.find_caller("Melissa").id)[0].sequence == 0


def test_interviews_and_missions_starting_are_in_the_agenda(office) -> None:
    from cockpit.services.views import PersonRef
    from cockpit.store.models import Freelance

    services, jean = office
    melissa = services.find_caller("Melissa").id
    need = services.create_need(melissa, {"title": "Dev Java"}, PersonRef("contact", jean))
    paul = Freelance.create(first_name="Paul", last_name="Simon",
                            created_at=NOW.replace(tzinfo=None))
    proposal = services.propose(need, int(paul.id))
    services.book_interview(melissa, proposal.id, at(24, 14))
    week = services.agenda(melissa, "week")
    (interview,) = [i for i in week.items if i.kind == "interview"]
    assert (interview.at, interview.person, interview.company, interview.need) == (
        at(24, 14), "Paul Simon", "Atos", "Dev Java")
    services.record_placement(proposal.id, non_compete_signed=True,
                              non_solicitation_signed=True, start=date(2027, 1, 4),
                              end=date(2027, 6, 30), buying_rate=500, selling_rate=620)
    assert not [i for i in services.agenda(melissa, "month").items if i.kind == "mission"]
    (mission,) = [i for i in services.agenda(melissa, "month", date(2027, 1, 4)).items
                  if i.kind == "mission"]
    assert (mission.day, mission.end_day, mission.person) == (
        date(2027, 1, 4), date(2027, 6, 30), "Paul Simon")
    # Someone else's need is not in Karim's agenda.
    assert not services.agenda(services.find_caller("Karim").id, "week").items
