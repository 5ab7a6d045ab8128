"""Search from anywhere (`/`, the palette): type, and the companies, people, freelances and
needs found show grouped by kind, a few each; Enter opens the record.

Each key starts a search in a worker (the newest replaces the older in the group); a result
comes back as a message with the text it answers, and one for a text no longer typed is
dropped, so fast typing never shows an older answer over a newer one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.services.search import SearchResults
from cockpit.services.views import PersonRef
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.screens.create_forms import LooksKnown, NewCreated
from cockpit.tui.search_words import group_title, hit_words
from cockpit.tui.text import data_text
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.workers import start_service


@dataclass
class SearchDone(Message):
    results: SearchResults


class SearchScreen(Screen[None]):
    CSS_PATH = "../styles/records.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="search.back"),
        Binding("enter", "open", "key.open_record", id="search.open", priority=True),
        Binding("down", "move(1)", "key.down", show=False, id="search.down"),
        Binding("up", "move(-1)", "key.up", show=False, id="search.up"),
        Binding("ctrl+n", "create", "key.create", id="search.create"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, typed: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self._typed = typed
        self._shown: SearchResults | None = None

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        with Vertical(id="search"):
            yield Static(Text(tr("search.title"), style="bold"), id="search-title")
            yield Input(value=self._typed, placeholder=tr("search.placeholder"),
                        id="search-input")
            yield OptionList(id="search-list")
            yield Static(Text(tr("search.hint"), style="dim"), id="search-reply")
        yield KeyBar()

    def on_mount(self) -> None:
        focus_now(self.query_one(Input))
        if self._typed:
            self._search(self._typed)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, typed: str) -> None:
        if not typed.strip():
            self._show(SearchResults(typed, ()))
            return
        app = self.app
        start_service(self, partial(app.services.search, app.caller.id, typed), SearchDone,
                      group="search", exclusive=True)

    @on(SearchDone)
    def _done(self, event: SearchDone) -> None:
        if event.results.typed != self.query_one(Input).value:
            return  # an answer to a text typed before: a newer search is on its way
        self._show(event.results)

    def _show(self, results: SearchResults) -> None:
        tr = self.app.tr
        self._shown = results
        options = self.query_one(OptionList)
        options.clear_options()
        first: int | None = None
        for group in results.groups:
            if not group.hits:
                continue
            options.add_option(Option(Text(group_title(group, tr), style="bold"),
                                      disabled=True))
            for hit in group.hits:
                line = data_text(hit.name, "bold")
                words = hit_words(hit, tr)
                if words:
                    line.append(data_text(" · " + " · ".join(words), "dim"))
                options.add_option(Option(line, id=f"{hit.kind}:{hit.id}"))
                if first is None:
                    first = options.option_count - 1
            if group.total > len(group.hits):
                options.add_option(Option(Text("  " + tr("search.more"), style="dim italic"),
                                          disabled=True))
        options.highlighted = first
        reply = self.query_one("#search-reply", Static)
        if not results.typed.strip():
            reply.update(Text(tr("search.hint"), style="dim"))
        elif results.empty:
            reply.update(data_text(tr("search.none", typed=results.typed.strip()), "yellow"))
        else:
            reply.update("")

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or options.option_count == 0:
            return
        option_id = options.get_option_at_index(options.highlighted).id or ""
        kind, _, raw = option_id.partition(":")
        if raw.isdigit():
            open_record(self.app, kind, int(raw))

    @on(OptionList.OptionSelected, "#search-list")
    def _clicked(self) -> None:
        self.action_open()

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- created by hand, when the search did not find them ------------------------------------

    def action_create(self) -> None:
        from cockpit.tui.screens.create_forms import start_create

        start_create(self, self.app)

    # By their handlers' names, not @on, as on the queue (create_forms posts them).
    def on_looks_known(self, event: LooksKnown) -> None:
        from cockpit.tui.screens.create_forms import ask_anyway

        app = self.app
        ask_anyway(self, app, event, lambda found: open_record(app, found.kind, found.id))

    def on_new_created(self, event: NewCreated) -> None:
        created = event.created
        self.app.notify(self.app.tr(f"create.created_{created.kind}", name=created.name),
                        timeout=5)
        open_record(self.app, created.kind, created.id)


def open_record(app: CockpitApp, kind: str, record_id: int) -> None:
    """The record of a search result (a need: the needs board, on it)."""
    from cockpit.tui.screens.records import CompanyRecordScreen, PersonRecordScreen

    if kind == "company":
        app.push_screen(CompanyRecordScreen(record_id))
    elif kind in ("contact", "freelance"):
        app.push_screen(PersonRecordScreen(PersonRef(kind, record_id)))
    elif kind == "need":
        from cockpit.tui.screens.needs import NeedsScreen

        app.push_screen(NeedsScreen(focus_need=record_id))
