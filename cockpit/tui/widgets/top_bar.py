"""One line at the top: who is calling, the date and time, the day's figures."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from cockpit.tui.dates import format_day_time


class TopBar(Static):
    def show(self, caller_name: str, now: datetime, figures: str) -> None:
        moment = format_day_time(now, self.app.tr.lang, self.app.display_tz)
        left = f"Cockpit · {caller_name} · {moment}"
        width = max(self.size.width - 2, 0)
        gap = max(width - len(left) - len(figures), 1)
        self.update(f"{left}{' ' * gap}{figures}")
