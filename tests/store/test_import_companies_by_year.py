"""Companies come in with their figures for every year the file gives (wide "CA 2023",
"Effectif 2024 (k€)" columns, or one row a year), in the units written, and with their
SIREN/SIRET (checked), address, postcode, website and switchboard: the prospect rule then
judges them on their trends. Layouts: a French prospect list exported from a company
database (Société.com / Pappers-style columns: SIREN, SIRET du siège, CA and Effectif by
year) and a figures sheet kept by hand, one row per company and year."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.services import open_services
from cockpit.services.views import PersonRef
from cockpit.store.migrations import open_and_migrate
from tests.conftest import FIXED_NOW
from tests.rawdb import raw

FILES = Path(__file__).with_name("import_files")


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_NOW", FIXED_NOW.isoformat())


def _figures(url: str) -> list[tuple]:
    with raw(url) as db:
        return db.execute("SELECT c.name, f.year, f.revenue, f.headcount FROM company_figure f "
                          "JOIN company c ON c.id = f.company_id ORDER BY c.name, f.year"
                          ).fetchall()


def test_figures_of_every_year_with_their_units_and_the_prospect_rule_sees_them(
        store_url: str, tmp_path: Path) -> None:
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    report = services.import_file("companies", FILES / "companies_by_year.csv")
    assert report.created == 2 and report.errors == []
    assert report.unknown_columns == ()
    assert _figures(store_url) == [
        ("Hexa Conseil", 2023, 4_200_000, 38), ("Hexa Conseil", 2024, 5_100_000, 45),
        ("Hexa Conseil", 2025, 5_800_000, 56),  # "5 800" under "CA 2025 (k€)"
        ("Kappa SA", 2023, 5_800_000_000, 56_086), ("Kappa SA", 2024, 6_100_000_000, 57_000),
        ("Kappa SA", 2025, 6_300_000_000, 58_210)]
    with raw(store_url) as db:
        assert db.execute(
            "SELECT name, siren, siret, address, postcode, city, website, switchboard "
            "FROM company ORDER BY id").fetchall() == [
            ("Hexa Conseil", "552100554", "55210055400013", "12 rue de la Paix", "75002",
             "Paris", "https://hexa.example", "+33142685300"),
            ("Kappa SA", "", "", "3 quai Perrache", "01000", "Lyon", "", "+33472000000")]
    services.import_file("contacts", _write(tmp_path, "do.csv",
                                            "Société;Nom;Fonction;Téléphone\n"
                                            "Hexa Conseil;Dupont;DSI;01 42 68 53 11\n"))
    with raw(store_url) as db:
        dupont = db.execute("SELECT id FROM contact WHERE last_name = 'Dupont'").fetchone()[0]
    card = services.contact_card(PersonRef("contact", int(dupont)), lang="en")
    assert card is not None and card.company is not None
    # Both rising over the last two years: a good ESN prospect, with last year's figures.
    assert card.company.revenue_trend == "up" and card.company.headcount_trend == "up"
    from cockpit.i18n import Translator
    from cockpit.tui.card_words import company_figures

    assert company_figures(card.company, Translator("en"))[:2] == ["revenue 5.8 M€ ↗",
                                                                   "56 staff ↗"]
    assert company_figures(card.company, Translator("fr"))[:2] == ["CA 5,8 M€ ↗",
                                                                   "56 pers. ↗"]
    assert card.company.prospect == "growing IT services firm"


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_row_a_year_gives_the_company_its_years(store_url: str) -> None:
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    report = services.import_file("companies", FILES / "figures_long.csv")
    assert report.created == 1 and len(report.merged_in_file) == 2
    assert _figures(store_url) == [("Hexa Conseil", 2023, 6_000_000, 30),
                                   ("Hexa Conseil", 2024, 5_100_000, 45),
                                   ("Hexa Conseil", 2025, 4_200_000, 60)]


def test_a_wrong_siret_or_amount_is_refused_with_its_line_and_column(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_and_migrate(store_url)
    path = _write(tmp_path, "bad.csv", (
        "Société;SIREN;SIRET;CA 2024;Effectif 2024\n"
        "Alpha;552100554;55210055400012;1 M€;10\n"  # wrong key
        "Beta;732829320;55210055400013;1 M€;10\n"  # another company's establishment
        "Gamma;;;5 M$;beaucoup\n"
        "Delta;;;NC;n.c.\n"))  # not given: fine
    assert main(["import", "companies", str(path), "--db", store_url, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "line 2, column “SIRET”: SIRET “55210055400012” has a wrong check key" in out
    assert "line 3, column “SIRET”: SIRET 55210055400013 is not an establishment" in out
    assert "line 4, column “CA 2024”: “5 M$” is not in euros" in out
    assert "line 4, column “Effectif 2024”: “beaucoup” is not a headcount" in out
    assert "line 5" not in out
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM company").fetchone()[0] == 0


def test_the_export_writes_the_new_columns(store_url: str, tmp_path: Path) -> None:
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    services.import_file("companies", FILES / "companies_by_year.csv")
    out = tmp_path / "companies.csv"
    assert main(["export", "companies", str(out), "--db", store_url]) == 0
    with out.open(encoding="utf-8-sig") as f:
        first = next(csv.DictReader(f, delimiter=";"))
    # A leading + is quoted, as every cell that a spreadsheet could run (the import drops it).
    assert {k: first[k] for k in ("siren", "siret", "address", "postcode", "phone",
                                  "revenue_2025")} == {
        "siren": "552100554", "siret": "55210055400013", "address": "12 rue de la Paix",
        "postcode": "75002", "phone": "'+33142685300", "revenue_2025": "5800000"}


def test_every_years_figures_come_back_through_the_export(store_url: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """Export → import into an empty base keeps each company's figures of every year (the
    export wrote only the latest year: the trends the prospect rule reads were lost)."""
    open_and_migrate(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    services.import_file("companies", FILES / "companies_by_year.csv")
    held = _figures(store_url)
    assert len({year for _, year, _, _ in held}) >= 2
    out = tmp_path / "companies.csv"
    assert main(["export", "companies", str(out), "--db", store_url]) == 0
    target = tmp_path / "other.sqlite"
    other = f"sqlite:///{target}"
    assert main(["import", "companies", str(out), "--db", other]) == 0
    capsys.readouterr()
    assert _figures(other) == held


def test_missions_posted_and_the_next_budget_come_in_and_fill_a_company_known(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the prospect rule (an ESN posting its own missions is skipped) and the budget
    reminder read: taken from a list, and from the cockpit's own export."""
    open_and_migrate(store_url)
    first = _write(tmp_path, "first.csv", "Société;Ville\nHexa Conseil;Lyon\nBeta;Paris\n")
    assert main(["import", "companies", str(first), "--db", store_url]) == 0
    later = _write(tmp_path, "later.csv", (
        "Société;Publie des missions;Prochain budget\n"
        "Hexa Conseil;oui;15/01/2027\n"  # known: its empty facts are filled
        "Gamma;non;\n"
        "Delta;peut-être;janvier\n"))
    assert main(["import", "companies", str(later), "--db", store_url, "--lang", "en",
                 "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "line 4, column “Publie des missions”: “peut-être”: expected yes or no (oui, non)" in out
    assert "line 4, column “Prochain budget”: “janvier” is not a date" in out
    with raw(store_url) as db:
        held = db.execute("SELECT name, posts_missions, next_budget FROM company "
                          "ORDER BY name").fetchall()
    assert [(name, bool(posts), str(budget) if budget else None)
            for name, posts, budget in held] == [
        ("Beta", False, None), ("Gamma", False, None), ("Hexa Conseil", True, "2027-01-15")]
