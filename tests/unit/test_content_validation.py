"""Bad content is refused with FILE:LINE messages, every problem at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cockpit.content.loader import ContentErrors, check_content, load_content
from cockpit.paths import content_dir


def _edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _messages(root: Path) -> list[str]:
    return [str(p) for p in check_content(root)]


def test_unknown_step_target_names_file_line_and_suggestion(copy: Path) -> None:
    line = _edit(copy / "scripts/do.yaml", "goto: how_we_work", "goto: how_we_wrk")
    assert (f"scripts/do.yaml:{line}: step 'intro' answer 2 goes to unknown step 'how_we_wrk' "
            "of 'do' (did you mean 'how_we_work'?)") in _messages(copy)


def test_unknown_key_with_did_you_mean(copy: Path) -> None:
    line = _edit(copy / "scripts/standard.yaml", "    hint: >-\n      Nommez",
                 "    hnit: >-\n      Nommez")
    assert any(m.startswith(f"scripts/standard.yaml:{line}: step 'ask_for_do': unknown key "
                            "'hnit' (did you mean 'hint'?)") for m in _messages(copy))


def test_duplicate_key(copy: Path) -> None:
    _edit(copy / "scripts/do.yaml", "    title: Présentation\n",
          "    title: Présentation\n    title: Encore\n")
    assert any("duplicate key 'title'" in m for m in _messages(copy))


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("required: true", "required: yes", "would be read as a yes/no value"),
    ("label: Rappeler le", "label: 12:30", "base-60 number"),
    ("label: Ligne directe", "label: 0612", "leading zero"),
])
def test_yaml_11_traps_are_refused(copy: Path, old: str, new: str, expected: str) -> None:
    line = _edit(copy / "scripts/standard.yaml", old, new)
    assert any(m.startswith(f"scripts/standard.yaml:{line}:") and expected in m
               for m in _messages(copy)), _messages(copy)


def test_yaml_syntax_error_has_its_line(copy: Path) -> None:
    (copy / "personas.yaml").write_text("personas:\n  - id: x\n    name: [unclosed\n")
    messages = _messages(copy)
    assert any(m.startswith("personas.yaml:") and "YAML syntax error" in m for m in messages)


def test_unreachable_step_and_step_with_no_way_out(copy: Path) -> None:
    path = copy / "scripts/freelance.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  orphan:\n    title: Orpheline\n    say: Bonjour.\n",
                    encoding="utf-8")
    line = text.count("\n") + 1  # the line of "orphan:"
    messages = _messages(copy)
    assert f"scripts/freelance.yaml:{line}: step 'orphan' cannot be reached from any start" \
        in messages
    assert f"scripts/freelance.yaml:{line}: step 'orphan' has no way out (no answers, no end)" \
        in messages


def test_unknown_placeholder_and_objection_and_outcome(copy: Path) -> None:
    _edit(copy / "scripts/do.yaml", "{contact.greeting}, je suis {caller.first_name}",
          "{contact.lastname}, je suis {caller.first_name}")
    _edit(copy / "scripts/standard.yaml", "end: wrong_number", "end: wrong_numbr")
    _edit(copy / "objections.yaml", "goto: do:referencing", "goto: do:referenzing")
    messages = _messages(copy)
    assert any("unknown placeholder {contact.lastname} (did you mean {contact.last_name}?)" in m
               for m in messages)
    assert any("unknown outcome 'wrong_numbr' (did you mean 'wrong_number'?)" in m
               for m in messages)
    assert any(m.startswith("objections.yaml:") and "unknown step 'referenzing'" in m
               for m in messages)
    assert len(messages) >= 3  # every problem, not only the first


def test_missing_script_file_and_wrong_id(copy: Path) -> None:
    (copy / "scripts/freelance.yaml").unlink()
    _edit(copy / "scripts/do.yaml", "id: do", "id: dm")
    messages = _messages(copy)
    assert "scripts/freelance.yaml:0: file is missing" in messages
    assert any("script id 'dm' must equal the file name 'do'" in m for m in messages)


def test_choice_without_choices_and_unknown_store(copy: Path) -> None:
    _edit(copy / "scripts/freelance.yaml", "        choices: [disponible, en mission, préavis]\n",
          "")
    _edit(copy / "scripts/freelance.yaml", "stores: freelance.day_rate",
          "stores: freelance.dayrate")
    messages = _messages(copy)
    assert any("type 'choice' needs 'choices'" in m for m in messages)
    assert any("unknown 'stores' target 'freelance.dayrate'" in m for m in messages)


def test_load_content_refuses_bad_content_as_a_whole(copy: Path) -> None:
    _edit(copy / "scripts/do.yaml", "start: intro", "start: intr")
    with pytest.raises(ContentErrors) as caught:
        load_content(copy)
    assert "start step 'intr' does not exist" in str(caught.value)


def test_cli_check_exit_codes(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cockpit.cli import main

    assert main(["check", "--content", str(copy)]) == 0
    _edit(copy / "scripts/do.yaml", "start: intro", "start: intr")
    assert main(["check", "--content", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "scripts/do.yaml:" in out and "1 problème dans" in out


def test_a_capture_placeholder_without_a_fallback_is_refused_at_its_line(tmp_path) -> None:

    from cockpit.content.loader import check_content

    folder = tmp_path / "content"
    shutil.copytree(content_dir() / "scripts", folder / "scripts")
    for name in ("objections.yaml", "personas.yaml"):
        shutil.copy(content_dir() / name, folder / name)
    script = folder / "scripts" / "freelance.yaml"
    text = script.read_text(encoding="utf-8")
    assert "{capture.day_rate|" in text
    script.write_text(text.replace("{capture.day_rate|ce tarif}", "{capture.day_rate}"),
                      encoding="utf-8")
    problems = [str(p) for p in check_content(folder)]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "rate_effort:" in row)
    where = f"scripts/freelance.yaml:{line}:"
    assert any(p.startswith(where) and "{capture.day_rate} has no fallback" in p
               for p in problems), problems
