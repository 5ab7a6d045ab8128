"""The queue, next, reminders and portfolio commands, on a copy of the small demo."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cockpit.cli import main
from tests.rawdb import raw

AT = "2026-11-23T10:42:00+01:00"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")


def test_queue_lists_people_with_reasons_and_why(demo_url: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queue", "--db", demo_url, "--at", AT, "--limit", "5", "--why"]) == 0
    out = capsys.readouterr().out
    assert "à appeler" in out and ("En retard depuis" in out or "Aujourd'hui à" in out)
    assert "Écartés" in out and ("Portefeuille privé" in out or "Refus" in out)


def test_queue_refuses_a_bad_time(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queue", "--db", demo_url, "--at", "lundi matin"]) == 2
    assert "--at «\u00a0lundi matin\u00a0»" in capsys.readouterr().err


def test_next_gives_two_callers_two_different_people(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["next", "--db", demo_url, "--caller", "Karim"]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["next", "--db", demo_url, "--caller", "Sophie"]) == 0
    second = capsys.readouterr().out.strip()
    assert first and second and first != second
    db = raw(demo_url)
    held = db.execute("SELECT claimed_by_id, COUNT(*) FROM contact WHERE claimed_by_id "
                      "IS NOT NULL GROUP BY claimed_by_id").fetchall()
    assert sorted(held) == [(2, 1), (3, 1)]


def test_next_says_so_when_nobody_can_be_called(
    demo_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-22T03:00:00+00:00")  # a Sunday night
    assert main(["next", "--db", demo_url]) == 1
    assert "personne à appeler pour" in capsys.readouterr().err


def test_reminders_export_is_valid_icalendar(demo_url: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import icalendar

    target = tmp_path / "rappels.ics"
    assert main(["reminders", "--db", demo_url, "--caller", "Melissa", "--ics",
                 str(target)]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("#")]
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == len(listed) > 0
    assert all(e.get("DTSTART").dt.tzinfo is not None for e in events)


def test_reminders_done_snooze_reassign(demo_url: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = raw(demo_url)
    (rid,) = db.execute("SELECT id FROM reminder WHERE owner_id = 2 AND done_at IS NULL "
                        "ORDER BY id LIMIT 1").fetchone()
    assert main(["reminders", "--db", demo_url, "--snooze", str(rid), "--until",
                 "25/11 14h30"]) == 0
    due = db.execute("SELECT due_at FROM reminder WHERE id = ?", (rid,)).fetchone()[0]
    assert str(due).startswith("2026-11-25 13:30")  # 14:30 in Paris
    assert main(["reminders", "--db", demo_url, "--caller", "Karim", "--reassign", str(rid),
                 "--to", "Sophie"]) == 2  # Karim is not a lead
    assert "seul un chef d'équipe peut réattribuer" in capsys.readouterr().err
    assert main(["reminders", "--db", demo_url, "--caller", "Melissa", "--reassign", str(rid),
                 "--to", "Sophie"]) == 0
    assert db.execute("SELECT owner_id FROM reminder WHERE id = ?", (rid,)).fetchone() == (3,)
    assert db.execute("SELECT action FROM audit_log ORDER BY id DESC").fetchone() == (
        "reassign",)
    assert main(["reminders", "--db", demo_url, "--done", str(rid)]) == 0
    assert main(["reminders", "--db", demo_url, "--done", str(rid)]) == 2


def test_private_portfolio_keeps_a_contact_out_of_other_queues(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from cockpit.services import open_services
    from tests.conftest import FIXED_NOW

    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    melissa, karim = services.find_caller("Melissa"), services.find_caller("Karim")
    first = services.queue_page(karim.id, limit=1).rows[0]  # a reminder of Karim's
    assert main(["portfolio", "--db", demo_url, "--caller", "Melissa", "--add",
                 str(first.person.id)]) == 0
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    karims = services.queue_page(karim.id, limit=500, with_excluded=True)
    assert first.person not in {r.person for r in karims.rows}
    # Its open reminder went with it (issue 17): Melissa's to call, not lost between the two.
    assert first.name not in {name for name, _ in karims.excluded}
    melissas = services.queue_page(melissa.id, limit=500).rows
    assert first.person in {r.person for r in melissas}
    assert main(["portfolio", "--db", demo_url, "--caller", "Melissa"]) == 0
    assert first.name in capsys.readouterr().out
    assert melissa is not None


def test_options_before_the_sub_command_are_kept(demo_url: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`cockpit --db URL --caller NAME --lang en queue`: the values of the top-level options are not
    taken for the sub-command (only the named one is registered, see base.command_named)."""
    assert main(["--db", demo_url, "--caller", "Karim", "--lang", "en", "queue", "--at", AT,
                 "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "Karim: " in out and "to call" in out  # not the first caller, not French


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        ("2026-11-23T07:10:00+00:00", "dès 09:00"),  # 08:10 in Paris
        ("2026-11-23T11:45:00+00:00", "dès 13:30"),  # 12:45, lunch
        ("2026-11-28T09:00:00+00:00", "lun. 09:00"),  # Saturday
    ],
)
def test_queue_outside_hours_is_the_list_to_prepare(
    demo_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    now: str, opens: str,
) -> None:
    monkeypatch.setenv("COCKPIT_NOW", now)
    assert main(["queue", "--db", demo_url, "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert f"à préparer, appels {opens}" in out and "appelable" in out
    assert out.count(opens) >= 5  # the title, and every line says when
    # Nothing may be taken before the hours open.
    assert main(["next", "--db", demo_url]) == 1


def _services(url: str, now: datetime):  # type: ignore[no-untyped-def]
    from cockpit.services import open_services

    return open_services(url, clock=lambda: now)


def test_someone_called_before_is_never_new_even_without_a_last_contact(demo_url: str) -> None:
    """A call the contact row does not know of (merged by an import, an end never recorded):
    the person has been called, so they are not a new lead."""
    from tests.conftest import FIXED_NOW

    services = _services(demo_url, FIXED_NOW)
    melissa = services.find_caller("Melissa")
    page = services.queue_page(melissa.id, limit=400)
    fresh = next(r for r in page.rows if r.bucket == "new")
    assert fresh.reason.startswith("Nouveau")
    with raw(demo_url) as db:
        db.execute("INSERT INTO call (caller_id, contact_id, started_at, ended_at, script,"
                   " outcome, state) VALUES (2, ?, ?, ?, 'standard', 'no_answer', '{}')",
                   (fresh.person.id, datetime(2026, 7, 1, 9, 0), datetime(2026, 7, 1, 9, 2)))
    again = services.queue_page(melissa.id, limit=400, with_excluded=True)
    rows = {r.person: r for r in again.rows}
    row = rows.get(fresh.person)
    if row is not None:
        assert row.bucket != "new" and not row.reason.startswith("Nouveau")
        assert "Sans nouvelles depuis 145 jours" in row.reason
    else:  # a decider called lately is left out, and says why
        assert any(name == fresh.name and "Contacté" in reason
                   for name, reason in again.excluded)


def test_a_booked_callback_is_not_hidden_by_the_attempts_cap(demo_url: str) -> None:
    from tests.conftest import FIXED_NOW

    services = _services(demo_url, FIXED_NOW)
    melissa = services.find_caller("Melissa")
    first = services.queue_page(melissa.id, limit=50).rows
    booked = next(r for r in first if r.bucket in ("overdue", "today") and not r.held)
    with raw(demo_url) as db:
        for day in range(2, 7):  # five calls in the last thirty days: above the cap of four
            db.execute("INSERT INTO call (caller_id, contact_id, started_at, ended_at, script,"
                       " outcome, state) VALUES (?, ?, ?, ?, 'standard', 'no_answer', '{}')",
                       (melissa.id, booked.person.id, datetime(2026, 11, day, 9, 0),
                        datetime(2026, 11, day, 9, 1)))
    rows = {r.person: r for r in services.queue_page(melissa.id, limit=50).rows}
    assert booked.person in rows and rows[booked.person].held == ""


def test_someone_without_a_number_is_left_out_for_that_not_as_do_not_call(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A LinkedIn export gives no phone: nobody asked not to be called, there is just no number.
    url = f"sqlite:///{tmp_path / 'firm.sqlite'}"
    assert main(["team", "add", "Zoé Martin", "--db", url]) == 0
    listed = tmp_path / "people.csv"
    listed.write_text("Prénom;Nom;Société;Fonction;Téléphone;E-mail\n"
                      "Mathilde;Rey;Sapiens IT;DSI;;m.rey@sapiens-it.fr\n"
                      "Gérald;Chevalier;Numéa;DSI;01 42 68 53 00;\n", encoding="utf-8")
    assert main(["import", "contacts", str(listed), "--db", url]) == 0
    capsys.readouterr()
    assert main(["queue", "--db", url, "--at", AT, "--why"]) == 0
    out = capsys.readouterr().out
    left_out = out[out.index("Écartés"):]
    assert "Mathilde Rey" in left_out and "Aucun numéro à composer" in left_out
    assert "Ne pas appeler" not in out
    assert "Gérald Chevalier" in out[:out.index("Écartés")]
