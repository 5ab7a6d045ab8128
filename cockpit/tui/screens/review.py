"""The team lead's review: the team's day as it happens (who calls whom, what is late), the
figures of any day or week, the needs board. A caller who is not a lead sees their own
figures. Refreshes on its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from cockpit.domain.figures import period_of_day, period_of_week
from cockpit.i18n.reasons import reminder_reason
from cockpit.services.later_views import TeamRow, TeamView
from cockpit.services.views import ReminderRow
from cockpit.tui.app import CockpitApp
from cockpit.tui.ask import ask, for_effect
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.widgets.report_view import ReportView
from cockpit.tui.workers import run_service, start_service

if TYPE_CHECKING:
    from cockpit.reports.model import Report
    from cockpit.services.views import CallerView, Handover
    from cockpit.tui.screens.picker import Choice

TEAM_EVERY = 3.0  # seconds: a call started by a caller shows within this
FIGURES_EVERY = 15.0

_LEAD_ONLY = {"reassign", "owner"}
# The lead's changes to the team itself: absent from a caller's review.
_TEAM_KEYS = {"add_member", "make_lead", "leave_team"}


# What the review's workers post back (to the review itself).
@dataclass
class TeamLoaded(Message):
    team: TeamView


@dataclass
class OverdueLoaded(Message):
    caller_id: int  # whose overdue reminders
    rows: tuple[ReminderRow, ...]


@dataclass
class FiguresLoaded(Message):
    report: Report


@dataclass
class ReminderMoved(Message):
    """A reminder or a contact went to another caller; `said` tells the lead."""

    said: str


@dataclass
class TeamChanged(Message):
    """Someone joined, became lead or left; `said` tells the lead (what moved, counted)."""

    said: str


class ReviewScreen(Screen[None]):
    CSS_PATH = "../styles/review.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="review.back"),
        Binding("left_square_bracket", "shift(-1)", "key.previous", id="review.previous",
                key_display="["),
        Binding("right_square_bracket", "shift(1)", "key.next", id="review.next",
                key_display="]"),
        Binding("tab", "switch_tab", "key.switch_tab", id="review.tab", priority=True),
        Binding("w", "toggle_week", "key.day_week", id="review.week"),
        Binding("t", "today", "key.today", id="review.today", show=False),
        Binding("r", "reassign", "key.reassign", id="review.reassign"),
        Binding("o", "owner", "key.owner", id="review.owner"),
        Binding("b", "needs", "key.needs", id="review.needs"),
        Binding("a", "add_member", "key.add_member", id="review.add_member"),
        Binding("c", "make_lead", "key.make_lead", id="review.make_lead"),
        Binding("d", "leave_team", "key.leave_team", id="review.leave_team"),
        Binding("ctrl+r", "refresh", "key.refresh", id="review.refresh", show=False),
    ]

    app = getters.app(CockpitApp)

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._day: date | None = None  # the day shown; None until mounted
        self._week = False
        self._team: TeamView | None = None
        self._reminders: tuple[ReminderRow, ...] = ()

    @property
    def is_lead(self) -> bool:
        return self.app.caller.is_lead

    @property
    def team(self) -> TeamView | None:
        """The team's day as last shown (None before it is read)."""
        return self._team

    @property
    def reminders(self) -> tuple[ReminderRow, ...]:
        """The overdue reminders shown, those of the caller highlighted."""
        return self._reminders

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        yield Static("", id="review-title")
        with TabbedContent(initial="figures" if not self.is_lead else "team"):
            if self.is_lead:
                with TabPane(tr("review.team"), id="team"), Vertical():
                    yield Static("", id="team-summary")
                    yield DataTable(id="team-table", cursor_type="row")
                    yield Static(tr("review.overdue"), id="overdue-title")
                    yield DataTable(id="overdue-table", cursor_type="row")
            with TabPane(tr("review.figures"), id="figures"):
                yield ReportView(id="report")
        yield KeyBar()

    def on_mount(self) -> None:
        tr = self.app.tr
        self._day = self._today()
        if self.is_lead:
            team = self.query_one("#team-table", DataTable)
            # Fixed widths: the table is rebuilt every few seconds and must not jump.
            for key, width in (("col_caller", 14), ("col_queue", 6), ("col_overdue", 6),
                               ("col_on_call", 40), ("col_since", 6)):
                label = tr(f"review.{key}")
                team.add_column(label, width=max(width, len(label)))
            overdue = self.query_one("#overdue-table", DataTable)
            overdue.add_columns(tr("review.col_due"), tr("review.col_person"),
                                tr("review.col_reason"), tr("review.col_owner"))
            self.set_interval(TEAM_EVERY, self._load_team)
            focus_now(team)  # ↓ moves among the callers at once, not in the tab headers
            self._load_team()
        else:
            focus_now(self.query_one("#report"))
        self.set_interval(FIGURES_EVERY, self._load_figures)
        self._load_figures()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _LEAD_ONLY:
            return self.is_lead and self.selected_reminder() is not None
        if action in _TEAM_KEYS:
            return self._team_key(action)
        if action == "back":
            return self.app.cockpit_open
        return True

    def _team_key(self, action: str) -> bool | None:
        """A lead's team key: absent for a caller; greyed off the team tab, or when it does
        not apply to the one highlighted (already lead; oneself, who cannot leave here)."""
        if not self.is_lead:
            return False
        if self.query_one(TabbedContent).active != "team":
            return None
        if action == "add_member":
            return True
        member = self.selected_member()
        if member is None:
            return None
        if action == "make_lead":
            return None if member.is_lead else True
        return None if member.caller_id == self.app.caller.id else True

    # -- the team, live ------------------------------------------------------------------------

    def _load_team(self) -> None:
        self._read_team(self.app.caller.id)

    @work(thread=True, exclusive=True, group="review-team")
    def _read_team(self, viewer_id: int) -> None:
        team = run_service(self, self.app.services.team_today, viewer_id)
        if team is not None:
            self.post_message(TeamLoaded(team))

    @on(TeamLoaded)
    def _show_team(self, event: TeamLoaded) -> None:
        tr = self.app.tr
        zone = self.app.display_tz
        self._team = team = event.team
        table = self.query_one("#team-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in team.rows:
            since = row.on_call_since.astimezone(zone).strftime("%H:%M") \
                if row.on_call_since else ""
            # Every cell a Text: DataTable reads a plain string as markup.
            name = data_text(row.name + (" ★" if row.is_lead else ""), "bold")
            late = Text(str(row.overdue), style="bold red" if row.overdue else "dim")
            table.add_row(name, Text(str(row.queue_today)), late,
                          data_text(row.on_call_with or "—"), Text(since),
                          key=str(row.caller_id))
        if team.rows:
            table.move_cursor(row=min(keep, len(team.rows) - 1))
        self.query_one("#team-summary", Static).update(Text(tr(
            "review.summary", at=team.at.astimezone(zone).strftime("%H:%M:%S"),
            on_call=sum(1 for r in team.rows if r.on_call_with),
            unowned=team.overdue_unowned, leads=team.unassigned_leads)))
        self._load_overdue()
        self.refresh_bindings()

    @on(DataTable.RowHighlighted, "#team-table")
    def _caller_moved(self) -> None:
        self._load_overdue()
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#team-table")
    def _to_reminders(self) -> None:
        """Enter on a caller: into their overdue reminders, to pick one (`r`, `o`)."""
        overdue = self.query_one("#overdue-table", DataTable)
        if overdue.row_count:
            focus_now(overdue)

    def selected_caller(self) -> int | None:
        """The caller highlighted in the team table, by id."""
        member = self.selected_member()
        return None if member is None else member.caller_id

    def selected_member(self) -> TeamRow | None:
        """The caller highlighted in the team table (a lead's review only)."""
        if not self.is_lead or self._team is None or not self._team.rows:
            return None
        table = self.query_one("#team-table", DataTable)
        if table.row_count == 0:
            return None
        return self._team.rows[min(table.cursor_row, len(self._team.rows) - 1)]

    def _load_overdue(self) -> None:
        caller_id = self.selected_caller()
        if caller_id is not None:
            self._read_overdue(self.app.caller.id, caller_id)

    @work(thread=True, exclusive=True, group="review-overdue")
    def _read_overdue(self, viewer_id: int, caller_id: int) -> None:
        rows = run_service(self, self.app.services.overdue_reminders, viewer_id, caller_id)
        if rows is not None:
            self.post_message(OverdueLoaded(caller_id, rows))

    @on(OverdueLoaded)
    def _show_overdue(self, event: OverdueLoaded) -> None:
        if event.caller_id != self.selected_caller():
            return  # read for a caller no longer highlighted: theirs is on its way
        zone = self.app.display_tz
        self._reminders = rows = event.rows
        table = self.query_one("#overdue-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for r in rows:
            person = f"{r.person} · {r.company}" if r.company else r.person
            table.add_row(Text(r.due_at.astimezone(zone).strftime("%d/%m %H:%M")),
                          data_text(person),
                          data_text(reminder_reason(r.reason, self.app.tr) or r.kind),
                          data_text(r.owner or "—"), key=str(r.id))
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        self.refresh_bindings()

    def selected_reminder(self) -> ReminderRow | None:
        """The overdue reminder highlighted (a lead's review only)."""
        if not self.is_lead or not self._reminders:
            return None
        table = self.query_one("#overdue-table", DataTable)
        return self._reminders[min(table.cursor_row, len(self._reminders) - 1)]

    # -- the figures ---------------------------------------------------------------------------

    def _period(self) -> tuple[datetime, datetime, str]:
        day = self._day
        assert day is not None
        if self._week:
            year, week, _ = day.isocalendar()
            start, end = period_of_week(f"{year}-W{week:02d}")
            last = end - timedelta(days=1)
            return start, end, self.app.tr("review.week", week=f"{year}-W{week:02d}",
                                               start=start.strftime("%d/%m"),
                                               end=last.strftime("%d/%m"))
        start, end = period_of_day(day.isoformat())
        return start, end, start.strftime("%d/%m/%Y")

    def _load_figures(self) -> None:
        self._read_figures(self.app.caller.id, *self._period(), self.app.tr.lang)

    @work(thread=True, exclusive=True, group="review-figures")
    def _read_figures(self, viewer_id: int, start: datetime, end: datetime, label: str,
                      lang: str) -> None:
        from cockpit.i18n import Translator
        from cockpit.reports.model import worded

        facts = run_service(self, self.app.services.report, viewer_id, start, end, label)
        if facts is not None:
            self.post_message(FiguresLoaded(worded(facts, Translator(lang))))

    @on(FiguresLoaded)
    def _show_figures(self, event: FiguresLoaded) -> None:
        self.query_one("#review-title", Static).update(data_text(event.report.title, "bold"))
        self.query_one(ReportView).show(event.report)

    def _today(self) -> date:
        return self.app.clock().astimezone(self.app.display_tz).date()

    def action_shift(self, step: int) -> None:
        assert self._day is not None
        self._day += timedelta(days=7 * step if self._week else step)
        self._load_figures()

    def action_toggle_week(self) -> None:
        self._week = not self._week
        self._load_figures()

    def action_today(self) -> None:
        self._day = self._today()
        self._load_figures()

    def action_refresh(self) -> None:
        if self.is_lead:
            self._load_team()
        self._load_figures()

    # -- the lead's moves ----------------------------------------------------------------------

    def _callers(self, current: str = "") -> list[Choice]:
        """The team's callers to pick from, the one who has it now marked."""
        from cockpit.tui.screens.picker import Choice

        mark = self.app.tr("review.current")
        rows = self._team.rows if self._team else ()
        return [Choice(r.name, r.name, mark if r.name == current else "") for r in rows]

    def action_reassign(self) -> None:
        from cockpit.tui.screens.picker import PickerModal

        reminder = self.selected_reminder()
        if reminder is None:
            return
        tr = self.app.tr
        ask(self, PickerModal(tr("review.reassign_title", person=reminder.person),
                              self._callers(reminder.owner)),
            partial(self._reassign, self.app.caller.id, reminder.id))

    @work(thread=True, group="review-move")
    def _reassign(self, viewer_id: int, reminder_id: int, name: str) -> None:
        done = run_service(self, for_effect(self.app.services.reassign_reminder), viewer_id,
                           reminder_id, name)
        if done:
            self.post_message(ReminderMoved(self.app.tr("review.reassigned", to=name)))

    def action_owner(self) -> None:
        from cockpit.tui.screens.picker import Choice, PickerModal

        reminder = self.selected_reminder()
        if reminder is None or reminder.contact_id is None:
            return
        tr = self.app.tr
        # First line: back to the whole team ("" ), then each caller.
        choices = [Choice("", tr("review.everyone")), *self._callers()]
        ask(self, PickerModal(tr("review.owner_title", person=reminder.person), choices),
            partial(self._set_owner, self.app.caller.id, reminder.contact_id))

    @work(thread=True, group="review-move")
    def _set_owner(self, viewer_id: int, contact_id: int, owner: str) -> None:
        if run_service(self, for_effect(self.app.services.set_private_owner), viewer_id,
                       contact_id, owner or None):
            said = self.app.tr("review.owned" if owner else "review.unowned", owner=owner)
            self.post_message(ReminderMoved(said))

    @on(ReminderMoved)
    def _moved(self, event: ReminderMoved) -> None:
        self.app.notify(event.said)
        self._load_team()

    # -- the lead's changes to the team (issue 17) ---------------------------------------------

    def action_add_member(self) -> None:
        from cockpit.tui.screens.team_form import TeamAddModal

        modal = TeamAddModal(self.app.tr)
        ask(self, modal, lambda _values: self._member_added(modal.added))

    def _member_added(self, caller: CallerView | None) -> None:
        if caller is not None:
            key = "team.added_lead" if caller.is_lead else "team.added"
            self.post_message(TeamChanged(self.app.tr(key, name=caller.name)))

    def action_make_lead(self) -> None:
        from cockpit.tui.screens.confirm import ConfirmModal

        member = self.selected_member()
        if member is None or member.is_lead:
            return
        question = self.app.tr("review.lead_confirm", name=member.name)
        self.app.push_screen(ConfirmModal(question), partial(self._make_lead, member.name))

    def _make_lead(self, name: str, yes: bool | None) -> None:
        if not yes:
            return
        tr = self.app.tr
        lead = partial(self.app.services.team_set_lead, name, actor=self.app.caller.name)

        def said(caller: CallerView) -> TeamChanged:
            return TeamChanged(tr("team.now_lead", name=caller.name))

        start_service(self, lead, said, group="review-team-change")

    def action_leave_team(self) -> None:
        from cockpit.tui.screens.confirm import ConfirmModal

        member = self.selected_member()
        if member is None or member.caller_id == self.app.caller.id:
            return
        question = self.app.tr("review.leave_confirm", name=member.name,
                               lead=self.app.caller.name)
        self.app.push_screen(ConfirmModal(question), partial(self._leave, member.name))

    def _leave(self, name: str, yes: bool | None) -> None:
        if not yes:
            return
        tr = self.app.tr
        leave = partial(self.app.services.team_leave, name, actor=self.app.caller.name)

        # The same result `cockpit team leave` prints: who left, who took over, what moved.
        def said(result: tuple[CallerView, CallerView, Handover]) -> TeamChanged:
            gone, heir, handover = result
            return TeamChanged(tr("team.left", name=gone.name) + "\n" + tr(
                "team.handed_over", lead=heir.name, reminders=handover.reminders,
                contacts=handover.contacts))

        start_service(self, leave, said, group="review-team-change")

    @on(TeamChanged)
    def _team_changed(self, event: TeamChanged) -> None:
        self.app.notify(event.said, timeout=10)
        self._load_team()

    def action_switch_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = "figures" if tabs.active == "team" or not self.is_lead else "team"
        # Focus follows into the tab shown: a focused widget left in the hidden tab would
        # pull it back on screen (a pane shows itself when something inside it has focus).
        self._focus_tab(tabs.active)

    def _focus_tab(self, tab: str) -> None:
        target = "#team-table" if tab == "team" else "#report"
        focus_now(self.query_one(target))

    def action_needs(self) -> None:
        from cockpit.tui.screens.needs import NeedsScreen

        self.app.push_screen(NeedsScreen())

    def action_back(self) -> None:
        if self.app.cockpit_open:  # opened alone (`cockpit review`), it stays
            self.app.back_to_cockpit()
