"""Going back in a call: where the call stood before a move (a `Mark`), and the path a call
finally took once its undone moves are taken out of its log (what the figures count)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from cockpit.domain.named import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:  # a report's figures read path_taken: the script's classes wait for a Mark
    from cockpit.domain.script import Target
else:  # a named tuple's field needs a type at run time (a text would be compiled: ~1.5 ms)
    Target = tuple


class Mark(NamedTuple):
    """The call before one move: enough to put it back exactly."""

    position: Target
    path_length: int
    objection: str | None
    outcome: str | None
    suggested: str | None
    raises: str | None = None  # the objection the move raised (its undoing unhears it)

    def to_dict(self) -> dict[str, Any]:
        return {"position": str(self.position), "path": self.path_length,
                "objection": self.objection, "outcome": self.outcome,
                "suggested": self.suggested, "raises": self.raises}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mark:
        from cockpit.domain.script import Target

        return cls(Target.parse(str(data["position"]), ""), int(data["path"]),
                   data.get("objection"), data.get("outcome"), data.get("suggested"),
                   data.get("raises"))


def path_taken(events: Iterable[tuple[str, str, str, Mapping[str, Any]]],
               ) -> tuple[list[tuple[str, str]], list[str]]:
    """(steps shown, objections heard) of a call's log of (kind, script, step, data), each
    `back` taking off what the move it undoes added: a step gone back over is not counted,
    nor counted twice when the call passes it again."""
    steps: list[tuple[str, str]] = []
    objections: list[str] = []
    for kind, script, step, data in events:
        if kind == "step":
            steps.append((script, step))
        elif kind == "objection" and data.get("objection"):
            objections.append(str(data["objection"]))
        elif kind == "back":
            taken = int(data.get("steps") or 0)
            if taken > 0:
                del steps[-taken:]
            undone = data.get("objection")
            if undone and undone in objections:
                del objections[len(objections) - 1 - objections[::-1].index(undone)]
    return steps, objections


CANCEL_WINDOW = timedelta(seconds=20)  # a call this young is cancelled even after an answer


def may_cancel(kinds: Iterable[str], started: datetime, now: datetime) -> bool:
    """A call started by mistake may be cancelled, as if never made: within its first
    seconds, or while nobody has answered anything yet."""
    return now - started <= CANCEL_WINDOW or "answer" not in kinds
