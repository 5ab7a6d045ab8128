"""A call in progress: walks the script graph, takes answers, captures and objections, and
keeps a timestamped log of everything. Pure: the clock is injected, nothing is stored here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cockpit.domain.captures import parse_capture
from cockpit.domain.errors import DomainError, ValidationError
from cockpit.domain.outcomes import Outcome
from cockpit.domain.placeholders import render
from cockpit.domain.script import Answer, Capture, Objection, ScriptSet, Step, Target
from cockpit.domain.undo import Mark


@dataclass(frozen=True, slots=True)
class CallEvent:
    at: datetime
    # started | step | answer | capture | objection | resumed | transfer | ended | back
    # (`back` undoes the move before it: data says how many steps it took off the path)
    kind: str
    script: str
    step: str
    data: Mapping[str, Any] = field(default_factory=dict)


class CallSession:
    """The state machine of one call."""

    def __init__(
        self,
        scripts: ScriptSet,
        start: Target | str,
        context: Mapping[str, Mapping[str, object]],
        clock: Callable[[], datetime],
    ) -> None:
        self.scripts = scripts
        self.context = {k: dict(v) for k, v in context.items()}
        self.clock = clock
        self.position = scripts.start_of(start) if isinstance(start, str) else start
        self.objection: Objection | None = None
        self.captured: dict[str, object] = {}
        # What a field shows that its rules refused (key → as typed): the call does not go
        # on past it, or the value kept would not be the one on screen (or none at all).
        self.refused: dict[str, str] = {}
        self.events: list[CallEvent] = []
        self.path: list[Target] = [self.position]
        self.outcome: Outcome | None = None
        self.suggested_outcome: Outcome | None = None
        self.marks: list[Mark] = []  # where the call stood before each move, newest last
        self._log("started", {"script": self.position.script})
        self._log("step")

    # -- reading --------------------------------------------------------------------------------

    @property
    def step(self) -> Step:
        return self.scripts.step(self.position)

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    @property
    def text(self) -> str:
        return render(self.step.say, self._context())

    @property
    def answers(self) -> tuple[Answer, ...]:
        if self.objection is not None:
            if self.objection.answers:
                return self.objection.answers
            return (Answer(label="Reprendre", goto=None, end=None),)
        return self.step.answers

    @property
    def captures(self) -> tuple[Capture, ...]:
        return self.objection.captures if self.objection is not None else self.step.captures

    @property
    def can_go_back(self) -> bool:
        """A move to undo: an answer, an objection raised or left (an ending answer too)."""
        return bool(self.marks)

    def objections_available(self) -> list[Objection]:
        if self.finished:
            return []
        return self.scripts.objections_at(self.position.script, self.position.step)

    def render(self, text: str) -> str:
        return render(text, self._context())

    def _context(self) -> dict[str, Mapping[str, object]]:
        from cockpit.domain.captures import format_capture

        shown = {}
        for key, value in self.captured.items():
            capture = self._capture_named(key)
            shown[key] = format_capture(capture, value) if capture else value
        return {**self.context, "capture": shown}

    def _capture_named(self, key: str) -> Capture | None:
        for capture in self.captures:
            if capture.key == key:
                return capture
        for script in self.scripts.scripts.values():
            for step in script.steps.values():
                for capture in step.captures:
                    if capture.key == key:
                        return capture
        for objection in self.scripts.objections.values():
            for capture in objection.captures:
                if capture.key == key:
                    return capture
        return None

    # -- acting ---------------------------------------------------------------------------------

    def capture(self, key: str, raw: str) -> object:
        self._require_open()
        capture = next((c for c in self.captures if c.key == key), None)
        if capture is None:
            raise DomainError(f"nothing to capture as {key!r} here", code="capture_unknown",
                              key=key)
        try:
            value = parse_capture(capture, raw, self.clock())
        except ValidationError:
            self.refused[key] = raw
            raise
        self.refused.pop(key, None)
        if value is None:
            self.captured.pop(key, None)
        else:
            self.captured[key] = value
        self._log("capture", {"key": key, "value": _plain(value)})
        return value

    def missing_captures(self) -> list[Capture]:
        return [c for c in self.captures if c.required and self.captured.get(c.key) is None]

    def choose(self, number: int) -> None:
        """Take answer `number` (1-based) of the step or of the objection being handled."""
        self._require_open()
        answers = self.answers
        if not 1 <= number <= len(answers):
            raise ValidationError(f"no answer {number} here (1 to {len(answers)})",
                                  code="answer_out_of_range", number=number, count=len(answers))
        refused = [c for c in self.captures if c.key in self.refused]
        if refused:
            names = ", ".join(c.label for c in refused)
            raise ValidationError(f"correct or empty first: {names}", code="captures_refused",
                                  fields=names)
        missing = self.missing_captures()
        if missing:
            names = ", ".join(c.label for c in missing)
            raise ValidationError(f"fill in first: {names}", code="captures_missing",
                                  fields=names)
        answer = answers[number - 1]
        self._mark()
        self._log("answer", {"number": number, "label": answer.label,
                             "objection": self.objection.id if self.objection else None})
        if self.objection is not None and not self.objection.answers:
            self._leave_objection(self.objection.then)
            return
        self.objection = None
        self._follow(answer.goto, answer.end)

    def raise_objection(self, objection_id: str) -> Objection:
        self._require_open()
        allowed = {o.id: o for o in self.objections_available()}
        if objection_id not in allowed:
            raise DomainError(f"objection {objection_id!r} does not apply here",
                              code="objection_not_here", objection=objection_id)
        self._mark(raises=objection_id)
        self.objection = allowed[objection_id]
        self._log("objection", {"objection": objection_id})
        return self.objection

    def resume(self) -> None:
        """Done with the objection's reply: go on where it says."""
        self._require_open()
        if self.objection is None:
            return
        if self.objection.answers:
            raise ValidationError("choose one of the objection's answers",
                                  code="objection_needs_answer")
        self._mark()
        self._leave_objection(self.objection.then)

    @property
    def proposed_outcome(self) -> Outcome | None:
        """What the end form offers first: the outcome given, or the one the script led to;
        else a qualified need once one of its fields is captured (a caller who ends in the
        middle of the qualification, or after resuming a call, has a need to save)."""
        if self.outcome or self.suggested_outcome:
            return self.outcome or self.suggested_outcome
        for key, value in self.captured.items():
            capture = self._capture_named(key)
            if capture and (capture.stores or "").startswith("need.") and value not in (None, ""):
                return Outcome.NEED_QUALIFIED
        return None

    def back(self) -> None:
        """Undo the last move: the step (or objection) before it comes back, with what was
        captured there still filled in; an answer that ended the call reopens it. The log
        keeps the answer and, after it, this undoing."""
        if not self.marks:
            raise DomainError("nothing to go back to", code="nothing_to_undo")
        mark = self.marks.pop()
        self.refused.clear()  # the fields come back with what was taken there
        taken = len(self.path) - mark.path_length
        self.position = mark.position
        del self.path[mark.path_length:]
        self.objection = self.scripts.objections.get(mark.objection) if mark.objection else None
        self.outcome = Outcome(mark.outcome) if mark.outcome else None
        self.suggested_outcome = Outcome(mark.suggested) if mark.suggested else None
        self._log("back", {"steps": taken, "objection": mark.raises})

    def end(self, outcome: Outcome | str) -> None:
        self._require_open()
        self.outcome = Outcome(outcome)
        self.objection = None
        self._log("ended", {"outcome": str(self.outcome)})

    # -- internals ----------------------------------------------------------------------------

    def _leave_objection(self, then: str | Target | Outcome) -> None:
        self.objection = None
        self._log("resumed")
        if isinstance(then, Target):
            self._follow(then, None)
        elif isinstance(then, Outcome):
            self._follow(None, then)

    def _follow(self, goto: Target | None, end: Outcome | None) -> None:
        if end is not None:
            self.suggested_outcome = end
            self.end(end)
            return
        if goto is None:
            return
        if goto.script != self.position.script:
            self._log("transfer", {"to": goto.script})
        self.position = goto
        self.path.append(goto)
        self._log("step")
        if self.step.end is not None and not self.step.answers:
            self.suggested_outcome = self.step.end

    def _mark(self, raises: str | None = None) -> None:
        self.marks.append(Mark(
            self.position, len(self.path), self.objection.id if self.objection else None,
            str(self.outcome) if self.outcome else None,
            str(self.suggested_outcome) if self.suggested_outcome else None, raises))

    def _require_open(self) -> None:
        if self.finished:
            raise DomainError("the call has ended", code="call_ended")

    def _log(self, kind: str, data: Mapping[str, Any] | None = None) -> None:
        self.events.append(CallEvent(self.clock(), kind, self.position.script,
                                     self.position.step, dict(data or {})))

    # -- saving and restoring (after a crash) -------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": str(self.position),
            "objection": self.objection.id if self.objection else None,
            "captured": {k: _plain(v) for k, v in self.captured.items()},
            "path": [str(t) for t in self.path],
            "outcome": str(self.outcome) if self.outcome else None,
            "suggested": str(self.suggested_outcome) if self.suggested_outcome else None,
            "context": self.context,
            "marks": [m.to_dict() for m in self.marks],
            "events": [{"at": e.at.isoformat(), "kind": e.kind, "script": e.script,
                        "step": e.step, "data": dict(e.data)} for e in self.events],
        }

    @classmethod
    def from_dict(cls, scripts: ScriptSet, data: Mapping[str, Any],
                  clock: Callable[[], datetime]) -> CallSession:
        session = cls.__new__(cls)
        session.scripts = scripts
        session.clock = clock
        session.context = {k: dict(v) for k, v in data.get("context", {}).items()}
        session.position = Target.parse(data["position"], "")
        session.path = [Target.parse(t, "") for t in data.get("path", [])]
        objection = data.get("objection")
        session.objection = scripts.objections.get(objection) if objection else None
        session.events = [CallEvent(datetime.fromisoformat(e["at"]), e["kind"], e["script"],
                                    e["step"], e.get("data", {})) for e in data.get("events", [])]
        session.outcome = Outcome(data["outcome"]) if data.get("outcome") else None
        session.suggested_outcome = Outcome(data["suggested"]) if data.get("suggested") else None
        session.marks = [Mark.from_dict(m) for m in data.get("marks", [])]
        session.refused = {}  # a field's refused text is not kept: it comes back empty
        session.captured = {}
        for key, value in data.get("captured", {}).items():
            capture = session._capture_named(key)
            session.captured[key] = _revive(capture, value) if capture else value
        return session


def _plain(value: object) -> object:
    """A JSON-friendly form of a captured value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _revive(capture: Capture, value: object) -> object:
    if value is None:
        return None
    if capture.type == "datetime":
        return datetime.fromisoformat(str(value))
    if capture.type == "date":
        return date.fromisoformat(str(value))
    if capture.type == "money":
        return Decimal(str(value))
    return value
