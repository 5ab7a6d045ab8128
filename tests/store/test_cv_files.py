"""A freelance's CV files through the services, on a real database (SQLite and PostgreSQL):
kept whole and newest first, searched, told as a scan, refused with a reason when hostile,
carried by an import's CV column and by `cockpit copy`, erased with the freelance."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from tests.conftest import FIXED_NOW
from tests.cv_samples import docx_cv, scanned_pdf, text_pdf
from tests.rawdb import raw


@pytest.fixture
def services(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    return open_services(demo_url, clock=lambda: FIXED_NOW)


def _freelance(url: str) -> int:
    with raw(url) as db:
        return int(db.execute("SELECT MIN(id) FROM freelance WHERE do_not_call = FALSE"
                              ).fetchone()[0])


def _search(services, typed: str) -> set[int]:
    return {r.id for r in services.search_freelances(typed, limit=500).rows}


def test_a_word_cv_is_kept_whole_newest_first_and_its_words_are_searched(
        services, demo_url: str, tmp_path: Path) -> None:
    fid = _freelance(demo_url)
    assert fid not in _search(services, "kubernetes openshift")
    first = docx_cv(tmp_path / "cv-2024.docx", ["Ingénieur DevOps", "Terraform, Ansible"])
    second = docx_cv(tmp_path / "cv-2026.docx", ["Ingénieur DevOps"],
                     [("2023–2026", "Kubernetes, OpenShift, Argo CD")])
    caller = services.callers()[0]
    services.attach_cv(fid, first, caller.id)
    row = services.attach_cv(fid, str(second), caller.id)
    assert (row.name, row.format, row.scanned) == ("cv-2026.docx", "docx", False)
    listed = services.cv_files(fid)
    assert [r.name for r in listed] == ["cv-2026.docx", "cv-2024.docx"]
    assert listed[0].added_by == caller.first_name
    # The words of the newest CV (a table cell here) find the freelance.
    assert fid in _search(services, "kubernetes openshift")
    with raw(demo_url) as db:
        content, cv_text = db.execute(
            "SELECT c.content, f.cv_text FROM cv_file c JOIN freelance f ON f.id = "
            "c.freelance_id WHERE c.name = 'cv-2026.docx'").fetchone()
    assert bytes(content) == second.read_bytes()  # the file itself, byte for byte
    assert "OpenShift" in cv_text  # what the anonymised CV is made from
    assert "OpenShift" in services.anonymised_cv(fid).text


def test_the_same_file_twice_is_kept_once(services, demo_url: str, tmp_path: Path) -> None:
    fid = _freelance(demo_url)
    cv = docx_cv(tmp_path / "cv.docx", ["Data engineer", "Spark"])
    services.attach_cv(fid, cv)
    with pytest.raises(ServiceError) as again:
        services.attach_cv(fid, cv)
    assert again.value.code == "cv_already"
    assert len(services.cv_files(fid)) == 1


def test_a_text_pdf_is_read_and_a_scan_is_told_as_a_scan(services, demo_url: str,
                                                         tmp_path: Path) -> None:
    fid = _freelance(demo_url)
    services.attach_cv(fid, text_pdf(tmp_path / "cv.pdf", ["Architecte cloud",
                                                          "Kubernetes et Helm"]))
    assert fid in _search(services, "helm")
    row = services.attach_cv(fid, scanned_pdf(tmp_path / "scan.pdf"))
    assert row.scanned and row.format == "pdf"
    assert services.cv_files(fid)[0].scanned  # kept, the newest, marked as a scan
    with pytest.raises(ServiceError) as scan:
        services.anonymised_cv(fid)  # not an empty CV sent to the DO
    assert scan.value.code == "cv_scanned" and scan.value.params["name"] == "scan.pdf"


def _hostile(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "dossier.docx"
    folder.mkdir()
    big = tmp_path / "énorme.pdf"
    with big.open("wb") as out:  # 200 MB, sparse: nothing written but its size
        out.truncate(200 * 1024 * 1024)
    zero = tmp_path / "zero.pdf"
    zero.symlink_to("/dev/zero")
    odd = tmp_path / "cv\x1b[2J.docx"
    docx_cv(odd, ["Java"])
    empty = tmp_path / "vide.docx"
    empty.write_bytes(b"")
    return {"folder": (folder, "cv_folder"), "missing": (tmp_path / "absent.pdf", "cv_missing"),
            "too big": (big, "cv_too_big"), "/dev/zero": (zero, "cv_not_regular"),
            "control characters": (odd, "cv_bad_name"), "not a CV": (tmp_path, "cv_folder"),
            "spreadsheet": (tmp_path / "liste.xlsx", "cv_format"),
            "empty docx": (empty, "cv_unreadable")}


@pytest.mark.parametrize("what", ["folder", "missing", "too big", "/dev/zero",
                                  "control characters", "not a CV", "spreadsheet",
                                  "empty docx"])
def test_a_hostile_path_is_refused_saying_why_and_nothing_is_kept(
        services, demo_url: str, tmp_path: Path, what: str) -> None:
    from cockpit.i18n import Translator

    fid = _freelance(demo_url)
    path, code = _hostile(tmp_path)[what]
    with pytest.raises(ServiceError) as refused:
        services.attach_cv(fid, path)
    assert refused.value.code == code
    said = Translator("fr")(f"error.{code}", **refused.value.params)
    assert "\x1b" not in said and "{" not in said
    if code != "cv_bad_name":
        assert path.name in said or str(path) in said
    assert services.cv_files(fid) == ()


def test_an_unknown_freelance_is_refused(services, tmp_path: Path) -> None:
    with pytest.raises(ServiceError) as refused:
        services.attach_cv(10**9, docx_cv(tmp_path / "cv.docx", ["Java"]))
    assert refused.value.code == "no_freelance"


def test_the_import_reads_the_cv_column_relative_to_the_spreadsheet(
        services, demo_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "cvs").mkdir(parents=True)
    docx_cv(folder / "cvs" / "lea.docx", ["Développeuse", "Kubernetes et Go"])
    text_pdf(folder / "cvs" / "marc.pdf", ["Chef de projet", "Scrum, Jira, Confluence"])
    sheet = folder / "freelances.csv"
    sheet.write_text("Prénom;Nom;Titre;E-mail;CV\n"
                     "Léa;Nowak;Dev Go;lea@exemple.fr;cvs/lea.docx\n"
                     "Marc;Olivier;Chef de projet;marc@exemple.fr;cvs/marc.pdf\n"
                     "Anne;Roy;Dev;anne@exemple.fr;\n", encoding="utf-8")
    report = services.import_file("freelances", sheet)
    assert report.imported and not report.errors
    with raw(demo_url) as db:
        found = dict(db.execute("SELECT f.last_name, c.name FROM cv_file c JOIN freelance f "
                                "ON f.id = c.freelance_id").fetchall())
    assert found == {"Nowak": "lea.docx", "Olivier": "marc.pdf"}
    assert {r.name for r in services.search_freelances("confluence").rows} == {"Marc Olivier"}
    again = services.import_file("freelances", sheet)  # merged, and their CVs not doubled
    assert again.imported
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM cv_file").fetchone() == (2,)


def test_an_import_whose_cv_cannot_be_read_imports_nothing_and_says_the_line(
        services, demo_url: str, tmp_path: Path) -> None:
    docx_cv(tmp_path / "lea.docx", ["Kubernetes"])
    sheet = tmp_path / "freelances.csv"
    sheet.write_text("Prénom;Nom;Fichier CV\nLéa;Nowak;lea.docx\nMarc;Olivier;marc.docx\n",
                     encoding="utf-8")
    with raw(demo_url) as db:
        before = db.execute("SELECT COUNT(*) FROM freelance").fetchone()
    report = services.import_file("freelances", sheet)
    assert not report.imported
    assert [(e.line, e.column) for e in report.errors] == [(3, "Fichier CV")]
    assert report.errors[0].reason.code == "cv_missing"
    assert "marc.docx" in report.errors[0].reason.params["path"]
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM freelance").fetchone() == before
        assert db.execute("SELECT COUNT(*) FROM cv_file").fetchone() == (0,)


def test_a_row_refused_for_another_cell_has_its_cv_checked_too(
        services, tmp_path: Path) -> None:
    """One round of fixing: a row with a bad e-mail and a missing CV names both (the CV was
    checked only once every other cell passed)."""
    sheet = tmp_path / "freelances.csv"
    sheet.write_text("Prénom;Nom;E-mail;CV\nMarc;Olivier;marc@;marc.docx\n"
                     "Anne;Roy;pas-une-adresse;\n", encoding="utf-8")
    report = services.import_file("freelances", sheet)
    assert not report.imported
    assert sorted((e.line, e.column, e.reason.code) for e in report.errors) == [
        (2, "CV", "cv_missing"), (2, "E-mail", "import_email"), (3, "E-mail", "import_email")]


def test_copy_carries_the_cv_files_byte_for_byte(services, demo_url: str, tmp_path: Path,
                                                  backend: str) -> None:
    from cockpit.store.copy import copy_database

    fid = _freelance(demo_url)
    cv = docx_cv(tmp_path / "cv.docx", ["Kubernetes"])
    services.attach_cv(fid, cv)
    target = tmp_path / "copie.sqlite"
    copy_database(demo_url, f"sqlite:///{target}")
    with raw(f"sqlite:///{target}") as db:
        (content,) = db.execute("SELECT content FROM cv_file WHERE freelance_id = ?",
                                (fid,)).fetchone()
    assert bytes(content) == cv.read_bytes()
    assert os.stat(target).st_mode & 0o077 == 0


def test_forgetting_a_freelance_erases_their_cv_files(services, demo_url: str,
                                                      tmp_path: Path) -> None:
    fid = _freelance(demo_url)
    services.attach_cv(fid, docx_cv(tmp_path / "cv.docx", ["Kubernetes"]))
    lead = next(c for c in services.callers() if c.is_lead)
    exported = services.export_person(f"freelance:{fid}")
    assert "Kubernetes" in str(exported)
    services.forget_person(f"freelance:{fid}", lead.id)
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM cv_file").fetchone() == (0,)


def test_the_command_attaches_lists_and_refuses_in_french(demo_url: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from cockpit.cli import main

    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    fid = _freelance(demo_url)
    cv = docx_cv(tmp_path / "Jean Martin CV.docx", ["Kubernetes"])
    assert main(["freelance", "cv", str(fid), str(cv), "--db", demo_url,
                 "--caller", "Karim"]) == 0
    said = capsys.readouterr().out
    assert f"CV joint au freelance n° {fid}\u00a0: Jean Martin CV.docx (docx" in said
    assert main(["freelance", "cv", str(fid), str(scanned_pdf(tmp_path / "scan.pdf")),
                 "--db", demo_url]) == 0
    assert "un PDF scanné, sans texte" in capsys.readouterr().out
    assert main(["freelance", "cv", str(fid), "--db", demo_url]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[2] for line in listed] == ["scan.pdf", "Jean Martin CV.docx"]
    assert "scan, sans texte" in listed[0]
    assert main(["freelance", "cv", str(fid), str(tmp_path), "--db", demo_url]) == 2
    assert "est un dossier, pas un fichier" in capsys.readouterr().err
    assert main(["freelance", "cv", "999999", str(cv), "--db", demo_url]) == 2
    assert "n° 999999" in capsys.readouterr().err
