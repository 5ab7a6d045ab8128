"""A CV file anonymised into the format asked: the reading (read), the text step
(domain.anonymise) and the writing (write) put together, with the list of what was
replaced for the caller to review."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cockpit.cv.read import CvUnreadable, extract
from cockpit.domain.anonymise import Replacement, anonymise, find_names, with_table_employers

OUTPUTS = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md"}


@dataclass(frozen=True)
class AnonymisedCv:
    data: bytes  # the file to write
    format: str  # "docx" | "pdf" | "txt" | "md"
    text: str  # the anonymised text, to read over
    replacements: tuple[Replacement, ...]


# Documents the cockpit cannot write: refused rather than given text under their name.
NOT_WRITTEN = {".doc", ".rtf", ".odt", ".pages", ".html", ".htm", ".xlsx", ".xls", ".epub"}


def output_format(path: Path) -> str:
    """The format to write by the file's name; any other name than a document's gets the
    text (cv.anon, cv.out…)."""
    found = OUTPUTS.get(path.suffix.lower())
    if found is None and path.suffix.lower() not in NOT_WRITTEN:
        return "txt"
    if found is None:
        raise CvUnreadable(f"{path}: cannot write this format (.docx, .pdf, .txt or .md)",
                           "out_format", path=path)
    return found


def anonymise_file(source: Path, to: str, *, names: Iterable[str] = (),
                   employers: Mapping[str, str] | None = None) -> AnonymisedCv:
    """`to`: the output's format. A Word CV written as Word keeps its layout; any other
    becomes its anonymised text in the format asked."""
    from cockpit.cv import write

    read = extract(source)
    if read.scanned:
        raise CvUnreadable(f"{source}: a scanned PDF (no text layer): there is no text to "
                           "anonymise; ask the freelance for the Word or text version",
                           "scanned", path=source)
    if not read.text.strip():
        raise CvUnreadable(f"{source}: the CV has no text", "no_text", path=source)
    employers = with_table_employers(read.text, employers or {})
    all_names = [*names, *find_names(read.text, employers)]
    whole = anonymise(read.text, names=all_names, employers=employers, find=False)
    if to == "docx" and read.format == "docx":
        found: list[Replacement] = []

        def paragraph(text: str) -> str:
            result = anonymise(text, names=all_names, employers=employers, find=False)
            found.extend(r for r in result.replacements if r not in found)
            return result.text

        data = write.anonymise_docx(source, paragraph)
        return AnonymisedCv(data, to, whole.text, tuple(found))
    if to == "docx":
        data = write.text_to_docx(whole.text)
    elif to == "pdf":
        data = write.text_to_pdf(whole.text)
    else:
        data = whole.text.encode("utf-8")
    return AnonymisedCv(data, to, whole.text, whole.replacements)
