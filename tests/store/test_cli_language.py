"""The command line speaks the interface's language: in French, no code name of the program
(an outcome, a reminder kind, a status, "caller 4") reaches a reader; in English, no French
word of the program's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.domain.outcomes import Outcome
from cockpit.i18n import CATALOGUES

# Codes that are also everyday French words (a freelance, a budget) are left out.
_FRENCH_TOO = {"freelance", "budget"}
_CODE_GROUPS = ("outcome.", "reminder.kind.", "need.status.", "proposal.status.", "bucket.")


def _code_names() -> set[str]:
    codes = {o.value for o in Outcome}
    for key in CATALOGUES["en"]:
        if key.startswith(_CODE_GROUPS):
            codes.add(key.rsplit(".", 1)[1])
    return codes - _FRENCH_TOO - {"kind_sep"}


# Words of the program's French texts that no demo data holds.
_FRENCH_WORDS = ("besoins", "numéros", "appelant", "simulation", "dernier contact",
                 "à appeler", "ouvert", "gagné", "perdu", "Dans le budget", "Pas mobile",
                 "portefeuille", "effacement", "contenu correct", "lignes", "à créer")


def _commands(tmp_path: Path) -> list[list[str]]:
    csv = tmp_path / "people.csv"
    csv.write_text("Société;Prénom;Nom;Téléphone\nAcme;Jean;Martin;06 12 34 56 78\n",
                   encoding="utf-8")
    return [
        ["queue", "--limit", "5"], ["queue", "--limit", "5", "--why"], ["next"],
        ["reminders"], ["reminders", "--all"], ["needs"], ["needs", "--show", "2"],
        ["match", "2", "--limit", "5"], ["dnc", "list"], ["audit"], ["report"],
        ["portfolio"], ["purge", "--older-than", "1y", "--dry-run"],
        ["person", "export", "contact:1"],
        ["import", "contacts", str(csv), "--dry-run"],
        ["export", "companies", str(tmp_path / "out.csv"), "--force"], ["check"],
    ]


def _said(lang: str, url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COCKPIT_DB", url)
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T10:42:00+01:00")
    # The audit log gets a reassignment and a portfolio change: lines naming callers.
    lead = "Sophie"
    assert main(["reminders", "--reassign", "1", "--to", "Karim", "--caller", lead]) == 0
    assert main(["portfolio", "--add", "5"]) == 0
    capsys.readouterr()
    said = []
    for command in _commands(tmp_path):
        code = main(["--lang", lang, *command])
        captured = capsys.readouterr()
        assert code in (0, 1), (command, captured.err)
        said.append(f"$ {' '.join(command)}\n{captured.out}{captured.err}")
    return "\n".join(said)


@pytest.fixture
def lead_url(demo_url: str) -> str:
    from tests.rawdb import raw

    with raw(demo_url) as db:
        db.execute("UPDATE caller SET is_lead = TRUE WHERE name = 'Sophie'")
    return demo_url


def test_french_output_names_no_code(lead_url: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    said = _said("fr", lead_url, tmp_path, capsys, monkeypatch)
    # person export is JSON: its keys and codes are for programs; the rest is for people.
    readable = re.sub(r"\$ person export.*?(?=\n\$ )", "", said, flags=re.S)
    found = sorted({c for c in _code_names() if re.search(rf"\b{re.escape(c)}\b", readable)})
    assert not found, f"code names in French output: {found}\n{readable}"
    assert not re.search(r"\bcaller #?\d+", readable), readable
    assert "Karim" in readable  # the reassignment says to whom, by name


def test_english_output_has_no_french_word_of_the_program(
        lead_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    said = _said("en", lead_url, tmp_path, capsys, monkeypatch)
    found = [w for w in _FRENCH_WORDS if w in said]
    assert not found, f"French words in English output: {found}\n{said}"
    assert "23 Nov 2026" in said  # the day before its month, as typed back


@pytest.mark.parametrize(("url", "fr", "en"), [
    ("sqlite:///{tmp}", "est un dossier, pas un fichier", "is a folder, not a database file"),
    ("sqlite:///{tmp}/notes.txt", "n'est pas une base SQLite", "is not a SQLite database"),
    ("mysql://{tmp}", "adresse de base inconnue", "unknown database URL"),
    ("postgresql://nobody@127.0.0.1:1/x", "serveur PostgreSQL injoignable",
     "cannot reach the PostgreSQL server"),
])
def test_a_database_that_cannot_be_opened_is_said_in_the_users_language(
        url: str, fr: str, en: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("Jean Dupont 06 12 34 56 78\n")
    target = url.format(tmp=tmp_path)
    for lang, words in (("fr", fr), ("en", en)):
        assert main(["--lang", lang, "queue", "--db", target]) == 2
        said = capsys.readouterr().err.replace("\xa0", " ")
        assert words in said and said.count("\n") == 1, said
