"""Call scripts as a graph: steps with numbered answers leading to other steps (of the same
script or another) or to an outcome; objections that may interrupt a step.

The parts are named tuples, not frozen dataclasses: the cockpit's first card reads the
content, and the eight dataclasses cost ~7 ms to define at every start."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from cockpit.domain.named import NamedTuple
from cockpit.domain.outcomes import Outcome
from cockpit.domain.placeholders import KNOWN as KNOWN_PLACEHOLDERS
from cockpit.domain.text import fold

CAPTURE_TYPES = ("text", "date", "datetime", "money", "choice", "phone", "email", "yesno",
                 "siret", "integer")
AUDIENCES = ("switchboard", "decision_maker", "freelance")
REQUIRED_SCRIPTS = ("standard", "do", "freelance")

# Every placeholder a text may name: those with a built-in fallback.
PLACEHOLDERS = KNOWN_PLACEHOLDERS

STORE_TARGETS = frozenset({
    "contact.email", "contact.phone", "contact.role",
    *(f"need.{f}" for f in ("title", "profile", "tasks", "technologies", "region", "start",
                            "duration", "budget_rate", "languages", "description")),
    *(f"freelance.{f}" for f in ("availability", "available_from", "mobility", "day_rate",
                                 "billing", "siret", "reference_name", "reference_company",
                                 "reference_phone", "cv_up_to_date", "email")),
    *(f"redirect.{f}" for f in ("first_name", "last_name", "role", "phone")),
    "reminder.due", "company.next_budget",
})


class Target(NamedTuple):
    """Where an answer leads: a step of a script."""

    script: str
    step: str

    @classmethod
    def parse(cls, text: str, current_script: str) -> Target:
        script, sep, step = text.partition(":")
        return cls(script, step) if sep else cls(current_script, text)

    def __str__(self) -> str:
        return f"{self.script}:{self.step}"


class Capture(NamedTuple):
    key: str
    label: str
    type: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    stores: str | None = None


class Answer(NamedTuple):
    label: str
    goto: Target | None = None
    end: Outcome | None = None


class Step(NamedTuple):
    id: str
    title: str
    say: str
    hint: str = ""
    captures: tuple[Capture, ...] = ()
    answers: tuple[Answer, ...] = ()
    objections: tuple[str, ...] | None = None  # None: every objection of the script applies
    end: Outcome | None = None


class Script(NamedTuple):
    id: str
    title: str
    audience: str
    start: str
    steps: Mapping[str, Step]


class Objection(NamedTuple):
    id: str
    label: str
    reply: str
    heard: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()  # empty: every script
    hint: str = ""
    captures: tuple[Capture, ...] = ()
    then: str | Target | Outcome = "back"  # "back", a step, or an outcome
    answers: tuple[Answer, ...] = ()


class Persona(NamedTuple):
    id: str
    name: str
    summary: str
    kind: str  # sought | avoided
    drivers: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()
    listen_for: tuple[str, ...] = ()
    do: tuple[str, ...] = ()


class Role(NamedTuple):
    company_kind: str  # esn_conseil | esn_classique | end_client
    title: str
    decision_maker: bool
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class ScriptSet:
    """Everything the call flow needs: scripts, objections, personas, roles."""

    scripts: Mapping[str, Script]
    objections: Mapping[str, Objection] = field(default_factory=dict)
    personas: Mapping[str, Persona] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()

    def step(self, target: Target) -> Step:
        return self.scripts[target.script].steps[target.step]

    def start_of(self, script_id: str) -> Target:
        return Target(script_id, self.scripts[script_id].start)

    def objections_at(self, script_id: str, step_id: str) -> list[Objection]:
        step = self.scripts[script_id].steps[step_id]
        if step.objections is not None:
            return [self.objections[o] for o in step.objections if o in self.objections]
        return [o for o in self.objections.values() if not o.scripts or script_id in o.scripts]

    def role_for(self, title: str) -> Role | None:
        """The role a job title names ("Directrice de BU" → DO), by its aliases: whole words,
        accents and case aside; the longest alias wins ("consultant interne" over
        "consultant")."""
        folded = " ".join(fold(title).split())
        best: tuple[int, Role] | None = None
        for role in self.roles:
            for alias in (role.title, *role.aliases):
                words = " ".join(fold(alias).split())
                if words and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", folded) and (
                        best is None or len(words) > best[0]):
                    best = (len(words), role)
        return best[1] if best else None
