"""Search from anywhere on a real SQLite file and a real PostgreSQL server: a person
imported is found by a name typed without accents or case, by their number in any
spelling, by e-mail; freelances by skill, needs by technology; a colleague's private
contact stays hidden from a caller; the index follows edits, renames and erasures
(SQLite: triggers, whatever writes the rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from cockpit.services.views import PersonRef
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

FIRST, LAST, COMPANY = "Élodie", "Lefèbvre-Ançel", "Altiaris Conseil"
EMAIL = "elodie.lefebvre@altiaris.fr"


@pytest.fixture(autouse=True)
def _french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    monkeypatch.delenv("COCKPIT_CALLER", raising=False)


@pytest.fixture
def imported(demo_url: str, tmp_path: Path) -> int:
    """Élodie, imported as a caller's list would be: the triggers index her."""
    path = tmp_path / "liste.csv"
    path.write_text("Société;Prénom;Nom;Fonction;Téléphone;E-mail\n"
                    f"{COMPANY};{FIRST};{LAST};Directeur de département;06.12.34.56.78;{EMAIL}\n",
                    encoding="utf-8")
    assert main(["import", "contacts", str(path), "--db", demo_url]) == 0
    with raw(demo_url) as db:
        (person_id,) = db.execute("SELECT id FROM contact WHERE email = ?", (EMAIL,)).fetchone()
    return int(person_id)


def _services(url: str):
    return open_services(url, clock=lambda: FIXED_NOW)


def _found(services, caller: str, typed: str, kind: str = "contact") -> list[int]:
    who = services.find_caller(caller)
    groups = {g.kind: g for g in services.search(who.id, typed).groups}
    return [h.id for h in groups[kind].hits]


@pytest.mark.parametrize("typed", ["lefebvre", "LEFÈBVRE", "elodie lefeb", "Élodie ançel",
                                   "elo altiaris"])
def test_a_name_is_found_whatever_its_accents_and_case(demo_url: str, imported: int,
                                                       typed: str) -> None:
    assert imported in _found(_services(demo_url), "Karim", typed)


@pytest.mark.parametrize("typed", ["06.12.34.56.78", "+33 6 12 34 56 78", "0612345678",
                                   "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "06 12 34",
                                   "+33612"])
def test_a_number_is_found_in_any_spelling(demo_url: str, imported: int, typed: str) -> None:
    assert imported in _found(_services(demo_url), "Karim", typed)


def test_an_email_finds_the_person_and_the_company_its_people(demo_url: str,
                                                               imported: int) -> None:
    services = _services(demo_url)
    assert _found(services, "Karim", EMAIL) == [imported]
    assert _found(services, "Karim", "altiaris", "company")


def test_freelances_by_skill_and_needs_by_technology(demo_url: str) -> None:
    services = _services(demo_url)
    melissa = services.find_caller("Melissa")
    need_id = services.create_need(melissa.id, {"title": "Développeur Elixir",
                                                "technologies": "elixir phoenix"}, None)
    assert _found(services, "Karim", "phoenix", "need") == [need_id]
    karim = services.find_caller("Karim")
    group = next(g for g in services.search(karim.id, "kubern").groups
                 if g.kind == "freelance")
    assert group.hits and all("kubernetes" in h.detail[1].split() for h in group.hits)
    assert group.total >= len(group.hits)


def test_a_colleagues_private_contact_is_never_found_nor_opened(demo_url: str,
                                                                imported: int) -> None:
    services = _services(demo_url)
    melissa, sophie, karim = (services.find_caller(n) for n in ("Melissa", "Sophie", "Karim"))
    services.change_portfolio(melissa.id, imported, sophie.id)  # the lead gives her to Sophie
    assert _found(services, "Karim", "lefebvre") == []
    assert _found(services, "Karim", "06 12 34 56 78") == []
    assert _found(services, "Sophie", "lefebvre") == [imported]
    assert _found(services, "Melissa", "lefebvre") == [imported]  # the lead sees every one
    with pytest.raises(ServiceError) as refused:
        services.person_record(karim.id, PersonRef("contact", imported))
    assert refused.value.code == "record_private"
    # And a caller cannot give her to anyone (the service says no, whatever the screen).
    with pytest.raises(ServiceError) as refused:
        services.change_portfolio(karim.id, imported, karim.id)
    assert refused.value.code == "portfolio_colleague"


def test_the_index_follows_edits_renames_and_erasures(demo_url: str, imported: int,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    services = _services(demo_url)
    karim = services.find_caller("Karim")
    services.edit_contact(karim.id, PersonRef("contact", imported),
                          {"first_name": FIRST, "last_name": "Marchetti", "role": "DSI",
                           "email": EMAIL, "phone": ""})
    assert _found(services, "Karim", "ancel") == []  # the old name only (her e-mail stays)
    assert _found(services, "Karim", "marchetti") == [imported]
    with raw(demo_url) as db:
        db.execute("UPDATE company SET name = 'Zorglub Partners' WHERE name = ?", (COMPANY,))
    assert _found(services, "Karim", "zorglub marchetti") == [imported]
    assert main(["person", "forget", f"contact:{imported}", "--db", demo_url, "--yes"]) == 0
    assert _found(services, "Karim", "marchetti") == []
    assert _found(services, "Karim", "0612345678") == []


def test_a_record_shows_the_person_and_their_company(demo_url: str, imported: int) -> None:
    services = _services(demo_url)
    karim = services.find_caller("Karim")
    services.add_note(karim.id, PersonRef("contact", imported), "Rappeler après le salon")
    due = services.book_reminder(karim.id, PersonRef("contact", imported), "lundi 10h",
                                 "salon")
    record = services.person_record(karim.id, PersonRef("contact", imported))
    assert record.card.email == EMAIL and record.card.role == "Directeur de département"
    assert [p.display for p in record.card.phones] == ["06 12 34 56 78"]
    assert record.card.history[0].note == "Rappeler après le salon"
    assert [(r.due_at, r.reason, r.owner) for r in record.reminders] == [(due, "salon",
                                                                           "Karim")]
    company = services.company_record(karim.id, record.company_id)
    assert company.name == COMPANY
    assert [(p.name, p.is_decision_maker) for p in company.people] == [
        (f"{FIRST} {LAST}", True)]
    assert company.timeline[0].note == "Rappeler après le salon"
    with pytest.raises(ServiceError) as refused:
        services.add_note(karim.id, PersonRef("contact", imported), "   ")
    assert refused.value.code == "note_empty"


def test_cockpit_search_prints_the_results_by_kind(demo_url: str, imported: int,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["search", "LEFEBVRE", "--db", demo_url]) == 0
    said = capsys.readouterr().out
    assert said.splitlines() == [
        "Personnes (1)",
        f"  contact:{imported:<8} {FIRST} {LAST} · Directeur de département · {COMPANY} · DO"]
    assert main(["search", "zzqx", "--db", demo_url]) == 1
    assert "Rien ne correspond à «\u00a0zzqx\u00a0»." in capsys.readouterr().out
    assert main(["--lang", "en", "search", "+33 6 12 34 56 78", "--db", demo_url]) == 0
    assert capsys.readouterr().out.startswith("People (1)\n")


def test_a_freelances_record_has_skills_siret_cv_and_proposals(demo_url: str) -> None:
    services = _services(demo_url)
    melissa = services.find_caller("Melissa")
    with raw(demo_url) as db:
        freelance_id, skills = db.execute("SELECT id, skills FROM freelance WHERE siret <> '' "
                                          "ORDER BY id LIMIT 1").fetchone()
        db.execute("UPDATE freelance SET cv_text = 'Dix ans de Java' WHERE id = ?",
                   (freelance_id,))
    need_id = services.create_need(melissa.id, {"title": "Mission Java"}, None)
    services.propose(need_id, freelance_id)
    record = services.person_record(melissa.id, PersonRef("freelance", freelance_id))
    assert record.skills == tuple(skills.split()) and record.siret
    assert record.cv_text == "Dix ans de Java"
    assert [(p.need_id, p.need, p.status) for p in record.proposals] == [
        (need_id, "Mission Java", "proposed")]
