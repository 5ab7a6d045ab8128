"""The call queue, one page at a time (never tens of thousands of rows in one widget)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cockpit.domain.text import printable
from cockpit.services.views import PersonRef, QueuePage, QueueRow
from cockpit.tui.app import CockpitApp
from cockpit.tui.dates import format_day_month, format_soon
from cockpit.tui.localise import translate_bindings
from cockpit.tui.widgets.quick_list import QuickOptionList

PAGE_SIZE = 50

_BUCKET_STYLE = {
    "overdue": "bold red",
    "today": "bold yellow",
    "new": "green",
    "stale": "cyan",
    "freelance": "magenta",
}


class QueueList(QuickOptionList):
    """The page's lines. Moving past either end turns the page: the queue is read 50 people
    at a time, and the caller goes through it with the arrows and PgUp/PgDn alone."""

    class MovedPastEnd(Message):
        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step  # +1: past the last line; -1: before the first

    def _at_end(self, step: int) -> bool:
        last = self.option_count - 1
        return self.highlighted is not None and self.highlighted == (last if step > 0 else 0)

    def _move(self, step: int, move: Callable[[], None]) -> None:
        if self._at_end(step):
            self.post_message(self.MovedPastEnd(step))
        else:
            move()

    def action_cursor_down(self) -> None:
        self._move(1, super().action_cursor_down)

    def action_page_down(self) -> None:
        self._move(1, super().action_page_down)

    def action_cursor_up(self) -> None:
        self._move(-1, super().action_cursor_up)

    def action_page_up(self) -> None:
        self._move(-1, super().action_page_up)


class QueuePane(Vertical):
    """Lists a page of the queue; tells the screen which person is highlighted."""

    app = getters.app(CockpitApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "key.next_page", id="queue.next_page", show=False),
        Binding("pageup", "page(-1)", "key.prev_page", id="queue.prev_page", show=False),
    ]

    class PersonHighlighted(Message):
        def __init__(self, person: PersonRef) -> None:
            super().__init__()
            self.person = person

    class PageRequested(Message):
        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self._page: QueuePage | None = None
        self._land_on_last = False  # going back a page: the cursor lands on its last line

    def compose(self) -> ComposeResult:
        yield QueueList(id="queue-list")
        yield Static("", id="queue-status")

    def on_mount(self) -> None:
        self.border_title = self.app.tr("queue.title")

    def show_page(self, page: QueuePage) -> None:
        previous, self._page = self._page, page
        options = self.query_one(OptionList)
        if previous is not None and previous == page:
            return  # a refresh that changed nothing: no flicker, the cursor stays
        keep = None
        if previous is not None and options.highlighted is not None \
                and options.highlighted < len(previous.rows):
            keep = previous.rows[options.highlighted].person
        options.clear_options()
        rows = page.rows
        if previous is None:
            # The first page at start-up: the rows the pane shows now go in before the first
            # frame; the rest of the page follows right after it (the caller sees no
            # difference, the cockpit is up sooner).
            shown = max(self.size.height or self.app.size.height, 12)
            rows, later = rows[:shown], rows[shown:]
            if later:
                self.call_after_refresh(self._add_rows, page, later)
        today = self._today()
        options.add_options([self._option(row, today) for row in rows])
        status = self.query_one("#queue-status", Static)
        closed = ""
        if page.opens_at is not None:  # the caller's hours are closed: a list to prepare
            closed = self.app.tr("queue.closed", when=self._soon(page.opens_at, today)) + "\n"
        if not page.rows:
            # A new team's database holds nobody: say how to begin instead.
            empty = "queue.start_hint" if self.app.empty_database \
                else "queue.empty"
            text = closed + self.app.tr(empty)
            if page.left_out:
                text += "\n" + self.app.tr("queue.left_out", count=page.left_out,
                                            reason=page.main_reason)
            status.update(text)
            return
        end = page.offset + len(page.rows)
        more = "+" if page.more else ""  # leads follow the reminders counted
        status.update(f"{closed}{page.offset + 1}–{end} / {page.total}{more}")
        people = [row.person for row in page.rows]
        back = self._land_on_last and previous is not None and page.offset < previous.offset
        self._land_on_last = False
        # Another caller took someone: the cursor stays on the same person when still there;
        # else on the first person who may be called now (held lines are there to prepare).
        first = next((i for i, row in enumerate(page.rows) if not row.held), 0)
        options.highlighted = people.index(keep) if keep in people else \
            (len(people) - 1 if back else first)

    def _option(self, row: QueueRow, today: date) -> Option:
        return Option(self._line(row, today), id=f"{row.person.kind}:{row.person.id}")

    def _add_rows(self, page: QueuePage, rows: tuple[QueueRow, ...]) -> None:
        if self._page is page:  # not replaced by a newer page meanwhile
            today = self._today()
            self.query_one(OptionList).add_options([self._option(row, today) for row in rows])

    def _line(self, row: QueueRow, today: date) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        if row.held:
            # Greyed, with the moment it may be called in place of the due time (the card
            # says the rest): dès 09:00, lun. 09:00, retenu.
            since = self._soon(row.callable_at, today) if row.callable_at else \
                self.app.tr("queue.held")
            line.append(f"{since:>10} ", style="italic")
        else:
            when = self.app.tr(f"bucket.{row.bucket}")
            if row.due_at and row.bucket in ("overdue", "today"):
                # Due today: the time (red once past); due an earlier day: that day.
                due = row.due_at.astimezone(self.app.display_tz)
                when = format_day_month(due, self.app.tr.lang) \
                    if row.bucket == "overdue" and due.date() < today else f"{due:%H:%M}"
            width = 5 if self.app.tr.lang == "fr" else 6  # 23/11, 23 Nov
            line.append(f"{when:>{width}} ", style=_BUCKET_STYLE.get(row.bucket, ""))
        line.append(printable(row.name), style="bold" if row.is_decision_maker else "")
        if row.company:
            line.append(f" · {printable(row.company)}", style="dim")
        if row.held:
            line.stylize("dim")
        return line

    def _soon(self, moment: datetime, today: date) -> str:
        """dès 09:00 the same day, lun. 09:00 another day of the week, 28/12 09:00 later."""
        tr, zone = self.app.tr, self.app.display_tz
        when = format_soon(moment, today, tr.lang, zone)
        return tr("queue.from_time", time=when) if moment.astimezone(zone).date() == today \
            else when

    def _today(self) -> date:
        return self.app.clock().astimezone(self.app.display_tz).date()

    @property
    def page(self) -> QueuePage | None:
        """The page shown (None before the first)."""
        return self._page

    def row_for(self, person: PersonRef) -> QueueRow | None:
        if self._page is None:
            return None
        return next((r for r in self._page.rows if r.person == person), None)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            kind, _, ident = event.option.id.partition(":")
            self.post_message(self.PersonHighlighted(PersonRef(kind, int(ident))))

    def action_page(self, step: int) -> None:
        if self._page is None:
            return
        offset = self._page.offset + step * PAGE_SIZE
        if offset >= 0 and (self._page.more or offset < max(self._page.total, 1)):
            self._land_on_last = step < 0
            self.post_message(self.PageRequested(offset))

    @on(QueueList.MovedPastEnd)
    def _past_end(self, event: QueueList.MovedPastEnd) -> None:
        event.stop()
        self.action_page(event.step)
