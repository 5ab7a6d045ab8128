"""The content we ship: it checks clean, every path of every script reaches an outcome, and
every objection can be raised wherever it applies and leads somewhere."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from cockpit.content.loader import check_content, load_content
from cockpit.domain.outcomes import Outcome
from cockpit.domain.placeholders import render
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


# -- what the caller reads aloud ------------------------------------------------------------

NBSP = "\u00a0"
# A sign that French sets off with a non-breaking space, preceded by a plain space or
# glued to a word; « and » with a plain space (or none) on their inner side.
_BAD_TYPOGRAPHY = re.compile(r"(?:[ \t\u202f][?!:;»]|\w[?!;»]|«[ \t\u202f\w]|\w:(?=\s|$))")
FULL = {"caller": {"first_name": "Melissa", "email": "melissa@smarteo.fr", "phone": ""},
        "firm": {"name": "Smarteo", "margin": 0.2},
        "contact": {"civility": "Madame", "first_name": "Claire", "last_name": "Durand",
                    "role": "DSI", "is_decision_maker": True},
        "company": {"name": "Banque X", "city": "Lyon"},
        "need": {"title": "Développeur Java", "region": "Auvergne-Rhône-Alpes",
                 "budget_rate": 550, "start": "janvier", "duration": "6 mois"},
        "freelance": {"first_name": "Karim", "last_name": "B.", "day_rate": 530}}


def _shown_texts(content: ScriptSet) -> list[tuple[str, str]]:
    """(where, text) for every text of the content a caller sees."""
    texts: list[tuple[str, str]] = []
    for script in content.scripts.values():
        texts.append((f"script {script.id}", script.title))
        for step in script.steps.values():
            where = f"{script.id}:{step.id}"
            texts += [(where, step.title), (where, step.say), (where, step.hint)]
            texts += [(where, a.label) for a in step.answers]
            for capture in step.captures:
                texts += [(where, capture.label), *((where, c) for c in capture.choices)]
    for objection in content.objections.values():
        where = f"objection {objection.id}"
        texts += [(where, objection.label), (where, objection.reply), (where, objection.hint)]
        texts += [(where, a.label) for a in objection.answers]
        texts += [(where, c.label) for c in objection.captures]
    for persona in content.personas.values():
        where = f"persona {persona.id}"
        texts += [(where, persona.name), (where, persona.summary)]
        texts += [(where, t) for t in (*persona.drivers, *persona.blockers,
                                        *persona.listen_for, *persona.do)]
    return texts


def _typography_faults(text: str) -> list[str]:
    return [text[max(0, m.start() - 15):m.end() + 5] for m in _BAD_TYPOGRAPHY.finditer(text)]


def test_shipped_texts_have_a_non_breaking_space_before_double_signs(content: ScriptSet) -> None:
    faults = []
    for where, text in _shown_texts(content):
        for shown in (text, render(text, {}), render(text, FULL)):
            faults += [f"{where}: …{f}…" for f in _typography_faults(shown)]
    assert not faults, "\n".join(sorted(set(faults)))


def test_the_french_catalogue_has_a_non_breaking_space_before_double_signs() -> None:
    from cockpit.i18n.fr import TEXT

    faults = [f"{key}: …{f}…" for key, text in TEXT.items() for f in _typography_faults(text)]
    assert not faults, "\n".join(faults)


def test_no_raw_placeholder_reaches_the_screen_when_values_are_unknown(
        content: ScriptSet) -> None:
    shown = [(where, render(text, {})) for where, text in _shown_texts(content)]
    raw = [f"{where}: {text}" for where, text in shown if "{" in text or "[" in text]
    assert not raw, "\n".join(raw)


def test_switchboard_asks_for_the_decision_maker_when_a_permanent_is_queued(
        content: ScriptSet) -> None:
    step = content.step(Target("standard", "ask_for_do"))
    do = {**FULL["contact"], "is_decision_maker": True}
    permanent = {**FULL["contact"], "is_decision_maker": False, "role": "Assistante"}
    assert "Madame Durand" in render(step.say, {"contact": do})
    asked = render(step.say, {"contact": permanent})
    assert "Durand" not in asked
    assert "recrutements de consultants" in asked


def test_do_script_greets_the_queued_do_by_name_and_anyone_else_without_one(
        content: ScriptSet) -> None:
    intro = content.step(Target("do", "intro")).say
    do = {**FULL["contact"], "is_decision_maker": True}
    assert render(intro, {"contact": do}).startswith("Bonjour Madame Durand,")
    no_civility = {**do, "civility": ""}
    assert render(intro, {"contact": no_civility}).startswith("Bonjour Claire Durand,")
    # An assistant was queued: the switchboard put the caller through to whoever recruits.
    assistant = {**FULL["contact"], "is_decision_maker": False, "role": "Assistante"}
    greeted = render(intro, {"contact": assistant})
    assert greeted.startswith("Bonjour Madame, Monsieur,")
    assert "Durand" not in greeted and "Claire" not in greeted


def test_freelance_script_says_where_with_the_right_preposition(content: ScriptSet) -> None:
    step = content.step(Target("freelance", "mobility"))
    assert "se déroule en Auvergne-Rhône-Alpes" in render(step.say, FULL)
    city = {**FULL, "need": {**FULL["need"], "region": "Lyon"}}
    assert "se déroule à Lyon" in render(step.say, city)


def test_voicemail_gives_a_way_to_call_back(content: ScriptSet) -> None:
    say = content.step(Target("standard", "voicemail")).say
    assert "melissa@smarteo.fr" in render(say, FULL)
    with_phone = {**FULL, "caller": {**FULL["caller"], "phone": "06 12 34 56 78"}}
    assert "au 06 12 34 56 78" in render(say, with_phone)


def test_freelance_is_asked_about_interest_and_may_have_no_cv(content: ScriptSet) -> None:
    freelance = content.scripts["freelance"]
    assert any("intéresse" in s.say for s in freelance.steps.values())
    assert "Pas de CV" in [a.label for a in freelance.steps["cv"].answers]


def test_rate_hint_sets_the_rate_against_the_budget_at_the_margin(content: ScriptSet) -> None:
    hint = content.step(Target("freelance", "rate")).hint
    asked = {**FULL, "capture": {"day_rate": "530 €"}}
    assert ("530 € d'achat → 663 € de vente avec 20 % de marge : au-dessus du "
            "budget de 550 €") in render(hint, asked).replace(NBSP, " ")
    cheaper = {**FULL, "capture": {"day_rate": "400 €"}}
    assert "dans le budget de 550" in render(hint, cheaper).replace(NBSP, " ")


def test_a_freelance_called_without_a_need_hears_of_the_missions_not_of_la_mission(
        content: ScriptSet) -> None:
    step = content.step(Target("freelance", "intro"))
    about = render(step.say, {"need": {"title": "Développeur Java"}}).replace("\xa0", " ")
    assert "au sujet de la mission « Développeur Java »" in about
    without = render(step.say, {})
    assert "« la mission »" not in without.replace("\xa0", " ")
    assert "au sujet des missions que nous avons en ce moment" in without
