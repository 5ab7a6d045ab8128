"""The content we ship: it checks clean, every path of every script reaches an outcome, and
every objection can be raised wherever it applies and leads somewhere."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cockpit.content.loader import check_content, load_content
from cockpit.domain.outcomes import Outcome
from cockpit.domain.script import Capture, ScriptSet, Target
from cockpit.domain.session import CallSession
from cockpit.paths import content_dir

NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)
SAMPLES = {"text": "Dupont", "date": "15/01/2027", "datetime": "demain 10h", "money": "650",
           "phone": "01 42 68 53 00", "email": "jean.dupont@example.fr", "yesno": "oui",
           "siret": "73282932000074", "integer": "3"}
CONTEXT = {"caller": {"first_name": "Melissa"}, "firm": {"name": "Smarteo"},
           "contact": {"civility": "Monsieur", "last_name": "Dupont"},
           "need": {"title": "Développeur Java", "region": "Lyon", "budget_rate": 600},
           "freelance": {"first_name": "Karim"}}


@pytest.fixture(scope="module")
def content() -> ScriptSet:
    return load_content(content_dir())


def _sample(capture: Capture) -> str:
    return capture.choices[0] if capture.type == "choice" else SAMPLES[capture.type]


def _fill(session: CallSession) -> None:
    for capture in session.captures:
        session.capture(capture.key, _sample(capture))


def test_shipped_content_checks_clean() -> None:
    assert [str(p) for p in check_content(content_dir())] == []


def test_the_three_exchanges_exist(content: ScriptSet) -> None:
    assert {"standard", "do", "freelance"} <= set(content.scripts)
    assert len([p for p in content.personas.values() if p.kind == "sought"]) == 5
    assert len([p for p in content.personas.values() if p.kind == "avoided"]) == 4


def _walk(content: ScriptSet, script_id: str) -> list[tuple[list[str], Outcome]]:
    """Every path from the script's start to an outcome (each step at most once a path)."""
    finished: list[tuple[list[str], Outcome]] = []

    def explore(choices: list[int]) -> None:
        session = CallSession(content, script_id, CONTEXT, lambda: NOW)
        for number in choices:
            _fill(session)
            session.choose(number)
        if session.finished:
            finished.append(([str(t) for t in session.path], session.outcome))
            return
        if not session.step.answers:  # a step that ends the call by itself
            assert session.suggested_outcome is not None
            finished.append(([str(t) for t in session.path], session.suggested_outcome))
            return
        for number, answer in enumerate(session.step.answers, 1):
            if answer.goto is not None and answer.goto in session.path:
                continue
            explore([*choices, number])

    explore([])
    return finished


@pytest.mark.parametrize("script_id", ["standard", "do", "freelance"])
def test_every_path_reaches_an_outcome(content: ScriptSet, script_id: str) -> None:
    paths = _walk(content, script_id)
    assert paths, "no path at all"
    reached = {step for path, _ in paths for step in path}
    own = {str(Target(script_id, s)) for s in content.scripts[script_id].steps}
    # Steps reached only by objections are walked by the next test.
    by_objection = {str(o.then) for o in content.objections.values() if isinstance(o.then, Target)}
    by_objection |= {str(a.goto) for o in content.objections.values() for a in o.answers if a.goto}
    assert own - reached - by_objection == set()
    assert all(isinstance(outcome, Outcome) for _, outcome in paths)


def _objection_cases(content: ScriptSet) -> list[tuple[str, str, str]]:
    return [(s.id, step, o.id) for s in content.scripts.values() for step in s.steps
            for o in content.objections_at(s.id, step)]


def test_every_objection_applies_somewhere(content: ScriptSet) -> None:
    raised = {o for _, _, o in _objection_cases(content)}
    assert raised == set(content.objections)


def test_every_objection_from_every_step_leads_on(content: ScriptSet) -> None:
    cases = _objection_cases(content)
    assert len(cases) > 50
    for script_id, step_id, objection_id in cases:
        ways = len(content.objections[objection_id].answers) or 1
        for number in range(1, ways + 1):
            session = CallSession(content, Target(script_id, step_id), CONTEXT, lambda: NOW)
            objection = session.raise_objection(objection_id)
            assert session.render(objection.reply)
            _fill(session)
            session.choose(number)
            assert session.objection is None
            if isinstance(objection.then, Target) and not objection.answers:
                assert session.position == objection.then
            assert session.finished or session.position.step in content.scripts[
                session.position.script].steps
