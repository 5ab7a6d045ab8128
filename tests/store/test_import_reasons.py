"""Every reason an import or `cockpit add` gives for refusing a row or a value is said in the
user's language: a French caller reads French (the line, the column, the value, what is wrong),
on the terminal, in --dry-run and in the rejected rows' file; `--lang en` reads English."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.store.migrations import open_and_migrate
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

pytestmark = pytest.mark.sqlite_only  # the reasons are the domain's: one backend is enough

# Words of an English sentence that a French reader must never see.
ENGLISH = re.compile(r"\b(is not|isn't|invalid|must|should|cannot|column|row|rows|line|"
                     r"expected|empty|unknown|missing|too (?:short|long|large)|no such|"
                     r"number plan|not a|has no|required|formula|future|same)\b", re.I)
# And the French frames an English reader must not see.
FRENCH = re.compile(r"\b(ligne|colonne|n'est pas|vide|attendu|inconnu|chiffres)\b", re.I)

CONTACTS = {  # line: (column, the cell, what the French reason says)
    3: ("Phone 2 - Value", "+33 7 12", "trop court"),
    4: ("Phone 2 - Value", "06 12 34 56 78 90 12", "trop long"),
    5: ("Phone 2 - Value", "+44 20 1234", "aucun plan de numérotation"),
    6: ("Phone 2 - Value", "abc", "aucun chiffre"),
    7: ("Phone 2 - Value", "12345678901234567890", "n'est pas un numéro"),
    8: ("E-mail", "zoe@@ok", "n'est pas une adresse e-mail"),
    9: ("DO", "peut-être", "oui ou non"),
    10: ("Phone 2 - Value", "=A1", "une formule"),
    11: ("Nom", "Du\x1b[2Jrand", "caractères de contrôle \\x1b"),
    12: ("Dernier contact", "la semaine dernière", "n'est pas une date"),
    13: ("Dernier contact", "12/12/2099", "dans le futur"),
}
COMPANIES = {
    3: ("Type", "banane", "n'est pas un type de société"),
    4: ("SIREN", "732829321", "clé de contrôle"),
    5: ("SIRET", "73282932000076", "clé de contrôle"),
    6: ("SIRET", "55210055400013", "n'appartient pas au SIREN"),
    7: ("CA 2024", "5 M$", "n'est pas en euros"),
    8: ("CA 2024", "12 zz", "unité"),
    9: ("CA 2024", "-3 M€", "négatif"),
    10: ("Effectif 2024", "beaucoup", "n'est pas un effectif"),
    11: ("Effectif 2024", "200-100", "à l'envers"),
    12: ("Code postal", "123", "n'est pas un code postal"),
    13: ("SIREN", "1234", "4 chiffres au lieu de 9"),
    14: ("SIRET", "12a", "que des chiffres"),
    15: ("CA 2024", "1.2.3,4,5", "n'est pas un montant"),
}
FREELANCES = {
    3: ("TJM", "beaucoup", "n'est pas un TJM"),
    4: ("TJM", "250000", "un TJM va de 0"),
    5: ("Disponibilité", "peut-être", "n'est pas une disponibilité"),
    6: ("Disponible le", "bientôt", "n'est pas une date"),
    7: ("Facturation", "troc", "mode de facturation"),
}


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_NOW", FIXED_NOW.isoformat())


def _sheet(path: Path, headers: list[str], good: list[str],
           bad: dict[int, tuple[str, str, str]], more: list[list[str]] = ()) -> Path:
    """A CSV: the header, a good row, then one row a bad cell (the good row with that cell
    changed), then `more` rows as given."""
    rows = [headers, good]
    for line in sorted(bad):
        column, cell, _ = bad[line]
        row = list(good)
        row[headers.index(column)] = cell
        if column != "E-mail" and "E-mail" in headers:  # each row a person of its own
            row[headers.index("E-mail")] = f"p{line}@exemple.fr"
        rows.append(row)
    rows += more
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows(rows)
    return path


def _contacts(tmp_path: Path) -> Path:
    headers = ["Société", "Civilité", "Nom", "Prénom", "Phone 2 - Value", "E-mail", "DO",
               "Dernier contact"]
    good = ["Hexa", "Mme", "Durand", "Zoé", "06 12 34 56 78", "zoe@hexa.fr", "oui",
            "20/11/2026"]
    more = [["Hexa", "M.", "", "Luc", "06 12 34 56 79", "luc@hexa.fr", "", ""],  # 14
            ["Hexa", "M.", "Petit", "Léo", "", "", "", ""],  # 15: nothing to reach him by
            ["Hexa", "M."],  # 16: cut short
            good]  # 17: line 2 again
    return _sheet(tmp_path / "contacts.csv", headers, good, CONTACTS, more)


def _companies(tmp_path: Path) -> Path:
    headers = ["Société", "Type", "SIREN", "SIRET", "CA 2024", "Effectif 2024", "Code postal"]
    good = ["Alpha", "ESN", "732829320", "", "1 M€", "10", "75008"]
    return _sheet(tmp_path / "companies.csv", headers, good, COMPANIES)


def _freelances(tmp_path: Path) -> Path:
    headers = ["Prénom", "Nom", "TJM", "Disponibilité", "Disponible le", "Facturation",
               "Téléphone", "E-mail"]
    good = ["Léa", "Nowak", "550", "disponible", "25/12/2026", "portage", "06 11 22 33 44",
            "lea@exemple.fr"]
    return _sheet(tmp_path / "freelances.csv", headers, good, FREELANCES)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    said = capsys.readouterr()
    return code, said.out, said.err


def _reasons(text: str, path: Path) -> str:
    """The output without what the user wrote (the file's name, its column names and
    cells may hold any word): what the cockpit says."""
    header = path.read_text(encoding="utf-8").splitlines()[0].split(";")
    for name in sorted([str(path), "--skip-invalid", *header], key=len, reverse=True):
        text = text.replace(name, "")
    return text


CASES = [("contacts", _contacts, CONTACTS), ("companies", _companies, COMPANIES),
         ("freelances", _freelances, FREELANCES)]


@pytest.mark.parametrize(("kind", "write", "bad"), CASES, ids=[c[0] for c in CASES])
def test_every_refusal_of_a_dry_run_is_french_and_says_line_column_value(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str,
        write, bad: dict[int, tuple[str, str, str]]) -> None:
    open_and_migrate(store_url)
    path = write(tmp_path)
    code, out, _ = _run(capsys, "import", kind, str(path), "--db", store_url, "--lang", "fr",
                        "--dry-run")
    assert code == 1
    for line, (column, cell, why) in bad.items():
        shown = cell.replace("\x1b", "␛")  # control characters shown, never sent
        said = next((s for s in out.splitlines() if s.startswith(f"ligne {line}, ")), "")
        assert said.startswith(f"ligne {line}, colonne «\xa0{column}\xa0»\xa0: "), (line, out)
        assert why in said and (shown in said or line == 11), said
    reasons = _reasons(out, path)
    assert not ENGLISH.findall(reasons), reasons
    assert "\x1b" not in out


def test_the_rows_refused_for_the_row_as_a_whole_are_said_in_french(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_and_migrate(store_url)
    path = _contacts(tmp_path)
    _, out, _ = _run(capsys, "import", "contacts", str(path), "--db", store_url, "--dry-run")
    assert "ligne 14, colonne «\xa0Nom\xa0»\xa0: vide, alors que ce champ est obligatoire" in out
    assert "ligne 15\xa0: ni téléphone ni e-mail" in out or "ligne 15 : ni téléphone" in out
    assert "6 colonnes manquent" in out and "ligne 16" in out


def test_skip_invalid_writes_french_reasons_and_english_ones_in_english(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_and_migrate(store_url)
    path = _contacts(tmp_path)
    code, out, _ = _run(capsys, "import", "contacts", str(path), "--db", store_url,
                        "--skip-invalid")
    assert code == 0 and "contacts.rejected.csv" in out
    assert "même personne que la ligne 2" in out  # line 17, the duplicate, is merged
    rejected = tmp_path / "contacts.rejected.csv"
    rows = list(csv.reader(rejected.read_text(encoding="utf-8-sig").splitlines(),
                           delimiter=";"))
    assert rows[0][-2:] == ["ligne", "motif"]
    motifs = {int(r[-2]): r[-1] for r in rows[1:]}
    assert set(motifs) == {*CONTACTS, 14, 15, 16}
    for line, (column, cell, why) in CONTACTS.items():
        assert motifs[line].startswith(f"{column}\xa0: ") and why in motifs[line], motifs[line]
        assert cell in motifs[line] or line == 11, motifs[line]
    assert not ENGLISH.findall(_reasons(" ".join(motifs.values()), path)), motifs
    with raw(store_url) as db:  # the good row went in, once
        assert db.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == 1

    # The same file again, in English: the reasons and the file read as English.
    code, out, _ = _run(capsys, "import", "contacts", str(path), "--db", store_url,
                        "--skip-invalid", "--force", "--lang", "en")
    assert "line 3, column “Phone 2 - Value”: “+33 7 12” is not a valid number (too short)" \
        in out
    assert re.search(r"line 2: merged into #\d+ \(same e-mail\)", out), out
    rows = list(csv.reader(rejected.read_text(encoding="utf-8-sig").splitlines(),
                           delimiter=";"))
    assert rows[0][-2:] == ["line", "reason"]
    english = " ".join(r[-1] for r in rows[1:])
    assert "E-mail: “zoe@@ok” is not an e-mail address" in english
    assert not FRENCH.findall(_reasons(english + out, path)), english


def test_an_xlsx_is_refused_in_french_too(store_url: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    open_and_migrate(store_url)
    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Prénom", "Mobile", "E-mail"])
    sheet.append(["Durand", "Zoé", "06 12", "zoe@@ok"])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    _, out, _ = _run(capsys, "import", "contacts", str(path), "--db", store_url, "--dry-run")
    assert ("ligne 2, colonne «\xa0Mobile\xa0»\xa0: «\xa006 12\xa0» n'est pas un numéro valide"
            " (trop court)") in out
    assert "ligne 2, colonne «\xa0E-mail\xa0»\xa0: «\xa0zoe@@ok\xa0» n'est pas une adresse" in out


def test_a_formula_an_xlsx_holds_without_its_value_is_refused_not_read_as_empty(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet written by a program (never opened in Excel) keeps a formula without its
    value: the TJM came in empty, without a word."""
    from openpyxl import Workbook

    open_and_migrate(store_url)
    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Prénom", "Mobile", "TJM"])
    sheet.append(["Durand", "Zoé", "06 12 34 56 78", "=550+50"])
    sheet.append(["Morel", "Luc", "06 12 34 56 79", 600])
    path = tmp_path / "freelances.xlsx"
    book.save(path)
    _, out, _ = _run(capsys, "import", "freelances", str(path), "--db", store_url, "--dry-run")
    assert "ligne 2, colonne «\xa0TJM\xa0»\xa0: «\xa0=550+50\xa0»" in out and "formule" in out
    assert "ligne 3" not in out


def test_a_missing_required_column_is_said_in_french(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_and_migrate(store_url)
    path = tmp_path / "contacts.csv"
    path.write_text("Prénom;Téléphone\nZoé;06 12 34 56 78\n", encoding="utf-8")
    code, _, err = _run(capsys, "import", "contacts", str(path), "--db", store_url)
    assert code != 0 and "ligne 1" in err and "aucune colonne pour last_name" in err
    assert not ENGLISH.findall(_reasons(err, path)), err


@pytest.mark.parametrize(("typed", "said"), [
    ("direct_phone=abc", "direct_phone\xa0: «\xa0abc\xa0» ne contient aucun chiffre"),
    ("mobile_phone=+33 7 12", "«\xa0+33 7 12\xa0» n'est pas un numéro valide (trop court)"),
    ("email=x@", "«\xa0x@\xa0» n'est pas une adresse e-mail"),
    ("civility=Herr", "«\xa0Herr\xa0» n'est pas une civilité"),
    ("first_name=" + "a" * 300, "300 caractères"),
    ("first_name=a\x1bb", "caractères de contrôle"),
    ("phone=abc", "phone\xa0: «\xa0abc\xa0» ne contient aucun chiffre"),  # as typed
    ("standard=01 45 00 12 34", "Pas de champ «\xa0standard\xa0»"),  # no switchboard here
])
def test_add_refuses_in_french(store_url: str, capsys: pytest.CaptureFixture[str],
                               typed: str, said: str) -> None:
    open_and_migrate(store_url)
    assert main(["team", "add", "Alice", "--lead", "--db", store_url]) == 0
    capsys.readouterr()
    code, _, err = _run(capsys, "add", "contact", "last_name=Durand", "company=Hexa", typed,
                        "--db", store_url, "--lang", "fr")
    assert code != 0 and said in err, err
    assert not ENGLISH.findall(err.replace(typed.partition("=")[2], "")), err


def test_why_two_people_were_taken_as_one_is_said_in_french(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_and_migrate(store_url)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("Nom;Prénom;Tél. direct;E-mail\nDurand;Zoé;01 42 68 53 20;zoe@hexa.fr\n",
                     encoding="utf-8")
    second.write_text("Nom;Prénom;Tél. direct\nDurand;Zoé;01 42 68 53 20\n", encoding="utf-8")
    assert _run(capsys, "import", "contacts", str(first), "--db", store_url)[0] == 0
    code, out, _ = _run(capsys, "import", "contacts", str(second), "--db", store_url)
    assert code == 0
    assert re.search(r"ligne 2\xa0?: fusionnée avec #\d+ \(même téléphone et même nom\)", out), out


def _padded_workbook(path: Path, blanks: int, formula: bool = False) -> Path:
    """A real workbook whose sheet holds `blanks` bytes of blanks before its rows: a few kB
    of zip that unpack to as much as asked (a zip bomb, when large)."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Prénom", "Mobile", "TJM"])
    sheet.append(["Durand", "Zoé", "06 12 34 56 78", "=550+50" if formula else 600])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w",
                                                           zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                at = data.index(b"<sheetData>") + len(b"<sheetData>")
                data = data[:at] + b" " * blanks + data[at:]
            out.writestr(info.filename, data)
    return path


def test_an_xlsx_that_unpacks_past_what_a_list_holds_is_refused_before_it_is_read(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """2 MB of .xlsx that unpacked to 2 GB held 4 GB of memory for 22 s. The limit is made
    small here (the check is the same) to keep the test quick."""
    from cockpit.services import imports

    open_and_migrate(store_url)
    monkeypatch.setattr(imports, "XLSX_UNPACKED_MAX", 4 * 2**20)
    bomb = _padded_workbook(tmp_path / "bomb.xlsx", blanks=6 * 2**20)
    assert bomb.stat().st_size < 100_000
    code, _, err = _run(capsys, "import", "freelances", str(bomb), "--db", store_url)
    assert code != 0 and "se décompresse en 6\xa0Mo" in err and "au plus 4\xa0Mo" in err, err
    assert "Traceback" not in err and err.count("\n") == 1
    below = _padded_workbook(tmp_path / "below.xlsx", blanks=2 * 2**20, formula=True)
    _, out, _ = _run(capsys, "import", "freelances", str(below), "--db", store_url,
                     "--dry-run")
    # The formula is still found, after two megabytes read by pieces.
    assert "ligne 2, colonne «\xa0TJM\xa0»\xa0: «\xa0=550+50\xa0»" in out and "formule" in out
