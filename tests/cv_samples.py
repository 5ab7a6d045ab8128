"""Real CV files for the tests: Word documents made with python-docx, PDFs written by hand
(a text layer) or by pypdf (a blank page: what a scan without OCR reads as)."""

from __future__ import annotations

import io
from pathlib import Path


def docx_cv(path: Path, lines: list[str], table: list[tuple[str, str]] = ()) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (left, right) in zip(grid.rows, table, strict=True):
            row.cells[0].text, row.cells[1].text = left, right
    document.save(path)
    return path


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF with a text layer (Helvetica), its cross-reference table exact."""
    stream = "BT /F1 12 Tf 72 760 Td 14 TL " + " ".join(
        f"({line.replace('(', '[').replace(')', ']')}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
              "%%EOF\n".encode())
    path.write_bytes(out.getvalue())
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF whose page has no text at all, as a scanner makes it (an image, here nothing)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as out:
        writer.write(out)
    return path
