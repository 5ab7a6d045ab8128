"""One line at the top: who is calling, the date and time, the day's figures, and a warning
while the database cannot be reached."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from cockpit.tui.dates import format_day_time


class TopBar(Static):
    offline = False
    _last: tuple[str, datetime, str] | None = None

    def show(self, caller_name: str, now: datetime, figures: str) -> None:
        self._last = (caller_name, now, figures)
        moment = format_day_time(now, self.app.tr.lang, self.app.display_tz)
        left = Text(f"Cockpit · {caller_name} · {moment}")
        if self.offline:
            left.append("  " + self.app.tr("top.offline") + " ", style="bold white on red")
        width = max(self.size.width - 2, 0)
        gap = max(width - left.cell_len - len(figures), 1)
        self.update(left + Text(" " * gap + figures))

    def set_offline(self, offline: bool) -> None:
        if offline != self.offline:
            self.offline = offline
            if self._last is not None:
                self.show(*self._last)
