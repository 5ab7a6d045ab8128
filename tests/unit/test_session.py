"""The call engine on the shipped scripts: transfers, captures, objections, the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cockpit.content.loader import load_content
from cockpit.domain.errors import DomainError, ValidationError
from cockpit.domain.outcomes import Outcome
from cockpit.domain.script import ScriptSet, Target
from cockpit.domain.session import CallSession
from cockpit.paths import content_dir


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=5)
        return self.now


@pytest.fixture(scope="module")
def content() -> ScriptSet:
    return load_content(content_dir())


CONTEXT = {"caller": {"first_name": "Melissa"}, "firm": {"name": "Smarteo"},
           "contact": {"civility": "Madame", "last_name": "Martin"}}


def test_switchboard_transfers_to_the_decision_maker(content: ScriptSet) -> None:
    session = CallSession(content, "standard", CONTEXT, Clock())
    assert "Madame Martin" in session.text
    session.choose(1)  # put through
    assert session.position == Target("do", "intro")
    assert "Melissa" in session.text and "Smarteo" in session.text
    assert [e.kind for e in session.events] == ["started", "step", "answer", "transfer", "step"]
    times = [e.at for e in session.events]
    assert times == sorted(times)


def test_unknown_values_give_way_to_their_fallback(content: ScriptSet) -> None:
    session = CallSession(content, "standard", {}, Clock())
    assert "[" not in session.text and "{" not in session.text
    assert "Madame, Monsieur" in session.text


def test_required_captures_block_the_answer_until_filled(content: ScriptSet) -> None:
    session = CallSession(content, Target("do", "call_back_later"), CONTEXT, Clock())
    with pytest.raises(ValidationError) as caught:
        session.choose(1)
    assert caught.value.code == "captures_missing"
    with pytest.raises(ValidationError):
        session.capture("callback_at", "le 40 du mois")
    session.capture("callback_at", "demain 15h")
    session.choose(1)
    assert session.outcome == Outcome.CALLBACK
    with pytest.raises(DomainError):
        session.choose(1)


def test_a_value_its_rules_refused_holds_the_call_until_corrected_or_emptied(
        content: ScriptSet) -> None:
    """A budget typed as words: refused, and the call went on without it (an earlier value,
    not the one on screen, was kept)."""
    session = CallSession(content, Target("do", "qualify_need"), CONTEXT, Clock())
    session.capture("need_title", "Dev Java")
    session.capture("need_budget", "650")
    with pytest.raises(ValidationError):
        session.capture("need_budget", "beaucoup")
    with pytest.raises(ValidationError) as caught:
        session.choose(1)
    assert caught.value.code == "captures_refused" and "Budget TJM" in str(caught.value)
    assert session.position == Target("do", "qualify_need")
    session.capture("need_budget", "")  # emptied: the call goes on without a budget
    session.choose(1)
    assert session.position == Target("do", "confirm_email")
    assert "need_budget" not in session.captured
    session.back()
    with pytest.raises(ValidationError):
        session.capture("need_budget", "700 balles")
    session.capture("need_budget", "700")  # corrected
    session.choose(1)
    assert session.captured["need_budget"] == 700


def test_objection_detour_goes_on_where_it_says(content: ScriptSet) -> None:
    session = CallSession(content, Target("do", "intro"), CONTEXT, Clock())
    ids = {o.id for o in session.objections_available()}
    assert "already_have_suppliers" in ids and "freelance_not_available" not in ids
    session.raise_objection("already_have_suppliers")
    assert session.objection is not None
    assert next(a.label for a in session.answers) == "Un besoin difficile existe"
    session.choose(1)
    assert session.position == Target("do", "qualify_need")
    assert session.objection is None


def test_objection_back_returns_to_the_step(content: ScriptSet) -> None:
    session = CallSession(content, Target("do", "what_we_do"), CONTEXT, Clock())
    session.raise_objection("freelancers_expensive")
    session.resume()
    assert session.position == Target("do", "what_we_do")


def test_objection_not_allowed_here(content: ScriptSet) -> None:
    session = CallSession(content, Target("do", "intro"), CONTEXT, Clock())
    with pytest.raises(DomainError):
        session.raise_objection("freelance_rate_too_high")


def test_round_trip_after_a_crash(content: ScriptSet) -> None:
    clock = Clock()
    session = CallSession(content, Target("do", "qualify_need"), CONTEXT, clock)
    session.capture("need_title", "Développeur Java")
    session.capture("need_budget", "600")
    restored = CallSession.from_dict(content, session.to_dict(), clock)
    assert restored.position == session.position
    assert restored.captured == session.captured
    assert len(restored.events) == len(session.events)
    restored.choose(1)
    assert restored.position == Target("do", "confirm_email")


def test_a_call_ended_in_the_middle_of_a_need_offers_to_save_it(content: ScriptSet) -> None:
    clock = Clock()
    session = CallSession(content, Target("do", "qualify_need"), CONTEXT, clock)
    assert session.proposed_outcome is None  # nothing captured: nothing to offer
    session.capture("need_title", "Développeur Java")
    assert session.proposed_outcome == Outcome.NEED_QUALIFIED
    # After a crash, the call resumed: the same offer.
    restored = CallSession.from_dict(content, session.to_dict(), clock)
    assert restored.proposed_outcome == Outcome.NEED_QUALIFIED
    restored.end(Outcome.CALLBACK)  # what the caller chose wins
    assert restored.proposed_outcome == Outcome.CALLBACK
