"""A short command's line read without argparse (commands/quick.py) gives what argparse gives,
or leaves the line to argparse: its tables are the parsers' own declarations, and on many
lines, typed right or wrong, the two readings never disagree."""

from __future__ import annotations

import argparse
import random
from importlib import import_module

import pytest

from cockpit.commands.parsing import build_parser
from cockpit.commands.quick import FLAG, SPECS, TEXT, TOP, Spec, quick_parse

AT = "2026-11-23T10:42:00+01:00"


def _declared(parser: argparse.ArgumentParser, module: object | None) -> Spec:
    """The Spec a parser's own actions make (what quick.py's tables must say)."""
    options: dict[str, tuple[str, object]] = {}
    defaults: dict[str, object] = {}
    positional = None
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction
                      | argparse._SubParsersAction):
            continue
        if isinstance(action, argparse._StoreTrueAction):
            kind: object = FLAG
        elif action.choices is not None:
            kind = tuple(action.choices)
        elif action.type is None:
            kind = TEXT
        else:
            name = action.type.__name__  # type: ignore[union-attr]
            assert getattr(module, name) is action.type, name
            kind = name
        if not action.option_strings:
            assert action.nargs == "+"
            positional = (action.dest, kind)
            continue
        for option in action.option_strings:
            options[option] = (action.dest, kind)
        if action.default is not argparse.SUPPRESS:
            defaults[action.dest] = action.default
    groups = tuple(tuple(option for action in group._group_actions
                         for option in action.option_strings)
                   for group in parser._mutually_exclusive_groups)
    return Spec(options, defaults, groups, positional)  # type: ignore[arg-type]


def _sub(name: str) -> argparse.ArgumentParser:
    parser = build_parser([name])
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sub.choices[name]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_the_tables_are_what_the_parsers_declare(name: str) -> None:
    assert _declared(_sub(name), import_module(f"cockpit.commands.{name}")) == SPECS[name]


def test_the_top_table_is_the_top_parser_s() -> None:
    declared = _declared(build_parser(["queue"]), None)
    assert (declared.options, declared.defaults) == (TOP.options, TOP.defaults)


def _argparse(argv: list[str]) -> dict[str, object] | None:
    try:
        return vars(build_parser(argv).parse_args(argv))
    except SystemExit:
        return None


VALUES = ["50", "0", "-3", "abc", "", AT, "25/11 14h30", "demain 10h", "2026-W48", "12", "fr",
          "en", "de", "md", "csv", "html", "Alice", "x" * 2100, "1e3", "99999999999999999999"]
WORDS = ["martin", "queue", "Élodie", "-x", "--", "-h", "--help", "--version", "-", "="]


def _line(rng: random.Random, name: str) -> list[str]:
    spec = SPECS[name]
    options = [*spec.options, *TOP.options]
    line: list[str] = []
    for _ in range(rng.randrange(0, 2)):  # top-level options before the command
        line += [rng.choice(list(TOP.options)), rng.choice(VALUES)]
    line.append(name)
    for _ in range(rng.randrange(0, 5)):
        roll = rng.random()
        option = rng.choice(options)
        if roll < 0.45:
            line += [option, rng.choice(VALUES)]
        elif roll < 0.65:
            line.append(f"{option}={rng.choice(VALUES)}")
        elif roll < 0.75:
            line.append(option)
        elif roll < 0.8:
            line.append(option[:-1])  # abbreviated: argparse's to read
        else:
            line.append(rng.choice([*WORDS, "martin", "dupont"]))
    return line


@pytest.mark.parametrize("name", sorted(SPECS))
def test_on_many_lines_both_readings_agree_or_argparse_reads(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(name)
    read = 0
    for _ in range(1500):
        line = _line(rng, name)
        quick = quick_parse(line)
        full = _argparse(line)
        capsys.readouterr()  # argparse's refusals
        if quick is not None:
            read += 1
            assert full is not None, line  # never a line argparse refuses
            assert vars(quick) == full, line
    assert read > 50  # the usual lines are read without argparse


@pytest.mark.parametrize("line", [
    ["queue", "--limit", "50", "--at", AT], ["queue", f"--at={AT}", "--why"],
    ["--db", "sqlite:///x.sqlite", "next"], ["next", "--lang", "en", "--caller", "Bea"],
    ["reminders"], ["reminders", "--done", "12"], ["report", "--date", "2026-11-23"],
    ["report", "--week", "2026-W48", "--format", "csv", "--out", "r.csv", "--force"],
    ["search", "martin", "dupont", "--limit", "3"], ["search", "--limit", "3", "06 12"],
    ["agenda", "--week"], ["agenda", "--day", "2026-11-23", "--all"],
], ids=" ".join)
def test_the_usual_lines_are_read_without_argparse(line: list[str]) -> None:
    quick = quick_parse(line)
    assert quick is not None and vars(quick) == _argparse(line)


@pytest.mark.parametrize("line", [
    ["queue", "--lim", "5"], ["queue", "--limit", "x"], ["queue", "--limit"], ["queue", "-h"],
    ["queue", "--why=yes"], ["reminders", "--done", "1", "--snooze", "2"],
    ["report", "--date", "2026-11-23", "--week", "2026-W48"], ["report", "--format", "pdf"],
    ["search"], ["search", "a", "--limit", "3", "b"], ["search", "--", "-x"],
    ["next", "extra"], ["--version"], ["queue", "--caller", "-Bea"],
    ["agenda", "--week", "--month"],
], ids=" ".join)
def test_anything_else_is_left_to_argparse(line: list[str]) -> None:
    assert quick_parse(line) is None
