"""An e-mail to send: read it, then open it in the mail client, save it as .eml, or copy it.

A recap stays open (save it and copy it too). The e-mail carrying a CV (`cv_text` given) is
a real draft, the anonymised CV attached: ctrl+e saves the .eml, ctrl+o saves it and opens it
in the mail client. It closes once the file exists, returning its path: only then is the CV
recorded as sent. Copying its text records nothing; when saving fails, it stays open with the
reason and nothing is recorded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from cockpit.domain.text import printable
from cockpit.services.later_views import MailDraft
from cockpit.tui.app import CockpitApp
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text
from cockpit.tui.workers import run_service


def mail_folder(folder: str | None) -> Path:
    """Where the cockpit saves its .eml drafts: the `mail_dir` setting, else home."""
    return Path(folder or Path.home())


@dataclass
class DraftReady(Message):
    """An e-mail written in a worker, for the screen to open in a MailModal."""

    draft: MailDraft


@dataclass
class EmlSaved(Message):
    path: Path


class MailModal(ModalScreen[str | None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "open_client", "key.mail_open", id="mail.open", priority=True),
        Binding("ctrl+e", "save_eml", "key.mail_eml", id="mail.eml", priority=True),
        Binding("ctrl+y", "copy", "key.mail_copy", id="mail.copy", priority=True),
        Binding("escape", "close", "key.close", id="mail.close"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, draft: MailDraft, *, cv_text: str | None = None,
                 stem: str = "recap") -> None:
        super().__init__()
        translate_bindings(self)
        self._draft = draft
        self._cv_text = cv_text  # the anonymised CV the draft carries, as corrected
        self._sends = cv_text is not None
        self._stem = stem  # the start of the .eml file's name
        self._done = False  # a CV's e-mail is produced once, even if keys are pressed twice

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        with Vertical(id="mail"):
            yield Static(tr("cv_mail.title" if self._sends else "mail.title"), id="mail-title")
            yield Static(data_text(f"{tr('mail.to')} {self._draft.to or '—'}\n"
                                   f"{tr('mail.subject')} {self._draft.subject}",
                                   multiline=True), id="mail-head")
            yield TextArea(printable(self._draft.body, multiline=True), id="mail-body",
                           read_only=True)
            yield Static(tr("cv_mail.help" if self._sends else "mail.help"), id="mail-help")

    def _produced(self, where: str) -> None:
        if self._sends and not self._done:
            self._done = True
            self.dismiss(where)

    def action_open_client(self) -> None:
        if self._cv_text is not None:
            self._save_cv(self._cv_text, open_it=True)
            return
        import webbrowser

        tr = self.app.tr
        opened = webbrowser.open(self._draft.mailto)
        self.app.notify(tr("mail.opened" if opened else "mail.no_client"),
                        severity="information" if opened else "warning")

    def action_save_eml(self) -> None:
        if self._cv_text is not None:
            self._save_cv(self._cv_text, open_it=False)
            return
        self._save(self._draft, mail_folder(self.app.settings.mail_dir), self._stem)

    def _save_cv(self, cv_text: str, *, open_it: bool) -> None:
        if not self._done:
            self._write_cv(self.app.caller.id, self._draft, cv_text,
                           mail_folder(self.app.settings.mail_dir), self._stem, open_it)

    @work(thread=True, exclusive=True, group="eml")
    def _write_cv(self, caller_id: int, draft: MailDraft, cv_text: str, folder: Path,
                  stem: str, open_it: bool) -> None:
        path = run_service(self, self.app.services.save_cv_eml, caller_id, draft, cv_text,
                           folder, stem=stem, open_it=open_it)
        if path is not None:
            self.post_message(EmlSaved(path))

    @work(thread=True, exclusive=True, group="eml")
    def _save(self, draft: MailDraft, folder: Path, stem: str) -> None:
        path = run_service(self, self.app.services.save_eml, draft, folder, stem=stem,
                           folder=True)
        if path is not None:
            self.post_message(EmlSaved(path))

    @on(EmlSaved)
    def _saved(self, event: EmlSaved) -> None:
        self.app.notify(self.app.tr("mail.saved", path=str(event.path)), timeout=8)
        self._produced(str(event.path))

    def action_copy(self) -> None:
        tr = self.app.tr
        text = f"{self._draft.subject}\n\n{self._draft.body}"
        self.app.copy_to_clipboard(text)
        self.app.notify(tr("cv_mail.copy_not_sent" if self._sends else "mail.copied"))

    def action_close(self) -> None:
        self.dismiss(None)
