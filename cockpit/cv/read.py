"""The text of a CV file, whatever it came as: Word (.docx), PDF (its text layer),
OpenDocument (.odt), plain text or Markdown.

A PDF without a text layer (a scan) is said so (`scanned`), not taken for an empty CV; every
file that cannot be read raises CvUnreadable saying what is wrong with which file."""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

FORMATS = {".docx": "docx", ".pdf": "pdf", ".odt": "odt", ".txt": "txt", ".md": "md",
           ".markdown": "md"}
# A CV is a few pages: a bigger file is not one (and would take the memory of a zip bomb).
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class CvText:
    text: str
    format: str  # "docx" | "pdf" | "odt" | "txt" | "md"
    scanned: bool  # a PDF without a text layer


class CvUnreadable(Exception):
    """A CV file that cannot be read; the message says which file and why (in English, for
    logs); `code` and `params` let a screen or a command say it in the user's language
    (catalogue key `cv_file.<code>`, with `path` and the params)."""

    def __init__(self, message: str, code: str = "unreadable", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}


def cv_format(path: Path) -> str:
    """The format a file's name says ("docx"…); CvUnreadable for any other."""
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise CvUnreadable(f"{path}: not a CV format the cockpit reads (.docx, .pdf, .odt, "
                           ".txt or .md expected)", "format", path=path)
    return found


def extract(path: Path) -> CvText:
    path = Path(path)
    kind = cv_format(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise CvUnreadable(f"{path}: cannot read it ({exc.strerror})", "unreadable",
                           path=path, reason=exc.strerror) from exc
    size = info.st_size
    if stat.S_ISDIR(info.st_mode):
        raise CvUnreadable(f"{path}: is a folder, not a file", "folder", path=path)
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device: reading it could never end
        raise CvUnreadable(f"{path}: not an ordinary file (a device or a pipe)",
                           "not_regular", path=path)
    if size > MAX_BYTES:
        raise CvUnreadable(f"{path}: {size // (1024 * 1024)} MB, too big for a CV", "too_big",
                           path=path, mb=size // (1024 * 1024))
    if size == 0:
        raise CvUnreadable(f"{path}: the file is empty", "empty", path=path)
    try:
        if kind == "docx":
            return CvText(docx_text(path), kind, False)
        if kind == "pdf":
            text = pdf_text(path)
            return CvText(text, kind, not text.strip())
        if kind == "odt":
            return CvText(odt_text(path), kind, False)
        return CvText(plain_text(path.read_bytes(), path), kind, False)
    except CvUnreadable:
        raise
    except OSError as exc:
        raise CvUnreadable(f"{path}: cannot read it ({exc.strerror})", "unreadable",
                           path=path, reason=exc.strerror) from exc
    except Exception as exc:  # a damaged file: the libraries raise many kinds
        raise CvUnreadable(f"{path}: not a readable {kind} file ({type(exc).__name__}: "
                           f"{str(exc)[:120]})", "damaged", path=path, format=kind) from exc


def plain_text(raw: bytes, path: Path) -> str:
    if b"\0" in raw[:4096]:
        raise CvUnreadable(f"{path}: not a text file despite its name", "not_text", path=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# -- Word -------------------------------------------------------------------------------------


def check_unpacked(path: Path) -> None:
    """A Word file is a zip: refused when its parts unpack past what a CV holds, before the
    reader loads them whole (a few kB of zip can unpack to gigabytes)."""
    try:
        with zipfile.ZipFile(path) as archive:
            # As the archive declares them: reading never unpacks more than declared.
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return  # said by the reader, as a damaged file
    if unpacked > MAX_BYTES:
        raise CvUnreadable(f"{path}: {unpacked // (1024 * 1024)} MB once unpacked, too big "
                           "for a CV", "too_big", path=path, mb=unpacked // (1024 * 1024))


def docx_text(path: Path) -> str:
    import docx

    if not zipfile.is_zipfile(path):
        raise CvUnreadable(f"{path}: not a Word file (.docx is a zip archive; an old .doc "
                           "must be saved as .docx first)", "not_docx", path=path)
    check_unpacked(path)
    document = docx.Document(str(path))
    headers = _unique(line for section in document.sections
                      for part in (section.header, section.first_page_header)
                      for line in _blocks(part))
    footers = _unique(line for section in document.sections
                      for part in (section.footer, section.first_page_footer)
                      for line in _blocks(part))
    body = list(_blocks(document))
    return "\n".join([*headers, *body, *footers]).strip() + "\n"


def _unique(lines: Iterator[str]) -> list[str]:
    """Headers and footers repeated by every section, said once."""
    return list(dict.fromkeys(line for line in lines if line.strip()))


def _blocks(container: Any) -> Iterator[str]:
    """The paragraphs and tables of a body, header or footer, in their order (a table's row
    as one line, its cells separated by " | ")."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        items = list(container.iter_inner_content())
    except (AttributeError, ValueError):  # a header linked to the previous one: none of its own
        return
    for item in items:
        if isinstance(item, Paragraph):
            yield item.text
        elif isinstance(item, Table):
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = "\n".join(_blocks(cell)).strip()
                    if not cells or cells[-1] != text:  # a merged cell comes once per span
                        cells.append(text)
                yield " | ".join(cells)


# -- PDF --------------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    # pypdf logs what it repairs on the terminal; a damaged file is said once, by us.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CvUnreadable(f"{path}: the PDF is protected by a password", "password",
                               path=path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise CvUnreadable(f"{path}: the PDF is protected by a password", "password",
                           path=path) from exc
    except PdfReadError as exc:
        raise CvUnreadable(f"{path}: not a readable PDF ({exc})", "damaged", path=path,
                           format="pdf") from exc
    return "\n\n".join(page.strip("\n") for page in pages).strip() + "\n" if any(
        p.strip() for p in pages) else ""


# -- OpenDocument -----------------------------------------------------------------------------

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def odt_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_BYTES:
                raise CvUnreadable(f"{path}: its content is too big for a CV", "too_big",
                                   path=path, mb=info.file_size // (1024 * 1024))
            root = ElementTree.fromstring(archive.read(info))
    except KeyError as exc:
        raise CvUnreadable(f"{path}: not an OpenDocument text (no content.xml)", "damaged",
                           path=path, format="odt") from exc
    except zipfile.BadZipFile as exc:
        raise CvUnreadable(f"{path}: not an OpenDocument file (not a zip archive)", "damaged",
                           path=path, format="odt") from exc
    lines: list[str] = []
    _odt_walk(root, lines)
    return "\n".join(lines).strip() + "\n"


def _odt_walk(element: ElementTree.Element, lines: list[str]) -> None:
    for child in element:
        if child.tag in (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"):
            lines.append(_odt_inline(child))
        elif child.tag == f"{{{_TABLE}}}table-row":
            cells = []
            for cell in child:
                inner: list[str] = []
                _odt_walk(cell, inner)
                cells.append(" ".join(inner).strip())
            lines.append(" | ".join(cells))
        else:
            _odt_walk(child, lines)


def _odt_inline(element: ElementTree.Element) -> str:
    out = [element.text or ""]
    for child in element:
        if child.tag == f"{{{_TEXT}}}s":
            out.append(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
        elif child.tag == f"{{{_TEXT}}}tab":
            out.append("\t")
        elif child.tag == f"{{{_TEXT}}}line-break":
            out.append("\n")
        else:
            out.append(_odt_inline(child))
        out.append(child.tail or "")
    return "".join(out)
