"""Spreadsheets as teams really have them, imported end to end into a real database file:
encodings, separators, French and English headers, phone spellings, duplicates, bad rows,
formulas, and files that are not tables at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli import main
from tests.rawdb import Raw, raw


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")


def _db(url: str) -> Raw:
    return raw(url)


def _write(tmp: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp / name
    path.write_bytes(text.encode(encoding))
    return path


FRENCH_EXCEL = (  # semicolons, Windows-1252, accents in headers, phones in every shape
    "Société;Civilité;Prénom;Nom;Fonction;Téléphone;E-mail\r\n"
    "Zéphyr Conseil;Madame;Hélène;Bérard;Directrice de département;01 42 68 53 00;"
    "h.berard@zephyr.fr\r\n"
    "Zéphyr Conseil;Monsieur;Noël;Čapek;Ingénieur commercial;+33 (0)6 11 22 33 44;\r\n"
    "Îlot Digital;Monsieur;Loïc;Guérin;Chef de projet;0033 6 55 44 33 22;\r\n"
    "Îlot Digital;Madame;Maëva;Sainte-Rose;Manager;0690 12 34 56;m.sr@ilot.gp\r\n"
    "Îlot Digital;;Ana;Silva;Head of IT;+351 21 234 5678;ana@ilot.pt\r\n"
)
LINKEDIN = (  # commas, UTF-8 with BOM, English headers, a column we do not import
    "\ufeffFirst Name,Last Name,Email Address,Company,Position,Connected On,Phone\n"
    "Claire,Fontaine,claire.fontaine@orbis.fr,Orbis Data,Senior Manager,12 Mar 2024,"
    "06.77.88.99.00\n"
    "Marc,Olivier,marc@orbis.fr,Orbis Data,Consultant,01 Feb 2023,\n"
    '"Hugo, Jr",Lambert,hugo@verso.io,"Verso, SAS",Associé,05 Jan 2022,07 81 34 56 78\n'
)


def test_french_excel_semicolons_windows_1252(demo_url: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "prospects.csv", FRENCH_EXCEL.replace("Č", "C"), "cp1252")
    assert main(["import", "contacts", str(path), "--db", demo_url]) == 0
    out = capsys.readouterr().out
    assert "cp1252" in out and "created 5 contacts" in out and "2 new companies" in out
    with _db(demo_url) as db:
        rows = db.execute(
            "SELECT c.first_name, c.last_name, c.is_decision_maker, co.name, p.e164, p.kind, "
            "p.time_zone FROM contact c JOIN company co ON co.id = c.company_id "
            "JOIN phone p ON p.contact_id = c.id WHERE co.name IN ('Zéphyr Conseil', "
            "'Îlot Digital') ORDER BY c.id").fetchall()
    assert rows == [
        ("Hélène", "Bérard", 1, "Zéphyr Conseil", "+33142685300", "landline", "Europe/Paris"),
        ("Noël", "Capek", 1, "Zéphyr Conseil", "+33611223344", "mobile", "Europe/Paris"),
        ("Loïc", "Guérin", 1, "Îlot Digital", "+33655443322", "mobile", "Europe/Paris"),
        ("Maëva", "Sainte-Rose", 1, "Îlot Digital", "+590690123456", "mobile",
         "America/Guadeloupe"),
        ("Ana", "Silva", 1, "Îlot Digital", "+351212345678", "landline", "Europe/Lisbon"),
    ]  # the roles of personas.yaml say who is a decision maker, "Head of IT" among them


def test_linkedin_export_with_bom_commas_and_quoted_commas(demo_url: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    path = _write(tmp_path, "Connections.csv", LINKEDIN)
    assert main(["import", "contacts", str(path), "--db", demo_url]) == 0
    out = capsys.readouterr().out
    assert "utf-8-sig" in out and "columns not imported: Connected On" in out
    with _db(demo_url) as db:
        hugo = db.execute("SELECT c.first_name, co.name, c.is_decision_maker FROM contact c "
                          "JOIN company co ON co.id = c.company_id WHERE c.email = ?",
                          ("hugo@verso.io",)).fetchone()
        claire = db.execute("SELECT is_decision_maker FROM contact WHERE email = ?",
                            ("claire.fontaine@orbis.fr",)).fetchone()
    assert hugo == ("Hugo, Jr", "Verso, SAS", 1)  # "Associé": a DO in an ESN conseil
    assert claire == (1,)


def test_duplicates_are_merged_not_doubled(demo_url: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path, "a.csv", "Nom;Prénom;Téléphone;Société\n"
                                      "Durand;Paul;06 98 76 54 32;Kappa\n"
                                      "Durand;Paul;+33698765432;Kappa\n")
    assert main(["import", "contacts", str(first), "--db", demo_url]) == 0
    assert "1 duplicate row of the file" in capsys.readouterr().out
    again = _write(tmp_path, "b.csv", "Last name,First name,Phone,Email,Role\n"
                                      "Durand,,0033698765432,p.durand@kappa.fr,CTO\n")
    assert main(["import", "contacts", str(again), "--db", demo_url]) == 0
    out = capsys.readouterr().out
    assert "created 0 contacts" in out and "merged into" in out and "same phone" in out
    with _db(demo_url) as db:
        rows = db.execute("SELECT c.email, c.role FROM contact c JOIN phone p "
                          "ON p.contact_id = c.id WHERE p.e164 = '+33698765432'").fetchall()
    assert rows == [("p.durand@kappa.fr", "CTO")]  # empty fields filled, nothing doubled


BAD = ("Nom;Prénom;Téléphone;E-mail;Société\n"
       "Valide;Anne;06 10 20 30 40;anne@ok.fr;Ok\n"
       "Court;Bob;06 12;;Ok\n"
       ";Sans nom;06 10 20 30 41;;Ok\n"
       "Formule;Eve;\"=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";;Ok\n"
       "Mail;Zoé;;zoe@@ok;Ok\n")


def test_bad_rows_block_everything_and_are_listed(demo_url: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with _db(demo_url) as db:
        before = db.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
    path = _write(tmp_path, "bad.csv", BAD)
    assert main(["import", "contacts", str(path), "--db", demo_url]) == 1
    out = capsys.readouterr().out
    assert "line 3, column “Téléphone”: “06 12” is not a valid number (too short)" in out
    assert "line 4, column “Nom”: empty, and it is required" in out
    assert "line 5, column “Téléphone”: “=HYPERLINK" in out and "is a formula" in out
    assert "line 6, column “E-mail”: “zoe@@ok” is not an e-mail address" in out
    assert "nothing imported: 4 invalid rows" in out
    with _db(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == before


def test_skip_invalid_imports_the_rest_and_writes_the_rejects(demo_url: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    path = _write(tmp_path, "bad.csv", BAD)
    assert main(["import", "contacts", str(path), "--db", demo_url, "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "created 1 contact;" in out and "bad.rejected.csv" in out
    rejected = (tmp_path / "bad.rejected.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rejected) == 5 and rejected[0].endswith("line;reason")  # run in English
    assert all(not cell.startswith("=") for line in rejected for cell in line.split(";"))
    assert "'=HYPERLINK" in rejected[3]  # kept for the user, neutralised for the spreadsheet


def test_dry_run_writes_nothing(demo_url: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "p.csv", FRENCH_EXCEL, "utf-8")
    with _db(demo_url) as db:
        before = db.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
    assert main(["import", "contacts", str(path), "--db", demo_url, "--dry-run"]) == 0
    assert "would create 5 contacts" in capsys.readouterr().out
    with _db(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == before


def test_map_and_freelances_and_companies(demo_url: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    freelances = _write(tmp_path, "f.csv",
                        "Nom;Prénom;Tel perso;TJM;Compétences;Disponibilité;SIRET\n"
                        "Ngo;Linh;07 70 80 90 10;650 €;Java, Spring;préavis;"
                        "732 829 320 00074\n")
    assert main(["import", "freelances", str(freelances), "--db", demo_url,
                 "--map", "Tel perso=phone"]) == 0
    companies = _write(tmp_path, "c.csv", "Raison sociale\tSecteur\tCA\tEffectif\tType\n"
                                          "Orion Numérique\tBanque\t12,5 M€\t140\tESN\n")
    assert main(["import", "companies", str(companies), "--db", demo_url]) == 0
    capsys.readouterr()
    with _db(demo_url) as db:
        linh = db.execute("SELECT f.day_rate, f.skills, f.availability, f.siret, p.e164 FROM "
                          "freelance f JOIN phone p ON p.freelance_id = f.id "
                          "WHERE f.last_name = 'Ngo'").fetchone()
        orion = db.execute("SELECT co.sector, co.kind, f.revenue, f.headcount FROM company co "
                           "JOIN company_figure f ON f.company_id = co.id "
                           "WHERE co.name = 'Orion Numérique'").fetchone()
    assert linh == (650, " java spring ", "notice", "73282932000074", "+33770809010")
    assert orion == ("Banque", "esn_classique", 12_500_000, 140)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"Nom;Prenom;Telephone\n", "only a header line"),
    (b"\x00\x01\x02PNG\x00binary", "not a CSV"),
    (b'Nom;Prenom;Telephone\nDupont;"Jean;06 12 34 56 78\n', "cut short"),
    (b"PK\x03\x04 not really a spreadsheet", ".xlsx file cannot be read"),
])
def test_files_that_are_not_tables(demo_url: str, tmp_path: Path, content: bytes, message: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    assert main(["import", "contacts", str(path), "--db", demo_url]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err


def test_xlsx(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Société", "Prénom", "Nom", "Fonction", "Téléphone"])
    sheet.append(["Sigma IT", "Inès", "Moreau", "Directrice commerciale", "0612345699"])
    sheet.append(["Sigma IT", "Yann", "Le Gall", "Développeur", 33611223399])  # a number cell
    path = tmp_path / "export.xlsx"
    book.save(path)
    assert main(["import", "contacts", str(path), "--db", demo_url]) == 0
    assert "created 2 contacts" in capsys.readouterr().out
    with _db(demo_url) as db:
        numbers = {e for (e,) in db.execute(
            "SELECT p.e164 FROM phone p JOIN contact c ON c.id = p.contact_id "
            "JOIN company co ON co.id = c.company_id WHERE co.name = 'Sigma IT'")}
    assert numbers == {"+33612345699", "+33611223399"}


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("fr", "créations : 1 contact ;", "à créer : 2 contacts ;"),
    ("en", "created 1 contact;", "would create 2 contacts;"),
])
def test_the_summary_agrees_with_its_number(lang: str, one: str, two: str, demo_url: str,
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COCKPIT_LANG", lang)
    single = _write(tmp_path, "one.csv", "Société;Nom;Téléphone\nAtlas;Zerbib;01 45 00 12 34\n")
    double = _write(tmp_path, "two.csv", "Société;Nom;Téléphone\nAtlas;Yvon;01 45 00 12 35\n"
                                         "Atlas;Xenakis;01 45 00 12 36\n")
    assert main(["import", "contacts", str(single), "--db", demo_url]) == 0
    assert main(["import", "contacts", str(double), "--db", demo_url, "--dry-run"]) == 0
    out = capsys.readouterr().out.replace("\xa0", " ")
    assert one in out and two in out
