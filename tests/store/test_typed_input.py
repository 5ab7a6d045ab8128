"""Garbage typed on the command line gets one line and exit code 2, never a traceback; what is
wrong but was taken before (a negative budget, year 0001, a past reminder) is refused too."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.cli import build_parser, main

# The calendar's first and last days too: `report --date 0001-01-01` and `agenda --day` crashed.
GARBAGE = [str(2**63), "-1", "abc", "", "9" * 30, "x" * 1_000_000, "0001-01-01", "9999-12-31"]

# Every argument typed as a number or a date, in a command line that is valid otherwise.
TYPED = {
    ("audit", "--limit"): ["audit", "--limit", "{}"],
    ("demo", "--seed"): ["demo", "--seed", "{}"],
    ("demo", "--scale"): ["demo", "--scale", "{}"],
    ("match", "need"): ["match", "{}"],
    ("match", "--limit"): ["match", "1", "--limit", "{}"],
    ("match", "--propose"): ["match", "1", "--propose", "{}"],
    ("needs", "--show"): ["needs", "--show", "{}"],
    ("needs", "--contact"): ["needs", "--add", "title=Dev", "--contact", "{}"],
    ("portfolio", "--add"): ["portfolio", "--add", "{}"],
    ("portfolio", "--remove"): ["portfolio", "--remove", "{}"],
    ("queue", "--limit"): ["queue", "--limit", "{}"],
    ("queue", "--at"): ["queue", "--at", "{}"],
    ("recap", "id"): ["recap", "need", "{}"],
    ("freelance", "id"): ["freelance", "cv", "{}"],
    ("recap", "--need"): ["recap", "freelance", "1", "--need", "{}"],
    ("reminders", "--done"): ["reminders", "--done", "{}"],
    ("reminders", "--snooze"): ["reminders", "--snooze", "{}", "--until", "demain 10h"],
    ("reminders", "--reassign"): ["reminders", "--reassign", "{}", "--to", "x"],
    ("reminders", "--until"): ["reminders", "--snooze", "1", "--until", "{}"],
    ("report", "--date"): ["report", "--date", "{}"],
    ("report", "--week"): ["report", "--week", "{}"],
    ("purge", "--older-than"): ["purge", "--older-than", "{}", "--dry-run"],
    ("person", "who"): ["person", "export", "{}"],
    ("activity", "--days"): ["activity", "--days", "{}"],
    ("activity", "--limit"): ["activity", "--limit", "{}"],
    ("activity", "--to-queue"): ["activity", "--to-queue", "{}"],
    ("add", "values"): ["add", "contact", "{}"],
    ("agenda", "--day"): ["agenda", "--day", "{}"],
    ("search", "--limit"): ["search", "dupont", "--limit", "{}"],
}
DATES = {"--at", "--until", "--date", "--week", "--older-than"}


@pytest.fixture
def db(tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, path)
    monkeypatch.setenv("COCKPIT_DB", f"sqlite:///{path}")
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T10:42:00+01:00")
    return path


def _one_line_refusal(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2, argv[:4]
    captured = capsys.readouterr()
    err = captured.err
    assert err.count("\n") == 1 and "Traceback" not in err, err[:300]
    assert len(err) < 400, err[:300]  # the value quoted, not repeated in full
    return err


def test_every_number_and_date_argument_is_walked() -> None:
    """A new argument typed as a number or a date must join TYPED (and so be tried here)."""
    from cockpit.commands import NAMES

    found = set()
    for name in NAMES:
        parser = build_parser([name])
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        for action in _actions(sub.choices[name]):
            typed = action.type not in (None, str) or (
                action.nargs != 0 and any(o in DATES for o in action.option_strings))
            kind = getattr(action.type, "__name__", "")
            if typed and kind not in ("short_text", "_text"):  # free text: any is fine
                found.add((name, action.option_strings[-1] if action.option_strings
                           else action.dest))
    assert found == set(TYPED)


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    actions = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                actions.extend(_actions(child))
        else:
            actions.append(action)
    return actions


@pytest.mark.parametrize("where", sorted(TYPED), ids=lambda w: f"{w[0]}{w[1]}")
@pytest.mark.parametrize("value", GARBAGE, ids=["2**63", "-1", "abc", "empty", "30x9", "1MB",
                                            "year1", "year9999"])
def test_garbage_in_a_typed_argument_gets_one_line(where: tuple[str, str], value: str,
                                                   db: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    if where == ("person", "who") and value in ("-1", "abc", ""):
        pytest.skip("-1, abc are names a person may be searched by (refused as not found)")
    argv = [value if part == "{}" else part for part in TYPED[where]]
    _one_line_refusal(argv, capsys)


@pytest.mark.parametrize("argv", [
    ["needs", "--add", "title=Dev Java", "budget_rate=99999999999999999999999"],
    ["needs", "--add", "title=Dev Java", "budget_rate=-500"],
    ["needs", "--add", "title=Dev\nJava"],
    ["queue", "--at", "9999-12-31T23:59:59-12:00"],
    ["reminders", "--snooze", "1", "--until", "01/01/0001"],
    ["reminders", "--snooze", "1", "--until", "01/06/2025 10h"],  # already passed
    ["report", "--date", "9999-12-31"],
    ["report", "--week", "9999-W52"],
    ["person", "export", "a" * 1_000_000 + "@example.fr"],
])
def test_values_taken_before_are_refused(argv: list[str], db: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _one_line_refusal(argv, capsys)


def test_a_refusal_quotes_at_most_eighty_characters(db: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    err = _one_line_refusal(["needs", "--show", "7" * 200], capsys)
    assert "7" * 80 not in err and "7" * 70 in err and "…" in err


@pytest.mark.parametrize("argv", [
    ["reminders", "--all"], ["queue", "--why"], ["activity"], ["agenda", "--month"],
    ["search", "a"], ["needs"], ["portfolio"],
])
def test_a_reader_gone_stops_the_listing_quietly(argv: list[str], db: Path) -> None:
    # `cockpit reminders | head`: the reader closes the pipe before the listing is written;
    # the command stops as a shell reports it (141), whatever prints it (rich's tables too).
    process = subprocess.Popen([sys.executable, "-m", "cockpit", *argv],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait() == 141 and "Traceback" not in err and "Error" not in err, err
