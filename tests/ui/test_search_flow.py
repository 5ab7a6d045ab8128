"""Search → record → call at the keyboard: `/` on the caller's screen, a name typed without
its accents, Enter on the person, `a` on their record, the number chosen; the call starts in
the cockpit's console, the claim taken in the database as from the queue."""

from __future__ import annotations

import sqlite3

from textual.widgets import OptionList

from cockpit.services.views import PersonRef
from cockpit.tui.screens.caller import CallerScreen
from cockpit.tui.screens.picker import PickerModal
from cockpit.tui.screens.records import CompanyRecordScreen, PersonRecordScreen
from cockpit.tui.screens.search import SearchScreen
from cockpit.tui.widgets.record_parts import RecordSection
from tests.ui.helpers import settle


def _db(url: str) -> sqlite3.Connection:
    return sqlite3.connect(url.removeprefix("sqlite:///"))


def _options(app) -> list[str]:
    options = app.screen.query_one("#search-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_search_a_person_open_the_record_and_call_them(make_app, demo_url: str) -> None:
    with _db(demo_url) as db:
        # Someone callable with a direct line besides the switchboard: a number to choose.
        contact_id, first, last = db.execute(
            "SELECT c.id, c.first_name, c.last_name FROM contact c WHERE NOT c.is_switchboard "
            "AND c.owner_id IS NULL AND NOT c.do_not_call AND c.claimed_by_id IS NULL "
            "AND (SELECT count(*) FROM phone p WHERE p.contact_id = c.id) >= 2 "
            "AND c.last_name GLOB '*[éèëêïîôç]*' ORDER BY c.id LIMIT 1").fetchone()
        e164s = [e for (e,) in db.execute("SELECT e164 FROM phone WHERE contact_id = ? "
                                          "ORDER BY id", (contact_id,))]
    typed = last.lower().translate(str.maketrans("éèëêïîôç", "eeeeiioc"))  # no accents
    assert typed != last.lower()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*list(f"{first[:3]} {typed}"))
        await settle(pilot)
        shown = _options(app)
        assert any(f"{first} {last}" in line for line in shown), shown
        assert shown[0].startswith("Personnes (")
        # Down to the person, whoever comes first, then Enter.
        options = app.screen.query_one("#search-list", OptionList)
        while options.get_option_at_index(options.highlighted).id != f"contact:{contact_id}":
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonRecordScreen)
        record = app.screen.record
        assert record is not None and record.card.name == f"{first} {last}"
        assert [p.e164 for p in record.card.phones] == e164s
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PickerModal)  # two numbers: which one
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen)
        call = app.screen.call
        assert call is not None and call.person == PersonRef("contact", contact_id)
    with _db(demo_url) as db:
        claimed = db.execute("SELECT claimed_by_id FROM contact WHERE id = ?",
                             (contact_id,)).fetchone()
        (started,) = db.execute("SELECT count(*) FROM call WHERE contact_id = ? AND "
                                "outcome IS NULL", (contact_id,)).fetchone()
    assert claimed == (app.caller.id,) and started == 1


async def test_a_company_record_lists_its_people_and_opens_one(make_app, demo_url: str) -> None:
    with _db(demo_url) as db:
        _company_id, name = db.execute(
            "SELECT co.id, co.name FROM company co WHERE (SELECT count(*) FROM contact c WHERE "
            "c.company_id = co.id AND NOT c.is_switchboard) >= 2 AND (SELECT count(*) FROM "
            "company_figure f WHERE f.company_id = co.id) >= 2 ORDER BY co.id LIMIT 1").fetchone()
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:  # the smallest terminal too
        await settle(pilot)
        await pilot.press("slash", *list(name.lower()))
        await settle(pilot)
        assert _options(app)[0].startswith("Companies (")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompanyRecordScreen)
        figures = app.screen.query_one("#record-figures", RecordSection).plain
        assert "Figures by year" in figures and "per head" in figures
        people = app.screen.query_one("#record-people", OptionList)
        assert people.option_count >= 2
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonRecordScreen)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_an_answer_to_an_older_text_is_dropped(make_app) -> None:
    """Fast typing: an answer that comes back after newer keys never replaces theirs."""
    from cockpit.tui.screens.search import SearchDone

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *list("martin"))
        await settle(pilot)
        before = _options(app)
        assert before
        late = app.services.search(app.caller.id, "zzqx")  # what "zzqx" found, late
        app.screen.post_message(SearchDone(late))
        await settle(pilot)
        assert _options(app) == before
        await pilot.press(*["backspace"] * 6, *list("zzqx"))
        await settle(pilot)
        assert _options(app) == []
        assert "Rien ne correspond" in str(app.screen.query_one("#search-reply").render())


async def test_the_palette_opens_the_search(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *list("rechercher partout"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_a_person_not_found_is_created_by_hand_and_offered_when_typed_again(
        make_app, demo_url: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *list("quere"))
        await settle(pilot)
        assert _options(app) == []
        for attempt in range(2):
            await pilot.press("ctrl+n")
            await settle(pilot)
            assert isinstance(app.screen, PickerModal)
            await pilot.press("down", "enter")  # a contact
            await settle(pilot)
            # civility, first and last name, company, role, DO, e-mail, direct line, mobile
            for value in ("", "Anaïs", "Quéré", "Zéphyr", "DSI", "", "anais@zephyr.fr", "",
                          "0698765432"):
                await pilot.press(*list(value), "enter")
            await settle(pilot)
            await settle(pilot)
            if attempt == 0:
                assert isinstance(app.screen, PersonRecordScreen)
                made = app.screen.record
                assert made is not None and made.card.name == "Anaïs Quéré"
                await pilot.press("escape")
                await settle(pilot)
        # The second time: already known, offered first; Enter opens her record.
        assert isinstance(app.screen, PickerModal)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonRecordScreen)
        assert app.screen.record is not None and app.screen.record.card.name == "Anaïs Quéré"
    with _db(demo_url) as db:
        assert db.execute("SELECT count(*) FROM contact WHERE email = 'anais@zephyr.fr'"
                          ).fetchone() == (1,)
