"""What the real exports of other tools hold and an import got wrong: written into tmp_path
in each tool's layout (invented people), imported by the real command into a real
database, and what the database keeps checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli import main
from tests.rawdb import raw


@pytest.fixture(autouse=True)
def _english_and_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_LANG", "en")
    monkeypatch.setenv("COCKPIT_NOW", "2026-12-03T17:42:00+01:00")


def _last_contacts(url: str) -> dict[str, str]:
    with raw(url) as db:
        rows = db.execute("SELECT last_name, last_contacted_at FROM contact "
                          "WHERE is_switchboard = FALSE").fetchall()
    return {name: str(at)[:10] for name, at in rows}


def test_an_american_report_s_dates_are_read_month_first_for_the_whole_column(
        store_url: str, tmp_path: Path) -> None:
    """Salesforce writes 11/5/2026 for the 5th of November: the column's 11/20/2026 says
    so, and so does a time written 2:32 PM; a French list's 03/12/2026 stays the 3rd of
    December."""
    report = tmp_path / "report1764772800000.csv"
    report.write_text(
        '"Salutation","First Name","Last Name","Title","Account Name","Phone","Email",'
        '"Last Activity"\n'
        '"Mr.","Olivier","Renard","Head of IT","Stelvia","+33 1 40 00 12 34",'
        '"o.renard@stelvia.com","11/20/2026"\n'
        '"Ms.","Inès","Barre","IT Director","Stelvia","+33 1 40 00 12 35",'
        '"i.barre@stelvia.com","11/5/2026"\n'
        '""\n"Grand Totals (2 records)"\n', "utf-8")
    hubspot = tmp_path / "hubspot-crm-exports-all-contacts-2026-12-03.csv"
    hubspot.write_text(
        "Record ID,First Name,Last Name,Email,Phone Number,Last Activity Date\n"
        "7101,Paul,Aubry,p.aubry@kelis.fr,01 45 00 11 22,\"Nov 4, 2026 2:32 PM\"\n"
        "7102,Lise,Bonnet,l.bonnet@kelis.fr,01 45 00 11 23,12/3/2026 10:00 AM\n"
        "7103,Marc,Colin,m.colin@kelis.fr,01 45 00 11 24,Thu Oct 01 2026\n"
        "7104,Anne,Dumas,a.dumas@kelis.fr,01 45 00 11 25,46327\n", "utf-8")
    french = tmp_path / "prospects.csv"
    french.write_text("Nom;Prénom;Téléphone;Dernier contact\n"
                      "Étienne;Rémi;01 45 00 11 30;03/12/2026\n"
                      "Faure;Zoé;01 45 00 11 31;2026/11/02\n"
                      "Garnier;Yves;01 45 00 11 32;3-Nov-2026\n", "utf-8")
    for path in (report, hubspot, french):
        assert main(["import", "contacts", str(path), "--db", store_url]) == 0
    assert _last_contacts(store_url) == {
        "Renard": "2026-11-20", "Barre": "2026-11-05", "Aubry": "2026-11-04",
        "Bonnet": "2026-12-03", "Colin": "2026-10-01", "Dumas": "2026-11-01",
        "Étienne": "2026-12-03", "Faure": "2026-11-02", "Garnier": "2026-11-03"}


def test_a_freelance_s_availability_date_in_an_export_s_spelling(
        store_url: str, tmp_path: Path) -> None:
    listing = tmp_path / "freelances.csv"
    listing.write_text("First Name,Last Name,Email,Available From\n"
                       "Noé,Henry,noe.henry@example.fr,2027-01-04T00:00:00Z\n"
                       "Léo,Ibert,leo.ibert@example.fr,\"Feb 1, 2027\"\n"
                       "Ada,Joly,ada.joly@example.fr,46419\n", "utf-8")
    assert main(["import", "freelances", str(listing), "--db", store_url]) == 0
    with raw(store_url) as db:
        rows = dict(db.execute("SELECT last_name, available_from FROM freelance").fetchall())
    assert {name: str(day) for name, day in rows.items()} == {
        "Henry": "2027-01-04", "Ibert": "2027-02-01", "Joly": "2027-02-01"}


def test_a_number_with_its_extension_is_the_switchboard_and_the_extension_is_kept(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Google Contacts' older layout ("Organization 1 - Name", "Phone 1 - Value"): "poste
    123" made the number "too long", "ext. 45" was dropped without a word."""
    google = tmp_path / "contacts.csv"
    google.write_text(
        "Name,Given Name,Family Name,Name Prefix,Notes,E-mail 1 - Type,E-mail 1 - Value,"
        "Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,"
        "Organization 1 - Name,Organization 1 - Title\n"
        "Bruno Vasseur,Bruno,Vasseur,M.,,* Work,bruno.vasseur@tarnis.fr,Work,"
        "01 23 45 67 89 poste 123,Mobile,06.12.34.56.78,Tarnis,DSI\n"
        "Carole Imbert,Carole,Imbert,Mme,\"Vue au salon,\nà rappeler\",* Work,"
        "c.imbert@tarnis.fr,Work,+33 (0)1 23 45 67 89 ext. 45,,,Tarnis,Acheteuse\n", "utf-8")
    assert main(["import", "contacts", str(google), "--db", store_url]) == 0
    with raw(store_url) as db:
        phones = db.execute("SELECT c.last_name, p.e164, p.label FROM phone p JOIN contact c "
                            "ON c.id = p.contact_id WHERE c.is_switchboard = FALSE "
                            "ORDER BY c.last_name, p.e164").fetchall()
        notes = dict(db.execute("SELECT c.last_name, n.body FROM note n JOIN contact c "
                                "ON c.id = n.contact_id").fetchall())
    assert phones == [("Imbert", "+33123456789", "standard"),
                      ("Vasseur", "+33123456789", "standard"),
                      ("Vasseur", "+33612345678", "mobile")]
    assert notes == {"Vasseur": "Phone 1 - Value: 01 23 45 67 89 poste 123",
                     "Imbert": "Vue au salon,\nà rappeler\n"
                               "Phone 1 - Value: +33 (0)1 23 45 67 89 ext. 45"}
    capsys.readouterr()
    freelances = tmp_path / "freelances.csv"
    freelances.write_text("Nom;Prénom;Téléphone\nJoly;Ada;01 23 45 67 89 poste 12\n", "utf-8")
    assert main(["import", "freelances", str(freelances), "--db", store_url]) == 1
    out = capsys.readouterr().out
    assert ("line 2, column “Téléphone”: “01 23 45 67 89 poste 12”: a number with an "
            "extension (12)") in out


def _figures(url: str) -> list[tuple]:
    with raw(url) as db:
        return db.execute("SELECT c.name, f.year, f.revenue, f.headcount FROM company_figure f "
                          "JOIN company c ON c.id = f.company_id "
                          "ORDER BY c.name, f.year").fetchall()


def test_figures_in_the_unit_their_header_names_or_refused_when_none_is_given(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A French Excel list (BOM, semicolons, decimal commas, CRLF, empty trailing columns):
    "Chiffre d'affaires (k€)" was left out; "12,5" without a unit became 12 €; a column in
    dollars was taken for euros."""
    listing = tmp_path / "sociétés 2026.csv"
    listing.write_bytes(
        "\ufeffRaison sociale;CA 2023;CA 2024;Chiffre d'affaires (k€);Effectif 2024;;\r\n"
        "Arvalis Conseil;5,8 M€;6,1 Md€;;56 086;;\r\n"
        "Betasoft;1 200 k€;5.8B;12 500;1,2k;;\r\n".encode())
    assert main(["import", "companies", str(listing), "--db", store_url]) == 0
    assert _figures(store_url) == [
        ("Arvalis Conseil", 2023, 5_800_000, None),
        ("Arvalis Conseil", 2024, 6_100_000_000, 56_086),
        ("Betasoft", 2023, 1_200_000, None),
        ("Betasoft", 2024, 5_800_000_000, 1_200),
        ("Betasoft", 2025, 12_500_000, None)]  # a figure without its year: last year's
    capsys.readouterr()
    bare = tmp_path / "bare.csv"
    bare.write_text("Société;CA 2024\nGamma;12,5\n", "utf-8")
    dollars = tmp_path / "accounts.csv"
    dollars.write_text("Account Name,Annual Revenue (USD)\nOrbis,5000000\n", "utf-8")
    assert main(["import", "companies", str(bare), "--db", store_url]) == 1
    assert main(["import", "companies", str(dollars), "--db", store_url]) == 1
    out = capsys.readouterr().out
    assert "line 2, column “CA 2024”: “12,5”: no unit" in out
    assert ("line 2, column “Annual Revenue (USD)”: “5000000”: the column “Annual Revenue "
            "(USD)” is not in euros") in out
    assert len(_figures(store_url)) == 5  # nothing of theirs written


def test_the_cockpit_s_own_json_export_imports_back(store_url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`cockpit export … --format json` then `cockpit import` of that file: it was read as
    a CSV ("no column for last_name (columns: {"id": 2, …")."""
    companies = tmp_path / "companies.csv"
    companies.write_text("Raison sociale;Ville;CA 2023;CA 2024;Effectif 2024\n"
                         "Arvalis Conseil;Lyon;5,8 M€;6,1 M€;56\n", "utf-8")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("Civilité;Prénom;Nom;Société;Fonction;Portable;E-mail;DO\n"
                        "Mme;Inès;Caron;Arvalis Conseil;DSI;06 11 22 33 44;i.caron@arvalis.fr;"
                        "oui\n", "utf-8")
    assert main(["import", "companies", str(companies), "--db", store_url]) == 0
    assert main(["import", "contacts", str(contacts), "--db", store_url]) == 0
    copy = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    for kind in ("companies", "contacts"):
        exported = tmp_path / f"{kind}.json"
        assert main(["export", kind, str(exported), "--format", "json", "--db", store_url]) == 0
        capsys.readouterr()
        assert main(["import", kind, str(exported), "--db", copy]) == 0
        assert "created 1 " in capsys.readouterr().out
    query = ("SELECT c.civility, c.first_name, c.last_name, c.role, c.is_decision_maker, "
             "c.email, co.name, co.city, p.e164 FROM contact c JOIN company co "
             "ON co.id = c.company_id JOIN phone p ON p.contact_id = c.id "
             "WHERE c.is_switchboard = FALSE")
    with raw(store_url) as db:
        before = db.execute(query).fetchall()
    with raw(copy) as db:
        assert [tuple(row) for row in db.execute(query).fetchall()] == [
            tuple(row) for row in before]
    assert _figures(copy) == [("Arvalis Conseil", 2023, 5_800_000, None),
                              ("Arvalis Conseil", 2024, 6_100_000, 56)]
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"last_name": "Caron", "phone": "0611223344"},\n  {"last_name": \n',
                      "utf-8")
    assert main(["import", "contacts", str(broken), "--db", copy]) == 2
    assert "line 4: not valid JSON" in capsys.readouterr().err


def test_odoo_s_export_compatible_with_import_uses_technical_names(
        store_url: str, tmp_path: Path) -> None:
    """Odoo's "I want to update data (import-compatible export)" writes res.partner's field
    names: parent_id (the company) and function (the job) were left out."""
    odoo = tmp_path / "res_partner.csv"
    odoo.write_text("id,name,parent_id,function,email,phone,mobile,title\n"
                    "__export__.res_partner_41,Julie Bernard,Altavia,DSI,j.bernard@altavia.fr,"
                    "+33 1 45 00 00 01,,Madam\n", "utf-8")
    assert main(["import", "contacts", str(odoo), "--db", store_url]) == 0
    with raw(store_url) as db:
        row = db.execute("SELECT c.civility, c.first_name, c.last_name, c.role, co.name "
                         "FROM contact c JOIN company co ON co.id = c.company_id "
                         "WHERE c.is_switchboard = FALSE").fetchone()
    assert tuple(row) == ("Madam", "Julie", "Bernard", "DSI", "Altavia")


def test_pipedrive_s_cells_of_several_numbers_and_addresses(store_url: str,
                                                            tmp_path: Path) -> None:
    """Pipedrive joins a person's values with ", " (lists with " / " or a line break): each
    row was refused as "not a phone number" / "not an e-mail address"."""
    export = tmp_path / "people-export.csv"
    export.write_text(
        "Person - Name,Person - Organization,Person - Email,Person - Phone,Person - Job title\n"
        'Sophie Marchand,Kelvio,"sophie.marchand@kelvio.fr, s.marchand@gmail.com",'
        '"+33 1 45 00 10 20, +33 6 33 44 55 66",DSI\n'
        "Rémi Noël,Kelvio,r.noel@kelvio.fr,01 45 00 10 21 / 06 98 12 34 56,Acheteur\n"
        'Zoé Paris,Kelvio,z.paris@kelvio.fr,"01 45 00 10 22\n06 98 12 34 57",CTO\n'
        'Marc Roux,Kelvio,m.roux@kelvio.fr,"01 45 00 10 00, poste 12",Directeur\n', "utf-8")
    assert main(["import", "contacts", str(export), "--db", store_url]) == 0
    with raw(store_url) as db:
        rows = db.execute("SELECT c.last_name, c.other_emails, p.e164, p.label FROM contact c "
                          "JOIN phone p ON p.contact_id = c.id WHERE c.is_switchboard = FALSE "
                          "ORDER BY c.id, p.e164").fetchall()
    assert [tuple(r) for r in rows] == [
        ("Marchand", "s.marchand@gmail.com", "+33145001020", "direct"),
        ("Marchand", "s.marchand@gmail.com", "+33633445566", "mobile"),
        ("Noël", "", "+33145001021", "direct"), ("Noël", "", "+33698123456", "mobile"),
        ("Paris", "", "+33145001022", "direct"), ("Paris", "", "+33698123457", "mobile"),
        ("Roux", "", "+33145001000", "standard")]


def test_whole_names_as_french_lists_write_them(store_url: str, tmp_path: Path) -> None:
    """"DUPONT Jean" gave Dupont as the first name, "M. Pierre MARTIN" the first name
    "M."; an address written as a mail client shows it was refused."""
    listing = tmp_path / "contacts.csv"
    listing.write_text(
        "Nom complet;Société;Téléphone;E-mail\n"
        'DUPONT Jean;Acme;01 45 00 11 01;"Jean Dupont <Jean.Dupont@acme.fr>"\n'
        "M. Pierre MARTIN;Acme;01 45 00 11 02;mailto:p.martin@acme.fr\n"
        "Mme Claire de LA FONTAINE;Acme;01 45 00 11 03;\n"
        "Jean-Pierre LE GOFF;Acme;01 45 00 11 04;\n"
        "Sophie Marchand;Acme;01 45 00 11 05;\n", "utf-8")
    assert main(["import", "contacts", str(listing), "--db", store_url]) == 0
    with raw(store_url) as db:
        rows = db.execute("SELECT civility, first_name, last_name, email FROM contact "
                          "WHERE is_switchboard = FALSE ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [
        ("", "Jean", "DUPONT", "jean.dupont@acme.fr"), ("M.", "Pierre", "MARTIN",
                                                        "p.martin@acme.fr"),
        ("Mme", "Claire", "de LA FONTAINE", ""), ("", "Jean-Pierre", "LE GOFF", ""),
        ("", "Sophie", "Marchand", "")]
    freelances = tmp_path / "freelances.csv"
    freelances.write_text("Nom complet;E-mail\nM. BENALI Karim;k.benali@example.fr\n", "utf-8")
    assert main(["import", "freelances", str(freelances), "--db", store_url]) == 0
    with raw(store_url) as db:
        assert tuple(db.execute("SELECT first_name, last_name FROM freelance").fetchone()) == (
            "Karim", "BENALI")


def test_google_s_phone_labels_say_what_each_number_is(store_url: str, tmp_path: Path) -> None:
    """Google's "Phone 2 - Label" beside each number: a "Work Fax" was imported as a number
    to call, a "Main" line as someone's direct line."""
    google = tmp_path / "contacts.csv"
    google.write_text(
        "First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,"
        "E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,"
        "Phone 3 - Label,Phone 3 - Value\n"
        "Élodie,Garnier,Brevia,DSI,* Work,e.garnier@brevia.fr,Main,+33 1 45 00 10 00,"
        "Work Fax,+33 1 45 00 10 99,Work,+33 1 45 00 10 20\n"
        "Romain,Perrin,Brevia,Acheteur,* Work,r.perrin@brevia.fr,Mobile,+33 7 81 55 44 33,"
        "Work,01 45 00 10 21,,\n", "utf-8")
    assert main(["import", "contacts", str(google), "--db", store_url]) == 0
    with raw(store_url) as db:
        rows = db.execute("SELECT c.last_name, p.e164, p.label FROM contact c JOIN phone p "
                          "ON p.contact_id = c.id WHERE c.is_switchboard = FALSE "
                          "ORDER BY c.id, p.e164").fetchall()
    assert [tuple(r) for r in rows] == [
        ("Garnier", "+33145001000", "standard"), ("Garnier", "+33145001020", "direct"),
        ("Perrin", "+33145001021", "direct"), ("Perrin", "+33781554433", "mobile")]


def test_cv_paths_written_on_windows(store_url: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A freelance list kept on Windows names its CVs "CVs\\Jean Dupont.txt": the file was
    "missing"; a drive's path (C:\\…) was looked for beside the list, and said missing."""
    folder = tmp_path / "été 2026"
    folder.mkdir()
    (folder / "CV Jean Dupont.txt").write_text("Jean Dupont\nDéveloppeur Java, kubernetes\n",
                                              "utf-8")
    listing = tmp_path / "freelances.csv"
    listing.write_text("Nom;Prénom;E-mail;Fichier CV\n"
                       "Dupont;Jean;j.dupont@example.fr;été 2026\\CV Jean Dupont.txt\n",
                       "utf-8")
    assert main(["import", "freelances", str(listing), "--db", store_url]) == 0
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM cv_file").fetchone()[0] == 1
    capsys.readouterr()
    windows = tmp_path / "windows.csv"
    windows.write_text("Nom;Prénom;E-mail;Fichier CV\n"
                       "Mora;Ivo;i.mora@example.fr;C:\\Users\\ana\\CVs\\CV Ivo Mora.docx\n",
                       "utf-8")
    assert main(["import", "freelances", str(windows), "--db", store_url]) == 1
    out = capsys.readouterr().out
    assert out.count("line 2") == 1 and "a path on a Windows machine" in out


def test_a_register_s_headcount_band_and_amounts_in_words(store_url: str,
                                                          tmp_path: Path) -> None:
    """A company list from a French register (Pappers, societe.com: "Tranche d'effectif
    salarié" holding INSEE's bands) and a CRM's "EUR 3 400 000": the band column was left
    out, "De 10 à 19 salariés" and "EUR …" refused."""
    listing = tmp_path / "export-pappers.csv"
    listing.write_text("Dénomination;SIREN;Tranche d'effectif salarié;Chiffre d'affaires;"
                       "Année\n"
                       "Kelis;552 100 554;De 10 à 19 salariés;EUR 3 400 000;2024\n"
                       "Orbis;;10 000 salariés et plus;2,5 millions d'euros;2024\n", "utf-8")
    assert main(["import", "companies", str(listing), "--db", store_url]) == 0
    assert _figures(store_url) == [("Kelis", 2024, 3_400_000, 14),
                                   ("Orbis", 2024, 2_500_000, 10_000)]


def test_a_quote_never_closed_is_said_where_it_opens(store_url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """It was "line 4: the file seems cut short", the file's last line, far from the
    quote."""
    listing = tmp_path / "contacts.csv"
    listing.write_text('Nom;Prénom;Téléphone\n"Martin;Luc;01 45 00 11 23\n'
                       "Durand;Paul;01 45 00 11 22\nRoux;Eva;01 45 00 11 24\n", "utf-8")
    assert main(["import", "contacts", str(listing), "--db", store_url]) == 2
    assert ("line 2: a cell opened with a quote (\") is never closed, and 2 lines after it "
            "went into it") in capsys.readouterr().err
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == 0


def test_numbers_with_a_word_in_brackets_and_plural_column_names(store_url: str,
                                                                 tmp_path: Path) -> None:
    """"01 23 45 67 00 (standard)" was "too long" (its letters read as digits); a column
    named "Téléphones" was not recognised; " - " between two numbers made one."""
    listing = tmp_path / "contacts.csv"
    listing.write_text(
        "Nom;Prénom;Société;Téléphones;E-mails\n"
        'Durand;Paul;Acme;"01 23 45 67 00 (standard), 06 12 34 56 78 (perso)";p.durand@acme.fr\n'
        "Roux;Eva;Acme;01 23 45 67 89 (bureau) - 06 12 34 56 79;\n"
        "Bas;Léa;Acme;01 23 45 67 99 (fax) / 01 23 45 67 88;\n", "utf-8")
    assert main(["import", "contacts", str(listing), "--db", store_url]) == 0
    with raw(store_url) as db:
        rows = db.execute("SELECT c.last_name, c.email, p.e164, p.label FROM contact c "
                          "JOIN phone p ON p.contact_id = c.id WHERE c.is_switchboard = FALSE "
                          "ORDER BY c.id, p.e164").fetchall()
    assert [tuple(r) for r in rows] == [
        ("Durand", "p.durand@acme.fr", "+33123456700", "standard"),
        ("Durand", "p.durand@acme.fr", "+33612345678", "mobile"),
        ("Roux", "", "+33123456789", "direct"), ("Roux", "", "+33612345679", "mobile"),
        ("Bas", "", "+33123456788", "direct")]  # the fax is no number to call


def test_a_row_longer_than_its_header_is_refused_not_cut(store_url: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """An unquoted ";" inside a cell pushed its end beyond the last column, where it was
    dropped without a word; empty trailing cells (Excel's) are no loss."""
    listing = tmp_path / "contacts.csv"
    listing.write_text("Nom;Prénom;Société;Téléphone\n"
                       "Durand;Paul;Acme;01 23 45 67 00 ; 06 12 34 56 78\n"
                       "Roux;Eva;Acme;01 23 45 67 89;;\n", "utf-8")
    assert main(["import", "contacts", str(listing), "--db", store_url]) == 1
    out = capsys.readouterr().out
    assert "line 2: 1 cell beyond the last column, which would be lost" in out
    assert "line 3" not in out
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == 0


def test_company_numbers_as_exports_write_them(store_url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A VAT number (FR 40 552100554) or "… RCS Paris" in the SIREN column, a number cell
    written 552100554.0, were refused as "digits only"; a number Excel wrote as 5.521E+08
    was said to be of the wrong length, not why its digits are gone."""
    listing = tmp_path / "sociétés.csv"
    listing.write_text("Raison sociale;SIREN;Téléphone\n"
                       "Arvalis;FR 40 552 100 554;01 45 00 11 22\n"
                       "Kelis;RCS Paris B 732 829 320;\n"
                       "Orbis;732829320.0;\n", "utf-8")
    assert main(["import", "companies", str(listing), "--db", store_url]) == 0
    with raw(store_url) as db:
        assert dict(db.execute("SELECT name, siren FROM company").fetchall()) == {
            "Arvalis": "552100554", "Kelis": "732829320", "Orbis": "732829320"}
    capsys.readouterr()
    excel = tmp_path / "excel.csv"
    excel.write_text("Raison sociale;SIREN;Téléphone\nBeta;5.521E+08;3,31450E+10\n", "utf-8")
    assert main(["import", "companies", str(excel), "--db", store_url]) == 1
    out = capsys.readouterr().out
    assert out.count("Excel wrote the number in scientific notation") == 2


def test_map_takes_a_field_by_the_names_the_import_knows_for_it(
        store_url: str, tmp_path: Path) -> None:
    """--map 'Tel perso=portable' was refused ("no field 'portable'"): the user named the
    field as a column would be."""
    listing = tmp_path / "contacts.csv"
    listing.write_text("Nom;Prénom;Tel perso;Effectif\nDurand;Paul;01 45 00 11 22;\n", "utf-8")
    assert main(["import", "contacts", str(listing), "--map", "Tel perso=portable",
                 "--db", store_url]) == 0
    companies = tmp_path / "companies.csv"
    companies.write_text("Société;Effectif\nKelis;120\n", "utf-8")
    assert main(["import", "companies", str(companies), "--map", "Effectif=Effectif 2024",
                 "--db", store_url]) == 0
    with raw(store_url) as db:
        assert db.execute("SELECT label FROM phone").fetchone()[0] == "direct"
        assert tuple(db.execute("SELECT year, headcount FROM company_figure").fetchone()) == (
            2024, 120)


def test_exports_put_end_to_end_skip_their_repeated_header(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two exports pasted one after the other: the second header was a bad row ("Téléphone"
    is not a phone number) and nothing was imported."""
    listing = tmp_path / "contacts.csv"
    listing.write_text("Nom;Prénom;Téléphone\nDurand;Paul;01 45 00 11 22\n"
                       "Nom;Prénom;Téléphone\nRoux;Eva;01 45 00 11 23\n", "utf-8")
    assert main(["import", "contacts", str(listing), "--db", store_url]) == 0
    assert ("1 line repeating the header inside the table (exports put end to end) skipped: 3"
            in capsys.readouterr().out)
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact WHERE is_switchboard = FALSE"
                          ).fetchone()[0] == 2


def test_a_workbook_whose_list_is_not_its_first_sheet(store_url: str, tmp_path: Path) -> None:
    """A workbook opening on a sheet of notes ("Lisez-moi") before the list: the notes were
    read as the table ("no column for last_name")."""
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Lisez-moi"
    notes.append(["Export du 03/12/2026"])
    notes.append(["Ne pas modifier les colonnes"])
    people = book.create_sheet("Contacts")
    people.append(["Nom", "Prénom", "Téléphone"])
    people.append(["Durand", "Paul", "01 45 00 11 22"])
    path = tmp_path / "prospects.xlsx"
    book.save(path)
    assert main(["import", "contacts", str(path), "--db", store_url]) == 0
    with raw(store_url) as db:
        assert db.execute("SELECT last_name FROM contact WHERE is_switchboard = FALSE"
                          ).fetchall() == [("Durand",)]


def test_the_export_s_last_contact_comes_back_at_the_same_moment(
        store_url: str, tmp_path: Path) -> None:
    """The cockpit's export writes its moments in UTC: read back as Paris time they moved an
    hour or two earlier; a freelance's was not read at all."""
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("Nom;Prénom;Téléphone;Dernier contact;Commentaire\n"
                        "Durand;Paul;01 45 00 11 22;20/11/2026 14:32;Rappeler lundi\n", "utf-8")
    freelances = tmp_path / "freelances.csv"
    freelances.write_text("Nom;Prénom;E-mail;Dernier contact\n"
                          "Joly;Ada;ada.joly@example.fr;15/07/2026 10:00\n", "utf-8")
    assert main(["import", "contacts", str(contacts), "--db", store_url]) == 0
    assert main(["import", "freelances", str(freelances), "--db", store_url]) == 0
    copy = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    query = {"contacts": "SELECT last_contacted_at FROM contact WHERE is_switchboard = FALSE",
             "freelances": "SELECT last_contacted_at FROM freelance"}
    for kind, fmt in (("contacts", "csv"), ("freelances", "csv"), ("contacts", "json")):
        exported = tmp_path / f"export-{kind}.{fmt}"
        assert main(["export", kind, str(exported), "--format", fmt, "--db", store_url]) == 0
        target = f"sqlite:///{tmp_path / f'{kind}-{fmt}.sqlite'}" if fmt == "json" else copy
        assert main(["import", kind, str(exported), "--db", target]) == 0
        with raw(store_url) as db:
            (before,) = db.execute(query[kind]).fetchone()
        with raw(target) as db:
            (after,) = db.execute(query[kind]).fetchone()
        assert str(after)[:16] == str(before)[:16] != "None"
    with raw(store_url) as db:
        assert str(db.execute(query["contacts"]).fetchone()[0])[:16] == "2026-11-20 13:32"
