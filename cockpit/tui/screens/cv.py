"""A freelance's CVs: the anonymised CV, to read and correct before it goes (ctrl+s sends
it); and the CV files kept for a freelance, newest first, with a path to attach another."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static, TextArea

from cockpit.domain.text import printable
from cockpit.services.cv_files import CvFileRow
from cockpit.services.later_views import CvView
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text
from cockpit.tui.widgets.note_area import NoteArea
from cockpit.tui.workers import run_service

# An anonymised CV runs to tens of thousands of characters; ten times a long one is a paste
# gone wrong.
CV_TEXT_LIMIT = 200_000


class CvModal(ModalScreen[str | None]):
    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "key.send_cv", id="cv.send", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cv.cancel"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, cv: CvView) -> None:
        super().__init__()
        translate_bindings(self)
        self._cv = cv

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        counts = Counter(kind for kind, _, _ in self._cv.removed)
        removed = ", ".join(f"{n} {tr('cv.kind.' + k, count=n)}" for k, n in sorted(counts.items()))
        with Vertical(id="cv"):
            yield Static(tr("cv.title"), id="cv-title")
            yield Static(data_text(tr("cv.removed", what=removed or tr("cv.nothing"))),
                         id="cv-removed")
            if self._cv.removed:  # each value replaced, for the caller to check it all went
                pairs = " · ".join(dict.fromkeys(f"{original} → {replacement}"
                                                 for _, original, replacement in self._cv.removed))
                yield Static(data_text(tr("cv.replaced", pairs=pairs)), id="cv-replaced")
            yield NoteArea(printable(self._cv.text, multiline=True), id="cv-text",
                           limit=CV_TEXT_LIMIT, said="cv.full")
            yield Static(tr("cv.help"), id="cv-help")

    def on_mount(self) -> None:
        focus_now(self.query_one(TextArea))

    def action_send(self) -> None:
        text = self.query_one(TextArea).text
        self.dismiss(text if text.strip() else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathSuggester(Suggester):
    """Completes the typed path from the folder's entries (a folder ends with /); the
    longest part shared by all the entries that fit, so Tab never guesses between two."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    if not value or "\0" in value:
        return None
    typed = Path(value).expanduser()
    folder, prefix = (typed, "") if value.endswith("/") else (typed.parent, typed.name)
    try:
        names = sorted(e.name + ("/" if e.is_dir() else "") for e in os.scandir(folder)
                       if (e.name.startswith(prefix) and not e.name.startswith("."))
                       or (prefix.startswith(".") and e.name.startswith(prefix)))
    except OSError:
        return None
    if not names:
        return None
    shared = os.path.commonprefix(names)  # noqa: RUF071 (characters: a name's start)
    if len(shared) <= len(prefix):
        return None
    return value + shared[len(prefix):]


@dataclass
class CvFilesLoaded(Message):
    rows: tuple[CvFileRow, ...]


@dataclass
class CvAttached(Message):
    row: CvFileRow


class CvFilesModal(ModalScreen[str | None]):
    """The freelance's CV files, newest first; a path typed (Tab completes it), Enter
    attaches the file. Returns the name of the file attached (None: nothing attached)."""

    CSS_PATH = "../styles/modals.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "key.complete", id="cvfiles.complete", priority=True),
        Binding("escape", "close", "key.close", id="cvfiles.close"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, freelance_id: int, name: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._freelance_id = freelance_id
        self._who = name
        self._attached_name: str | None = None
        self._busy = False  # one file at a time, whatever Enter is pressed twice

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        with Vertical(id="cvfiles"):
            title = tr("cvfiles.title", name=self._who) if self._who else tr("cvfiles.title_card")
            yield Static(data_text(title), id="cvfiles-title")
            yield Static("", id="cvfiles-list")
            yield Input(placeholder=tr("cvfiles.path"), id="cvfiles-path",
                        suggester=PathSuggester())
            yield Static(tr("cvfiles.help"), id="cvfiles-help")

    def on_mount(self) -> None:
        self._read_files(self._freelance_id)
        focus_now(self.query_one(Input))

    @work(thread=True, exclusive=True, group="cvfiles")
    def _read_files(self, freelance_id: int) -> None:
        rows = run_service(self, self.app.services.cv_files, freelance_id)
        if rows is not None:
            self.post_message(CvFilesLoaded(rows))

    @on(CvFilesLoaded)
    def _show_files(self, event: CvFilesLoaded) -> None:
        tr = self.app.tr
        lines = [self._file_line(r) for r in event.rows] or [tr("cvfiles.none")]
        self.query_one("#cvfiles-list", Static).update(data_text("\n".join(lines),
                                                                 multiline=True))

    def _file_line(self, row: CvFileRow) -> str:
        when = row.added_at.astimezone(self.app.display_tz).strftime("%d/%m/%Y %H:%M")
        size = f"{max(1, row.size // 1024)} Ko" if self.app.tr.lang == "fr" else \
            f"{max(1, row.size // 1024)} KB"
        scan = f" · {self.app.tr('cvfiles.scan')}" if row.scanned else ""
        by = f" · {row.added_by}" if row.added_by else ""
        return f"{when} · {printable(row.name)} · {size}{scan}{by}"

    def action_complete(self) -> None:
        field = self.query_one(Input)
        completed = complete_path(field.value)
        if completed:
            field.value = completed
            field.cursor_position = len(completed)

    @on(Input.Submitted, "#cvfiles-path")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value.strip() and not self._busy:
            self._busy = True
            self._attach_file(self._freelance_id, event.value.strip(), self.app.caller.id)

    @work(thread=True, group="cvfiles-attach")
    def _attach_file(self, freelance_id: int, path: str, caller_id: int) -> None:
        try:
            row = run_service(self, self.app.services.attach_cv, freelance_id, path, caller_id)
        finally:
            self._busy = False
        if row is not None:
            self.post_message(CvAttached(row))

    @on(CvAttached)
    def _attached_one(self, event: CvAttached) -> None:
        tr = self.app.tr
        key = "cvfiles.added_scan" if event.row.scanned else "cvfiles.added"
        self.app.notify(tr(key, name=printable(event.row.name)), timeout=8)
        self._attached_name = event.row.name
        self.query_one(Input).value = ""
        self._read_files(self._freelance_id)

    def action_close(self) -> None:
        self.dismiss(self._attached_name)
