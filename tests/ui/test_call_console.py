"""The call console tells its screen what happened by messages, recorded here as they pass:
a call starts, changes and ends; a value refused comes back to its field, not as a failure
said by the app."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Input

from cockpit.tui.messages import CaptureChecked, QueueLoaded
from cockpit.tui.widgets.call_console import CallConsole
from cockpit.tui.workers import ServiceFailed
from tests.ui.helpers import settle, start_call


class Recorder(list[Message]):
    """Each message once, in the order posted (Textual's hook sees it at every node it
    bubbles through)."""

    def __call__(self, message: Message) -> None:
        if not any(m is message for m in self):
            self.append(message)


async def test_a_call_started_and_ended_is_told_to_the_screen(make_app) -> None:
    app = make_app()
    seen = Recorder()
    async with app.run_test(size=(120, 40), message_hook=seen) as pilot:
        await settle(pilot)
        person = app.screen.highlighted
        await pilot.press("a")
        await settle(pilot)
        started = [m for m in seen if isinstance(m, CallConsole.Started)]
        assert [m.person for m in started] == [person]
        changed = [m.call for m in seen if isinstance(m, CallConsole.CallChanged)]
        assert changed and changed[-1] is not None and changed[-1].person == person
        assert app.screen.has_class("-in-call")
        del seen[:]
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        kinds = [type(m) for m in seen]
        assert CallConsole.Ended in kinds
        assert [m.call for m in seen if isinstance(m, CallConsole.CallChanged)][-1] is None
        # Back at the queue, read again once the call is saved.
        assert QueueLoaded in kinds[kinds.index(CallConsole.Ended):]
        assert not any(isinstance(m, ServiceFailed) for m in seen)
        assert app.screen.call is None and not app.screen.has_class("-in-call")


async def test_a_value_refused_comes_back_to_its_field(make_app) -> None:
    app = make_app()
    seen = Recorder()
    async with app.run_test(size=(120, 40), message_hook=seen) as pilot:
        await start_call(pilot)
        await pilot.press("1")  # put through
        await settle(pilot)
        await pilot.press("3")  # he has a need
        await settle(pilot)
        capture = next(c for c in app.screen.call.captures if c.type == "money")
        field = app.screen.query_one(f"#capture-{capture.key}", Input)
        field.focus()
        await pilot.pause()
        await pilot.press(*list("beaucoup"), "enter")
        await settle(pilot)
        checked = [m for m in seen if isinstance(m, CaptureChecked)]
        assert [(m.key, m.call) for m in checked] == [(capture.key, None)]
        assert checked[0].error is not None
        assert not any(isinstance(m, ServiceFailed) for m in seen)  # said in place, once
        error = str(app.screen.query_one(f"#capture-error-{capture.key}").render())
        assert "beaucoup" in error
        assert field.value == "beaucoup"  # kept, to correct
