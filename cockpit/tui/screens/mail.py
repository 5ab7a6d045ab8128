"""A recap e-mail: read it, then open it in the mail client, save it as .eml, or copy it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from cockpit.services.errors import ServiceError
from cockpit.services.views import MailDraft
from cockpit.tui.localise import translate_bindings


class MailModal(ModalScreen[None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "open_client", "key.mail_open", id="mail.open", priority=True),
        Binding("ctrl+e", "save_eml", "key.mail_eml", id="mail.eml", priority=True),
        Binding("ctrl+y", "copy", "key.mail_copy", id="mail.copy", priority=True),
        Binding("escape", "close", "key.close", id="mail.close"),
    ]

    def __init__(self, draft: MailDraft) -> None:
        super().__init__()
        translate_bindings(self)
        self._draft = draft

    def compose(self) -> ComposeResult:
        tr = self.app.tr  # type: ignore[attr-defined]
        with Vertical(id="mail"):
            yield Static(tr("mail.title"), id="mail-title")
            yield Static(f"{tr('mail.to')} {self._draft.to or '—'}\n"
                         f"{tr('mail.subject')} {self._draft.subject}", id="mail-head")
            yield TextArea(self._draft.body, id="mail-body", read_only=True)
            yield Static(tr("mail.help"), id="mail-help")

    def action_open_client(self) -> None:
        import webbrowser

        opened = webbrowser.open(self._draft.mailto)
        self.app.notify(self.app.tr("mail.opened" if opened else "mail.no_client"))  # type: ignore[attr-defined]

    def action_save_eml(self) -> None:
        self._save()

    @work(thread=True, exclusive=True, group="eml")
    def _save(self) -> None:
        app = self.app
        folder = Path(os.environ.get("COCKPIT_MAIL_DIR") or Path.home())
        try:
            path = app.services.save_eml(self._draft, folder)  # type: ignore[attr-defined]
        except ServiceError as exc:
            app.call_from_thread(app.notify, app.tr.error(exc), severity="error")  # type: ignore[attr-defined]
            return
        app.call_from_thread(app.notify, app.tr("mail.saved", path=str(path)), timeout=8)  # type: ignore[attr-defined]

    def action_copy(self) -> None:
        text = f"{self._draft.subject}\n\n{self._draft.body}"
        self.app.copy_to_clipboard(text)
        self.app.notify(self.app.tr("mail.copied"))  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss(None)
