"""Do-not-call is about a person: "never call me again" from an assistant reached on her
company's switchboard blocks her and her own numbers; her colleagues, reached through the
same switchboard, stay in the queue with their reminders. A number typed into `cockpit dnc
add` still blocks it for everyone."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.cli import main
from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from cockpit.services.views import PersonRef
from cockpit.store.migrations import open_and_migrate
from tests.conftest import FIXED_NOW
from tests.rawdb import raw


def _words(ended) -> str:
    """What the cockpit says of the end of a call, in French."""
    from cockpit.i18n import Translator
    from cockpit.tui.call_words import call_end_words

    return call_end_words(ended, Translator("fr"), ZoneInfo("Europe/Paris"))


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")

SWITCHBOARD = "+33142685300"
MOBILE = "+33612345678"


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def _office(url: str) -> dict[str, int]:
    """A company whose switchboard answers for four people; the assistant has a mobile; two
    colleagues have a callback booked this morning."""
    open_and_migrate(url)  # the schema, as every command makes it
    people = {"assistante": ("Sophie", "Martin", "Assistante", False),
              "do": ("Jean", "Dupont", "Directeur de département", True),
              "staffing": ("Lina", "Benali", "Responsable staffing", True),
              "commercial": ("Paul", "Leroy", "Ingénieur commercial", True)}
    ids: dict[str, int] = {}
    with raw(url) as db:
        db.execute("INSERT INTO caller (name, first_name, last_name, email, is_lead, active) "
                   "VALUES ('Melissa', 'Melissa', '', '', TRUE, TRUE)")
        ids["caller"] = db.execute("SELECT id FROM caller").fetchone()[0]
        db.execute("INSERT INTO company (name, kind, sector, city, website, posts_missions, "
                   "technologies, created_at) VALUES ('Atos Test', 'esn_classique', '', "
                   "'Paris', '', FALSE, '', ?)", ("2026-01-05 09:00:00",))
        company = db.execute("SELECT id FROM company").fetchone()[0]
        for key, (first, last, role, is_do) in people.items():
            db.execute("INSERT INTO contact (company_id, civility, first_name, last_name, role, "
                       "is_decision_maker, is_switchboard, persona, email, do_not_call, "
                       "asked_not_to_call, created_at) VALUES (?, '', ?, ?, ?, ?, FALSE, '', "
                       "'', FALSE, FALSE, ?)",
                       (company, first, last, role, is_do, "2026-01-05 09:00:00"))
            ids[key] = db.execute("SELECT MAX(id) FROM contact").fetchone()[0]
            db.execute("INSERT INTO phone (e164, kind, time_zone, label, contact_id) VALUES "
                       "(?, 'landline', 'Europe/Paris', 'standard', ?)", (SWITCHBOARD, ids[key]))
        db.execute("INSERT INTO phone (e164, kind, time_zone, label, contact_id) VALUES "
                   "(?, 'mobile', 'Europe/Paris', 'mobile', ?)", (MOBILE, ids["assistante"]))
        for key in ("do", "staffing"):
            db.execute("INSERT INTO reminder (owner_id, contact_id, kind, reason, due_at, "
                       "created_at) VALUES (?, ?, 'callback', 'rappel convenu', ?, ?)",
                       (ids["caller"], ids[key], "2026-11-23 08:30:00", "2026-11-20 09:00:00"))
    return ids


def _queued(services: object, caller_id: int) -> set[int]:
    rows = services.queue_page(caller_id, limit=50).rows  # type: ignore[attr-defined]
    return {r.person.id for r in rows if r.person.kind == "contact"}


def _blocked_numbers(url: str) -> set[str]:
    with raw(url) as db:
        return {e for (e,) in db.execute("SELECT e164 FROM do_not_call").fetchall()}


def test_never_call_me_again_from_an_assistant_leaves_her_colleagues_callable(
        store_url: str) -> None:
    ids = _office(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)  # Monday 10:42 in Paris
    caller, assistant = ids["caller"], PersonRef("contact", ids["assistante"])
    colleagues = {ids["do"], ids["staffing"], ids["commercial"]}
    assert colleagues | {assistant.id} <= _queued(services, caller)

    call = services.start_call(caller, assistant)
    assert call.script_title == "Standard"  # reached on the switchboard
    services.choose(call.call_id, 2)  # « C'est à quel sujet ? »
    services.choose(call.call_id, 3)  # refuses to put us through: the barrier
    view = services.choose(call.call_id, 3)  # « Ne rappelez plus »
    assert view.outcome == "do_not_call"
    said = _words(services.finish_call(call.call_id, "do_not_call", "", ""))

    # The confirmation names who and what was blocked, and what stays open.
    assert "Sophie Martin ne sera plus appelé(e), ni au 06 12 34 56 78" in said
    assert "Le standard 01 42 68 53 00 reste ouvert pour ses collègues" in said
    assert _blocked_numbers(store_url) == {MOBILE}
    queued = _queued(services, caller)
    assert assistant.id not in queued
    assert colleagues <= queued  # with their callbacks booked this morning
    rows = {r.person.id: r for r in services.queue_page(caller, limit=50).rows}
    assert {ids["do"], ids["staffing"]} <= {pid for pid, r in rows.items()
                                            if r.bucket == "overdue"}

    # At dial time: the assistant cannot be called, not even through the switchboard; a
    # colleague reached on that same switchboard can.
    with pytest.raises(ServiceError) as refused:
        services.start_call(caller, assistant)
    assert refused.value.code == "do_not_call"
    colleague = services.start_call(caller, PersonRef("contact", ids["do"]))
    assert colleague.dial == "01 42 68 53 00" or colleague.dial == ""
    services.finish_call(colleague.call_id, "no_answer", "", "")


def test_the_x_key_blocks_the_person_and_says_the_switchboard_stays_open(
        store_url: str) -> None:
    from cockpit.i18n import Translator
    from cockpit.tui.call_words import blocked_words

    ids = _office(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    blocked = services.mark_do_not_call(ids["caller"], PersonRef("contact", ids["do"]))
    # Jean has no number of his own: he alone is blocked, the switchboard is not.
    assert blocked.own == () and blocked.shared == (SWITCHBOARD,)
    assert blocked_words(blocked, Translator("fr")) == (
        "Jean Dupont ne sera plus appelé(e) (aucun numéro personnel connu). "
        "Le standard 01 42 68 53 00 reste ouvert pour ses collègues.")
    assert _blocked_numbers(store_url) == set()
    queued = _queued(services, ids["caller"])
    assert ids["do"] not in queued and {ids["staffing"], ids["commercial"]} <= queued
    with pytest.raises(ServiceError):
        services.start_call(ids["caller"], PersonRef("contact", ids["do"]))


def test_a_number_typed_into_dnc_add_blocks_it_for_everyone_and_lifting_it_keeps_who_asked(
        store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _office(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    services.mark_do_not_call(ids["caller"], PersonRef("contact", ids["do"]))
    assert main(["dnc", "add", "01 42 68 53 00", "--db", store_url]) == 0
    assert "blocked for everyone with this number: 4 people flagged" in \
        capsys.readouterr().out
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    assert not _queued(services, ids["caller"]) & {ids["staffing"], ids["commercial"]}
    with pytest.raises(ServiceError):
        services.start_call(ids["caller"], PersonRef("contact", ids["staffing"]))
    # Lifted: the colleagues come back; Jean, who asked himself, does not.
    assert main(["dnc", "remove", "+33 1 42 68 53 00", "--db", store_url]) == 0
    assert "3 people may be called again" in capsys.readouterr().out
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    queued = _queued(services, ids["caller"])
    assert ids["do"] not in queued and {ids["staffing"], ids["commercial"]} <= queued


def test_a_version_5_database_reopens_the_switchboard_a_person_had_closed(
        store_url: str) -> None:
    """Earlier cockpits put the switchboard on the list with the person who asked: opening
    such a database with this one reopens it for her colleagues and keeps her blocked."""
    from cockpit.store.db import database, open_database
    from cockpit.store.migrations import CURRENT, current_version, migrate
    from cockpit.store.privacy import digest_number

    db = open_database(store_url)
    database.initialize(db)
    migrate(db, target=5)
    for table in ("contact", "freelance"):  # as version 5 made them
        db.execute_sql(f"ALTER TABLE {table} DROP COLUMN asked_not_to_call")
    db.close()
    with raw(store_url) as sql:
        sql.execute("INSERT INTO caller (name, first_name, last_name, email, is_lead, active) "
                    "VALUES ('Melissa', 'Melissa', '', '', FALSE, TRUE)")
        for first, flagged in (("Sophie", True), ("Jean", False)):
            sql.execute("INSERT INTO contact (civility, first_name, last_name, role, "
                        "is_decision_maker, is_switchboard, persona, email, do_not_call, "
                        "created_at) VALUES ('', ?, 'Test', '', FALSE, FALSE, '', '', ?, ?)",
                        (first, flagged, "2026-01-05 09:00:00"))
        sophie, jean = (r[0] for r in sql.execute("SELECT id FROM contact ORDER BY id"))
        for person in (sophie, jean):
            sql.execute("INSERT INTO phone (e164, kind, time_zone, label, contact_id) VALUES "
                        "(?, 'landline', 'Europe/Paris', 'standard', ?)", (SWITCHBOARD, person))
        sql.execute("INSERT INTO phone (e164, kind, time_zone, label, contact_id) VALUES "
                    "(?, 'mobile', 'Europe/Paris', 'mobile', ?)", (MOBILE, sophie))
        sql.execute("INSERT INTO call (caller_id, contact_id, started_at, ended_at, script, "
                    "outcome, state) VALUES (1, ?, ?, ?, 'standard', 'do_not_call', '')",
                    (sophie, "2026-11-20 09:00:00", "2026-11-20 09:02:00"))
        for number in (SWITCHBOARD, MOBILE):
            sql.execute("INSERT INTO do_not_call (e164, digest, reason, created_at) VALUES "
                        "(?, ?, 'asked during a call', ?)",
                        (number, digest_number(number), "2026-11-20 09:02:00"))

    services = open_services(store_url, clock=lambda: FIXED_NOW)  # migrates, as any command
    assert current_version(database.obj) == CURRENT
    assert _blocked_numbers(store_url) == {MOBILE}
    queued = _queued(services, 1)
    assert jean in queued and sophie not in queued
    with raw(store_url) as sql:
        assert sql.execute("SELECT asked_not_to_call FROM contact WHERE id = ?",
                           (sophie,)).fetchone()[0] in (True, 1)
    # Lifting her mobile off the list does not lift her: she asked.
    assert services.dnc_remove(MOBILE)[1:] == (True, 0)
    with pytest.raises(ServiceError):
        services.start_call(1, PersonRef("contact", sophie))
