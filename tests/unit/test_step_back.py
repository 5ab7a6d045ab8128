"""Going back a step in a call: the step before comes back as it was, the log keeps the
answer and its undoing, and the path the figures count leaves the undone moves out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cockpit.content.loader import load_content
from cockpit.domain.errors import DomainError
from cockpit.domain.figures import CallFact, compute
from cockpit.domain.script import ScriptSet, Target
from cockpit.domain.session import CallSession
from cockpit.domain.undo import path_taken
from cockpit.paths import content_dir

CONTEXT = {"caller": {"first_name": "Melissa"}, "firm": {"name": "Smarteo"}}
START = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=5)
        return self.now


_CONTENT = load_content(content_dir())


@pytest.fixture(scope="module")
def content() -> ScriptSet:
    return _CONTENT


def _state(session: CallSession) -> tuple[object, ...]:
    return (session.position, list(session.path), session.objection, session.outcome,
            session.suggested_outcome, len(session.marks))


def _logged(session: CallSession) -> list[tuple[str, str, str, dict]]:
    return [(e.kind, e.script, e.step, dict(e.data)) for e in session.events]


def test_back_across_the_transfer_brings_the_switchboard_back(content: ScriptSet) -> None:
    session = CallSession(content, "standard", CONTEXT, Clock())
    assert not session.can_go_back
    session.choose(1)  # put through to the DO
    assert session.position.script == "do"
    session.back()
    assert session.position == Target("standard", content.scripts["standard"].start)
    assert session.path == [session.position]
    assert not session.can_go_back
    kinds = [e.kind for e in session.events]
    assert kinds[-3:] == ["transfer", "step", "back"]  # the answer and its undoing, both kept
    assert "answer" in kinds


def test_what_was_captured_on_the_step_comes_back_filled(content: ScriptSet) -> None:
    session = CallSession(content, Target("do", "call_back_later"), CONTEXT, Clock())
    session.capture("callback_at", "demain 15h")
    session.choose(1)  # ends the call: a callback
    assert session.finished
    session.back()  # the DO picked up after all: the call is open again
    assert not session.finished and session.outcome is None
    assert session.position == Target("do", "call_back_later")
    assert session.captured["callback_at"] is not None


def test_back_out_of_an_objection_raised_by_mistake(content: ScriptSet) -> None:
    session = CallSession(content, Target("do", "intro"), CONTEXT, Clock())
    session.raise_objection("already_have_suppliers")
    session.back()
    assert session.objection is None and session.position == Target("do", "intro")
    _steps, objections = path_taken(_logged(session))
    assert objections == []


def test_nothing_to_go_back_to_is_refused(content: ScriptSet) -> None:
    session = CallSession(content, "standard", CONTEXT, Clock())
    with pytest.raises(DomainError) as caught:
        session.back()
    assert caught.value.code == "nothing_to_undo"


def test_marks_survive_a_crash(content: ScriptSet) -> None:
    clock = Clock()
    session = CallSession(content, "standard", CONTEXT, clock)
    session.choose(1)
    revived = CallSession.from_dict(content, session.to_dict(), clock)
    revived.back()
    assert revived.position.script == "standard"


def test_the_funnel_counts_a_step_gone_back_over_once(content: ScriptSet) -> None:
    session = CallSession(content, "standard", CONTEXT, Clock())
    session.choose(1)  # to the DO, by mistake
    session.back()
    session.choose(1)  # to the DO, for good this time
    steps, _ = path_taken(_logged(session))
    assert steps == [(p.script, p.step) for p in session.path]
    fact = CallFact(1, "Karim", START, START + timedelta(minutes=2), "no_need", False,
                    "standard", tuple(steps))
    figures = compute([fact], START - timedelta(days=1), START + timedelta(days=1))
    do_intro = next(f for f in figures.funnel if (f.script, f.step) == steps[-1])
    assert do_intro.reached == 1



Move = tuple[str, int]


def _apply(session: CallSession, move: Move) -> bool:
    """Play one move; False when it does not apply where the call stands (nothing changed)."""
    kind, number = move
    try:
        if kind == "answer":
            if session.finished or not session.answers:
                return False
            session.choose(number % len(session.answers) + 1)
        elif kind == "objection":
            available = session.objections_available()
            if session.finished or not available:
                return False
            session.raise_objection(available[number % len(available)].id)
        elif kind == "back":
            if not session.can_go_back:
                return False
            session.back()
    except DomainError:
        return False  # a required field, say: the call did not move
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=st.sampled_from(["standard", "do", "freelance"]),
       moves=st.lists(st.tuples(st.sampled_from(["answer", "answer", "objection", "back"]),
                                st.integers(0, 9)), max_size=25))
def test_any_answers_and_backs_end_as_the_path_without_the_undone(
        script: str, moves: list[Move]) -> None:
    played = CallSession(_CONTENT, script, CONTEXT, Clock())
    kept: list[Move] = []
    for move in moves:
        if not _apply(played, move):
            continue
        if move[0] == "back":
            kept.pop()
        else:
            kept.append(move)
    straight = CallSession(_CONTENT, script, CONTEXT, Clock())
    for move in kept:
        assert _apply(straight, move)
    assert _state(played) == _state(straight)
    # What the figures count is the path finally taken, objections included.
    assert path_taken(_logged(played)) == path_taken(_logged(straight))
    assert path_taken(_logged(played))[0] == [(t.script, t.step) for t in played.path]
