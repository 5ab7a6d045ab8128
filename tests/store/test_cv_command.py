"""`cockpit cv anonymise`: the four formats in and out, never over its own input or the
database, owner-only, the kinds and counts of what was replaced on the terminal (never the
values), COCKPIT_SECTORS on top of the shipped list, and a clear line for a bad file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.cv.read import extract
from tests.cv_corpus import write_corpus


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COCKPIT_DB", f"sqlite:///{tmp_path / 'absent.sqlite'}")
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    monkeypatch.delenv("COCKPIT_SECTORS", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_format_in_and_out(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(work, count=5)  # one of each: txt, md, docx, pdf, odt
    for cv in corpus:
        for to in ("docx", "pdf", "txt", "md"):
            target = work / f"{cv.path.stem}-out.{to}"
            assert main(["cv", "anonymise", str(cv.path), "--out", str(target)]) == 0
            said = capsys.readouterr().out
            assert "écrit" in said and "employeur" in said and "naissance" in said
            for value in cv.gone[:4]:  # the name, the e-mail, the phone: not on the terminal
                assert value not in said
            assert os.stat(target).st_mode & 0o777 == 0o600
            text = extract(target).text
            assert cv.names[0] not in text and cv.kept[0] in text
    assert not (work / "absent.sqlite").exists()  # anonymising created no database


def test_never_over_its_own_input_even_with_force(work: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = work / "cv.txt"
    source.write_text("Sylvie Le Roux\nchez BNPP Java 17\n", encoding="utf-8")
    (work / "link.txt").symlink_to(source)
    for target in ("cv.txt", str(source), "./cv.txt"):
        assert main(["cv", "anonymise", "cv.txt", "--out", target, "--force"]) == 2
        assert "CV d'origine" in capsys.readouterr().err
    assert main(["cv", "anonymise", "link.txt", "--out", "cv.txt", "--force"]) == 2
    assert source.read_text(encoding="utf-8") == "Sylvie Le Roux\nchez BNPP Java 17\n"


def test_a_bad_file_gets_one_clear_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "scan.pdf").write_bytes(_scanned_pdf())
    (work / "cv.docx").write_bytes(b"not a zip")
    (work / "cv.txt").write_text("Java\n", encoding="utf-8")
    for argv, words in ((["scan.pdf"], "PDF scanné"), (["cv.docx"], "pas un fichier Word"),
                        (["cv.rtf"], "format de CV non lu"),
                        (["cv.txt", "--out", "cv.rtf"], "format non écrit"),
                        (["absent.pdf"], "lecture impossible")):
        assert main(["cv", "anonymise", *argv]) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert not (work / "cv.rtf").exists()


def test_configured_sectors_add_to_the_shipped_list(work: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (work / "sectors.yaml").write_text("Brioche Dorée: Restauration\nBoulangerie:\n"
                                       "  - Maison Kayser\n", encoding="utf-8")
    monkeypatch.setenv("COCKPIT_SECTORS", str(work / "sectors.yaml"))
    (work / "cv.txt").write_text("Brioche Dorée, puis Maison Kayser, puis BNPP ; Python\n",
                                 encoding="utf-8")
    assert main(["cv", "anonymise", "cv.txt"]) == 0
    assert capsys.readouterr().out == "Restauration, puis Boulangerie, puis Banque ; Python\n"
    (work / "sectors.yaml").write_text("- not: a mapping\n", encoding="utf-8")
    assert main(["cv", "anonymise", "cv.txt"]) == 2
    assert "sectors.yaml" in capsys.readouterr().err


def _scanned_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 80, 40, style="F")
    return bytes(pdf.output())
