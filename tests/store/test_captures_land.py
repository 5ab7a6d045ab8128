"""What the caller captured lands where they will look for it: a direct line becomes one of
the contact's numbers (on the card, dialled next time); the person they were sent to shows
who sent them; the e-mail already known fills the field that asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.i18n import Translator
from cockpit.services import Services, open_services
from cockpit.services.views import PersonRef
from cockpit.tui.card_words import referred_by
from tests.conftest import FIXED_NOW
from tests.rawdb import raw
from tests.store.test_do_not_call_person import _office


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def test_a_direct_line_given_by_the_switchboard_is_on_the_card_and_dialled_next(
        store_url: str) -> None:
    ids = _office(store_url)
    with raw(store_url) as db:
        db.execute("UPDATE contact SET email = 'j.dupont@atos-test.fr' WHERE id = ?",
                   (ids["do"],))
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    jean = PersonRef("contact", ids["do"])
    call = services.start_call(ids["caller"], jean)
    view = services.choose(call.call_id, 3)  # absent or in a meeting
    fields = {c.key: c.value for c in view.captures}
    assert fields["do_email"] == "j.dupont@atos-test.fr"  # known: already filled in
    services.capture(call.call_id, "direct_line", "01.42.68.53.17")
    services.capture(call.call_id, "callback_at", "24/11 09:30")
    services.choose(call.call_id, 1)
    services.finish_call(call.call_id, "callback", "24/11/2026 09:30", "")

    card = services.contact_card(jean)
    assert card is not None
    assert [p.display for p in card.phones] == ["01 42 68 53 17", "01 42 68 53 00"]
    again = services.start_call(ids["caller"], jean)
    assert again.dial == "01 42 68 53 17"  # past the switchboard
    assert again.script_title != "Standard"


def _sent_to_nadia(store_url: str) -> tuple[Services, dict[str, int], int]:
    """Jean Dupont, called, sends us to Nadia Khelif: the services, the office, her id."""
    ids = _office(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    call = services.start_call(ids["caller"], PersonRef("contact", ids["do"]))
    services.add_redirect(call.call_id, {"first_name": "Nadia", "last_name": "Khelif",
                                         "role": "DSI", "phone": "06 11 22 33 44"})
    services.finish_call(call.call_id, "redirected", "", "")
    with raw(store_url) as db:
        nadia = db.execute("SELECT id FROM contact WHERE last_name = 'Khelif'").fetchone()[0]
    return services, ids, int(nadia)


def test_the_person_we_were_sent_to_shows_who_sent_us(store_url: str) -> None:
    services, ids, nadia = _sent_to_nadia(store_url)
    card = services.contact_card(PersonRef("contact", nadia))
    assert card is not None
    assert card.referred_by is not None
    assert referred_by(card.referred_by, Translator("fr")) == \
        "recommandé(e) par Jean Dupont (Directeur de département)"
    assert services.contact_card(PersonRef("contact", ids["do"])).referred_by is None


def test_the_person_the_switchboard_named_shows_its_company(store_url: str) -> None:
    services, ids, nadia = _sent_to_nadia(store_url)
    with raw(store_url) as db:
        company = db.execute("SELECT co.name FROM company co JOIN contact c"
                             " ON c.company_id = co.id WHERE c.id = ?", (ids["do"],)).fetchone()[0]
        # As if the one who named her had been the company's switchboard.
        db.execute("UPDATE contact SET is_switchboard = ? WHERE id = ?", (True, ids["do"]))
    card = services.contact_card(PersonRef("contact", nadia))
    assert card is not None and card.referred_by is not None
    assert referred_by(card.referred_by, Translator("fr")) == \
        f"indiqué(e) par le standard de {company}"
