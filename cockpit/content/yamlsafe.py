"""YAML read strictly, with the line of every value: duplicate keys and YAML 1.1 traps
(on/off/yes/no read as booleans, 12:30 read as 750, 0690 read as a number) are problems,
not silent surprises."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class LMap(dict[str, Any]):
    """A mapping that remembers where it and each of its keys stand."""

    line: int = 0
    key_lines: dict[str, int]


class LList(list[Any]):
    line: int = 0
    lines: list[int]


# libyaml parses several times faster; the pure-Python parser gives the same nodes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_WORDS = {"true", "false"}
_SEXAGESIMAL = re.compile(r"^[-+]?\d+(:[0-5]?\d)+(\.\d*)?$")


# Aliases (*name) repeat an anchored value: nested, a few lines expand into billions of
# values ("billion laughs"; 3 GB and half a minute before these limits). Hand-written content
# uses few, and the whole of the shipped content is some thousands of values.
MAX_ALIASES = 100
MAX_VALUES = 100_000


class _TooBig(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _line_of(event: yaml.Event) -> int:
    """The line an event starts on, from 1 (0: unknown; the parser marks every event)."""
    return 0 if event.start_mark is None else event.start_mark.line + 1


def _aliases(text: str, path: str) -> tuple[Problem | None, int]:
    """A problem when the text uses more aliases than content needs, and the line of its
    first alias (0: none). Parsing events is cheap: nothing is expanded."""
    count = first = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                count += 1
                first = first or _line_of(event)
                if count > MAX_ALIASES:
                    return Problem(path, _line_of(event),
                                   f"more than {MAX_ALIASES} aliases (*name): refused, the "
                                   "file could expand without end; write the values out"), first
    except yaml.YAMLError:
        pass  # the syntax error is reported by compose, with its line
    return None, first


def load(text: str, path: str, problems: list[Problem]) -> Any:
    """Parse `text`; problems are appended, the best-effort value returned (None on failure)."""
    too_many, first_alias = _aliases(text, path)
    if too_many is not None:
        problems.append(too_many)
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problems.append(Problem(path, line, f"YAML syntax error: {exc.problem or exc}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(path, 1, f"YAML error: {exc}"))
        return None
    if node is None:
        return None
    budget = [MAX_VALUES]
    try:
        return _convert(node, path, problems, budget)
    except _TooBig as exc:
        problems.append(Problem(path, first_alias or exc.line,
                                f"more than {MAX_VALUES} values once its aliases (*name) are "
                                "expanded: refused, write the values out"))
        return None


def _convert(node: yaml.Node, path: str, problems: list[Problem], budget: list[int]) -> Any:
    line = node.start_mark.line + 1
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(line)
    if isinstance(node, yaml.MappingNode):
        result = LMap()
        result.line = line
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, problems, budget)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                problems.append(Problem(path, key_line, f"key {key!r} must be text"))
                key = str(key)
            if key in result:
                problems.append(Problem(path, key_line, f"duplicate key {key!r} (first at line "
                                                        f"{result.key_lines[key]})"))
                continue
            result[key] = _convert(value_node, path, problems, budget)
            result.key_lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LList()
        items.line = line
        items.lines = []
        for child in node.value:
            items.append(_convert(child, path, problems, budget))
            items.lines.append(child.start_mark.line + 1)
        return items
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path, problems)
    raise TypeError(f"{path}:{line}: not a YAML node: {node!r}")  # compose makes only these


def _scalar(node: yaml.ScalarNode, path: str, problems: list[Problem]) -> Any:
    raw = node.value
    line = node.start_mark.line + 1
    if node.style:  # quoted or block scalar: always text (plain is None, or "" with libyaml)
        return raw
    tag = node.tag
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        if raw.lower() in _BOOL_WORDS:
            return raw.lower() == "true"
        problems.append(Problem(path, line, f"{raw!r} would be read as a yes/no value by YAML "
                                            f"1.1; write true/false, or quote it: \"{raw}\""))
        return raw
    if tag.endswith(":int") or tag.endswith(":float"):
        digits = raw.lstrip("+-")
        if _SEXAGESIMAL.match(raw):
            problems.append(Problem(path, line, f"{raw!r} would be read as a base-60 number by "
                                                f"YAML 1.1; quote it: \"{raw}\""))
            return raw
        if len(digits) > 1 and digits.startswith("0") and digits[1:2].isdigit():
            problems.append(Problem(path, line, f"{raw!r} has a leading zero (read as octal or "
                                                f"a number); quote it: \"{raw}\""))
            return raw
        try:
            return int(raw) if tag.endswith(":int") else float(raw)
        except ValueError:
            return raw
    return raw
