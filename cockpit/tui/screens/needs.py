"""Needs: seed 001's two searches (every need; only those with profiles proposed), filtered
as you type; Enter opens the freelances for the need."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.domain.text import printable
from cockpit.i18n import Translator
from cockpit.services.later_views import NeedRow, NeedView
from cockpit.services.views import PersonRef
from cockpit.tui.app import CockpitApp
from cockpit.tui.ask import ask
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.screens.mail import DraftReady
from cockpit.tui.text import data_text, fold
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.workers import run_service


# What the workers of the needs screens post back (the freelances' screen reads a need too).
@dataclass
class NeedsLoaded(Message):
    rows: tuple[NeedRow, ...]


@dataclass
class NeedLoaded(Message):
    need: NeedView


@dataclass
class NeedCreated(Message):
    need_id: int


class NeedsScreen(Screen[None]):
    CSS_PATH = "../styles/needs.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="needs.back"),
        Binding("t", "toggle_proposed", "key.needs_toggle", id="needs.toggle"),
        Binding("slash", "search", "key.search", id="needs.search", key_display="/"),
        Binding("m", "recap", "key.recap", id="needs.recap"),
        Binding("n", "new_need", "key.new_need", id="needs.new"),
        Binding("ctrl+r", "reload", "key.refresh", id="needs.refresh", show=False),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, contact: PersonRef | None = None,
                 focus_need: int | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self._contact = contact  # the decision maker a need typed here belongs to
        self._focus_need = focus_need  # opened from a search: that need highlighted
        self._rows: tuple[NeedRow, ...] = ()
        self._proposed_only = False

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        yield Static("", id="needs-title")
        with Horizontal(id="needs-main"):
            with Vertical(id="needs-left"):
                yield Input(placeholder=tr("needs.filter"), id="needs-filter")
                yield OptionList(id="needs-list")
            with VerticalScroll(id="needs-detail"):
                yield Static(tr("needs.pick"), id="needs-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.action_reload()
        focus_now(self.query_one("#needs-list", OptionList))

    # -- loading -------------------------------------------------------------------------------

    def action_reload(self) -> None:
        self._load(self._proposed_only)

    @work(thread=True, exclusive=True, group="needs")
    def _load(self, proposed_only: bool) -> None:
        rows = run_service(self, self.app.services.needs, with_proposals=proposed_only,
                           limit=1000)
        if rows is not None:
            self.post_message(NeedsLoaded(rows))

    @on(NeedsLoaded)
    def _loaded(self, event: NeedsLoaded) -> None:
        self._rows = event.rows
        self._fill()

    def _fill(self) -> None:
        tr = self.app.tr
        words = fold(self.query_one("#needs-filter", Input).value).split()
        shown = [n for n in self._rows
                 if all(w in fold(f"{n.title} {n.company} {n.technologies} {n.region} "
                                  f"{tr('need.status.' + n.status)}") for w in words)]
        options = self.query_one("#needs-list", OptionList)
        options.clear_options()
        options.add_options([Option(_need_line(n, tr), id=str(n.id)) for n in shown])
        title = tr("needs.title_proposed" if self._proposed_only else "needs.title_all",
                   shown=len(shown), total=len(self._rows))
        self.query_one("#needs-title", Static).update(Text(title, style="bold"))
        if shown:
            ids = [n.id for n in shown]
            focus, self._focus_need = self._focus_need, None
            options.highlighted = ids.index(focus) if focus in ids else 0
        else:
            self.query_one("#needs-detail-text", Static).update(data_text(tr("needs.none")))

    @on(Input.Changed, "#needs-filter")
    def _filter(self) -> None:
        self._fill()

    @on(Input.Submitted, "#needs-filter")
    def _to_list(self) -> None:
        focus_now(self.query_one("#needs-list", OptionList))

    def action_search(self) -> None:
        focus_now(self.query_one("#needs-filter", Input))

    def action_toggle_proposed(self) -> None:
        self._proposed_only = not self._proposed_only
        self.action_reload()

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- the highlighted need ------------------------------------------------------------------

    def _selected(self) -> int | None:
        options = self.query_one("#needs-list", OptionList)
        if options.highlighted is None or options.option_count == 0:
            return None
        return int(options.get_option_at_index(options.highlighted).id or 0)

    @on(OptionList.OptionHighlighted, "#needs-list")
    def _highlighted(self) -> None:
        need_id = self._selected()
        if need_id is not None:
            self._load_detail(need_id)

    @work(thread=True, exclusive=True, group="need-detail")
    def _load_detail(self, need_id: int) -> None:
        need = run_service(self, self.app.services.need, need_id)
        if need is not None:
            self.post_message(NeedLoaded(need))

    @on(NeedLoaded)
    def _show_detail(self, event: NeedLoaded) -> None:
        if event.need.id != self._selected():
            return  # read for a need no longer highlighted: its own is on its way
        self.query_one("#needs-detail-text", Static).update(need_text(event.need, self.app.tr))

    @on(OptionList.OptionSelected, "#needs-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        from cockpit.tui.screens.match import MatchScreen

        self.app.push_screen(MatchScreen(int(event.option.id or 0)),
                             callback=lambda _: self.action_reload())

    def action_new_need(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        tr = self.app.tr
        fields = [FormField("title", tr("need.field.title"), required=True),
                  FormField("technologies", tr("need.field.technologies")),
                  FormField("region", tr("need.field.region")),
                  FormField("start", tr("need.field.start")),
                  FormField("duration", tr("need.field.duration")),
                  FormField("budget_rate", tr("need.field.budget_rate"), "money")]
        title = tr("needs.new_for" if self._contact else "needs.new")
        ask(self, FormModal(title, fields, validate=self._check),
            partial(self._create, self.app.caller.id, self._contact))

    def _check(self, values: dict[str, str]) -> dict[str, str]:
        from cockpit.domain.captures import parse_money

        raw = values.get("budget_rate", "")
        try:
            if raw:
                parse_money(raw)
        except (ValueError, ArithmeticError):
            return {"budget_rate": self.app.tr("error.bad_money", value=raw)}
        return {}

    @work(thread=True, group="needs-new")
    def _create(self, caller_id: int, contact: PersonRef | None,
                values: dict[str, str]) -> None:
        need_id = run_service(self, self.app.services.create_need, caller_id, values, contact)
        if need_id is not None:
            self.post_message(NeedCreated(need_id))

    @on(NeedCreated)
    def _created(self, event: NeedCreated) -> None:
        self.app.notify(self.app.tr("needs.created", id=event.need_id))
        self.action_reload()

    def action_recap(self) -> None:
        need_id = self._selected()
        if need_id is not None:
            self._recap(need_id, self.app.caller.id, self.app.tr.lang)

    @work(thread=True, exclusive=True, group="recap")
    def _recap(self, need_id: int, caller_id: int, lang: str) -> None:
        draft = run_service(self, self.app.services.need_recap, need_id, caller_id, lang=lang)
        if draft is not None:
            self.post_message(DraftReady(draft))

    @on(DraftReady)
    def _show_draft(self, event: DraftReady) -> None:
        from cockpit.tui.screens.mail import MailModal

        self.app.push_screen(MailModal(event.draft))


def _need_line(n: NeedRow, tr: Translator) -> Text:
    line = Text()
    line.append(f"{tr('need.status.' + n.status):<9} ", style="bold")
    line.append(printable(n.title))
    line.append(f" · {printable(n.company or '—')}", style="dim")
    if n.proposed:
        line.append(f" · {n.proposed}★", style="green")
    return line


def need_text(need: NeedView, t: Translator) -> Text:
    text = Text()
    text.append(f"{printable(need.title)}\n", style="bold")
    text.append(f"{printable(need.company or '—')} · {t('need.status.' + need.status)}\n")
    if need.contact_name:
        who = printable(f"{need.contact_name} {need.contact_email}")
        text.append(f"{t('need.contact')} : {who}\n")
    text.append("\n")
    for name, value in need.fields:
        shown = printable(f"{value} €" if name == "budget_rate" else value, multiline=True)
        text.append(f"{t('need.field.' + name)} : ", style="bold")
        text.append(f"{shown}\n")
    if need.proposals:
        text.append(f"\n{t('need.proposals')}\n", style="bold")
        for p in need.proposals:
            text.append(f"  {printable(p.freelance_name)} · {t('proposal.status.' + p.status)}\n")
    return text
