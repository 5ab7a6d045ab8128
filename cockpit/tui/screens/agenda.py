"""The caller's agenda: a day, a week or a month of reminders (those left behind first, in
red), interviews and missions starting. `+`/`-` move the chosen reminder a working day,
`>`/`<` a week; the agenda is read again, and the cursor follows the reminder (to the
period it moved into)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, ListItem, ListView, Static

from cockpit.domain.agenda import shifted
from cockpit.i18n.dates import format_date, format_day_time, weekday
from cockpit.services.later_views import AgendaItem, AgendaView
from cockpit.tui.agenda_words import heading, line
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.workers import run_service, start_service


@dataclass
class AgendaLoaded(Message):
    view: AgendaView


@dataclass
class ReminderMoved(Message):
    reminder_id: int
    due: datetime | None  # None: refused (ServiceFailed said why)


_MOVES = {"later", "sooner", "week_later", "week_sooner"}
_MOVE_OF = {"later": "next_day", "sooner": "previous_day", "week_later": "next_week",
            "week_sooner": "previous_week"}


class AgendaScreen(Screen[None]):
    CSS_PATH = "../styles/agenda.tcss"  # read when the first agenda opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="agenda.back"),
        Binding("j", "period('day')", "key.agenda_day", id="agenda.day"),
        Binding("w", "period('week')", "key.agenda_week", id="agenda.week"),
        Binding("m", "period('month')", "key.agenda_month", id="agenda.month"),
        Binding("left", "shift(-1)", "key.previous", id="agenda.previous", key_display="←"),
        Binding("right", "shift(1)", "key.next", id="agenda.next", key_display="→"),
        Binding("t", "today", "key.today", id="agenda.today"),
        Binding("plus", "move('later')", "key.agenda_later", id="agenda.later",
                key_display="+"),
        Binding("minus", "move('sooner')", "key.agenda_sooner", id="agenda.sooner",
                key_display="-"),
        Binding("greater_than_sign", "move('week_later')", "key.agenda_week_later",
                id="agenda.week_later", key_display=">", show=False),
        Binding("less_than_sign", "move('week_sooner')", "key.agenda_week_sooner",
                id="agenda.week_sooner", key_display="<", show=False),
        Binding("ctrl+r", "reload", "key.refresh", id="agenda.refresh", show=False),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, period: str = "day") -> None:
        super().__init__()
        translate_bindings(self)
        self.period = period
        self.day: date | None = None  # None: today
        self.view: AgendaView | None = None
        self._follow: int | None = None  # the reminder the cursor goes back to after a load
        self._pending: deque[tuple[int, str]] = deque()  # moves typed, done one by one
        self._moving = False

    def compose(self) -> ComposeResult:
        yield Static("", id="agenda-title")
        yield ListView(id="agenda-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.action_reload()
        focus_now(self.query_one("#agenda-list", ListView))

    # -- reading ---------------------------------------------------------------------------

    def action_reload(self) -> None:
        app = self.app
        start_service(self, partial(app.services.agenda, app.caller.id, self.period, self.day),
                      AgendaLoaded, group="agenda", exclusive=True)

    @on(AgendaLoaded)
    async def _loaded(self, event: AgendaLoaded) -> None:
        self.view = view = event.view
        self.day = self.day or view.today
        tr = self.app.tr
        self.query_one("#agenda-title", Static).update(Text(heading(view, tr)))
        rows: list[ListItem] = []
        shown_day: date | None = None
        overdue_said = False
        cursor: int | None = None
        for item in view.items:
            if item.overdue and item.day < view.first:
                if not overdue_said:
                    rows.append(_header(tr("agenda.overdue_title")))
                    overdue_said = True
            elif item.day != shown_day:
                shown_day = item.day
                rows.append(_header(_day_said(item.day, tr.lang)))
            if item.kind == "reminder" and item.id == self._follow:
                cursor = len(rows)
            rows.append(_row(item, line(item, tr, self.app.display_tz)))
        if not rows:
            rows.append(_header(tr("agenda.empty")))
        listing = self.query_one("#agenda-list", ListView)
        await listing.clear()
        await listing.extend(rows)
        first = next((i for i, r in enumerate(rows) if not r.disabled), None)
        listing.index = cursor if cursor is not None else first

    # -- the period ------------------------------------------------------------------------

    def action_period(self, period: str) -> None:
        self.period = period
        self.action_reload()

    def action_shift(self, steps: int) -> None:
        base = self.day or self.app.clock().astimezone(self.app.display_tz).date()
        self.day = shifted(self.period, base, steps)
        self.action_reload()

    def action_today(self) -> None:
        self.day = None
        self.action_reload()

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- moving a reminder -----------------------------------------------------------------

    def chosen(self) -> AgendaItem | None:
        listing = self.query_one("#agenda-list", ListView)
        row = listing.highlighted_child
        return getattr(row, "item", None) if row is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            item = self.chosen()
            return item is not None and item.kind == "reminder"
        return True

    def action_move(self, how: str) -> None:
        item = self.chosen()
        if how not in _MOVES or item is None or item.kind != "reminder":
            self.app.notify(self.app.tr("agenda.not_a_reminder"), timeout=4)
            return
        self._follow = item.id
        self._pending.append((item.id, _MOVE_OF[how]))
        self._next_move()

    def _next_move(self) -> None:
        """One move at a time, in the order typed: each starts from where the last left it."""
        if self._moving or not self._pending:
            return
        self._moving = True
        reminder_id, move = self._pending.popleft()
        app = self.app
        self.run_worker(partial(self._move, app.caller.id, reminder_id, move), thread=True,
                        group="agenda-move")

    def _move(self, caller_id: int, reminder_id: int, move: str) -> None:
        due = run_service(self, self.app.services.move_reminder, caller_id, reminder_id, move)
        self.post_message(ReminderMoved(reminder_id, due))

    @on(ReminderMoved)
    def _moved(self, event: ReminderMoved) -> None:
        self._moving = False
        if event.due is not None:
            when = format_day_time(event.due, self.app.tr.lang, self.app.display_tz)
            self.app.notify(self.app.tr("agenda.moved", when=when), timeout=4)
            day = event.due.astimezone(self.app.display_tz).date()
            view = self.view
            if view is not None and not view.first <= day < view.after:
                self.day = day  # the agenda follows the reminder to its new day
        else:
            self._pending.clear()  # refused: the keys typed after it were about that move
        if self._pending:
            self._next_move()
        else:
            self.action_reload()

    @on(ListView.Highlighted, "#agenda-list")
    def _highlighted(self) -> None:
        self.refresh_bindings()  # the moves apply to a reminder only


class _Row(ListItem):
    def __init__(self, item: AgendaItem, said: str) -> None:
        classes = "agenda-item" + (" overdue" if item.overdue else "") + (
            " mission" if item.kind == "mission" else "")
        super().__init__(Label(Text(said)), classes=classes)
        self.item = item


def _row(item: AgendaItem, said: str) -> ListItem:
    return _Row(item, said)


def _header(said: str) -> ListItem:
    return ListItem(Label(Text(said)), classes="agenda-day", disabled=True)


def _day_said(day: date, lang: str) -> str:
    return f"{weekday(day, lang)} {format_date(day, lang)}"
