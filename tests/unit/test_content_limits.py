"""Content files that would eat the machine are refused quickly, with FILE:LINE: an alias bomb,
a file of megabytes; an empty objections file is refused too (no reply during calls)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.cli import main
from cockpit.content.loader import check_content
from cockpit.content.yamlsafe import load

# Nine levels of nine aliases: 9**9 (387 million) values once expanded.
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True))


def _messages(root: Path) -> list[str]:
    return [str(p) for p in check_content(root)]


def test_an_alias_bomb_is_refused_at_its_first_alias(copy: Path) -> None:
    (copy / "personas.yaml").write_text(BOMB, encoding="utf-8")
    assert _messages(copy) == ["personas.yaml:2: more than 100000 values once its aliases "
                               "(*name) are expanded: refused, write the values out"]


def test_too_many_aliases_are_refused_where_they_pass_the_limit(copy: Path) -> None:
    lines = "base: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(150))
    (copy / "personas.yaml").write_text(lines, encoding="utf-8")
    messages = _messages(copy)
    assert len(messages) == 1 and messages[0].startswith("personas.yaml:102: more than 100 "
                                                         "aliases")


def test_a_few_aliases_still_work() -> None:
    problems: list = []
    value = load("where: &where [do, standard]\nagain: *where\n", "f.yaml", problems)
    assert problems == [] and value == {"where": ["do", "standard"], "again": ["do", "standard"]}


def test_a_file_of_megabytes_is_refused_unread(copy: Path) -> None:
    (copy / "scripts" / "standard.yaml").write_text("# " + "x" * 1_200_000, encoding="utf-8")
    assert "scripts/standard.yaml:1: the file is 1.2 MB; a content file stays under 1 MB (is " \
        "it the right file?)" in _messages(copy)


@pytest.mark.parametrize("text", ["", "# to do\n", "objections: []\n"])
def test_no_objection_is_an_error_not_content_ok(copy: Path, text: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (copy / "objections.yaml").write_text(text, encoding="utf-8")
    assert main(["check", "--content", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "objections.yaml:1: no objection defined: none would be offered during calls" in out
    assert "content OK" not in out
