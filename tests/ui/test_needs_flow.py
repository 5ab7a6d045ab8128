"""From a qualified need to a proposed freelance, at the keyboard, checked in the database."""

from __future__ import annotations

import sqlite3

from textual.widgets import TextArea

from cockpit.services.views import PersonRef
from cockpit.settings import Settings
from cockpit.tui.screens.cv import CvModal
from cockpit.tui.screens.form import FormModal
from cockpit.tui.screens.match import MatchScreen
from cockpit.tui.screens.needs import NeedsScreen
from tests.ui.helpers import settle


def _db(url: str) -> sqlite3.Connection:
    return sqlite3.connect(url.removeprefix("sqlite:///"))


async def test_need_to_proposed_freelance_to_cv_follow_up(make_app, demo_url: str, tmp_path,
                                                          monkeypatch) -> None:
    """The CV goes out as a real .eml draft in the mail_dir setting; only then is it recorded as
    sent, with the file's path in the DO's history, and the follow-up booked."""
    from cockpit.tui.screens.mail import MailModal

    mail_dir = tmp_path / "brouillons"  # missing: created on the first draft
    app = make_app(settings=Settings(mail_dir=str(mail_dir)))
    with _db(demo_url) as db:
        (do_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = 1 "
                              "AND email <> '' ORDER BY id LIMIT 1").fetchone()
    need_id = app.services.create_need(app.caller.id, {
        "title": "Architecte Kubernetes", "technologies": "kubernetes", "region": "Bretagne",
        "start": "janvier", "budget_rate": "900"}, PersonRef("contact", do_id))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, NeedsScreen)
        await pilot.press("slash", *list("kuber"), "enter")  # filter, then back to the list
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MatchScreen) and app.screen.need_id == need_id
        page = app.screen.page
        assert page is not None and page.rows and all("kubernetes" in r.covered
                                                       for r in page.rows)
        chosen = page.rows[0]
        await pilot.press("enter")  # from the search field to the list
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, CvModal)
        text = app.screen.query_one(TextArea).text
        last = chosen.name.split(" ", 1)[1]
        assert last not in text and "@" not in text and "Le consultant" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MailModal)  # the e-mail first: nothing recorded yet
        with _db(demo_url) as db:
            assert db.execute("SELECT count(*) FROM reminder WHERE need_id = ?",
                              (need_id,)).fetchone() == (0,)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, MatchScreen)
        (eml,) = mail_dir.glob("*.eml")
        mail = eml.read_text(encoding="utf-8")
        assert "X-Unsent: 1" in mail and "Architecte Kubernetes" in mail
        # The proposal's detail says where the CV went.
        assert str(eml) in str(app.screen.query_one("#match-detail-text").render())
        # A placement needs both clauses: a typo is refused with a message, not read as no.
        await pilot.press("l", "o", "enter", "x", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormModal)
        said = str(app.screen.query_one("#field-error-non_solicitation").render())
        assert "répondez oui ou non" in said
        await pilot.press("escape")
        await settle(pilot)

    with _db(demo_url) as db:
        proposal = db.execute("SELECT freelance_id, status, anonymised_cv FROM proposal "
                              "WHERE need_id = ?", (need_id,)).fetchall()
        reminder = db.execute("SELECT kind, reason, contact_id, substr(due_at, 1, 10) "
                              "FROM reminder WHERE need_id = ?", (need_id,)).fetchall()
        status = db.execute("SELECT status FROM need WHERE id = ?", (need_id,)).fetchone()
        history = db.execute("SELECT body FROM note WHERE contact_id = ? AND freelance_id = ? "
                             "AND call_id IS NULL", (do_id, chosen.id)).fetchall()
    sent = f"CV de {chosen.name} envoyé pour «\u00a0Architecte Kubernetes\u00a0»\u00a0: {eml}"
    assert history == [(sent,)]
    assert [(f, s) for f, s, _ in proposal] == [(chosen.id, "cv_sent")]
    assert last not in proposal[0][2]
    # Monday 23 November 2026 + two working days.
    assert reminder == [("follow_up", "cv_follow_up", do_id, "2026-11-25")]
    assert status == ("proposed",)


async def test_calling_a_freelance_about_a_need_fills_the_freelance_script(
        make_app, demo_url: str) -> None:
    from cockpit.tui.screens.caller import CallerScreen
    from cockpit.tui.widgets.script_panel import ScriptPanel

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        match = app.screen
        assert isinstance(match, MatchScreen)
        need = match.need
        chosen = match.page.rows[0]
        await pilot.press("enter", "a")
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen)
        call = app.screen.query_one(ScriptPanel).call
        assert call is not None and call.person == PersonRef("freelance", chosen.id)
        assert need is not None and need.title in call.text

    with _db(demo_url) as db:
        assert db.execute("SELECT need_id, freelance_id FROM call ORDER BY id DESC LIMIT 1"
                          ).fetchone() == (need.id, chosen.id)


async def test_a_need_typed_by_hand_for_the_contact_in_the_queue(make_app, demo_url: str
                                                                ) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        contact = app.screen.highlighted
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*list("Data engineer"), "enter", *list("spark python"), "enter",
                          *list("Lille"), "enter", "enter", "enter", *list("beaucoup"), "enter")
        await pilot.pause()
        assert "«\u00a0beaucoup\u00a0» n'est pas un montant en euros" in str(
            app.screen.query_one("#field-error-budget_rate").render())
        field = app.screen.query_one("#field-budget_rate")
        field.value = ""
        await pilot.press(*list("700"), "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NeedsScreen)

    with _db(demo_url) as db:
        row = db.execute("SELECT title, technologies, region, budget_rate, contact_id FROM need "
                         "ORDER BY id DESC LIMIT 1").fetchone()
    assert row == ("Data engineer", "spark python", "Lille", 700, contact.id)


async def test_a_cv_whose_draft_cannot_be_saved_is_not_recorded_as_sent(
        make_app, demo_url: str, tmp_path, monkeypatch) -> None:
    from cockpit.tui.screens.mail import MailModal

    not_a_folder = tmp_path / "brouillons.txt"
    not_a_folder.write_text("a file, not a folder\n", encoding="utf-8")
    app = make_app(settings=Settings(mail_dir=str(not_a_folder)))
    with _db(demo_url) as db:
        (do_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = 1 "
                              "AND email <> '' ORDER BY id LIMIT 1").fetchone()
    need_id = app.services.create_need(app.caller.id, {
        "title": "Architecte Kubernetes", "technologies": "kubernetes"},
        PersonRef("contact", do_id))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(MatchScreen(need_id))
        await settle(pilot)
        await pilot.press("enter", "p")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        # The e-mail stays on screen (nothing lost), with the reason.
        assert isinstance(app.screen, MailModal)
        said = [str(n.message) for n in app._notifications]
        assert any(str(not_a_folder) in m and "pas un dossier" in m for m in said), said
    assert not_a_folder.read_text(encoding="utf-8") == "a file, not a folder\n"
    with _db(demo_url) as db:
        reminders = db.execute("SELECT count(*) FROM reminder WHERE need_id = ?",
                               (need_id,)).fetchone()
        status = db.execute("SELECT status, cv_sent_at FROM proposal WHERE need_id = ?",
                            (need_id,)).fetchall()
        notes = db.execute("SELECT count(*) FROM note WHERE contact_id = ? AND call_id IS NULL",
                           (do_id,)).fetchone()
    assert reminders == (0,) and status == [("proposed", None)] and notes == (0,)
