"""The contact card's history shows what happened with the person, calls or not: the line
noted when a CV was sent to a decision maker (outside any call) sits among the calls, dated,
newest first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cockpit.i18n import Translator
from cockpit.services import open_services
from cockpit.services.views import PersonRef
from cockpit.tui.card_words import history_outcome
from cockpit.tui.cv_words import cv_history
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

FRENCH = Translator("fr")


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def test_a_cv_sent_outside_a_call_is_in_the_history_among_the_calls(demo_url: str) -> None:
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    with raw(demo_url) as db:  # a decision maker the demo has called before
        (contact_id,) = db.execute(
            "SELECT c.id FROM contact c JOIN call ON call.contact_id = c.id "
            "WHERE c.is_decision_maker = TRUE AND c.email <> '' AND c.do_not_call = FALSE "
            "AND call.outcome IS NOT NULL ORDER BY c.id LIMIT 1").fetchone()
    person = PersonRef("contact", contact_id)
    before = services.contact_card(person, "fr")
    assert before is not None and before.history
    caller = services.callers()[0]
    need_id = services.create_need(caller.id, {"title": "Consultant SAP",
                                               "technologies": "sap erp"}, person)
    freelance = services.match_freelances(need_id, limit=1).rows[0]
    proposal = services.propose(need_id, freelance.id)
    cv, where = "CV anonymisé : SAP, 8 ans", "/home/melissa/envois/cv.eml"
    mail = services.cv_mail(caller.id, proposal.id, cv)
    services.send_cv(caller.id, proposal.id, cv, where, cv_history(mail, where, FRENCH))

    later = open_services(demo_url, clock=lambda: FIXED_NOW + timedelta(hours=1))
    call = later.start_call(caller.id, person)
    later.finish_call(call.call_id, "no_answer", "", "messagerie pleine")

    card = later.contact_card(person, "fr")
    assert card is not None
    first, second = card.history[:2]
    assert (first.at, history_outcome(first.outcome, FRENCH), first.note) == (
        FIXED_NOW + timedelta(hours=1), "Pas de réponse", "messagerie pleine")
    assert second.at == FIXED_NOW and second.who == caller.name
    assert history_outcome(second.outcome, FRENCH) == "Note hors appel"
    spaced = second.note.replace("\u202f", " ").replace("\u00a0", " ")  # French typography
    assert spaced == (f"CV de {freelance.name} envoyé pour « Consultant SAP » : "
                      "/home/melissa/envois/cv.eml")
    assert card.history[2:] == before.history[:len(card.history) - 2]  # the calls before
    dates = [item.at for item in card.history]
    assert dates == sorted(dates, reverse=True)
    assert history_outcome(second.outcome, Translator("en")) == "Note (no call)"
