"""Content files → domain objects. Every problem is collected with its FILE:LINE; the
content is refused as a whole when there is any (`cockpit check` prints them all)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from cockpit.content.graph import check_graph
from cockpit.content.schema import (
    ANSWER_KEYS,
    CAPTURE_KEYS,
    OBJECTION_KEYS,
    PERSONA_KEYS,
    ROLE_KEYS,
    SCRIPT_KEYS,
    STEP_KEYS,
    check_object,
    line_of,
    text_list,
)
from cockpit.content.yamlsafe import LList, LMap, Problem, load
from cockpit.domain.outcomes import Outcome
from cockpit.domain.script import (
    AUDIENCES,
    CAPTURE_TYPES,
    REQUIRED_SCRIPTS,
    STORE_TARGETS,
    Answer,
    Capture,
    Objection,
    Persona,
    Role,
    Script,
    ScriptSet,
    Step,
    Target,
)

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_OUTCOMES = [str(o) for o in Outcome]
# The shipped content files are a few tens of kB; a file of megabytes is not one (a log or an
# export saved under the wrong name) and would only be slow to refuse.
MAX_FILE_BYTES = 1_000_000


NO_OBJECTION = ("no objection defined: none would be offered during calls (the o key would "
                "find nothing); list them under 'objections:'")


class ContentErrors(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def add(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def problems_in(self, path: str) -> bool:
        return any(p.path == path for p in self.problems)

    def read(self, relative: str) -> Any:
        file = self.root / relative
        try:
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                self.add(relative, 1, f"the file is {size / 1e6:.1f} MB; a content file stays "
                                      f"under {MAX_FILE_BYTES // 1_000_000} MB (is it the right "
                                      "file?)")
                return None
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.add(relative, 0, "file is missing")
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.add(relative, 0, f"cannot read the file: {exc}")
            return None
        return load(text, relative, self.problems)

    def outcome(self, value: Any, path: str, line: int, what: str) -> Outcome | None:
        if value in _OUTCOMES:
            return Outcome(value)
        close = difflib.get_close_matches(str(value), _OUTCOMES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        self.add(path, line, f"{what}: unknown outcome {value!r}{hint}")
        return None

    def captures(self, raw: Any, path: str, line: int, what: str) -> tuple[Capture, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.add(path, line, f"{what}: 'capture' must be a list")
            return ()
        result, seen = [], set()
        for index, item in enumerate(raw):
            item_line = line_of(raw, index)
            label = f"{what} capture {index + 1}"
            if not check_object(item, CAPTURE_KEYS, label, path, item_line, self.problems):
                continue
            key = item.get("key")
            if not isinstance(key, str):
                continue
            if not _ID.match(key):
                self.add(path, line_of(item, "key"), f"{label}: key {key!r} must be lower_snake")
            if key in seen:
                self.add(path, line_of(item, "key"), f"{label}: duplicate capture key {key!r}")
            seen.add(key)
            kind = item.get("type", "text")
            if kind not in CAPTURE_TYPES:
                close = difflib.get_close_matches(str(kind), CAPTURE_TYPES, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.add(path, line_of(item, "type"), f"{label}: unknown type {kind!r}{hint}")
            choices = text_list(item.get("choices"), f"{label} choices", path,
                                line_of(item, "choices"), self.problems)
            if kind == "choice" and not choices:
                self.add(path, item_line, f"{label}: type 'choice' needs 'choices'")
            stores = item.get("stores")
            if stores is not None and stores not in STORE_TARGETS:
                close = difflib.get_close_matches(str(stores), sorted(STORE_TARGETS), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.add(path, line_of(item, "stores"),
                         f"{label}: unknown 'stores' target {stores!r}{hint}")
            result.append(Capture(key=key, label=str(item.get("label", key)), type=str(kind),
                                  required=bool(item.get("required", False)), choices=choices,
                                  stores=stores))
        return tuple(result)

    def answers(self, raw: Any, script_id: str, path: str, line: int,
                what: str) -> tuple[tuple[Answer, int], ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.add(path, line, f"{what}: 'answers' must be a list")
            return ()
        if len(raw) > 9:
            self.add(path, line, f"{what}: at most 9 answers (one digit key each)")
        result = []
        for index, item in enumerate(raw):
            item_line = line_of(raw, index)
            label = f"{what} answer {index + 1}"
            if not check_object(item, ANSWER_KEYS, label, path, item_line, self.problems):
                continue
            goto, end = item.get("goto"), item.get("end")
            if (goto is None) == (end is None):
                self.add(path, item_line, f"{label}: needs exactly one of 'goto' or 'end'")
                continue
            target = Target.parse(goto, script_id) if isinstance(goto, str) else None
            outcome = self.outcome(end, path, line_of(item, "end"), label) if end else None
            result.append((Answer(str(item.get("label", "")), target, outcome),
                           line_of(item, "goto") if goto else item_line))
        return tuple(result)


def _script(reader: _Reader, name: str) -> tuple[Script, dict[str, Any]] | None:
    path = f"scripts/{name}.yaml"
    data = reader.read(path)
    if data is None:
        return None
    if not check_object(data, SCRIPT_KEYS, "script", path, line_of(data), reader.problems):
        return None
    if data.get("id") != name:
        reader.add(path, line_of(data, "id"),
                   f"script id {data.get('id')!r} must equal the file name {name!r}")
    audience = data.get("audience")
    if audience is not None and audience not in AUDIENCES:
        reader.add(path, line_of(data, "audience"),
                   f"unknown audience {audience!r} (one of {', '.join(AUDIENCES)})")
    steps: dict[str, Step] = {}
    where: dict[str, Any] = {"path": path, "answers": {}, "lines": {}, "objections": {}}
    raw_steps = data.get("steps") if isinstance(data.get("steps"), dict) else {}
    for step_id, raw in raw_steps.items():
        step_line = line_of(raw_steps, step_id)
        what = f"step {step_id!r}"
        if not _ID.match(step_id):
            reader.add(path, step_line, f"{what}: id must be lower_snake_case")
        if not check_object(raw, STEP_KEYS, what, path, step_line, reader.problems):
            continue
        answers = reader.answers(raw.get("answers"), name, path, line_of(raw, "answers"), what)
        end = None
        if raw.get("end"):
            end = reader.outcome(raw["end"], path, line_of(raw, "end"), what)
        objections = raw.get("objections")
        steps[step_id] = Step(
            id=step_id, title=str(raw.get("title", step_id)), say=str(raw.get("say", "")),
            hint=str(raw.get("hint") or ""),
            captures=reader.captures(raw.get("capture"), path, line_of(raw, "capture"), what),
            answers=tuple(a for a, _ in answers),
            objections=text_list(objections, f"{what} objections", path,
                                 line_of(raw, "objections"), reader.problems)
            if objections is not None else None,
            end=end,
        )
        where["answers"][step_id] = [line for _, line in answers]
        where["lines"][step_id] = step_line
        where["objections"][step_id] = line_of(raw, "objections")
    script = Script(id=name, title=str(data.get("title", name)), audience=str(audience),
                    start=str(data.get("start", "")), steps=steps)
    where["start_line"] = line_of(data, "start")
    return script, where


def _objections(reader: _Reader) -> tuple[dict[str, Objection], dict[str, Any]]:
    path = "objections.yaml"
    data = reader.read(path)
    result: dict[str, Objection] = {}
    where: dict[str, Any] = {"path": path, "lines": {}, "answers": {}, "then": {}}
    if data is None:
        # An empty file is most often a save cut short; the caller would find no reply at
        # the first objection, in the middle of a call: refused, as a missing file is.
        if (reader.root / path).is_file() and not reader.problems_in(path):
            reader.add(path, 1, NO_OBJECTION)
        return result, where
    if not isinstance(data, LMap) or not isinstance(data.get("objections"), LList):
        reader.add(path, line_of(data), "expected a top-level 'objections:' list")
        return result, where
    if not data["objections"]:
        reader.add(path, line_of(data, "objections"), NO_OBJECTION)
    for extra in set(data) - {"objections"}:
        reader.add(path, line_of(data, extra), f"unknown top-level key {extra!r}")
    items = data["objections"]
    for index, raw in enumerate(items):
        line = line_of(items, index)
        if not check_object(raw, OBJECTION_KEYS, f"objection {index + 1}", path, line,
                            reader.problems):
            continue
        oid = raw.get("id")
        if not isinstance(oid, str):
            continue
        what = f"objection {oid!r}"
        if oid in result:
            reader.add(path, line_of(raw, "id"), f"duplicate objection id {oid!r}")
            continue
        answers = reader.answers(raw.get("answers"), "", path, line_of(raw, "answers"), what)
        then_raw = raw.get("then")
        then: Any = "back"
        if answers and then_raw is not None:
            reader.add(path, line_of(raw, "then"), f"{what}: has both 'then' and 'answers'")
        if isinstance(then_raw, dict):
            if set(then_raw) == {"goto"} and isinstance(then_raw["goto"], str):
                then = Target.parse(then_raw["goto"], "")
            elif set(then_raw) == {"end"}:
                then = reader.outcome(then_raw["end"], path, line_of(raw, "then"), what) or "back"
            else:
                reader.add(path, line_of(raw, "then"),
                           f"{what}: 'then' is back, {{goto: script:step}} or {{end: outcome}}")
        elif then_raw not in (None, "back"):
            reader.add(path, line_of(raw, "then"),
                       f"{what}: 'then' is back, {{goto: script:step}} or {{end: outcome}}")
        result[oid] = Objection(
            id=oid, label=str(raw.get("label", oid)), reply=str(raw.get("reply", "")),
            heard=text_list(raw.get("heard"), f"{what} heard", path, line_of(raw, "heard"),
                            reader.problems),
            scripts=text_list(raw.get("scripts"), f"{what} scripts", path,
                              line_of(raw, "scripts"), reader.problems),
            hint=str(raw.get("hint") or ""),
            captures=reader.captures(raw.get("capture"), path, line_of(raw, "capture"), what),
            then=then, answers=tuple(a for a, _ in answers),
        )
        where["lines"][oid] = line
        where["answers"][oid] = [line for _, line in answers]
        where["then"][oid] = line_of(raw, "then")
        where.setdefault("scripts", {})[oid] = line_of(raw, "scripts")
    return result, where


def _personas(reader: _Reader) -> tuple[dict[str, Persona], tuple[Role, ...]]:
    path = "personas.yaml"
    data = reader.read(path)
    personas: dict[str, Persona] = {}
    roles: list[Role] = []
    if data is None:
        return personas, ()
    if not isinstance(data, LMap):
        reader.add(path, line_of(data), "expected 'personas:' and 'roles:' lists")
        return personas, ()
    for extra in set(data) - {"personas", "roles"}:
        reader.add(path, line_of(data, extra), f"unknown top-level key {extra!r}")
    for index, raw in enumerate(data.get("personas") or []):
        line = line_of(data["personas"], index)
        if not check_object(raw, PERSONA_KEYS, f"persona {index + 1}", path, line,
                            reader.problems):
            continue
        pid = str(raw.get("id"))
        if pid in personas:
            reader.add(path, line_of(raw, "id"), f"duplicate persona id {pid!r}")
        if raw.get("kind") not in ("sought", "avoided"):
            reader.add(path, line_of(raw, "kind"), f"persona {pid!r}: kind is sought or avoided")
        lists = {k: text_list(raw.get(k), f"persona {pid!r} {k}", path, line_of(raw, k),
                              reader.problems)
                 for k in ("drivers", "blockers", "listen_for", "do")}
        personas[pid] = Persona(id=pid, name=str(raw.get("name")), summary=str(raw.get("summary")),
                                kind=str(raw.get("kind")), **lists)
    for index, raw in enumerate(data.get("roles") or []):
        line = line_of(data["roles"], index)
        if not check_object(raw, ROLE_KEYS, f"role {index + 1}", path, line, reader.problems):
            continue
        if raw.get("company_kind") not in ("esn_conseil", "esn_classique", "end_client"):
            reader.add(path, line_of(raw, "company_kind"),
                       "role: company_kind is esn_conseil, esn_classique or end_client")
        roles.append(Role(company_kind=str(raw.get("company_kind")), title=str(raw.get("title")),
                          decision_maker=bool(raw.get("decision_maker")),
                          aliases=tuple(a.casefold() for a in text_list(
                              raw.get("aliases"), "role aliases", path, line_of(raw, "aliases"),
                              reader.problems)),
                          description=str(raw.get("description") or "")))
    return personas, tuple(roles)


def _read_all(root: Path) -> tuple[ScriptSet, list[Problem]]:
    reader = _Reader(root)
    if not root.is_dir():
        return ScriptSet(scripts={}), [Problem(str(root), 0, "content folder not found")]
    scripts: dict[str, Script] = {}
    wheres: dict[str, dict[str, Any]] = {}
    names = sorted({*REQUIRED_SCRIPTS, *(p.stem for p in (root / "scripts").glob("*.yaml"))})
    for name in names:
        loaded = _script(reader, name)
        if loaded:
            scripts[name], wheres[name] = loaded
    objections, objection_where = _objections(reader)
    personas, roles = _personas(reader)
    content = ScriptSet(scripts=scripts, objections=objections, personas=personas, roles=roles)
    check_graph(content, wheres, objection_where, reader.problems)
    return content, reader.problems


def check_content(root: Path) -> list[Problem]:
    """Every problem of the content folder, sorted by file and line."""
    _, problems = _read_all(Path(root))
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))


def load_content(root: Path) -> ScriptSet:
    """The content, or ContentErrors listing every problem."""
    content, problems = _read_all(Path(root))
    if problems:
        raise ContentErrors(sorted(problems, key=lambda p: (p.path, p.line, p.message)))
    return content
