"""Names and companies from the database are drawn as they are written: an escape sequence
shows as visible signs (it never reaches the terminal), Rich markup as the brackets typed."""

from __future__ import annotations

import re

from tests.rawdb import raw
from tests.ui.helpers import settle

# Every C0 control, DEL and every C1 control: none may be drawn.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")



def _screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_sequences_and_markup_in_names_are_drawn_literally(make_app,
                                                                 demo_url: str) -> None:
    with raw(demo_url) as db:
        db.execute("UPDATE contact SET first_name = '[bold red]x', last_name = ?, role = ?",
                   ("Jean\x1b[2J\x1b[H", "Evil\x1b]0;pwned\x07Name"))
        db.execute("UPDATE company SET name = ?", ("Acme\x9b31m[/]",))
        db.execute("UPDATE note SET body = ?", ("note\x1b[2J",))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = _screen_text(app)
    assert not CONTROL.findall(shown.replace("\n", ""))
    assert "[bold red]x Jean␛[2J␛[H" in shown  # in the queue and on the card
    assert "Evil␛]0;pwned␇Name" in shown  # the role, on the card
    assert "Acme<U+009B>31m[/]" in shown
