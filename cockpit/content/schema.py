"""The keys each YAML object may hold, and a checker that says what is wrong and where."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from cockpit.content.yamlsafe import LList, LMap, Problem

# key -> (expected python type(s), required)
SCRIPT_KEYS = {"id": (str, True), "title": (str, True), "audience": (str, True),
               "start": (str, True), "steps": (dict, True)}
STEP_KEYS = {"title": (str, True), "say": (str, True), "hint": (str, False),
             "capture": (list, False), "answers": (list, False), "objections": (list, False),
             "end": (str, False)}
CAPTURE_KEYS = {"key": (str, True), "label": (str, True), "type": (str, False),
                "required": (bool, False), "choices": (list, False), "stores": (str, False)}
ANSWER_KEYS = {"label": (str, True), "goto": (str, False), "end": (str, False)}
OBJECTION_KEYS = {"id": (str, True), "label": (str, True), "reply": (str, True),
                  "heard": (list, False), "scripts": (list, False), "hint": (str, False),
                  "capture": (list, False), "then": ((str, dict), False),
                  "answers": (list, False)}
PERSONA_KEYS = {"id": (str, True), "name": (str, True), "summary": (str, True),
                "kind": (str, True), "drivers": (list, False), "blockers": (list, False),
                "listen_for": (list, False), "do": (list, False)}
ROLE_KEYS = {"company_kind": (str, True), "title": (str, True), "decision_maker": (bool, True),
             "aliases": (list, False), "description": (str, False)}

_TYPE_NAMES = {str: "text", dict: "a mapping", list: "a list", bool: "true or false"}


def line_of(container: Any, key: str | int | None = None) -> int:
    if key is not None and isinstance(container, LMap):
        return container.key_lines.get(str(key), container.line)
    if key is not None and isinstance(container, LList) and isinstance(key, int):
        return container.lines[key] if key < len(container.lines) else container.line
    return getattr(container, "line", 1)


def check_object(value: Any, keys: Mapping[str, tuple[Any, bool]], what: str, path: str,
                 line: int, problems: list[Problem]) -> bool:
    """Unknown keys (with a suggestion), missing keys, wrong types. False if not a mapping."""
    if not isinstance(value, dict):
        problems.append(Problem(path, line, f"{what} must be a mapping of keys"))
        return False
    for key in value:
        if key not in keys:
            close = difflib.get_close_matches(key, list(keys), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(Problem(path, line_of(value, key),
                                    f"{what}: unknown key {key!r}{hint}"))
    for key, (kind, required) in keys.items():
        if key not in value or value[key] is None:
            if required:
                problems.append(Problem(path, line, f"{what}: missing key {key!r}"))
            continue
        if not isinstance(value[key], kind) or (kind is str and value[key] == ""):
            names = kind if isinstance(kind, tuple) else (kind,)
            expected = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in names)
            if kind is str and value[key] == "":
                problems.append(Problem(path, line_of(value, key), f"{what}: {key!r} is empty"))
            else:
                problems.append(Problem(path, line_of(value, key),
                                        f"{what}: {key!r} must be {expected}"))
    return True


def text_list(
    value: Any, what: str, path: str, line: int, problems: list[Problem]
) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(path, line, f"{what} must be a list of texts"))
        return ()
    return tuple(value)
