"""Every screen draws data as it is written: a name holding a terminal sequence shows it as
visible signs (nothing reaches the terminal), Rich/Textual markup shows its brackets (it is
never styled, and a `[@click=…]` in it is never a link), and the cockpit keeps running."""

from __future__ import annotations

import re

from textual.widgets import DataTable, TextArea

from cockpit.settings import Settings
from cockpit.tui.screens.cv import CvModal
from cockpit.tui.screens.end_call import EndCallModal
from cockpit.tui.screens.form import FormModal
from cockpit.tui.screens.help import HelpModal
from cockpit.tui.screens.mail import MailModal
from cockpit.tui.screens.match import MatchScreen
from cockpit.tui.screens.needs import NeedsScreen
from cockpit.tui.screens.objection_picker import ObjectionPicker
from cockpit.tui.screens.review import ReviewScreen
from tests.rawdb import raw
from tests.ui.helpers import settle

# The markup first: a narrow column (the team's callers) still shows it.
HOSTILE = "[bold red]X[/]Evil\x1b]0;pwned\x07\x9b2J[@click=app.quit]Y"
SHOWN = "[bold red]X[/]Evil␛]0;pwned␇<U+009B>2J[@click=app.quit]Y"
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _seed(url: str) -> str:
    """Hostile text in every field a screen shows; returns the name the lead signs in with."""
    h = HOSTILE
    with raw(url) as db:
        db.execute("UPDATE caller SET name = ? || id, first_name = ?", (h, h))
        db.execute("UPDATE contact SET first_name = ?, last_name = ?, role = ?, persona = ''",
                   (h, h, h))
        db.execute("UPDATE company SET name = ?, sector = ?, city = ?", (h, h, h))
        db.execute("UPDATE freelance SET first_name = ?, last_name = ?, title = ?, city = ?, "
                   "cv_text = ? || char(10) || cv_text", (h, h, h, h, h))
        db.execute("UPDATE need SET title = ?, profile = ?, tasks = ?, region = ?, start = ?, "
                   "duration = ?, languages = ?, description = ?", (h,) * 8)
        db.execute("UPDATE note SET body = ?", (h,))
        db.execute("UPDATE reminder SET reason = ?", (h,))
        (lead,) = db.execute("SELECT name FROM caller WHERE is_lead = 1 ORDER BY id").fetchone()
    return lead


def _screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)



def _check(app, where: str, *, shows_data: bool = True) -> None:
    """Nothing drawn is a control character; where data is shown, its markup is literal."""
    text = _screen_text(app)
    assert app.is_running, f"the cockpit stopped on {where}"
    assert not CONTROL.findall(text.replace("\n", "")), f"a control character on {where}"
    if shows_data:
        assert "[bold red]X[/]" in text, f"markup read as markup (or data missing) on {where}"


async def test_every_screen_draws_hostile_data_literally(make_app, demo_url: str, tmp_path,
                                                         monkeypatch) -> None:
    app = make_app(caller=_seed(demo_url), settings=Settings(mail_dir=str(tmp_path / "mails")))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _check(app, "the queue and the card")
        text = _screen_text(app)
        assert SHOWN[:40] in text  # the card's name line, every sign visible
        assert "[@click=app.quit]" in text

        await pilot.press("a")  # the call: the script says the name and the company
        await settle(pilot)
        assert app.screen.call is not None
        _check(app, "the script")

        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ObjectionPicker)
        _check(app, "the objection picker", shows_data=False)
        await pilot.press("escape")

        await pilot.press("n", *list("[b]gras[/b]"), "escape")
        await settle(pilot)
        assert "[b]gras[/b]" in _screen_text(app)  # typed brackets stay brackets

        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, EndCallModal)
        _check(app, "the end of call", shows_data=False)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        _check(app, "the edit card form")
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, NeedsScreen)
        _check(app, "the needs")
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MailModal)
        _check(app, "the need's recap e-mail")
        assert CONTROL.search(app.screen.query_one(TextArea).text.replace("\n", "")) is None
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MatchScreen)
        _check(app, "a need's freelances")
        await pilot.press("enter", "p")  # to the list, propose the first: a notice names them
        await settle(pilot)
        _check(app, "the proposal's notice")
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, CvModal)
        _check(app, "the anonymised CV", shows_data=False)
        assert CONTROL.search(app.screen.query_one(TextArea).text.replace("\n", "")) is None
        await pilot.press("escape", "m")
        await settle(pilot)
        assert isinstance(app.screen, MailModal)
        _check(app, "the freelance's recap e-mail")
        await pilot.press("escape", "escape", "escape")
        await settle(pilot)

        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one("#team-table", DataTable).row_count
        _check(app, "the review's team")
        await pilot.press("tab")
        await settle(pilot)
        _check(app, "the review's figures", shows_data=False)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpModal)
        _check(app, "the help", shows_data=False)
        await pilot.press("escape", "ctrl+p")
        await settle(pilot)
        _check(app, "the command palette", shows_data=False)
        await pilot.press("escape")
        await settle(pilot)
        _check(app, "the cockpit, back")
    assert app.return_code in (None, 0)
