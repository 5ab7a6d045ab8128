"""A company, a contact or a freelance created by hand through the services, on the demo
(a SQLite file and PostgreSQL): checked as an import is, the look-alikes found first, the
decision maker read from the role, the do-not-call list obeyed, the audit without values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit.domain.errors import ValidationError
from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from tests.conftest import FIXED_NOW
from tests.rawdb import raw


@pytest.fixture
def services(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    return open_services(demo_url, clock=lambda: FIXED_NOW)


def _caller(services):
    return next(c for c in services.callers() if not c.is_lead)


def test_a_contact_at_a_new_company_is_a_decision_maker_by_role(services, demo_url) -> None:
    caller = _caller(services)
    created = services.create(caller.id, "contact", {
        "first_name": "Paul", "last_name": "Nouveau", "company": "Zébulon Conseil",
        "role": "DSI", "email": "Paul.Nouveau@zebulon.fr", "direct_phone": "01.42.68.53.07",
        "mobile_phone": "+33 6 98 76 54 32"})
    with raw(demo_url) as db:
        row = db.execute("SELECT c.is_decision_maker, k.name, c.email, c.owner_id FROM contact c"
                         " JOIN company k ON k.id = c.company_id WHERE c.id = ?",
                         (created.id,)).fetchone()
        phones = sorted(db.execute("SELECT e164, label FROM phone WHERE contact_id = ?",
                                   (created.id,)).fetchall())
        audit = db.execute("SELECT actor, details FROM audit_log WHERE action = 'create'"
                           " AND entity_id = ?", (created.id,)).fetchone()
    assert bool(row[0]) and row[1] == "Zébulon Conseil" and row[3] is None
    assert phones == [("+33142685307", "direct"), ("+33698765432", "mobile")]
    assert audit[0] == caller.name
    assert "Nouveau" not in audit[1] and "zebulon" not in audit[1]  # field names only
    assert "email" in json.loads(audit[1])


def test_a_person_already_there_is_offered_not_created_twice(services, demo_url) -> None:
    caller = _caller(services)
    with raw(demo_url) as db:
        cid, first, last, company, email = db.execute(
            "SELECT c.id, c.first_name, c.last_name, k.name, c.email FROM contact c JOIN"
            " company k ON k.id = c.company_id WHERE c.email <> '' AND NOT c.is_switchboard"
            " ORDER BY c.id LIMIT 1").fetchone()
        (mobile,) = db.execute("SELECT e164 FROM phone WHERE contact_id = ? AND kind ="
                               " 'mobile' LIMIT 1", (cid,)).fetchone() or ("",)
    by_email = services.duplicates("contact", {"last_name": "Autre", "email": email.upper()})
    assert [(d.id, d.why) for d in by_email] == [(cid, ("email",))]
    by_name = services.duplicates("contact", {"first_name": first.upper(), "last_name": last,
                                              "company": company.lower()})
    assert cid in {d.id for d in by_name}
    if mobile:
        by_phone = services.duplicates("contact", {"last_name": "Inconnu",
                                                   "mobile_phone": mobile})
        assert cid in {d.id for d in by_phone}
    with pytest.raises(ServiceError) as refused:
        services.create(caller.id, "contact", {"last_name": last, "first_name": first,
                                               "company": company})
    assert refused.value.code == "create_duplicate" and refused.value.params["id"] == cid
    again = services.create(caller.id, "contact", {"last_name": last, "first_name": first,
                                                   "company": company}, even_if_like=True)
    assert again.id != cid


def test_colleagues_sharing_the_switchboard_are_not_the_same(services, demo_url) -> None:
    with raw(demo_url) as db:
        e164, company = db.execute(
            "SELECT p.e164, k.name FROM phone p JOIN contact c ON c.id = p.contact_id"
            " JOIN company k ON k.id = c.company_id WHERE p.label = 'standard'"
            " AND p.kind <> 'mobile' LIMIT 1").fetchone()
    like = services.duplicates("contact", {"last_name": "Zzyzx", "company": company,
                                           "direct_phone": e164})
    assert like == []


def test_a_company_is_known_by_its_name_accents_and_case_aside(services, demo_url) -> None:
    caller = _caller(services)
    with raw(demo_url) as db:
        (name,) = db.execute("SELECT name FROM company WHERE name LIKE '%è%' OR name LIKE"
                             " '%é%' ORDER BY id LIMIT 1").fetchone()
    plain = name.replace("è", "e").replace("é", "e").upper()
    assert [d.name for d in services.duplicates("company", {"name": plain})] == [name]
    created = services.create(caller.id, "company", {
        "name": "Ozymandias Numérique", "kind": "SSII", "sector": "Services numériques",
        "switchboard": "01 40 00 00 00"})
    with raw(demo_url) as db:
        kind = db.execute("SELECT kind FROM company WHERE id = ?", (created.id,)).fetchone()[0]
        standard = db.execute("SELECT p.e164 FROM phone p JOIN contact c ON c.id ="
                              " p.contact_id WHERE c.company_id = ? AND c.is_switchboard",
                              (created.id,)).fetchall()
    assert kind == "esn_classique" and standard == [("+33140000000",)]


@pytest.mark.parametrize(("kind", "typed", "field"), [
    ("contact", {"last_name": "X", "direct_phone": "abc"}, "direct_phone"),
    ("contact", {"last_name": "X", "email": "pas-un-mail"}, "email"),
    ("contact", {"last_name": "X\x1b[2J"}, "last_name"),
    ("contact", {"first_name": "Sans nom"}, "last_name"),
    ("contact", {"last_name": "X", "nom": "Y"}, "nom"),
    ("freelance", {"last_name": "X", "siret": "12345678901234"}, "siret"),
    ("freelance", {"last_name": "X", "day_rate": "beaucoup"}, "day_rate"),
    ("company", {"name": "X", "kind": "banane"}, "kind"),
    ("freelance", {"last_name": "X", "skills": "java " * 200_000}, "skills"),
    ("company", {"name": "N" * 5000}, "name"),
])
def test_a_bad_value_is_refused_with_its_field_and_nothing_written(
        services, demo_url, kind, typed, field) -> None:
    caller = _caller(services)
    with raw(demo_url) as db:
        before = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ValidationError) as refused:
        services.create(caller.id, kind, typed)
    assert refused.value.params["field"] == field
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before


def test_a_listed_number_flags_the_new_person_and_the_freelance_is_searchable(services,
                                                                            demo_url) -> None:
    caller = _caller(services)
    lead = next(c for c in services.callers() if c.is_lead)
    services.dnc_add("06 11 22 33 44")
    created = services.create(caller.id, "contact", {"last_name": "Listé",
                                                     "mobile_phone": "0611223344"})
    with raw(demo_url) as db:
        assert db.execute("SELECT do_not_call FROM contact WHERE id = ?",
                          (created.id,)).fetchone()[0]
    services.create(lead.id, "freelance", {"first_name": "Léa", "last_name": "Kubiak",
                                           "skills": "Kubernetes Go", "day_rate": "650 €"})
    found = services.search_freelances("kuber")
    assert any(r.name == "Léa Kubiak" for r in found.rows)


def test_cockpit_add_takes_the_names_an_import_reads(demo_url: str,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.cli import main

    monkeypatch.setenv("COCKPIT_LANG", "fr")
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    assert main(["add", "contact", "Prénom=Anaïs", "nom=Zerbib", "société=Atlas Conseil",
                 "fonction=DSI", "téléphone=01 45 00 12 34", "e-mail=a.zerbib@atlas.fr",
                 "--db", demo_url]) == 0
    with raw(demo_url) as db:
        row = db.execute("SELECT c.first_name, c.role, c.email, co.name, p.e164 FROM contact c"
                         " JOIN company co ON co.id = c.company_id JOIN phone p"
                         " ON p.contact_id = c.id WHERE c.last_name = 'Zerbib'").fetchone()
    assert tuple(row) == ("Anaïs", "DSI", "a.zerbib@atlas.fr", "Atlas Conseil", "+33145001234")
    capsys.readouterr()
    assert main(["add", "contact", "nom=Yvon", "standard=01 45 00 12 35", "--db", demo_url]) == 2
    assert "standard" in capsys.readouterr().err  # a contact's form has no switchboard
