"""Reading a CV file: Word (paragraphs, tables, headers, footers), PDF (its text layer; a
scan is said to be one), OpenDocument, text; every file that cannot be read says which and
why."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from cockpit.cv.read import CvUnreadable, extract
from cockpit.cv.write import text_to_pdf
from tests.cv_corpus import _odt


def test_a_word_cv_gives_its_paragraphs_tables_headers_and_footers(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "En-tête : Sylvie Le Roux"
    document.sections[0].footer.paragraphs[0].text = "Pied de page : sylvie@exemple.fr"
    document.add_heading("Compétences", 1)
    document.add_paragraph("Kubernetes, Terraform", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "2021 – 2024", "Go 1.22 chez Acme"
    path = tmp_path / "cv.docx"
    document.save(str(path))
    read = extract(path)
    assert read.format == "docx" and not read.scanned
    lines = read.text.splitlines()
    assert lines[0] == "En-tête : Sylvie Le Roux"
    assert "Kubernetes, Terraform" in lines and "2021 – 2024 | Go 1.22 chez Acme" in lines
    assert lines[-1] == "Pied de page : sylvie@exemple.fr"


def test_a_pdf_gives_its_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(text_to_pdf("# Compétences\nKubernetes 1.28, Terraform, Ansible\n"))
    read = extract(path)
    assert read.format == "pdf" and not read.scanned
    assert "Kubernetes 1.28, Terraform, Ansible" in read.text


def test_a_scanned_pdf_is_said_to_be_one_not_empty(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a picture of a page: no text layer
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    read = extract(path)
    assert read.scanned and read.text == ""


def test_an_opendocument_cv_and_a_text_in_windows_encoding(tmp_path: Path) -> None:
    _odt(tmp_path / "cv.odt", ["Ingénieure DevOps", "Kubernetes & Helm"], None)  # type: ignore[arg-type]
    assert extract(tmp_path / "cv.odt").text == "Ingénieure DevOps\nKubernetes & Helm\n"
    (tmp_path / "cv.txt").write_bytes("Expérience : 12 ans\n".encode("cp1252"))
    assert extract(tmp_path / "cv.txt").text == "Expérience : 12 ans\n"


@pytest.mark.parametrize(("name", "content", "code", "said"), [
    ("cv.doc", b"old word", "format", ".docx, .pdf"),
    ("cv.docx", b"not a zip", "not_docx", "not a Word file"),
    ("cv.pdf", b"%PDF-1.4 cut here", "damaged", "pdf"),
    ("cv.odt", b"PK\x03\x04 broken", "damaged", "odt"),
    ("cv.txt", b"\x00\x01binary", "not_text", "not a text file"),
    ("cv.md", b"", "empty", "empty"),
])
def test_a_file_that_cannot_be_read_says_which_and_why(
        tmp_path: Path, name: str, content: bytes, code: str, said: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CvUnreadable) as raised:
        extract(path)
    assert raised.value.code == code
    assert str(path) in str(raised.value) and said in str(raised.value)


@pytest.mark.parametrize("name", ["cv.txt", "cv.docx", "cv.pdf"])
def test_a_pipe_or_a_device_is_refused_as_such_never_read(name: str, tmp_path: Path) -> None:
    """Reading a named pipe waits for a writer that never comes: the cockpit would hang.
    A link to /dev/zero would read zeros for ever."""
    pipe = tmp_path / name
    os.mkfifo(pipe)
    device = tmp_path / f"zero-{name}"
    device.symlink_to("/dev/zero")
    for path in (pipe, device):
        with pytest.raises(CvUnreadable) as raised:
            extract(path)
        assert raised.value.code == "not_regular", path


def test_a_word_cv_that_unpacks_to_more_than_a_cv_is_refused_before_it_is_loaded(
        tmp_path: Path) -> None:
    """A .docx is a zip: a few kB of it can unpack to gigabytes, which the Word reader
    would hold whole in memory."""
    import zipfile

    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("Jean Dupont, développeur")
    document.save(str(plain))
    bomb = tmp_path / "cv.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w",
                                                           zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (60 * 2**20), 1)
            out.writestr(info.filename, data)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(CvUnreadable) as raised:
        extract(bomb)
    assert raised.value.code == "too_big" and "once unpacked" in str(raised.value)
    assert "Jean Dupont" in extract(plain).text


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(CvUnreadable, match="cannot read it"):
        extract(tmp_path / "absent.pdf")
    (tmp_path / "folder.docx").mkdir()
    with pytest.raises(CvUnreadable, match="folder"):
        extract(tmp_path / "folder.docx")
