"""The old CRM's lists: "activité générale" (decision makers nobody called for N days,
filtered by sector, company and technology, each with its last note), "activité privée"
(my private contacts, last call and next reminder) and, for the lead, the do-not-call list.

`tab` goes from one list to the next; `m` puts the highlighted person first in my queue;
the lead gives them to someone's portfolio with `p`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from cockpit.domain.activity import ActivityFilter, parse_days
from cockpit.domain.errors import ValidationError
from cockpit.domain.text import printable
from cockpit.i18n import Translator
from cockpit.services.activity import ListedRow, PrivateRow, SilentList, SilentRow
from cockpit.services.views import PersonRef
from cockpit.tui.app import CockpitApp
from cockpit.tui.ask import ask, for_effect
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.widgets.quick_list import QuickOptionList
from cockpit.tui.workers import run_service, start_service

LISTS = ("general", "private", "do_not_call")
FILTER_PAUSE = 0.3  # seconds of quiet typing before the list is read again


@dataclass
class SilentLoaded(Message):
    found: SilentList


@dataclass
class PrivateLoaded(Message):
    rows: list[PrivateRow]


@dataclass
class ListedLoaded(Message):
    rows: list[ListedRow]


@dataclass
class Queued(Message):
    said: str


@dataclass
class TeamLoaded(Message):
    names: list[str]


class ActivityScreen(Screen[None]):
    CSS_PATH = "../styles/activity.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="activity.back"),
        Binding("tab", "next_list", "key.next_list", id="activity.next", priority=True),
        Binding("slash", "filter", "key.filter", id="activity.filter", key_display="/"),
        Binding("m", "to_my_queue", "key.to_my_queue", id="activity.queue"),
        Binding("p", "give", "key.give_portfolio", id="activity.give"),
        Binding("ctrl+r", "reload", "key.refresh", id="activity.refresh", show=False),
    ]

    app = getters.app(CockpitApp)

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._list = "general"
        self._lines: list[SilentRow | PrivateRow | ListedRow] = []
        self._pause: Timer | None = None
        self._team: list[str] = []  # whom the lead may give a contact to

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        yield Static("", id="activity-title")
        with Horizontal(id="activity-filters"):
            yield Input("90", placeholder=tr("activity.field.days"), id="activity-days",
                        restrict=r"[0-9]*", max_length=4)
            yield Input(placeholder=tr("activity.field.sector"), id="activity-sector",
                        max_length=100)
            yield Input(placeholder=tr("activity.field.company"), id="activity-company",
                        max_length=100)
            yield Input(placeholder=tr("activity.field.tech"), id="activity-tech",
                        max_length=100)
        yield Static("", id="activity-problem")
        with Horizontal(id="activity-main"):
            yield QuickOptionList(id="activity-list")
            with VerticalScroll(id="activity-detail"):
                yield Static("", id="activity-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.action_reload()
        if self.app.caller.is_lead:
            services = self.app.services
            start_service(self, lambda: [c.name for c in services.callers()], TeamLoaded,
                          group="activity-team")
        focus_now(self.query_one("#activity-list", QuickOptionList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "give":
            return self.app.caller.is_lead and self._list != "do_not_call"
        if action == "to_my_queue":
            return self._list != "do_not_call"
        if action == "filter":
            return self._list == "general"
        return True

    # -- which list ----------------------------------------------------------------------------

    def action_next_list(self) -> None:
        lists = LISTS if self.app.caller.is_lead else LISTS[:2]
        self._list = lists[(lists.index(self._list) + 1) % len(lists)]
        self.query_one("#activity-filters").display = self._list == "general"
        self.query_one("#activity-problem", Static).update("")
        self.refresh_bindings()
        self.action_reload()
        focus_now(self.query_one("#activity-list", QuickOptionList))

    def action_filter(self) -> None:
        focus_now(self.query_one("#activity-sector", Input))

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- reading (in threads, results as messages) ---------------------------------------------

    def action_reload(self) -> None:
        services, caller_id = self.app.services, self.app.caller.id
        if self._list == "private":
            start_service(self, partial(services.private_contacts, caller_id), PrivateLoaded,
                          group="activity", exclusive=True)
        elif self._list == "do_not_call":
            start_service(self, partial(services.do_not_call_list, caller_id), ListedLoaded,
                          group="activity", exclusive=True)
        else:
            wanted = self._wanted()
            if wanted is not None:
                start_service(self, partial(services.silent_decision_makers, caller_id, wanted),
                              SilentLoaded, group="activity", exclusive=True)

    def _wanted(self) -> ActivityFilter | None:
        """The filter typed; None (and the problem said under the fields) when it is not one."""
        problem = self.query_one("#activity-problem", Static)
        try:
            wanted = ActivityFilter(parse_days(self.query_one("#activity-days", Input).value),
                                    *(self.query_one(f"#activity-{name}", Input).value
                                      for name in ("sector", "company", "tech")))
        except ValidationError:
            problem.update(Text(self.app.tr("activity.bad_days"), style="bold red"))
            return None
        problem.update("")
        return wanted

    @on(Input.Changed)
    def _typed(self) -> None:
        # Read again once the typing pauses: not one query per key.
        if self._pause is not None:
            self._pause.stop()
        self._pause = self.set_timer(FILTER_PAUSE, self.action_reload)

    @on(Input.Submitted)
    def _to_list(self) -> None:
        focus_now(self.query_one("#activity-list", QuickOptionList))

    @on(SilentLoaded)
    def _silent(self, event: SilentLoaded) -> None:
        tr = self.app.tr
        if self._list != "general":
            return  # read for a list left meanwhile
        found = event.found
        key = "activity.title_general" if found.total == len(found.rows) else \
            "activity.title_general_more"
        self._show(tr(key, count=found.total, shown=len(found.rows),
                      days=self.query_one("#activity-days", Input).value),
                   found.rows, [silent_line(r, tr) for r in found.rows])

    @on(PrivateLoaded)
    def _private(self, event: PrivateLoaded) -> None:
        if self._list == "private":
            tr = self.app.tr
            self._show(tr("activity.title_private", count=len(event.rows)), event.rows,
                       [private_line(r, tr) for r in event.rows])

    @on(ListedLoaded)
    def _listed(self, event: ListedLoaded) -> None:
        if self._list == "do_not_call":
            tr = self.app.tr
            self._show(tr("activity.title_dnc", count=len(event.rows)), event.rows,
                       [listed_line(r, tr) for r in event.rows])

    def _show(self, title: str, rows: Any, lines: list[Text]) -> None:
        # The line the caller was on stays chosen when the list is read again (after `p`
        # or `m`): a key pressed next acts on the same person, not on the first line.
        before = self._selected()
        kept = getattr(before, "person", None) or getattr(before, "number", None)
        self._lines = list(rows)
        self.query_one("#activity-title", Static).update(Text(title, style="bold"))
        options = self.query_one("#activity-list", QuickOptionList)
        options.clear_options()
        options.add_options([Option(line, id=str(i)) for i, line in enumerate(lines)])
        if lines:
            options.highlighted = next(
                (i for i, row in enumerate(self._lines)
                 if kept is not None and kept in (getattr(row, "person", None),
                                                   getattr(row, "number", None))), 0)
        else:
            self.query_one("#activity-detail-text", Static).update(
                data_text(self.app.tr("activity.empty")))

    # -- the highlighted line ------------------------------------------------------------------

    def _selected(self) -> SilentRow | PrivateRow | ListedRow | None:
        options = self.query_one("#activity-list", QuickOptionList)
        if options.highlighted is None or not self._lines:
            return None
        index = int(options.get_option_at_index(options.highlighted).id or 0)
        return self._lines[index] if index < len(self._lines) else None

    @on(QuickOptionList.OptionHighlighted, "#activity-list")
    def _highlighted(self) -> None:
        row = self._selected()
        if row is not None:
            self.query_one("#activity-detail-text", Static).update(detail(row, self.app.tr))

    def _person(self) -> PersonRef | None:
        row = self._selected()
        return row.person if isinstance(row, SilentRow | PrivateRow) else None

    def action_to_my_queue(self) -> None:
        person, row = self._person(), self._selected()
        if person is not None and row is not None:
            name = getattr(row, "name", "")
            self.run_worker(partial(self._queue, self.app.caller.id, person, name),
                            thread=True, group="activity-move")

    def _queue(self, caller_id: int, person: PersonRef, name: str) -> None:
        added = run_service(self, self.app.services.to_my_queue, caller_id, person)
        if added is not None:
            key = "activity.queued" if added else "activity.already_queued"
            self.post_message(Queued(self.app.tr(key, name=name)))

    def action_give(self) -> None:
        from cockpit.tui.screens.picker import Choice, PickerModal

        person = self._person()
        row = self._selected()
        if person is None or row is None or not self.app.caller.is_lead:
            return
        tr = self.app.tr
        choices = [Choice("", tr("review.everyone")),
                   *(Choice(name, name) for name in self._team)]
        ask(self, PickerModal(tr("review.owner_title", person=getattr(row, "name", "")),
                              choices),
            lambda owner: self.run_worker(partial(self._give, self.app.caller.id, person.id,
                                                  owner), thread=True, group="activity-move"))

    def _give(self, viewer_id: int, contact_id: int, owner: str) -> None:
        if run_service(self, for_effect(self.app.services.set_private_owner), viewer_id,
                       contact_id, owner or None):
            said = self.app.tr("review.owned" if owner else "review.unowned", owner=owner)
            self.post_message(Queued(said))

    @on(TeamLoaded)
    def _team_loaded(self, event: TeamLoaded) -> None:
        self._team = event.names

    @on(Queued)
    def _said(self, event: Queued) -> None:
        self.app.notify(event.said, timeout=5)
        self.action_reload()


# -- lines and details (plain functions: the snapshot and the tests read them) ----------------

def _date(tr: Translator, moment: Any) -> str:
    from cockpit.i18n.dates import format_date

    return format_date(moment, tr.lang) if moment is not None else ""


def silent_line(row: SilentRow, tr: Translator) -> Text:
    line = Text(f"{_date(tr, row.last_contact):<11}", style="dim")
    line.append(printable(row.name), style="bold")
    if row.company:
        line.append(f" · {printable(row.company)}")
    if row.owner:
        line.append(f"  [{printable(row.owner)}]", style="italic")
    return line


def private_line(row: PrivateRow, tr: Translator) -> Text:
    line = Text(printable(row.name), style="bold")
    if row.company:
        line.append(f" · {printable(row.company)}")
    line.append("  " + (tr("activity.next", what=_next(row, tr))), style="dim")
    return line


def listed_line(row: ListedRow, tr: Translator) -> Text:
    line = Text(f"{row.number or tr('activity.erased'):<18}", style="bold")
    line.append(f"{_date(tr, row.since):<11}", style="dim")
    line.append(printable(", ".join(row.people) or tr("activity.nobody")))
    return line


def _next(row: PrivateRow, tr: Translator) -> str:
    from cockpit.i18n.dates import format_date_time

    if row.next_due is None:
        return tr("activity.nothing_booked")
    return f"{tr('reminder.kind.' + row.next_kind)} {format_date_time(row.next_due, tr.lang)}"


def detail(row: SilentRow | PrivateRow | ListedRow, tr: Translator) -> Text:
    text = Text()
    if isinstance(row, ListedRow):
        text.append(f"{row.number or tr('activity.erased')}\n", style="bold")
        text.append(tr("activity.since", when=_date(tr, row.since)) + "\n")
        if row.reason:
            text.append(tr("activity.why", why=printable(row.reason)) + "\n")
        text.append("\n" + printable("\n".join(row.people) or tr("activity.nobody")))
        return text
    text.append(printable(row.name) + "\n", style="bold")
    if isinstance(row, SilentRow):
        if row.role:
            text.append(printable(row.role) + "\n")
        text.append(printable(" · ".join(filter(None, (row.company, row.sector)))) + "\n")
        text.append(tr("activity.last", when=_date(tr, row.last_contact)) + "\n")
        if row.last_note:
            text.append("\n" + tr("activity.last_note", when=_date(tr, row.last_note_at))
                        + "\n", style="bold")
            text.append(printable(row.last_note, multiline=True))
        return text
    text.append(printable(row.company) + "\n")
    last = _date(tr, row.last_contact) or tr("activity.never")
    text.append(tr("activity.last", when=last) + "\n")
    text.append(tr("activity.next", what=_next(row, tr)))
    return text
