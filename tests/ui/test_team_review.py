"""The lead changes the team from the review (issue 17): adds a person in a form, makes
someone lead, sees someone leave and what went to the lead. A caller has none of these keys;
a refusal is said in the form, nothing typed lost."""

from __future__ import annotations

import sqlite3
import time

from rich.console import Console
from textual.widgets import DataTable, Input, Static

from cockpit.tui.screens.confirm import TYPED_AHEAD, ConfirmModal
from cockpit.tui.screens.review import ReviewScreen
from cockpit.tui.screens.team_form import TeamAddModal
from tests.ui.helpers import answer_yes, burst, settle


def _db(url: str) -> sqlite3.Connection:
    return sqlite3.connect(url.removeprefix("sqlite:///"))


async def _open_review(app, pilot) -> ReviewScreen:
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def _highlight(pilot, screen: ReviewScreen, name: str) -> None:
    """Down the team table to `name`."""
    assert screen.team is not None
    row = next(i for i, r in enumerate(screen.team.rows) if r.name == name)
    table = screen.query_one("#team-table", DataTable)
    await pilot.press(*["up"] * table.row_count, *["down"] * row)
    await settle(pilot)
    member = screen.selected_member()
    assert member is not None and member.name == name


def _names(screen: ReviewScreen) -> list[str]:
    table = screen.query_one("#team-table", DataTable)
    return [str(table.get_row_at(i)[0]).removesuffix(" ★") for i in range(table.row_count)]


def _said(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_the_lead_adds_a_person_in_a_form(make_app, demo_url: str) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _open_review(app, pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, TeamAddModal)
        await pilot.press(*"Nadia Benali", "enter", *"nadia@exemple.fr", "enter",
                          *"nadia_b", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "Nadia Benali" in _names(screen)
        assert "Nadia Benali rejoint l'équipe." in _said(app)
    with _db(demo_url) as db:
        row = db.execute("SELECT email, login, is_lead, active FROM caller WHERE name = ?",
                         ("Nadia Benali",)).fetchone()
        audit = db.execute("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert row == ("nadia@exemple.fr", "nadia_b", 0, 1) and audit == ("Melissa",)


async def test_a_name_already_taken_is_said_in_the_form_and_what_was_typed_stays(
        make_app, demo_url: str) -> None:
    with _db(demo_url) as db:
        before = db.execute("SELECT count(*) FROM caller").fetchone()
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _open_review(app, pilot)
        await pilot.press("a")
        await settle(pilot)
        modal = app.screen
        await pilot.press(*"Karim", "enter", *"k@exemple.fr", "ctrl+s")
        await settle(pilot)
        assert app.screen is modal  # still open, refused
        said = str(modal.query_one("#field-error-name", Static).render())
        assert "Karim fait déjà partie de l'équipe" in said
        assert modal.query_one("#field-email", Input).value == "k@exemple.fr"
        # Corrected, it goes through: the refusal left the form usable.
        name = modal.query_one("#field-name", Input)
        assert app.focused is name
        await pilot.press("end", *" Ziani")  # the name is selected: typing would replace it
        lead = modal.query_one("#field-lead", Input)
        lead.value = "oui"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "Karim Ziani rejoint l'équipe, comme chef d'équipe." in _said(app)
    with _db(demo_url) as db:
        after = db.execute("SELECT count(*) FROM caller").fetchone()
        lead_row = db.execute("SELECT is_lead FROM caller WHERE name = 'Karim Ziani'"
                              ).fetchone()
    assert after[0] == before[0] + 1 and lead_row == (1,)


async def test_a_bad_login_is_said_under_its_field_in_the_form_s_words(make_app) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_review(app, pilot)
        await pilot.press("a")
        await settle(pilot)
        modal = app.screen
        await pilot.press(*"Léa", "enter", "enter", *"Léa Rôle", "ctrl+s")
        await settle(pilot)
        assert app.screen is modal
        said = str(modal.query_one("#field-error-login", Static).render())
        assert "léa rôle" in said and "--login" not in said  # as checked: lower case
        await pilot.press("escape")  # cancelled: nobody added
        await settle(pilot)
        assert "Léa" not in _names(app.screen)


async def test_the_lead_makes_someone_lead(make_app, demo_url: str) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _open_review(app, pilot)
        await _highlight(pilot, screen, "Karim")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert "Karim devient chef d'équipe" in question
        await answer_yes(pilot)
        await settle(pilot)
        assert "Karim est chef d'équipe." in _said(app)
        karim = next(r for r in screen.team.rows if r.name == "Karim")
        assert karim.is_lead
        # Already lead: the key no longer applies to Karim.
        assert screen.check_action("make_lead", ()) is None
    with _db(demo_url) as db:
        assert db.execute("SELECT is_lead FROM caller WHERE name = 'Karim'").fetchone() == (1,)


async def test_someone_leaves_and_the_lead_is_told_what_came_to_her(make_app,
                                                                    demo_url: str) -> None:
    with _db(demo_url) as db:
        karim, melissa = (db.execute("SELECT id FROM caller WHERE name = ?", (n,)).fetchone()[0]
                          for n in ("Karim", "Melissa"))
        db.execute("UPDATE contact SET owner_id = ? WHERE id IN (SELECT id FROM contact "
                   "ORDER BY id LIMIT 2)", (karim,))
        private = db.execute("SELECT count(*) FROM contact WHERE owner_id = ?", (karim,)
                             ).fetchone()[0]
        open_reminders = db.execute("SELECT id FROM reminder WHERE owner_id = ? AND done_at "
                                    "IS NULL", (karim,)).fetchall()
    assert open_reminders  # the demo gives Karim some: the count below means something
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _open_review(app, pilot)
        await _highlight(pilot, screen, "Karim")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert "Karim quitte l'équipe" in question and "passent à Melissa" in question
        assert "rappels ouverts" in question and "contacts privés" in question
        await answer_yes(pilot)
        await settle(pilot)
        assert app.screen is screen
        assert "Karim" not in _names(screen)
        said = _said(app)
        assert "Karim a quitté l'équipe" in said
        assert (f"Confiés à Melissa\u00a0: {len(open_reminders)} rappels ouverts et "
                f"{private} contacts privés.") in said
    with _db(demo_url) as db:
        owners = {db.execute("SELECT owner_id FROM reminder WHERE id = ?", r).fetchone()[0]
                  for r in open_reminders}
        gone = db.execute("SELECT active FROM caller WHERE id = ?", (karim,)).fetchone()
        calls = db.execute("SELECT count(*) FROM call WHERE caller_id = ?", (karim,)
                           ).fetchone()
        owned = db.execute("SELECT count(*) FROM contact WHERE owner_id = ?", (karim,)
                           ).fetchone()
    assert owners == {melissa} and gone == (0,) and owned == (0,)
    assert calls[0] > 0  # his history stays


async def test_leaving_asked_then_refused_changes_nothing(make_app, demo_url: str) -> None:
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        await _highlight(pilot, screen, "Sophie")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen and "Sophie" in _names(screen)
        # The lead herself does not leave from her own review: the key is greyed on her.
        await _highlight(pilot, screen, "Melissa")
        assert screen.check_action("leave_team", ()) is None
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is screen
    with _db(demo_url) as db:
        assert db.execute("SELECT count(*) FROM caller WHERE active = 0").fetchone() == (0,)


async def test_a_caller_has_none_of_the_team_keys(make_app, demo_url: str) -> None:
    app = make_app("Karim")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        for action in ("add_member", "make_lead", "leave_team"):
            assert screen.check_action(action, ()) is False
        shown = {b.action for _n, b, enabled, _t in screen.active_bindings.values()
                 if enabled}
        assert not shown & {"add_member", "make_lead", "leave_team"}
        for key in ("a", "c", "d"):
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is screen
    with _db(demo_url) as db:
        assert db.execute("SELECT count(*) FROM caller WHERE active = 0 OR name = 'a'"
                          ).fetchone() == (0,)


async def test_f1_lists_the_lead_s_team_keys_in_her_language(make_app) -> None:
    for lang, words in (("fr", ("ajouter quelqu'un", "nommer chef", "départ")),
                        ("en", ("add someone", "make lead", "leaves the team"))):
        app = make_app("Melissa", lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await _open_review(app, pilot)
            await pilot.press("f1")
            await settle(pilot)
            console = Console(width=80, record=True)
            console.print(app.screen.query_one("#help-body", Static).content)
            shown = console.export_text()
            for word in words:
                assert word in shown, (lang, word)


async def test_a_yes_typed_ahead_of_the_question_answers_nothing(make_app, demo_url: str) -> None:
    # "d" then "o" of a word typed while the review had the focus: Karim must not leave.
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        await _highlight(pilot, screen, "Karim")
        burst(app, "d", "o")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)  # still asked
        await pilot.press("n")  # a no is taken at once
        await settle(pilot)
        assert app.screen is screen and "Karim" in _names(screen)
        await pilot.press("d")
        await settle(pilot)
        await answer_yes(pilot)
        await settle(pilot)
        assert "Karim" not in _names(screen)
    with _db(demo_url) as db:
        assert db.execute("SELECT active FROM caller WHERE name = 'Karim'").fetchone() == (0,)


async def test_a_yes_typed_ahead_answers_nothing_however_late_it_is_handled(
        make_app, demo_url: str, monkeypatch) -> None:
    # A busy machine: the question shows, then the App is held longer than a reader needs
    # before it handles the "o" typed in the same stroke as the "d".
    mount = ConfirmModal.on_mount

    def slow_mount(self: ConfirmModal) -> None:
        mount(self)
        time.sleep(TYPED_AHEAD + 0.2)

    monkeypatch.setattr(ConfirmModal, "on_mount", slow_mount)
    app = make_app("Melissa")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_review(app, pilot)
        await _highlight(pilot, screen, "Karim")
        burst(app, "d", "o")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)  # still asked
        await answer_yes(pilot)  # a yes typed after reading is taken
        await settle(pilot)
        assert "Karim" not in _names(screen)
