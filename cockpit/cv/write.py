"""The anonymised CV as a file: a Word CV keeps its own layout (styles, tables, lists,
headers and footers) with only its personal parts replaced, run by run, and its pictures
removed; any other CV (a PDF, a text) becomes a clean Word file or a PDF from its text.

`anonymise` is the text step (a paragraph in, the paragraph anonymised out): this module
knows files, not what is personal."""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from cockpit.domain.text import fold

Anonymise = Callable[[str], str]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# What holds a picture (or an embedded object) in a paragraph's run.
_PICTURES = (f"{_W}drawing", f"{_W}pict", f"{_W}object")
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def anonymise_docx(source: Path, anonymise: Anonymise) -> bytes:
    """The Word file `source` with each paragraph anonymised where it stands (body, tables,
    text boxes, headers, footers), its pictures and links' targets removed, and its
    properties (author, title…) emptied."""
    import docx

    from cockpit.cv.read import check_unpacked

    check_unpacked(source)
    document = docx.Document(str(source))
    parts: list[Any] = [document.part]
    for section in document.sections:
        for hf in (section.header, section.footer, section.first_page_header,
                   section.first_page_footer, section.even_page_header,
                   section.even_page_footer):
            if not hf.is_linked_to_previous and hf.part not in parts:
                parts.append(hf.part)
    # Comments, footnotes and endnotes are text of the CV too (python-docx reads some of
    # them as plain parts: their XML is parsed here and put back).
    plain: list[tuple[Any, Any]] = []
    for part in document.part.package.iter_parts():
        if str(part.partname).rsplit("/", 1)[-1] in _NOTES and part not in parts:
            if hasattr(part, "element"):
                parts.append(part)
            else:
                plain.append((part, etree.fromstring(part.blob)))
    roots = [(part, part.element) for part in parts] + plain
    for part, root in roots:
        _remove_pictures(root)
        _remove_revisions_traces(root)
        _unwrap_links(root)
        for paragraph in list(root.iter(f"{_W}p")):
            _anonymise_paragraph(paragraph, anonymise)
        for instruction in root.iter(f"{_W}instrText"):  # HYPERLINK "mailto:…" fields
            if instruction.text and re.search(r"HYPERLINK|MAILTO", instruction.text, re.I):
                instruction.text = " "
        for rid, rel in list(part.rels.items()):
            if rel.reltype in (_IMAGE, _HYPERLINK):
                part.rels.pop(rid)
    for part, root in plain:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)
    _clear_properties(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_NOTES = ("comments.xml", "footnotes.xml", "endnotes.xml", "commentsExtended.xml")
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_APP_FIELDS = ("Company", "Manager")


def _remove_revisions_traces(root: Any) -> None:
    """Deleted text kept by tracked changes goes (it may be the old phone number), and so do
    the authors' names on changes and comments."""
    for deleted in list(root.iter(f"{_W}del")):
        deleted.getparent().remove(deleted)
    for element in root.iter():
        for attribute in (f"{_W}author", f"{_W}initials"):
            if attribute in element.attrib:
                element.set(attribute, "")


def _remove_pictures(root: Any) -> None:
    for tag in _PICTURES:
        for element in list(root.iter(tag)):
            element.getparent().remove(element)


def _unwrap_links(root: Any) -> None:
    """A link's runs stay (anonymised like any text), its target (a URL, a mailto:) goes."""
    for link in list(root.iter(f"{_W}hyperlink")):
        parent = link.getparent()
        index = parent.index(link)
        for child in list(link):
            parent.insert(index, child)
            index += 1
        parent.remove(link)


_BREAKS = {f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}tab": "\t"}


def _own_texts(paragraph: Any) -> list[Any]:
    """The w:t of this paragraph, and its line breaks and tabs (a name must not run into the
    next line's word), not those of a paragraph nested in it (a text box)."""
    tags = {f"{_W}t", *_BREAKS}
    return [e for e in paragraph.iter(*tags)
            if next(e.iterancestors(f"{_W}p"), None) is paragraph
            and not (e.tag == f"{_W}tab" and e.getparent().tag != f"{_W}r")]  # tab stops


def _anonymise_paragraph(paragraph: Any, anonymise: Anonymise) -> None:
    """The paragraph is anonymised as one text (a name split over two runs is still seen);
    each run keeps its own characters where unchanged, and a replacement goes into the run
    where the replaced part began — so bold, italics and fonts stay where they were."""
    elements = _own_texts(paragraph)
    pieces = [_BREAKS.get(e.tag, e.text or "") for e in elements]
    whole = "".join(pieces)
    if not whole.strip():
        return
    changed = anonymise(whole)
    if changed == whole:
        return
    writable = [e.tag == f"{_W}t" for e in elements]
    owner: list[int] = []  # the text element each character goes back to
    last = next((i for i, w in enumerate(writable) if w), 0)
    for index, piece in enumerate(pieces):
        if writable[index]:
            last = index
        owner.extend([index if writable[index] else -1] * len(piece))
    new = [""] * len(pieces)
    # Compared word by word: a name replaced is one change, not letters kept here and there.
    before, after = _TOKEN.findall(whole), _TOKEN.findall(changed)
    starts = [0]
    for token in before:
        starts.append(starts[-1] + len(token))
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for at in range(starts[i1], starts[i2]):
                if owner[at] >= 0:  # a break stays the element it is
                    new[owner[at]] += whole[at]
        elif j2 > j1:  # replace or insert: into the text where the change begins
            at = starts[i1]
            target = next((owner[k] for k in range(at, len(owner)) if owner[k] >= 0), last)
            new[target] += "".join(after[j1:j2]).replace("\n", " ")
    for element, text, keep in zip(elements, new, writable, strict=True):
        if not keep:
            continue
        element.text = text
        if text != text.strip():
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


_TOKEN = re.compile(r"\w+|\W", re.UNICODE)


def _clear_properties(document: Any) -> None:
    """The author, title… (often the freelance's name), the company in the application's
    properties, and the thumbnail of the first page (it shows the photo)."""
    props = document.core_properties
    for name in ("author", "last_modified_by", "title", "subject", "keywords", "comments",
                 "category", "identifier"):
        setattr(props, name, "")
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            package.rels.pop(rid)
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml" and not hasattr(part, "element"):
            root = etree.fromstring(part.blob)
            for element in root:
                if etree.QName(element).localname in _APP_FIELDS:
                    element.text = ""
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)


# -- from text --------------------------------------------------------------------------------


_SECTIONS = {"competences", "competences techniques", "experiences", "experience",
             "experiences professionnelles", "experience professionnelle", "formation",
             "formations", "langues", "certifications", "profil", "centres d'interet",
             "loisirs", "projets", "references", "diplomes", "outils", "missions",
             "environnement technique", "parcours", "skills"}


def _lines(text: str) -> Iterator[tuple[str, str]]:
    """Each line with its kind: a Markdown heading, a list item, a table row or a paragraph."""
    for line in text.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", stripped)
        if heading:
            yield f"h{len(heading.group(1))}", heading.group(2)
        elif fold(stripped.rstrip(" :")) in _SECTIONS:  # a PDF's headings have no mark
            yield "h2", stripped.rstrip(" :")
        elif re.match(r"^[-*•]\s+", stripped):
            yield "item", re.sub(r"^[-*•]\s+", "", stripped)
        elif stripped:
            yield "p", stripped.replace("**", "")
        else:
            yield "blank", ""


def text_to_docx(text: str) -> bytes:
    """A clean Word file from an anonymised text (a PDF's, a plain text's)."""
    import docx

    document = docx.Document()
    for kind, line in _lines(text):
        if kind.startswith("h"):
            document.add_heading(line, level=int(kind[1]))
        elif kind == "item":
            document.add_paragraph(line, style="List Bullet")
        elif kind == "p":
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
          Path("/Library/Fonts/Arial Unicode.ttf"))
# Without a Unicode font, the PDF's own fonts know Latin-1 only: these are said in it.
_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-",
                         "…": "...", "œ": "oe", "Œ": "OE", "€": "EUR", "•": "-", "·": "-",
                         "\u00a0": " ", "\u202f": " "})


def text_to_pdf(text: str) -> bytes:
    """A simple PDF from an anonymised text: headings bold, items with a dash."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    font = next((f for f in _FONTS if f.exists()), None)
    if font is not None:
        pdf.add_font("cv", "", str(font))
        bold = font.with_name(font.stem + "-Bold.ttf")
        pdf.add_font("cv", "B", str(bold if bold.exists() else font))
        family = "cv"
    else:
        family = "helvetica"

    def said(line: str) -> str:
        if font is not None:
            return line
        return line.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    for kind, line in _lines(text):
        if kind.startswith("h"):
            pdf.set_font(family, "B", {"h1": 16, "h2": 13, "h3": 11}[kind])
            pdf.multi_cell(0, 8, said(line), new_x="LMARGIN", new_y="NEXT")
        elif kind == "blank":
            pdf.ln(3)
        else:
            pdf.set_font(family, "", 10)
            prefix = "- " if kind == "item" else ""
            pdf.multi_cell(0, 5, said(prefix + line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
