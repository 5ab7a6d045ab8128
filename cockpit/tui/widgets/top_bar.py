"""One line at the top: who is calling, the date and time, the day's figures, and a warning
while the database cannot be reached, refuses to save, or the disk is full (the app's
`connection`, which the bar watches)."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import getters
from textual.widgets import Static

from cockpit.domain.text import printable
from cockpit.tui.app import CockpitApp
from cockpit.tui.dates import format_day_time
from cockpit.tui.workers import Connection


class TopBar(Static):
    app = getters.app(CockpitApp)
    offline = False
    refused = False  # the server answered but refused a write (a permission, a constraint)
    disk_full = False  # no room left to write (the database's disk or the state folder's)
    read_only = False  # the database file was opened read-only: nothing can be saved
    _last: tuple[str, datetime, str] | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "connection", self._connection_changed)

    def show(self, caller_name: str, now: datetime, figures: str) -> None:
        self._last = (caller_name, now, figures)
        moment = format_day_time(now, self.app.tr.lang, self.app.display_tz)
        left = Text(f"Cockpit · {printable(caller_name)} · {moment}")
        if self.disk_full:  # said first: it is what the caller (or their admin) can fix
            left.append("  " + self.app.tr("top.disk_full") + " ", style="bold white on red")
        elif self.read_only:  # every write is refused: said as what it is (not offline)
            left.append("  " + self.app.tr("top.read_only") + " ", style="bold black on yellow")
        elif self.offline:
            left.append("  " + self.app.tr("top.offline") + " ", style="bold white on red")
        elif self.refused:
            left.append("  " + self.app.tr("top.refused") + " ", style="bold white on red")
        width = max(self.size.width - 2, 0)
        gap = max(width - left.cell_len - len(figures), 1)
        self.update(left + Text(" " * gap + figures))

    def on_resize(self) -> None:
        # The figures sit at the right end: placed again once the width is known (shown
        # with the first screen, before its layout) and whenever the terminal is resized.
        if self._last is not None:
            self.show(*self._last)

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:
            self.read_only = read_only
            if self._last is not None:
                self.show(*self._last)

    def _connection_changed(self, connection: Connection) -> None:
        offline, refused, disk_full = connection.offline, connection.refused, connection.disk_full
        if (offline, refused, disk_full) != (self.offline, self.refused, self.disk_full):
            self.offline, self.refused, self.disk_full = offline, refused, disk_full
            if self._last is not None:
                self.show(*self._last)
