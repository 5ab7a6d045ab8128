"""The text of a CV file: .txt/.md, .docx (paragraphs and tables), .pdf (its text layer; a PDF
without one is a scan, said so rather than read as empty)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
           ".odt": "odt"}


@dataclass(frozen=True)
class CvText:
    text: str
    format: str  # "docx" | "pdf" | "odt" | "txt" | "md"
    scanned: bool  # a PDF without a text layer


class CvUnreadable(Exception):
    """What is wrong with which file, in a sentence."""


def extract(path: Path) -> CvText:
    kind = _FORMATS.get(path.suffix.casefold())
    if kind is None:
        raise CvUnreadable(f"{path}: not a CV format the cockpit reads "
                           "(.docx, .pdf, .odt, .txt or .md)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CvUnreadable(f"{path}: cannot be read ({exc.strerror})") from exc
    where = str(path)
    if kind in ("txt", "md"):
        return CvText(_decode(data, where), kind, False)
    if kind == "docx":
        return CvText(_docx(data, where), kind, False)
    if kind == "pdf":
        text = _pdf(data, where)
        return CvText(text, kind, not text.strip())
    raise CvUnreadable(f"{where}: .{kind} is not read yet (save it as .docx or .pdf)")


def _decode(data: bytes, where: str) -> str:
    if b"\0" in data[:4096]:
        raise CvUnreadable(f"{where}: not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _docx(data: bytes, where: str) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CvUnreadable(f"{where}: not a Word document (.docx) that can be read") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf(data: bytes, where: str) -> str:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise CvUnreadable(f"{where}: not a PDF that can be read") from exc
