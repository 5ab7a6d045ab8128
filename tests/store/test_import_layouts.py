"""The exports of the tools a firm leaves, imported without --map into a real database: files
written in each tool's layout (tests/layouts/, see cockpit/domain/import_columns.py), the
cockpit's own export read back, --dry-run, and refusals that say where."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cockpit.cli import main
from tests.rawdb import raw

LAYOUTS = Path(__file__).parent.parent / "layouts"


@pytest.fixture(autouse=True)
def _english_and_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_LANG", "en")
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")


def _people(url: str) -> list[tuple]:
    with raw(url) as db:
        return db.execute(
            "SELECT c.civility, c.first_name, c.last_name, c.role, co.name, c.email, "
            "(SELECT COUNT(*) FROM phone p WHERE p.contact_id = c.id) FROM contact c "
            "LEFT JOIN company co ON co.id = c.company_id WHERE c.is_switchboard = FALSE "
            "ORDER BY c.id").fetchall()


CONTACT_LAYOUTS = {  # file: (rows skipped, the first person as the database keeps them)
    "hubspot_contacts.csv": ("", ("", "Camille", "Roussel", "Directrice des achats",
                                  "Nuvia Conseil", "camille.roussel@nuvia.fr", 2)),
    "pipedrive_people.csv": ("", ("", "Sophie", "Marchand", "", "Kelvio",
                                  "sophie.marchand@kelvio.fr", 2)),
    "salesforce_report.csv": ("3 lines of a report footer skipped: 6, 8-9",
                              ("Mr.", "Olivier", "Renaud", "Head of Procurement", "Stellane",
                               "o.renaud@stellane.com", 1)),
    "salesforce_dataloader_contacts.csv": ("", ("Mrs.", "Léa", "Fontaine", "Responsable SI",
                                                "Helio Industries", "lea.fontaine@helio.fr",
                                                1)),
    "zoho_contacts.csv": ("", ("Mrs.", "Nadia", "Benkirane", "DSI", "Quartzline",
                               "n.benkirane@quartzline.fr", 2)),
    "odoo_contacts.csv": ("", ("Mister", "Julien", "Mercier", "Directeur technique",
                               "Altavia Services", "j.mercier@altavia.fr", 2)),
    # French Odoo: "Nom" holds the whole name, no first-name column.
    "odoo_contacts_fr.csv": ("", ("Monsieur", "Julien", "Mercier", "Directeur technique",
                                  "Altavia Services", "j.mercier@altavia.fr", 2)),
    "google_contacts.csv": ("", ("", "Élodie", "Garnier", "Directrice commerciale", "Brevia",
                                 "elodie.garnier@brevia.fr", 2)),
    "outlook_en.csv": ("", ("Mr.", "David", "Morel", "Purchasing Manager", "Corvus IT",
                            "d.morel@corvus.fr", 3)),
    "outlook_fr.csv": ("", ("M.", "Gérald", "Chevalier", "Responsable des achats", "Numéa",
                            "g.chevalier@numea.fr", 3)),
    "linkedin_connections.csv": ("2 lines before the header (line 4) skipped: 1-2 (“Notes:”)",
                                 ("", "Mathilde", "Rey", "Directrice des opérations",
                                  "Sapiens IT", "mathilde.rey@sapiens-it.fr", 0)),
    "excel_fr.csv": ("", ("Mme", "Françoise", "Lefèbvre", "Directrice de département",
                          "Arvéo Consulting", "f.lefebvre@arveo.fr", 3)),
}


@pytest.mark.parametrize("name", sorted(CONTACT_LAYOUTS))
def test_each_tools_contacts_import_without_map(name: str, store_url: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    skipped, first = CONTACT_LAYOUTS[name]
    assert main(["import", "contacts", str(LAYOUTS / name), "--db", store_url]) == 0
    out = capsys.readouterr().out
    assert skipped in out
    people = _people(store_url)
    assert people[0] == first
    assert len(people) == sum(1 for line in (LAYOUTS / name).read_bytes().splitlines()
                              if b"@" in line or b"Paul" in line)  # every person came in


def test_google_cells_holding_several_numbers_give_each(store_url: str) -> None:
    assert main(["import", "contacts", str(LAYOUTS / "google_contacts.csv"),
                 "--db", store_url]) == 0
    with raw(store_url) as db:
        numbers = db.execute("SELECT p.e164, p.kind FROM phone p JOIN contact c ON "
                             "c.id = p.contact_id WHERE c.last_name = 'Garnier' "
                             "ORDER BY p.e164").fetchall()
    assert numbers == [("+33145001020", "landline"), ("+33633445566", "mobile")]


def _addresses(url: str, last_name: str) -> tuple[str, str]:
    with raw(url) as db:
        return db.execute("SELECT email, other_emails FROM contact WHERE last_name = ?",
                          (last_name,)).fetchone()


def test_every_address_a_file_gives_is_kept_once(store_url: str, tmp_path: Path) -> None:
    google = LAYOUTS / "google_contacts.csv"
    assert main(["import", "contacts", str(google), "--db", store_url]) == 0
    assert _addresses(store_url, "Garnier") == ("elodie.garnier@brevia.fr",
                                                "e.garnier@brevia.com")
    assert main(["import", "contacts", str(google), "--db", store_url]) == 0  # again: merged
    later = tmp_path / "later.csv"  # the same person (her mobile), a new address and an old one
    later.write_text("Nom;Prénom;Portable;E-mail\nGarnier;Élodie;06 33 44 55 66;"
                     "elodie@garnier.me ::: E.Garnier@brevia.com\n", "utf-8")
    assert main(["import", "contacts", str(later), "--db", store_url]) == 0
    assert _addresses(store_url, "Garnier") == (
        "elodie.garnier@brevia.fr", "e.garnier@brevia.com elodie@garnier.me")
    from cockpit.services import open_services
    from cockpit.services.views import PersonRef

    with raw(store_url) as db:
        (garnier,) = db.execute("SELECT id FROM contact WHERE last_name = 'Garnier'").fetchone()
    card = open_services(store_url).contact_card(PersonRef("contact", garnier))
    assert card is not None and card.other_emails == ("e.garnier@brevia.com",
                                                      "elodie@garnier.me")
    # Anyone asking by any of her addresses (her rights, GDPR) finds her.
    services = open_services(store_url)
    assert services.find_people("Elodie@Garnier.ME") == [PersonRef("contact", garnier)]
    assert services.find_people("@garnier.me") == []  # a part of one is not an address


def test_outlook_phones_go_to_their_kinds(store_url: str) -> None:
    assert main(["import", "contacts", str(LAYOUTS / "outlook_en.csv"), "--db", store_url]) == 0
    with raw(store_url) as db:
        labels = db.execute("SELECT p.e164, p.label FROM phone p JOIN contact c ON "
                            "c.id = p.contact_id WHERE c.last_name = 'Lambert' "
                            "ORDER BY p.e164").fetchall()
    assert labels == [("+33142003300", "standard"), ("+33142003345", "direct"),
                      ("+33142003346", "direct")]


def test_companies_of_hubspot_and_salesforce(store_url: str) -> None:
    for name in ("hubspot_companies.csv", "salesforce_dataloader_accounts.csv"):
        assert main(["import", "companies", str(LAYOUTS / name), "--db", store_url]) == 0
    with raw(store_url) as db:
        rows = db.execute("SELECT name, city, website, sector FROM company "
                          "ORDER BY id").fetchall()
    assert rows == [("Nuvia Conseil", "Paris", "nuvia.fr", "Information Technology and Services"),
                    ("Orbis Data", "Lyon", "orbis-data.fr", "Computer Software"),
                    ("Helio Industries", "Courbevoie", "https://www.helio.fr", "Manufacturing")]


def test_excel_unicode_text_of_freelances(store_url: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = LAYOUTS / "freelances_fr_unicode.txt"
    assert path.read_bytes()[:2] == b"\xff\xfe"  # UTF-16, as Excel writes it
    assert main(["import", "freelances", str(path), "--db", store_url]) == 0
    assert "utf-16" in capsys.readouterr().out
    with raw(store_url) as db:
        rows = db.execute("SELECT first_name, last_name, title, day_rate FROM freelance "
                          "ORDER BY id").fetchall()
    assert rows == [("Julien", "Faure", "Développeur Java", 620),
                    ("Amandine", "Colin", "Cheffe de projet", 680)]  # "M." is no profile


def _export(url: str, kind: str, path: Path) -> list[dict[str, str]]:
    assert main(["export", kind, str(path), "--db", url]) == 0
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))


# What an import cannot give back: the database's own ids and dates, and the calls' traces.
_NOT_IMPORTED = ("id", "created_at", "last_contacted_at", "owner")


def _rows(rows: list[dict[str, str]]) -> list[tuple]:
    return sorted(tuple(v for k, v in row.items() if k not in _NOT_IMPORTED) for row in rows)


@pytest.mark.parametrize("kind", ["companies", "contacts", "freelances"])
def test_the_cockpits_own_export_reads_back(kind: str, demo_url: str, store_url: str,
                                            tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    if kind != "companies":  # someone asked not to be called: still so once moved
        with raw(demo_url) as db:
            db.execute(f"UPDATE {kind[:-1]} SET do_not_call = TRUE WHERE id = 3")
    exported = _export(demo_url, kind, tmp_path / "out.csv")
    capsys.readouterr()
    assert main(["import", kind, str(tmp_path / "out.csv"), "--db", store_url]) == 0
    capsys.readouterr()
    again = _export(store_url, kind, tmp_path / "back.csv")
    # The demo holds a few people twice (same name, same e-mail): one person to the import,
    # which keeps one row of them; every other row comes back as it was.
    def who(row: dict[str, str]) -> tuple[str, ...]:
        return (row.get("name", ""), row.get("first_name", ""), row.get("last_name", ""),
                row.get("email", ""))

    groups: dict[tuple[str, ...], list[dict[str, str]]] = {}
    for row in exported:
        groups.setdefault(who(row), []).append(row)
    alone = [rows[0] for rows in groups.values() if len(rows) == 1]
    assert len(again) == len(groups) and len(alone) > 0.8 * len(exported)
    assert _rows([row for row in again if len(groups[who(row)]) == 1]) == _rows(alone)
    assert len(again) > 30
    if kind != "companies":
        assert any(row["do_not_call"] == "oui" for row in again)
    if kind == "contacts":  # the last note comes back, as the contact's history
        assert sum(bool(row["comment"]) for row in again) > 10
    if kind == "companies":  # what the prospect rule and the budget reminder read
        assert any(row["posts_missions"] == "oui" for row in again)
        assert any(row["next_budget"] for row in again)


def test_dry_run_shows_each_column_and_writes_nothing(store_url: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Titre;Nom;Titre;Portable;Divers\n"
                    "M.;Dupont;DSI;06 12 34 56 78;\x1b[2Jsee\n"
                    "Mme;Durand;DAF;07 81 34 56 78;ok\n", "utf-8")
    assert main(["import", "contacts", str(path), "--db", store_url, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "“Titre” → civility [civility]: M. | Mme" in out
    assert "“Titre#2” → job title [role]: DSI | DAF" in out
    assert "“Portable” → mobile [mobile_phone]: 06 12 34 56 78 | 07 81 34 56 78" in out
    assert "“Divers”: not imported: " in out and "[2Jsee | ok" in out
    assert "\x1b" not in out
    assert "would create 2 contacts" in out
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone() == (0,)


def test_map_names_the_second_of_two_columns(store_url: str, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"  # the first "Poste" is the desk, the second the job
    path.write_text("Poste;Nom;Poste;Tel\nB12;Dupont;Responsable achats;0612345678\n", "utf-8")
    assert main(["import", "contacts", str(path), "--db", store_url,
                 "--map", "Poste#2=role"]) == 0
    with raw(store_url) as db:
        assert db.execute("SELECT last_name, role FROM contact").fetchall() == [
            ("Dupont", "Responsable achats")]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_missing_column_is_refused_with_the_file_and_the_line(
        lang: str, store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COCKPIT_LANG", lang)
    path = tmp_path / "list.csv"
    path.write_text("Export du 12/11/2026\nPrénom;Téléphone\nJean;0612345678\n", "utf-8")
    assert main(["import", "contacts", str(path), "--db", store_url]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "last_name" in err and "Prénom, Téléphone" in err
    assert ("line 2" if lang == "en" else "ligne 2") in err
    missing = tmp_path / "bad.csv"
    missing.write_text("Nom;Tel\nDupont;0612345678\n", "utf-8")
    assert main(["import", "contacts", str(missing), "--db", store_url,
                 "--map", "Titre#2=role"]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "Titre#2" in err and "Nom, Tel" in err


def test_a_report_of_its_footer_alone_is_refused(store_url: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.csv"
    path.write_text('"Last Name","Phone"\n\n"Grand Totals (0 records)"\n'
                    '"Confidential Information - Do Not Distribute"\n', "utf-8")
    assert main(["import", "contacts", str(path), "--db", store_url]) == 2
    assert "only a header line" in capsys.readouterr().err


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("target", "said"), [
    ("/dev/zero", "not a regular file"),  # read forever, before: the import hung
    ("link", "not a regular file"),
    ("folder", "a folder, not a file"),
    ("missing.csv", "no such file"),
])
def test_a_file_that_is_not_a_list_is_named_and_nothing_hangs(
        target: str, said: str, store_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / target
    if target == "link":
        path = tmp_path / "contacts.csv"
        path.symlink_to("/dev/zero")
    elif target == "folder":
        path.mkdir()
    elif target.startswith("/"):
        path = Path(target)
    assert main(["import", "contacts", str(path), "--db", store_url, "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert said in err and str(path) in err


def test_zohos_last_activity_and_an_english_title_come_in(store_url: str) -> None:
    """Zoho writes when a contact was last worked on as “Last Activity Time” and the comment
    as “Description”: the contact's last contact and a note (the queue does not offer them
    as new; by nobody here: their owner is not in the team); “Head of Delivery” is a
    decision maker, as its French titles are."""
    assert main(["import", "contacts", str(LAYOUTS / "zoho_contacts.csv"),
                 "--db", store_url]) == 0
    with raw(store_url) as db:
        calls = db.execute(
            "SELECT c.last_name, substr(CAST(c.last_contacted_at AS TEXT), 1, 10), n.body "
            "FROM contact c LEFT JOIN note n ON n.contact_id = c.id "
            "WHERE c.last_contacted_at IS NOT NULL ORDER BY c.id").fetchall()
        deciders = db.execute("SELECT last_name, is_decision_maker FROM contact "
                              "WHERE is_switchboard = FALSE ORDER BY id").fetchall()
    assert calls == [("Benkirane", "2026-11-18", "Rappeler après le comité de janvier"),
                     ("Haddad", "2026-10-02", None)]
    assert [(name, bool(flag)) for name, flag in deciders] == [
        ("Benkirane", True), ("Le Goff", True), ("Haddad", True)]


def test_an_availability_given_as_a_date_is_the_date_it_starts(store_url: str,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "freelances.csv"
    path.write_text("Prénom;Nom;Disponibilité;Téléphone\n"
                    "Julie;Moreau;01/03/2027;06 12 34 56 78\n"
                    "Marc;Petit;disponible;06 12 34 56 79\n"
                    "Anne;Roux;15/10/2026;06 12 34 56 80\n", "utf-8")
    assert main(["import", "freelances", str(path), "--db", store_url]) == 0
    with raw(store_url) as db:
        rows = db.execute("SELECT last_name, availability, CAST(available_from AS TEXT) "
                          "FROM freelance ORDER BY id").fetchall()
    assert rows == [("Moreau", "notice", "2027-03-01"), ("Petit", "available", None),
                    ("Roux", "available", "2026-10-15")]


def test_owners_who_are_not_in_the_team_are_named(store_url: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """HubSpot's “Contact owner”, Zoho's “Contact Owner”: a name nobody in the team has was
    dropped without a word; the import says whose history comes in without an author."""
    assert main(["import", "contacts", str(LAYOUTS / "zoho_contacts.csv"),
                 "--db", store_url]) == 0
    out = capsys.readouterr().out
    assert "owners not in the team (their history is taken in by nobody): Marie Petit (2 people)" \
        in out


def test_odoos_html_notes_come_in_as_their_text(store_url: str) -> None:
    """Odoo keeps a contact's notes as HTML: the card showed “<p>…<br>…</p>”."""
    assert main(["import", "contacts", str(LAYOUTS / "odoo_contacts.csv"),
                 "--db", store_url]) == 0
    with raw(store_url) as db:
        notes = [body for (body,) in db.execute("SELECT body FROM note ORDER BY id")]
    assert notes == ["Appelé le 12/11\xa0: pas de besoin avant février.\nRappeler\n"
                     "après le CODIR"]
