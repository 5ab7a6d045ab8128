"""A CV attached from the freelances of a need (a typed path, Tab completing it), then sent to
the DO as a real draft with the CV attached: at the keyboard, checked in the database and in
the .eml file."""

from __future__ import annotations

import email
import email.policy
import sqlite3

from textual.widgets import Input

from cockpit.services.views import PersonRef
from cockpit.settings import Settings
from cockpit.tui.screens.cv import CvFilesModal, CvModal
from cockpit.tui.screens.mail import MailModal
from cockpit.tui.screens.match import MatchScreen
from tests.cv_samples import docx_cv
from tests.ui.helpers import settle


def _db(url: str) -> sqlite3.Connection:
    return sqlite3.connect(url.removeprefix("sqlite:///"))


def _need(app, url: str) -> int:
    with _db(url) as db:
        (do_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = 1 "
                              "AND email <> '' ORDER BY id LIMIT 1").fetchone()
    return app.services.create_need(app.caller.id, {
        "title": "Architecte Kubernetes", "technologies": "kubernetes"},
        PersonRef("contact", do_id))


async def test_attach_a_cv_with_a_completed_path_then_send_it(make_app, demo_url: str,
                                                              tmp_path) -> None:
    folder = tmp_path / "reçus"
    folder.mkdir()
    docx_cv(folder / "cv-helene-2026.docx", ["Hélène Durand", "Architecte cloud",
                                             "Kubernetes, Istio et ArgoCD chez un assureur"])
    mail_dir = tmp_path / "brouillons"
    app = make_app(settings=Settings(mail_dir=str(mail_dir)))
    need_id = _need(app, demo_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(MatchScreen(need_id))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MatchScreen) and screen.page and screen.page.rows
        chosen = screen.page.rows[0]
        await pilot.press("enter", "c")  # to the list, then the freelance's CVs
        await settle(pilot)
        assert isinstance(app.screen, CvFilesModal)
        assert "Aucun CV enregistré" in str(app.screen.query_one("#cvfiles-list").render())
        await pilot.press(*f"{folder}/cv-h")
        await pilot.press("tab")  # completes the one file that starts so
        field = app.screen.query_one(Input)
        assert field.value == f"{folder}/cv-helene-2026.docx"
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.screen.query_one("#cvfiles-list").render())
        assert "cv-helene-2026.docx" in shown and "Melissa" in shown
        await pilot.press(*"/nulle/part.pdf", "enter")  # a wrong path: said, nothing kept
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("/nulle/part.pdf\u00a0: ce fichier n'existe pas" in m for m in said), said
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MatchScreen)
        with _db(demo_url) as db:
            rows = db.execute("SELECT name FROM cv_file WHERE freelance_id = ?",
                              (chosen.id,)).fetchall()
        assert rows == [("cv-helene-2026.docx",)]

        await pilot.press("p")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, CvModal)  # the attached CV, anonymised, to correct
        assert "Istio" in app.screen.query_one("#cv-text").text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MailModal)
        await pilot.press("ctrl+y")  # copying the text is not sending it
        await settle(pilot)
        assert isinstance(app.screen, MailModal)
        with _db(demo_url) as db:
            assert db.execute("SELECT status FROM proposal WHERE need_id = ?",
                              (need_id,)).fetchone() == ("proposed",)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, MatchScreen)
    (eml,) = mail_dir.glob("*.eml")
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    (attached,) = list(message.iter_attachments())
    assert attached.get_filename() == "CV-anonyme.docx"
    with _db(demo_url) as db:
        status = db.execute("SELECT status FROM proposal WHERE need_id = ?",
                            (need_id,)).fetchone()
        history = db.execute("SELECT body FROM note WHERE call_id IS NULL AND body LIKE ?",
                             (f"%{eml}",)).fetchall()
        follow_up = db.execute("SELECT substr(due_at, 1, 10) FROM reminder WHERE need_id = ?",
                               (need_id,)).fetchall()
    assert status == ("cv_sent",) and len(history) == 1 and follow_up == [("2026-11-25",)]


async def test_c_on_a_freelances_card_attaches_a_cv_during_the_call(make_app, demo_url: str,
                                                                    tmp_path) -> None:
    """The freelance sends their CV while on the phone: `c` from the cockpit, the path, Enter."""
    from cockpit.tui.screens.caller import CallerScreen

    cv = docx_cv(tmp_path / "cv.docx", ["Ingénieur SRE", "Kubernetes, Prometheus, Grafana"])
    app = make_app()
    need_id = _need(app, demo_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(MatchScreen(need_id))
        await settle(pilot)
        chosen = app.screen.page.rows[0]
        await pilot.press("enter", "a")  # call the freelance about the need
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, CvFilesModal)
        await pilot.press(*str(cv), "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CallerScreen)
    with _db(demo_url) as db:
        assert db.execute("SELECT name FROM cv_file WHERE freelance_id = ?",
                          (chosen.id,)).fetchall() == [("cv.docx",)]
    assert chosen.id in {r.id for r in app.services.search_freelances("prometheus").rows}
