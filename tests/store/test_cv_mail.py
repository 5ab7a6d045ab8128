"""The CV's e-mail to the decision maker is a real draft: a multipart UTF-8 .eml, From the
caller's e-mail, with a Message-ID and a Date, the anonymised CV attached as a Word document,
the freelance's profile in the body; owner-only; opened in the mail client when asked."""

from __future__ import annotations

import email
import email.policy
import io
import os
import stat
from pathlib import Path

import pytest

from cockpit.i18n import Translator
from cockpit.services import open_services
from cockpit.services.errors import ServiceError
from cockpit.services.views import PersonRef
from cockpit.tui.cv_words import cv_history, cv_mail_draft
from tests.conftest import FIXED_NOW
from tests.rawdb import raw


@pytest.fixture
def services(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    return open_services(demo_url, clock=lambda: FIXED_NOW)


def _proposal(services, url: str) -> tuple[int, int, int]:
    with raw(url) as db:
        (contact_id,) = db.execute("SELECT id FROM contact WHERE is_decision_maker = TRUE "
                                   "AND email <> '' ORDER BY id LIMIT 1").fetchone()
        (freelance_id,) = db.execute("SELECT MIN(id) FROM freelance WHERE do_not_call = FALSE "
                                     "AND day_rate IS NOT NULL AND cv_text <> ''").fetchone()
        db.execute("UPDATE caller SET email = 'karim@smarteo.fr' WHERE name = 'Karim'")
    caller = next(c for c in services.callers() if c.name == "Karim")
    need = services.create_need(caller.id, {"title": "Architecte Kubernetes",
                                            "technologies": "kubernetes"},
                                PersonRef("contact", contact_id))
    proposal = services.propose(need, freelance_id)
    return caller.id, proposal.id, freelance_id


def _draft(services, url: str, tmp_path: Path, **options) -> tuple[Path, object, str, int]:
    caller_id, proposal_id, freelance_id = _proposal(services, url)
    cv = services.anonymised_cv(freelance_id, proposal_id)
    text = cv.text + "\nRelu et corrigé."
    mail = services.cv_mail(caller_id, proposal_id, text)
    draft = cv_mail_draft(mail, Translator("fr"))
    path = services.save_cv_eml(caller_id, draft, text, tmp_path / "brouillons",
                                stem=f"cv-{proposal_id}", **options)
    return path, mail, text, proposal_id


def test_the_draft_is_a_multipart_message_with_the_cv_attached(services, demo_url: str,
                                                               tmp_path: Path) -> None:
    import docx

    path, mail, _text, _ = _draft(services, demo_url, tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert message.is_multipart()
    assert message["From"] == "karim@smarteo.fr"
    assert message["To"] == mail.to and message["Message-ID"] and message["Date"]
    assert message["X-Unsent"] == "1"
    body = message.get_body(preferencelist=("plain",))
    assert body.get_content_charset() == "utf-8"
    words = body.get_content()
    assert "Architecte Kubernetes" in words and "en pièce jointe" in words
    assert "Compétences :" in words and "€ HT par jour" in words  # the profile's recap
    assert mail.freelance_name not in words  # anonymised: never the name
    (attached,) = list(message.iter_attachments())
    assert attached.get_filename() == "CV-anonyme.docx"
    document = docx.Document(io.BytesIO(attached.get_content()))
    assert "Relu et corrigé." in [p.text for p in document.paragraphs]
    assert mail.freelance_name.split()[-1] not in "\n".join(p.text for p in document.paragraphs)


def test_opening_runs_the_mail_client_on_the_saved_draft(services, demo_url: str,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opened = tmp_path / "opened.txt"
    opener = bin_dir / "xdg-open"  # a mail client: writes down what it was given
    opener.write_text(f"#!/bin/sh\nprintf '%s' \"$1\" > {opened}\n", encoding="utf-8")
    opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    path, *_ = _draft(services, demo_url, tmp_path, open_it=True)
    for _ in range(200):  # the client runs on its own; wait for it to have started
        if opened.exists() and opened.read_text():
            break
        import time

        time.sleep(0.05)
    assert opened.read_text() == str(path)


def test_no_mail_client_is_said_and_nothing_is_written(services, demo_url: str,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(ServiceError) as refused:
        _draft(services, demo_url, tmp_path, open_it=True)
    assert refused.value.code == "no_mail_opener"
    assert not (tmp_path / "brouillons").exists()


def test_the_cv_is_recorded_sent_only_with_the_drafts_path(services, demo_url: str,
                                                           tmp_path: Path) -> None:
    path, mail, text, proposal_id = _draft(services, demo_url, tmp_path)
    caller = next(c for c in services.callers() if c.name == "Karim")
    with raw(demo_url) as db:
        assert db.execute("SELECT status FROM proposal WHERE id = ?",
                          (proposal_id,)).fetchone() == ("proposed",)
    due = services.send_cv(caller.id, proposal_id, text, str(path),
                           cv_history(mail, str(path), Translator("fr")))
    assert due.date().isoformat() == "2026-11-25"  # two working days after Monday
    with raw(demo_url) as db:
        assert db.execute("SELECT status FROM proposal WHERE id = ?",
                          (proposal_id,)).fetchone() == ("cv_sent",)
        notes = [b for (b,) in db.execute("SELECT body FROM note WHERE call_id IS NULL "
                                          "AND body LIKE 'CV de %'").fetchall()]
    assert any(str(path) in n for n in notes)
