"""The explorer: every answer of every step of the shipped scripts, every objection raised
from every step where it applies, every field tried with a wrong value then a right one,
and every call ended, at the keyboard (Pilot), in French and English, at 80×24 and 120×40.

The walk is planned from the content itself (scripts/*.yaml, objections.yaml), so a step
or an objection added later is walked too. Any exception in the cockpit fails the test.

Walking everything in each of the four settings would take minutes: the paths are shared
out between the settings, each walked once, and every field met on the way is tried."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import pytest

from cockpit.content.loader import load_content
from cockpit.domain.script import Answer, Objection, ScriptSet, Target
from cockpit.paths import content_dir
from cockpit.tui.screens.caller import CallerScreen
from cockpit.tui.screens.end_call import EndCallModal
from cockpit.tui.widgets.script_panel import CaptureInput, ScriptPanel
from tests.ui.helpers import settle

SETTINGS = [("fr", (120, 40)), ("en", (80, 24)), ("fr", (80, 24)), ("en", (120, 40))]
CALLERS = ("Melissa", "Karim", "Sophie", "Thomas")  # when a queue runs dry, the next one's

# A wrong value, then a right one, for each type of field (None: nothing is wrong in it).
VALUES = {
    "text": (None, "Essai"), "date": ("zz", "15/12/2026"), "datetime": ("zz", "24/11 10:30"),
    "money": ("beaucoup", "600"), "phone": ("12", "06 12 34 56 78"),
    "email": ("pas-un-mail", "a@example.fr"), "yesno": ("peut-être", "oui"),
    "siret": ("123", "73282932000074"), "integer": ("abc", "3"), "choice": ("zz", "1"),
}


@dataclass(frozen=True)
class Item:
    """One thing to walk: answer `answer` (1-based) of a step, or of an objection raised there."""

    script: str
    step: str
    answer: int
    objection: str | None = None


def _content() -> ScriptSet:
    return load_content(content_dir())


def _objection_answers(objection: Objection) -> tuple[Answer, ...]:
    if objection.answers:
        return objection.answers
    then = objection.then
    if isinstance(then, Target):
        return (Answer("", goto=then),)
    if then == "back":
        return (Answer(""),)
    return (Answer("", end=then),)  # type: ignore[arg-type]


def _answers(content: ScriptSet, item: Item) -> tuple[Answer, ...]:
    if item.objection is None:
        return content.scripts[item.script].steps[item.step].answers
    return _objection_answers(content.objections[item.objection])


def _ends(content: ScriptSet, item: Item) -> bool:
    if item.answer == 0:
        return True  # a step with no answers: the caller ends the call
    return _answers(content, item)[item.answer - 1].end is not None


def all_items(content: ScriptSet) -> tuple[list[Item], list[Item]]:
    """(what leads on, what ends a call): every answer of every step; every objection from
    every step where it applies, returning by an answer that goes on when it has one; and
    every answer of every objection from one step at least."""
    going, ending = [], []
    for sid, script in content.scripts.items():
        for step_id, step in script.steps.items():
            for number in range(1, len(step.answers) + 1):
                item = Item(sid, step_id, number)
                (ending if _ends(content, item) else going).append(item)
            for objection in content.objections_at(sid, step_id):
                answers = _objection_answers(objection)
                on = [n for n, a in enumerate(answers, 1) if a.end is None]
                item = Item(sid, step_id, on[0] if on else 1, objection.id)
                (ending if _ends(content, item) else going).append(item)
    seen = {(i.objection, i.answer) for i in going + ending if i.objection}
    for objection in content.objections.values():
        places = [(s, st) for s, sc in content.scripts.items() for st in sc.steps
                  if objection in content.objections_at(s, st)]
        for number in range(1, len(_objection_answers(objection)) + 1):
            if places and (objection.id, number) not in seen:
                item = Item(*places[0], number, objection.id)
                (ending if _ends(content, item) else going).append(item)
    return going, ending


def _next(content: ScriptSet, at: Target, item: Item) -> Target | None:
    """Where the call is after `item` (None: it ended)."""
    if item.answer == 0:
        return None
    answer = _answers(content, item)[item.answer - 1]
    if answer.end is not None:
        return None
    return answer.goto or at


def _route(content: ScriptSet, start: Target, wanted: set[Item]) -> list[Item] | None:
    """The shortest walk from `start` (by answers that go on) to a step where an item of
    `wanted` can be walked, that item last."""
    queue: deque[tuple[Target, list[Item]]] = deque([(start, [])])
    seen = {start}
    while queue:
        at, walk = queue.popleft()
        step = content.step(at)
        here = [i for i in wanted if (i.script, i.step) == (at.script, at.step)]
        if here:
            return [*walk, min(here, key=lambda i: (i.objection or "", i.answer))]
        for number, answer in enumerate(step.answers, 1):
            if answer.end is None and answer.goto and answer.goto not in seen:
                seen.add(answer.goto)
                queue.append((answer.goto, [*walk, Item(at.script, at.step, number)]))
    return None


class Explorer:
    def __init__(self, app, pilot, content: ScriptSet) -> None:  # type: ignore[no-untyped-def]
        self.app, self.pilot, self.content = app, pilot, content
        self.steps: set[tuple[str, str]] = set()
        self.objections: set[tuple[str, str, str]] = set()
        self.fields = 0
        self.tried: set[str] = set()  # the capture keys given a wrong value already
        self.digits_tried = False

    async def settle(self) -> None:
        await settle(self.pilot, rounds=2)

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.settle()

    @property
    def panel(self) -> ScriptPanel:
        return self.app.screen.query_one(ScriptPanel)

    def where(self) -> str:
        call = self.panel.call
        return f"{call.breadcrumb if call else None} ({self.app.tr.lang}, {self.app.size})"

    async def fill(self, script: str, step: str, objection: str | None) -> None:
        """Tab into each field; a wrong value is refused where it is typed (the field keeps
        the focus, in view), then a right one is taken and Enter moves on."""
        panel = self.panel
        captures = panel.call.captures
        fields = panel.capture_fields
        assert [f.key for f in fields] == [c.key for c in captures], self.where()
        for index, capture in enumerate(captures):
            try_wrong = capture.key not in self.tried  # once a field, in each setting
            self.tried.add(capture.key)
            if not try_wrong and (capture.value or not capture.required):
                continue
            wrong, right = VALUES[capture.type]
            if wrong is None and capture.required:
                wrong = ""
            panel.focus()
            await self.pilot.press(*(["tab"] * (index + 1)))
            field = self.app.focused
            assert isinstance(field, CaptureInput) and field.key == capture.key, self.where()
            await self.pilot.pause()
            self._assert_in_view(field)
            if try_wrong and wrong is not None:
                field.value = ""
                await self.press(*list(wrong), "enter")
                assert self.app.focused is field, f"{capture.key} refused: {self.where()}"
                said = str(panel._errors[capture.key].render())
                assert said.strip(), f"no message for a wrong {capture.key}: {self.where()}"
                if not self.digits_tried:  # digits in a refused field are text of it
                    self.digits_tried = True
                    await self.press(*list("42"))
                    assert field.value.endswith("42") and self.app.focused is field
            field.value = ""
            await self.press(*list(right), "enter")
            assert self.app.focused is not field, f"{capture.key} not taken: {self.where()}"
            assert not str(panel._errors[capture.key].render()).strip(), self.where()
            self.fields += 1
        panel.focus()
        await self.pilot.pause()

    def _assert_in_view(self, field: CaptureInput) -> None:
        region = field.region
        body = self.panel.query_one("#script-body")
        assert region.area > 0, f"{field.key} not drawn: {self.where()}"
        assert self.app.screen.region.contains_region(region), self.where()
        assert body.region.contains_region(region), f"{field.key} out of view: {self.where()}"

    async def walk(self, at: Target, item: Item) -> Target | None:
        """Walk one item from `at`; where the call is after it (None: ended and saved)."""
        call = self.panel.call
        assert call is not None and call.mode == "step", self.where()
        assert call.step_title == self.content.step(at).title, self.where()
        self.steps.add((at.script, at.step))
        if item.objection is not None:
            await self.raise_objection(at, item.objection)
        if self.panel.call.captures:
            await self.fill(at.script, at.step, item.objection)
        if item.answer:
            await self.press(str(item.answer))
        after = _next(self.content, at, item)
        if after is None:
            await self.end_call()
        return after

    async def raise_objection(self, at: Target, objection_id: str) -> None:
        offered = [o.id for o in self.content.objections_at(at.script, at.step)]
        await self.press("o")
        await self.press(*(["down"] * offered.index(objection_id)), "enter")
        call = self.panel.call
        assert call.mode == "objection" and call.objection.id == objection_id, self.where()
        self.objections.add((at.script, at.step, objection_id))

    async def end_call(self) -> None:
        below = next(s for s in reversed(self.app.screen_stack) if isinstance(s, CallerScreen))
        panel = below.query_one(ScriptPanel)
        call = panel.call
        if call is not None and call.mode == "ended" and call.outcome:  # the script's end
            shown = panel._answers_line(call).plain
            assert self.app.tr(f"outcome.{call.outcome}") in shown, shown
            assert call.outcome not in shown, shown  # its words, never its code
        if not isinstance(self.app.screen, EndCallModal):
            await self.press("f")
        assert isinstance(self.app.screen, EndCallModal), self.where()
        await self.press("ctrl+s")
        assert isinstance(self.app.screen, CallerScreen), self.where()
        assert self.panel.call is None, self.where()
        assert self.app.focused is self.app.screen.query_one("#queue-list"), self.where()

    async def start(self, script: str) -> Target:
        """A call in `script`: a freelance from a need's list, else the person in the queue
        (through the switchboard when the script is the decision maker's)."""
        if script == "freelance":
            await self.press("b")
            await self.press("enter")
            await self.press("enter", "a")
        else:
            # The first line that may be called now: a person listed to prepare (held: a
            # call booked but too many attempts lately, a cooldown…) is refused by `a`, and
            # the queue's own tests say who is held; the walk is about the scripts.
            screen = self.app.screen
            for _ in range(40):
                person = screen.highlighted
                if person is None or not screen.held_reason(person):
                    break
                await self.press("down")
            await self.press("a")
        call = self.panel.call
        assert call is not None, (f"no call started for {script} ({self.where()}; "
                                  f"{[n.message for n in self.app._notifications][-1:]})")
        for sid, s in self.content.scripts.items():
            if s.title == call.script_title:
                return Target(sid, s.start)
        raise AssertionError(call.script_title)


def _reach(content: ScriptSet, start: Target, script: str) -> bool:
    return _route(content, start, {Item(script, s, 0) for s in content.scripts[script].steps}
                  ) is not None


def _share(ending: list[Item], part: int) -> list[Item]:
    return [item for n, item in enumerate(ending) if n % len(SETTINGS) == part]


class BackExplorer(Explorer):
    """The same walk, with Backspace after every move that goes on: the call comes back
    where it was (the objection's answers, when one was raised), then the same answer takes
    it on again, its fields still filled in."""

    backs = 0

    async def walk(self, at: Target, item: Item) -> Target | None:
        after = await super().walk(at, item)
        if after is None or not item.answer:
            return after
        await self.press("backspace")
        call = self.panel.call
        assert call is not None and call.step_title == self.content.step(at).title, \
            f"back from {after}: {self.where()}"
        assert call.mode == ("objection" if item.objection else "step"), self.where()
        assert [c.value for c in call.captures if c.required and not c.value] == [], \
            f"a field emptied by going back: {self.where()}"
        self.backs += 1
        await self.press(str(item.answer))
        call = self.panel.call
        assert call is not None and call.step_title == self.content.step(after).title, \
            f"again to {after}: {self.where()}"
        return after


async def _explore(app, pilot, content: ScriptSet, todo: set[Item],  # type: ignore[no-untyped-def]
                   kind: type[Explorer] = Explorer) -> Explorer:
    explorer = kind(app, pilot, content)
    await explorer.settle()
    calls = 0
    while todo:
        calls += 1
        assert calls < 200, f"the walk goes round in circles: {sorted(todo, key=str)[:5]}"
        script = min(todo, key=lambda i: (i.script != "freelance", i.script)).script
        if script != "freelance" and app.screen.highlighted is None:
            break  # this caller's queue is empty: the next caller goes on
        at: Target | None = await explorer.start(script)
        assert at is not None
        while at is not None:
            going = {i for i in todo if not _ends(content, i)}
            walk = _route(content, at, going) or _route(content, at, todo)
            if walk is None:  # nothing left from here: leave by the first way out
                walk = _route(content, at, {i for s in content.scripts.values()
                                            for st in s.steps.values()
                                            for i in [Item(s.id, st.id, n) for n, a in
                                                      enumerate(st.answers, 1) if a.end]})
            if walk is None:
                await explorer.end_call()  # a step with no answers (the voicemail)
                explorer.steps.add((at.script, at.step))
                todo -= {i for i in todo if (i.script, i.step) == (at.script, at.step)}
                break
            for item in walk:
                todo.discard(item)
                at = await explorer.walk(at, item)
                if at is None:
                    break
    return explorer


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "size"), SETTINGS, ids=[f"{lang}-{w}x{h}" for lang, (w, h)
                                                            in SETTINGS])
async def test_every_path_of_every_script(make_app, lang: str, size: tuple[int, int],
                                          capsys) -> None:
    content = _content()
    going, ending = all_items(content)
    part = SETTINGS.index((lang, size))
    todo = set(_share(going, part)) | set(_share(ending, part))
    # Steps with no answers (the voicemail) are walked by reaching them.
    todo |= {Item(s.id, st.id, 0) for s in content.scripts.values()
             for st in s.steps.values() if not st.answers}
    planned = len(todo)
    steps, objections, fields = set(), set(), 0
    for caller in CALLERS:
        app = make_app(caller=caller, lang=lang)
        async with app.run_test(size=size) as pilot:
            explorer = await _explore(app, pilot, content, todo)
        steps |= explorer.steps
        objections |= explorer.objections
        fields += explorer.fields
        if not todo:
            break
    assert not todo, f"not walked: {sorted(todo, key=str)[:10]}"
    with capsys.disabled():
        print(f"\nexplorer {lang} {size[0]}x{size[1]}: {planned} paths, {len(steps)} steps, "
              f"{len(objections)} objections raised, {fields} fields "
              f"(of {len(going) + len(ending)} shared out between {len(SETTINGS)} settings)")


@pytest.mark.slow
async def test_back_at_every_step_of_a_walk(make_app, capsys) -> None:
    """Part of the walk (French, 80×24; an eighth of the paths, every step on the way to
    them), Backspace pressed after every move: nothing breaks, each step comes back as it
    was and goes on again."""
    content = _content()
    going, ending = all_items(content)
    todo = {item for n, item in enumerate(going + ending) if n % 8 == 3}
    backs = 0
    for caller in CALLERS:
        app = make_app(caller=caller, lang="fr")
        async with app.run_test(size=(80, 24)) as pilot:
            explorer = await _explore(app, pilot, content, todo, BackExplorer)
        backs += explorer.backs  # type: ignore[attr-defined]
        if not todo:
            break
    assert not todo, f"not walked: {sorted(todo, key=str)[:10]}"
    assert backs > 10
    with capsys.disabled():
        print(f"\nexplorer with Backspace at every step: {backs} steps gone back over")


def test_the_plan_covers_every_answer_and_objection() -> None:
    """The plan itself: every answer of every step and every objection at every step where
    it applies, the calls ending shared out with none left over."""
    content = _content()
    going, ending = all_items(content)
    planned = {i for part in range(len(SETTINGS))
               for i in _share(going, part) + _share(ending, part)}
    assert len(planned) == len(set(going) | set(ending))
    for sid, script in content.scripts.items():
        for step_id, step in script.steps.items():
            assert {Item(sid, step_id, n) for n in range(1, len(step.answers) + 1)} <= planned
            for objection in content.objections_at(sid, step_id):
                assert any(i.objection == objection.id and (i.script, i.step) == (sid, step_id)
                           for i in planned)
    start = content.start_of("standard")
    assert all(_reach(content, start, s) for s in ("standard", "do"))
