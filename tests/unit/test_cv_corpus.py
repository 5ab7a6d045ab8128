"""The generated corpus (tests/cv_corpus.py): 40 French CVs in .txt, .md, .docx, .pdf and
.odt, each anonymised into its natural output (a Word CV into Word, a PDF into Word and into
PDF, a text into text), the result read back from the file written: no personal value and
no employer's name is left, and every skill, date, duration, title and task is there word
for word."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from cockpit.cv.anonymised import anonymise_file
from cockpit.cv.read import extract
from cockpit.cv.sectors import employer_sectors
from cockpit.domain.text import fold
from tests.cv_corpus import Cv, write_corpus


def _flat(text: str) -> str:
    return " ".join(text.split())


def _left(value: str, text: str) -> bool:
    """`value` still in `text` as whole words; a name whatever its case and accents."""
    pattern = rf"(?<!\w){re.escape(_flat(value))}(?!\w)"
    return bool(re.search(pattern, text) or re.search(fold(pattern), fold(text)))


def _outputs(cv: Cv) -> list[str]:
    if cv.format in ("txt", "md"):
        return [cv.format]
    return ["docx", "pdf"] if cv.format == "pdf" else ["docx"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Cv]:
    return write_corpus(tmp_path_factory.mktemp("cvs"))


def test_the_corpus_has_every_format_and_kind(corpus: list[Cv]) -> None:
    formats = Counter(cv.format for cv in corpus)
    assert len(corpus) >= 30
    assert set(formats) == {"txt", "md", "docx", "pdf", "odt"}
    assert min(formats.values()) >= 6


def test_no_personal_data_and_no_employer_left_and_every_skill_kept(
        corpus: list[Cv], tmp_path: Path) -> None:
    employers = employer_sectors()
    leaks: list[str] = []
    lost: list[str] = []
    for cv in corpus:
        for to in _outputs(cv):
            result = anonymise_file(cv.path, to, employers=employers)
            written = tmp_path / f"{cv.path.stem}-anonymised.{to}"
            written.write_bytes(result.data)
            text = _flat(extract(written).text)
            leaks += [f"{cv.path.name}→{to}: {v}" for v in cv.gone if _left(v, text)]
            lost += [f"{cv.path.name}→{to}: {v}" for v in cv.kept if _flat(v) not in text]
    assert leaks == []
    assert lost == []


def test_anonymising_the_corpus_twice_changes_nothing(corpus: list[Cv]) -> None:
    from cockpit.domain.anonymise import anonymise

    employers = employer_sectors()
    for cv in corpus:
        if cv.format in ("txt", "md"):
            once = anonymise_file(cv.path, cv.format, employers=employers).text
            assert anonymise(once, employers=employers).text == once, cv.path.name
