"""Checks across files: targets exist, every step is reachable and has a way out, every
placeholder and objection named exists."""

from __future__ import annotations

import difflib
from typing import Any

from cockpit.content.yamlsafe import Problem
from cockpit.domain.placeholders import placeholders_in, without_fallback
from cockpit.domain.script import PLACEHOLDERS, ScriptSet, Target


def _target_problem(content: ScriptSet, target: Target) -> str | None:
    script = content.scripts.get(target.script)
    if script is None:
        close = difflib.get_close_matches(target.script, list(content.scripts), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"goes to unknown script {target.script!r}{hint}"
    if target.step not in script.steps:
        close = difflib.get_close_matches(target.step, list(script.steps), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"goes to unknown step {target.step!r} of {target.script!r}{hint}"
    return None


def check_graph(content: ScriptSet, wheres: dict[str, dict[str, Any]],
                objection_where: dict[str, Any], problems: list[Problem]) -> None:
    declared = {c.key for s in content.scripts.values() for st in s.steps.values()
                for c in st.captures}
    declared |= {c.key for o in content.objections.values() for c in o.captures}
    obj_path = objection_where.get("path", "objections.yaml")
    valid_targets: set[Target] = set()

    def placeholders(text: str, path: str, line: int, what: str) -> None:
        for name in without_fallback(text):
            group, _, key = name.partition(".")
            if group == "capture" and key in declared:
                # A capture is known only once typed: the text must say what shows before.
                problems.append(Problem(path, line, f"{what}: {{{name}}} has no fallback; "
                                        f"write it {{{name}|what to show before it is typed}}"))
        for name in placeholders_in(text):
            group, _, key = name.partition(".")
            if name in PLACEHOLDERS or (group == "capture" and key in declared):
                continue
            if group == "capture":
                problems.append(Problem(path, line, f"{what}: {{{name}}} names no capture key"))
                continue
            close = difflib.get_close_matches(name, sorted(PLACEHOLDERS), n=1)
            hint = f" (did you mean {{{close[0]}}}?)" if close else ""
            problems.append(Problem(path, line, f"{what}: unknown placeholder {{{name}}}{hint}"))

    for script in content.scripts.values():
        where = wheres[script.id]
        path = where["path"]
        if script.start not in script.steps:
            problems.append(Problem(path, where["start_line"],
                                    f"start step {script.start!r} does not exist"))
        for step in script.steps.values():
            line = where["lines"][step.id]
            what = f"step {step.id!r}"
            placeholders(step.say, path, line, what)
            placeholders(step.hint, path, line, what)
            if not step.answers and step.end is None:
                problems.append(Problem(path, line, f"{what} has no way out (no answers, no end)"))
            for index, answer in enumerate(step.answers):
                if answer.goto is None:
                    continue
                message = _target_problem(content, answer.goto)
                answer_line = where["answers"][step.id][index]
                if message:
                    problems.append(Problem(path, answer_line,
                                            f"{what} answer {index + 1} {message}"))
                else:
                    valid_targets.add(answer.goto)
            for objection_id in step.objections or ():
                if objection_id not in content.objections:
                    close = difflib.get_close_matches(objection_id, list(content.objections), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    problems.append(Problem(path, where["objections"][step.id],
                                            f"{what} names unknown objection "
                                            f"{objection_id!r}{hint}"))
    for objection in content.objections.values():
        line = objection_where["lines"].get(objection.id, 1)
        what = f"objection {objection.id!r}"
        placeholders(objection.reply, obj_path, line, what)
        for script_id in objection.scripts:
            if script_id not in content.scripts:
                problems.append(Problem(obj_path, objection_where.get("scripts", {}).get(
                    objection.id, line), f"{what} names unknown script {script_id!r}"))
        targets = [(a.goto, objection_where["answers"][objection.id][i])
                   for i, a in enumerate(objection.answers) if a.goto is not None]
        if isinstance(objection.then, Target):
            targets.append((objection.then, objection_where["then"].get(objection.id, line)))
        for target, target_line in targets:
            if not target.script:
                problems.append(Problem(obj_path, target_line,
                                        f"{what}: write the target as script:step"))
                continue
            message = _target_problem(content, target)
            if message:
                problems.append(Problem(obj_path, target_line, f"{what} {message}"))
    _reachability(content, wheres, problems)


def _reachability(content: ScriptSet, wheres: dict[str, dict[str, Any]],
                  problems: list[Problem]) -> None:
    """Every step can be reached from some script's start (scripts may be started directly)."""
    seen: set[Target] = set()
    todo = [Target(s.id, s.start) for s in content.scripts.values() if s.start in s.steps]
    while todo:
        target = todo.pop()
        if target in seen or target.script not in content.scripts:
            continue
        script = content.scripts[target.script]
        if target.step not in script.steps:
            continue
        seen.add(target)
        step = script.steps[target.step]
        todo.extend(a.goto for a in step.answers if a.goto is not None)
        for objection in content.objections_at(target.script, target.step):
            todo.extend(a.goto for a in objection.answers if a.goto is not None and a.goto.script)
            if isinstance(objection.then, Target) and objection.then.script:
                todo.append(objection.then)
    for script in content.scripts.values():
        for step_id in script.steps:
            if Target(script.id, step_id) not in seen:
                where = wheres[script.id]
                problems.append(Problem(where["path"], where["lines"][step_id],
                                        f"step {step_id!r} cannot be reached from any start"))
