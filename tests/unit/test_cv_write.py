"""The anonymised Word CV keeps the original's layout: its styles, tables, lists, bold and
italics, headers and footers, with only the personal parts replaced; its photo, its links'
targets and its author go. A PDF or a text becomes a clean Word file or a PDF."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.shared import Inches
from PIL import Image

from cockpit.cv.anonymised import anonymise_file
from cockpit.cv.read import extract
from cockpit.cv.sectors import employer_sectors


def _word_cv(path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Sylvie Le Roux · 06 12 34 56 78"
    document.sections[0].footer.paragraphs[0].text = "sylvie.leroux@gmail.com"
    photo = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 150, 100)).save(photo, "PNG")
    photo.seek(0)
    document.add_picture(photo, width=Inches(1))
    document.add_heading("Curriculum vitae — Sylvie Le Roux", 0)
    line = document.add_paragraph("Mission ")
    line.add_run("chez La Po").bold = True
    line.add_run("ste").bold = True
    line.add_run(" Java 17 et Spring Boot").italic = True
    document.add_paragraph("Kubernetes 1.28", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "2019 – 2023", "Client : BNPP — Go 1.22"
    link = document.add_paragraph("Profil : ")
    run = link.add_run("mon LinkedIn")
    rid = document.part.relate_to("https://www.linkedin.com/in/sylvie-le-roux",
                                  "http://schemas.openxmlformats.org/officeDocument/2006/"
                                  "relationships/hyperlink", is_external=True)
    hyperlink = link._p.makeelement(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink",
        {"{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id": rid})
    hyperlink.append(run._r)
    link._p.append(hyperlink)
    skills = document.add_paragraph("Terraform")
    document.add_comment(skills.runs, text="Sylvie Le Roux : 06 12 34 56 78",
                         author="Sylvie Le Roux", initials="SLR")
    document.core_properties.author = "Sylvie Le Roux"
    document.save(str(path))


def test_a_word_cv_keeps_its_layout_with_only_the_personal_parts_replaced(
        tmp_path: Path) -> None:
    source, written = tmp_path / "cv.docx", tmp_path / "anonymised.docx"
    _word_cv(source)
    written.write_bytes(anonymise_file(source, "docx", employers=employer_sectors()).data)
    result = docx.Document(str(written))
    styles = [p.style.name for p in result.paragraphs]
    assert styles[:3] == ["Normal", "Title", "Normal"] and "List Bullet" in styles
    assert result.paragraphs[1].text == "Curriculum vitae — Le consultant"
    mission = result.paragraphs[2]
    assert mission.text == "Mission chez un opérateur postal Java 17 et Spring Boot"
    bold = "".join(r.text for r in mission.runs if r.bold)
    italic = "".join(r.text for r in mission.runs if r.italic)
    assert bold == "chez un opérateur postal" and italic == " Java 17 et Spring Boot"
    assert result.tables[0].style.name == "Table Grid"
    assert result.tables[0].cell(0, 1).text == "Client : Banque — Go 1.22"
    assert result.sections[0].header.paragraphs[0].text == "Le consultant · [téléphone retiré]"
    assert result.sections[0].footer.paragraphs[0].text == "[e-mail retiré]"
    assert result.core_properties.author == ""
    with zipfile.ZipFile(written) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(n) for n in names)
    assert not [n for n in names if n.startswith("word/media/")]  # the photo is gone
    assert "docProps/thumbnail.jpeg" not in names  # and the first page's picture
    assert "word/comments.xml" in names and "Terraform" in [p.text for p in result.paragraphs]
    for gone in (b"linkedin", b"Roux", b"leroux", b"06 12", b"SLR"):
        assert gone not in everything, gone


def test_a_pdf_becomes_a_clean_word_file_and_a_pdf(tmp_path: Path) -> None:
    from cockpit.cv.write import text_to_pdf

    source = tmp_path / "cv.pdf"
    source.write_bytes(text_to_pdf("# Sylvie Le Roux\n## Compétences\n- Kubernetes 1.28\n"
                                   "Née le 02/11/1965 — chez SocGen Terraform\n"))
    for to in ("docx", "pdf"):
        written = tmp_path / f"anonymised.{to}"
        written.write_bytes(anonymise_file(source, to, employers=employer_sectors()).data)
        text = extract(written).text
        assert "Roux" not in text and "1965" not in text and "SocGen" not in text
        assert "Kubernetes 1.28" in text and "chez une banque Terraform" in text
    headings = [p.style.name for p in docx.Document(str(tmp_path / "anonymised.docx")).paragraphs]
    # The PDF's text has no heading marks: a section's usual title reads as a heading.
    assert headings[:2] == ["Normal", "Heading 2"]


def test_an_employer_in_a_client_column_goes_though_no_word_announces_it(
        tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate((("Période", "Client", "Mission"),
                                 ("2021 – 2024", "Brioche Dorée", "Go 1.22, gRPC"),
                                 ("2018 – 2021", "Mutuelle des Cheminots", "Kotlin"))):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph("Chez Brioche Dorée, astreintes Kubernetes")
    source, written = tmp_path / "cv.docx", tmp_path / "out.docx"
    document.save(str(source))
    written.write_bytes(anonymise_file(source, "docx", employers=employer_sectors()).data)
    text = extract(written).text
    assert "Brioche" not in text and "Cheminots" not in text
    assert "2021 – 2024 | [entreprise] | Go 1.22, gRPC" in text
    assert "2018 – 2021 | Assurance | Kotlin" in text
    assert "Chez une entreprise, astreintes Kubernetes" in text
