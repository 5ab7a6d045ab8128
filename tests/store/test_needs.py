"""Needs, matching, proposals and their follow-ups, through the services on a real demo file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from cockpit.services.views import PersonRef
from tests.conftest import FIXED_NOW
from tests.rawdb import Raw, raw


@pytest.fixture
def services(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    return open_services(demo_url, clock=lambda: FIXED_NOW)


def _db(url: str) -> Raw:
    return raw(url)


def _new_need(services, url: str) -> int:
    with _db(url) as db:
        (contact_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = TRUE "
                                   "AND email <> '' ORDER BY id LIMIT 1").fetchone()
    return services.create_need(services.callers()[0].id, {
        "title": "Consultant SAP", "technologies": "sap erp", "region": "Île-de-France",
        "start": "janvier", "budget_rate": "800"}, PersonRef("contact", contact_id))


def test_seed_searches_all_needs_and_needs_with_profiles(services) -> None:
    every = services.needs()
    with_profiles = services.needs(with_proposals=True)
    assert every and {n.id for n in with_profiles} < {n.id for n in every}
    assert all(n.proposed > 0 for n in with_profiles)
    technology = every[0].technologies.split()[0]
    found = services.needs(technology=technology)
    assert found and all(technology in n.technologies for n in found)
    assert len(found) < len(every)
    assert all(n.status == "open" for n in services.needs(status="open"))
    with pytest.raises(ServiceError, match="unknown need status"):
        services.needs(status="ouvert")


def test_a_need_by_hand_then_matching_freelances(services, demo_url: str) -> None:
    caller = services.callers()[0]
    need_id = services.create_need(caller.id, {
        "title": "Consultant SAP", "technologies": "sap erp", "region": "Île-de-France",
        "start": "ASAP", "budget_rate": "650 €"})
    page = services.match_freelances(need_id, limit=20)
    assert page.total >= len(page.rows) > 0
    groups = [r.group for r in page.rows]
    assert groups == sorted(groups, key=("available", "stale", "later").index)
    assert all(r.covered for r in page.rows)
    for row in page.rows:
        if row.day_rate is not None:  # selling = buying / (1 - 20 %)
            assert row.selling_rate == int(row.day_rate * 10 / 8 + 0.5)  # half up, in euros
            assert row.within_budget == (row.selling_rate <= 650)
    narrowed = services.match_freelances(need_id, typed=page.rows[0].name.split()[-1])
    assert page.rows[0].id in {r.id for r in narrowed.rows} and narrowed.total <= page.total


def test_bad_need_input_is_refused_with_its_reason(services) -> None:
    caller = services.callers()[0]
    with pytest.raises(ServiceError, match="title"):
        services.create_need(caller.id, {"technologies": "java"})
    with pytest.raises(ServiceError, match="not an amount"):
        services.create_need(caller.id, {"title": "Dev", "budget_rate": "beaucoup"})
    with pytest.raises(ServiceError, match="unknown need field"):
        services.create_need(caller.id, {"title": "Dev", "salaire": "3"})


def test_proposing_sending_the_cv_books_a_follow_up_two_working_days_later(
        services, demo_url: str) -> None:
    caller = services.callers()[0]
    need = services.need(_new_need(services, demo_url))
    detail = need
    assert detail.contact is not None
    match = services.match_freelances(need.id, limit=1).rows[0]
    proposal = services.propose(need.id, match.id)
    assert proposal.status == "proposed"
    assert services.propose(need.id, match.id).id == proposal.id  # not twice
    assert services.need(need.id).status == "proposed"
    # Monday 23 November 2026 → Wednesday 25 November.
    due = services.send_cv(caller.id, proposal.id, "CV anonymisé : Java, 8 ans",
                           "ouvert dans la messagerie", "CV envoyé")
    assert due.astimezone(UTC).date().isoformat() == "2026-11-25"
    with _db(demo_url) as db:
        rows = db.execute("SELECT kind, reason, contact_id, need_id FROM reminder "
                          "WHERE need_id = ? AND done_at IS NULL", (need.id,)).fetchall()
        sent = db.execute("SELECT status, anonymised_cv FROM proposal WHERE id = ?",
                          (proposal.id,)).fetchone()
    assert ("follow_up", "cv_follow_up", detail.contact.id, need.id) in rows
    assert sent == ("cv_sent", "CV anonymisé : Java, 8 ans")


def test_an_interview_books_both_sides_and_a_placement_needs_both_clauses(
        services, demo_url: str) -> None:
    caller = services.callers()[0]
    need = services.need(_new_need(services, demo_url))
    freelance = services.match_freelances(need.id, limit=1).rows[0]
    proposal = services.propose(need.id, freelance.id)
    # Friday 27 November, 14:00 UTC → Monday 30 November, 10:00 in Paris.
    due = services.book_interview(caller.id, proposal.id, datetime(2026, 11, 27, 14, tzinfo=UTC))
    assert due == datetime(2026, 11, 30, 9, tzinfo=UTC)
    with _db(demo_url) as db:
        booked = db.execute("SELECT contact_id IS NOT NULL, freelance_id FROM reminder "
                            "WHERE need_id = ? AND reason = 'after_interview'",
                            (need.id,)).fetchall()
    assert sorted(booked) == [(0, freelance.id), (1, None)]
    with pytest.raises(ServiceError, match="missing: non_solicitation"):
        services.record_placement(proposal.id, non_compete_signed=True,
                                  non_solicitation_signed=False)
    placed = services.record_placement(proposal.id, non_compete_signed=True,
                                       non_solicitation_signed=True)
    assert placed.status == "placed" and placed.non_compete_signed
    assert placed.non_solicitation_signed and services.need(need.id).status == "won"


def test_a_freelance_call_for_a_need_fills_the_script_and_updates_the_record(
        services, demo_url: str) -> None:
    caller = services.callers()[0]
    need = services.need(_new_need(services, demo_url))
    freelance = services.match_freelances(need.id, limit=1).rows[0]
    call = services.start_call(caller.id, PersonRef("freelance", freelance.id), need_id=need.id)
    assert need.title in call.text or need.title in " ".join(a.label for a in call.answers)
    with _db(demo_url) as db:
        assert db.execute("SELECT need_id FROM call WHERE id = ?",
                          (call.call_id,)).fetchone() == (need.id,)


def test_every_demo_cv_anonymises_to_nothing_identifying(services, demo_url: str) -> None:
    with _db(demo_url) as db:
        rows = db.execute("SELECT id, first_name, last_name, email FROM freelance "
                          "ORDER BY id LIMIT 60").fetchall()
    from cockpit.store.demo_words import KNOWN_EMPLOYERS

    for freelance_id, first, last, email in rows:
        cv = services.anonymised_cv(freelance_id)
        assert last not in cv.text and first not in cv.text and email not in cv.text
        assert "[entreprise]" not in cv.text
        assert not any(name in cv.text for name, _ in KNOWN_EMPLOYERS)
        assert {kind for kind, _, _ in cv.removed} >= {"name", "email", "phone", "employer"}


def test_search_ordered_in_sql_matches_the_ranking_rules(services) -> None:
    """The first page is cut in SQL for speed; it must be the page the rules would give."""
    from decimal import Decimal

    from cockpit.domain.matching import NeedSpec, rank
    from cockpit.store import freelance_search

    for typed in ("", "a", "dev", "java sp", "zzz"):
        page = services.search_freelances(typed, limit=20)
        everyone = rank(NeedSpec(()), freelance_search.find(typed), Decimal("0.2"), FIXED_NOW,
                        at_least_one=False)
        assert [r.id for r in page.rows] == [m.freelance.id for m in everyone[:20]], typed
        assert page.total == len(everyone)


def test_a_recap_saved_as_eml_lands_in_its_folder_created_if_missing(
        services, demo_url: str, tmp_path: Path) -> None:
    import email
    from email.header import decode_header, make_header

    caller = services.callers()[0]
    need_id = _new_need(services, demo_url)
    draft = services.need_recap(need_id, caller.id)
    folder = tmp_path / "mails" / "recaps"  # does not exist yet
    saved = services.save_eml(draft, folder)
    assert saved.parent == folder and saved.suffix == ".eml"
    assert (folder.stat().st_mode & 0o777) == 0o700  # the recaps hold personal data
    message = email.message_from_bytes(saved.read_bytes())
    assert message["To"] == draft.to
    assert str(make_header(decode_header(message["Subject"]))) == draft.subject
    body = message.get_payload(decode=True).decode("utf-8")
    assert body.strip() == draft.body.strip() and "sap erp" in body
