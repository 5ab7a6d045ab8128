"""A company and a person typed by hand: checked as an import checks a row (number, e-mail,
a name needed), the company found by its name whatever its accents, and the person already
known offered instead of being created twice."""

from __future__ import annotations

import pytest

from cockpit.domain.errors import ValidationError
from cockpit.services import open_services
from cockpit.services.records import Created, Duplicates
from tests.conftest import FIXED_NOW
from tests.rawdb import raw


def _services(url: str):
    return open_services(url, clock=lambda: FIXED_NOW)


def test_a_person_typed_by_hand_is_checked_found_and_never_doubled(demo_url: str) -> None:
    services = _services(demo_url)
    typed = {"first_name": "Anaïs", "last_name": "Quéré", "role": "Directeur de département",
             "company": "Zéphyr Numérique", "phone": "06 98 76 54 32",
             "email": "anais.quere@zephyr.fr"}
    made = services.create_contact(typed)
    assert isinstance(made, Created) and made.kind == "contact"
    karim = services.find_caller("Karim")
    groups = {g.kind: g for g in services.search(karim.id, "quere").groups}
    assert [h.id for h in groups["contact"].hits] == [made.id]
    with raw(demo_url) as db:
        assert db.execute("SELECT c.is_decision_maker, co.name, p.e164, p.label FROM contact c "
                          "JOIN company co ON co.id = c.company_id JOIN phone p ON "
                          "p.contact_id = c.id WHERE c.id = ?", (made.id,)).fetchone() == (
            True, "Zéphyr Numérique", "+33698765432", "mobile")
    # The same e-mail in capitals, or the same number spelt otherwise: offered, not doubled.
    again = services.create_contact({**typed, "email": "ANAIS.QUERE@ZEPHYR.FR",
                                     "phone": ""})
    assert again == Duplicates("contact", ((made.id, "Anaïs Quéré"),))
    again = services.create_contact({"last_name": "Autre", "phone": "+33 6 98 76 54 32"})
    assert isinstance(again, Duplicates) and again.found[0][0] == made.id
    # The company is found by its name, accents and case aside, and not created twice.
    other = services.create_contact({"last_name": "Martel", "company": "ZEPHYR numerique"})
    assert isinstance(other, Created)
    with raw(demo_url) as db:
        assert db.execute("SELECT count(*) FROM company WHERE name = 'Zéphyr Numérique'"
                          ).fetchone() == (1,)
    forced = services.create_contact({**typed, "phone": ""}, force=True)
    assert isinstance(forced, Created) and forced.id != made.id


@pytest.mark.parametrize(("values", "code"), [
    ({"last_name": ""}, "last_name_required"),
    ({"last_name": "Dupont", "phone": "12"}, None),
    ({"last_name": "Dupont", "email": "pas-un-mail"}, None),
])
def test_bad_input_is_refused_with_its_reason_and_nothing_written(demo_url: str,
                                                                  values: dict[str, str],
                                                                  code: str | None) -> None:
    services = _services(demo_url)
    with raw(demo_url) as db:
        (before,) = db.execute("SELECT count(*) FROM contact").fetchone()
    with pytest.raises(ValidationError) as refused:
        services.create_contact(values)
    if code:
        assert refused.value.code == code
    with raw(demo_url) as db:
        assert db.execute("SELECT count(*) FROM contact").fetchone() == (before,)


def test_a_company_typed_by_hand_is_offered_when_known(demo_url: str) -> None:
    services = _services(demo_url)
    made = services.create_company({"name": "Œuvre Logicielle", "sector": "Édition",
                                    "city": "Nantes"})
    assert isinstance(made, Created)
    known = services.create_company({"name": "œuvre logicielle"})
    assert known == Duplicates("company", ((made.id, "Œuvre Logicielle"),))
    with pytest.raises(ValidationError) as refused:
        services.create_company({"name": "  "})
    assert refused.value.code == "company_name_required"
