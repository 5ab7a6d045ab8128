"""The call forgives: a step gone back over is not counted by the figures, a wrong end is
mended (its reminder replaced, not doubled, the audit keeping the first values), a call
started by mistake leaves nothing but its audit line, and a past call's note gets a line
added, the original kept. Offline, the outbox carries the mended end once."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.domain.errors import ValidationError
from cockpit.services import open_services, outbox
from cockpit.services.errors import ServiceError
from cockpit.services.views import PersonRef
from tests.conftest import FIXED_NOW
from tests.pg import Server
from tests.rawdb import raw
from tests.store.test_offline import _cut, _restore, team_db  # noqa: F401 (a fixture)

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def _first_call(url: str, script_kind: str = "standard"):
    services = open_services(url, clock=lambda: FIXED_NOW)
    caller = services.find_caller("Melissa")
    assert caller is not None
    rows = services.queue_page(caller.id, limit=50).rows
    for row in rows:
        if row.person.kind != "contact":
            continue
        call = services.start_call(caller.id, row.person)
        if call.script_title.lower().startswith("standard") == (script_kind == "standard"):
            return services, caller, row.person, call
        services.cancel_call(call.call_id)
    raise AssertionError(f"no {script_kind} call in the demo queue")


def _reminders(url: str, person: PersonRef) -> list[tuple[str, str]]:
    with raw(url) as db:
        return [(str(due)[:16], kind) for due, kind in db.execute(
            f"SELECT due_at, kind FROM reminder WHERE {person.kind}_id = ? "
            "AND done_at IS NULL AND created_at >= ? ORDER BY id",
            (person.id, datetime(2026, 11, 23))).fetchall()]


def _funnel(services, caller_id: int) -> dict[tuple[str, str], tuple[int, int]]:
    start = datetime(2026, 11, 23, tzinfo=PARIS)
    figures = services.figures(caller_id, start, start + timedelta(days=1))
    return {(f.script, f.step): (f.reached, f.stopped) for f in figures.funnel}


def test_the_funnel_leaves_out_a_step_gone_back_over(demo_url: str) -> None:
    services, caller, _person, call = _first_call(demo_url)
    before = _funnel(services, caller.id)  # the call's first step already counted
    moved = services.choose(call.call_id, 1)  # put through, too early
    assert moved.script_title != call.script_title
    back = services.back(call.call_id)
    assert back.step_title == call.step_title and not back.can_go_back
    services.finish_call(call.call_id, "callback", "", "")  # "un instant" never ended
    with raw(demo_url) as db:
        kinds = [k for (k,) in db.execute("SELECT kind FROM call_event WHERE call_id = ? "
                                          "ORDER BY seq", (call.call_id,)).fetchall()]
    assert kinds.count("answer") == 1 and kinds.count("back") == 1  # the log keeps both
    after = _funnel(services, caller.id)
    changed = {step: (after[step][0] - before.get(step, (0, 0))[0],
                      after[step][1] - before.get(step, (0, 0))[1])
               for step in after if after[step] != before.get(step)}
    # Only the switchboard's step, where the call stopped: the DO's, gone back over, is not.
    assert list(changed.values()) == [(0, 1)]
    assert next(iter(changed))[0] == "standard"


def test_a_mended_end_replaces_its_reminder_and_is_audited(demo_url: str) -> None:
    services, caller, person, call = _first_call(demo_url)
    services.finish_call(call.call_id, "no_answer", "24/11/2026 14:00", "messagerie")
    assert _reminders(demo_url, person) == [("2026-11-24 13:00", "retry")]
    day = services.day_figures(caller.id)
    [mine] = [c for c in services.calls_to_mend(caller.id) if c.call_id == call.call_id]
    assert (mine.outcome, mine.reminder, mine.note) == ("no_answer", "24/11/2026 14:00",
                                                        "messagerie")
    services.mend_call(caller.id, call.call_id, "callback", "25/11/2026 10:30",
                       "a décroché au dernier moment, rappeler mercredi")
    assert _reminders(demo_url, person) == [("2026-11-25 09:30", "callback")]  # not two
    with raw(demo_url) as db:
        assert db.execute("SELECT outcome FROM call WHERE id = ?", (call.call_id,)
                          ).fetchone() == ("callback",)
        assert db.execute("SELECT body FROM note WHERE call_id = ?", (call.call_id,)
                          ).fetchall() == [("a décroché au dernier moment, rappeler mercredi",)]
        details, = db.execute("SELECT details FROM audit_log WHERE action = 'mend_call' "
                              "AND entity_id = ?", (call.call_id,)).fetchone()
    first = json.loads(details)
    assert first["outcome"] == "no_answer" and first["reminder"].startswith("2026-11-24T13:00")
    after = services.day_figures(caller.id)
    assert after["calls"] == day["calls"]  # the same call, mended: not one more
    # A call with no reminder now: the one booked is closed, not left behind.
    services.mend_call(caller.id, call.call_id, "no_need", "", "pas de besoin")
    assert _reminders(demo_url, person) == []


def test_only_ones_own_calls_of_the_day_are_mended(demo_url: str) -> None:
    services, caller, _person, call = _first_call(demo_url)
    services.finish_call(call.call_id, "no_answer", "", "")
    other = next(c for c in services.callers() if c.id != caller.id)
    assert all(c.call_id != call.call_id for c in services.calls_to_mend(other.id))
    with pytest.raises(ServiceError) as refused:
        services.mend_call(other.id, call.call_id, "callback", "", "")
    assert refused.value.code == "mend_not_yours"
    tomorrow = open_services(demo_url, clock=lambda: FIXED_NOW + timedelta(days=1))
    with pytest.raises(ServiceError) as late:
        tomorrow.mend_call(caller.id, call.call_id, "callback", "", "")
    assert late.value.code == "mend_not_today"
    with pytest.raises(ValidationError):  # a typo in the reminder: said, nothing changed
        services.mend_call(caller.id, call.call_id, "callback", "le 40", "")
    with raw(demo_url) as db:
        assert db.execute("SELECT outcome FROM call WHERE id = ?", (call.call_id,)
                          ).fetchone() == ("no_answer",)


def test_a_call_started_by_mistake_is_cancelled_without_an_attempt(demo_url: str) -> None:
    first = open_services(demo_url, clock=lambda: FIXED_NOW)
    melissa = first.find_caller("Melissa")
    day = first.day_figures(melissa.id)
    queue = first.queue_page(melissa.id, limit=5).rows
    services, caller, person, call = _first_call(demo_url)
    services.save_draft(call.call_id, "mauvaise personne")
    with raw(demo_url) as db:
        calls_before = db.execute("SELECT COUNT(*) FROM call").fetchone()[0]
    assert services.may_cancel(call.call_id)
    services.cancel_call(call.call_id)
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM call").fetchone()[0] == calls_before - 1
        assert db.execute("SELECT COUNT(*) FROM call_event WHERE call_id = ?",
                          (call.call_id,)).fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM note WHERE call_id = ?",
                          (call.call_id,)).fetchone()[0] == 0
        table = person.kind
        assert db.execute(f"SELECT claimed_by_id FROM {table} WHERE id = ?",
                          (person.id,)).fetchone() == (None,)
        assert db.execute("SELECT action, entity_id FROM audit_log WHERE action = "
                          "'cancel_call'").fetchall() == [("cancel_call", person.id)]
    assert services.day_figures(caller.id) == day  # no attempt counted
    card = services.contact_card(person, "fr")
    assert card is not None and all(h.at < FIXED_NOW - timedelta(minutes=1)
                                    for h in card.history)
    # Where they were in the queue, for the same reason: no attempt counted.
    assert services.queue_page(caller.id, limit=5).rows == queue


def test_a_call_under_way_is_not_cancelled(demo_url: str) -> None:
    later = [FIXED_NOW]
    services = open_services(demo_url, clock=lambda: later[0])
    caller = services.find_caller("Melissa")
    person = services.queue_page(caller.id, limit=1).rows[0].person
    call = services.start_call(caller.id, person)
    services.choose(call.call_id, 1)
    later[0] = FIXED_NOW + timedelta(minutes=1)
    assert not services.may_cancel(call.call_id)
    with pytest.raises(ServiceError) as refused:
        services.cancel_call(call.call_id)
    assert refused.value.code == "cancel_too_late"
    services.back(call.call_id)  # the answer undone: nobody has answered now
    assert services.may_cancel(call.call_id) is False  # an answer was given, then undone


def test_a_line_added_to_a_past_note_keeps_the_original(demo_url: str) -> None:
    services, caller, person, call = _first_call(demo_url)
    services.finish_call(call.call_id, "no_need", "", "pas de besoin cette année")
    later = open_services(demo_url, clock=lambda: FIXED_NOW + timedelta(days=2))
    [past, *_] = later.past_calls(person)
    assert past.call_id == call.call_id and past.note == "pas de besoin cette année"
    later.add_call_note(caller.id, call.call_id, "budget voté finalement, rappeler en mars")
    with pytest.raises(ServiceError):
        later.add_call_note(caller.id, call.call_id, "   ")
    with raw(demo_url) as db:
        assert [b for (b,) in db.execute("SELECT body FROM note WHERE call_id = ? ORDER BY id",
                                         (call.call_id,)).fetchall()] == [
            "pas de besoin cette année", "budget voté finalement, rappeler en mars"]
    card = later.contact_card(person, "fr")
    assert card is not None
    line = next(h for h in card.history if h.outcome == "no_need")
    assert line.note == "pas de besoin cette année"  # the original, as written
    [(at, who, text)] = line.added  # the addition, dated, apart
    assert (at, who, text) == (FIXED_NOW + timedelta(days=2), "Melissa",
                               "budget voté finalement, rappeler en mars")


def test_the_outbox_carries_an_end_mended_offline_once(pg_server: Server, team_db) -> None:  # noqa: F811
    url, name = team_db
    services = open_services(url, clock=lambda: FIXED_NOW)
    caller = services.callers()[1]
    person = services.queue_page(caller.id, limit=1).rows[0].person
    call = services.start_call(caller.id, person)
    _cut(pg_server, name)
    services.finish_call(call.call_id, "no_answer", "24/11/2026 14:00", "messagerie")
    [kept] = [c for c in services.calls_to_mend(caller.id) if c.call_id == call.call_id]
    assert kept.kept and kept.outcome == "no_answer"
    services.mend_call(caller.id, call.call_id, "callback", "25/11/2026 10:30", "a rappelé")
    assert [c for c, _ in outbox.entries()] == [call.call_id]  # one end, mended in place
    _restore(pg_server, name)
    assert services.flush_outbox() == 1
    assert services.flush_outbox() == 0
    assert _reminders(url, person) == [("2026-11-25 09:30", "callback")]
    with raw(url) as db:
        assert db.execute("SELECT outcome FROM call WHERE id = ?", (call.call_id,)
                          ).fetchone() == ("callback",)
        assert db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'mend_call' "
                          "AND entity_id = ?", (call.call_id,)).fetchone() == (1,)


def test_a_written_end_mended_offline_is_written_when_back(pg_server: Server,
                                                           team_db) -> None:  # noqa: F811
    url, name = team_db
    services = open_services(url, clock=lambda: FIXED_NOW)
    caller = services.callers()[1]
    person = services.queue_page(caller.id, limit=1).rows[0].person
    call = services.start_call(caller.id, person)
    services.finish_call(call.call_id, "no_answer", "24/11/2026 14:00", "messagerie")
    _cut(pg_server, name)
    ended = services.mend_call(caller.id, call.call_id, "callback", "25/11/2026 10:30", "")
    assert ended.kept == "outbox"
    _restore(pg_server, name)
    assert services.flush_outbox() == 1
    assert services.flush_outbox() == 0
    assert _reminders(url, person) == [("2026-11-25 09:30", "callback")]


def test_the_top_bars_figures_of_the_day_are_the_reviews(demo_url: str) -> None:
    """One definition of the day's figures: the top bar said fewer DO reached (it missed
    the DO put through by a switchboard) and counted needs created rather than calls ended
    on one, so the caller's bar and the lead's review disagreed."""
    from datetime import datetime, time, timedelta

    services, caller, _person, call = _first_call(demo_url)
    services.finish_call(call.call_id, "need_qualified", "", "besoin Java")
    zone = services.setup.zone
    start = datetime.combine(services.now().astimezone(zone).date(), time(0), zone)
    lead = next(c for c in services.callers() if c.is_lead)
    compared = 0
    for someone in services.callers():
        review = services.figures(lead.id, start, start + timedelta(days=1), someone.name).team
        bar = services.day_figures(someone.id)
        assert bar == {"calls": review.calls, "reached": review.reached,
                       "needs": review.needs}, someone.name
        compared += bar["calls"] > 0
    assert compared >= 2 and services.day_figures(caller.id)["needs"] >= 1
