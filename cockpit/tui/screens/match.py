"""The freelances for one need, best first, narrowed as you type: propose one, send their
anonymised CV, book the interview, record the placement, write the recap, or call them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.domain.errors import DomainError
from cockpit.domain.text import printable
from cockpit.i18n import Translator
from cockpit.services.views import FreelanceMatchView, MatchPage, NeedView, ProposalView
from cockpit.tui.focus import focus_now
from cockpit.tui.guard import guarded_call
from cockpit.tui.localise import translate_bindings
from cockpit.tui.screens.needs import need_text
from cockpit.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from cockpit.tui.app import CockpitApp

PAGE = 50  # rows shown: the best 50 of the matches, never the whole base

_ON_A_FREELANCE = {"propose", "send_cv", "interview", "placement", "recap", "call"}
_ON_A_PROPOSAL = {"send_cv", "interview", "placement"}


class MatchScreen(Screen[None]):
    CSS_PATH = "../styles/needs.tcss"  # read when the first such screen opens
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="match.back"),
        Binding("slash", "search", "key.search", id="match.search", key_display="/"),
        Binding("p", "propose", "key.propose", id="match.propose"),
        Binding("v", "send_cv", "key.send_cv", id="match.cv"),
        Binding("i", "interview", "key.interview", id="match.interview"),
        Binding("l", "placement", "key.placement", id="match.placement"),
        Binding("m", "recap", "key.recap", id="match.recap"),
        Binding("a", "call", "key.call", id="match.call"),
    ]

    def __init__(self, need_id: int) -> None:
        super().__init__()
        translate_bindings(self)
        self.need_id = need_id
        self._page: MatchPage | None = None
        self._need: NeedView | None = None

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static("", id="match-need")
        yield Input(placeholder=self.cockpit.tr("match.filter"), id="match-search")
        with Horizontal(id="match-main"):
            yield OptionList(id="match-list")
            with VerticalScroll(id="match-detail"):
                yield Static("", id="match-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._load_need()
        self._search("")
        focus_now(self.query_one("#match-search", Input))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _ON_A_PROPOSAL:
            return self._proposal() is not None
        if action in _ON_A_FREELANCE:
            return self._selected() is not None
        return True

    # -- loading -------------------------------------------------------------------------------

    def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A service call from a worker; a failure becomes a message on screen."""
        return guarded_call(self.cockpit, fn, *args, **kwargs)

    @work(thread=True, exclusive=True, group="match-need")
    def _load_need(self) -> None:
        need = self._run(self.cockpit.services.need, self.need_id)
        if need is not None:
            self.app.call_from_thread(self._need_loaded, need)

    def _need_loaded(self, need: NeedView) -> None:
        self._need = need
        tr = self.cockpit.tr
        fields = dict(need.fields)
        line = Text(printable(need.title), style="bold")
        line.append(f" · {printable(need.company or '—')}")
        for key in ("technologies", "region", "start", "budget_rate"):
            if key in fields:
                value = f"{fields[key]} €" if key == "budget_rate" else fields[key]
                line.append(f" · {tr('need.field.' + key)} {printable(value)}", style="dim")
        self.query_one("#match-need", Static).update(line)
        self.refresh_bindings()
        self._show_detail()

    @on(Input.Changed, "#match-search")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#match-search")
    def _to_list(self) -> None:
        focus_now(self.query_one("#match-list", OptionList))

    def action_search(self) -> None:
        focus_now(self.query_one("#match-search", Input))

    @work(thread=True, exclusive=True, group="match")
    def _search(self, typed: str) -> None:
        app = self.cockpit
        page = self._run(app.services.match_freelances, self.need_id, typed=typed, limit=PAGE,
                         lang=app.tr.lang)
        if page is not None:
            app.call_from_thread(self._show, page)

    def _show(self, page: MatchPage) -> None:
        keep = self._selected()
        self._page = page
        options = self.query_one("#match-list", OptionList)
        options.clear_options()
        tr = self.cockpit.tr
        options.add_options([Option(_row_line(r, tr), id=str(r.id)) for r in page.rows])
        if page.rows:
            ids = [r.id for r in page.rows]
            options.highlighted = ids.index(keep.id) if keep and keep.id in ids else 0
        options.border_title = tr("match.count", shown=len(page.rows), total=page.total)
        self._show_detail()
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#match-list")
    def _moved(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _selected(self) -> FreelanceMatchView | None:
        if self._page is None:
            return None
        options = self.query_one("#match-list", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self._page.rows):
            return None
        return self._page.rows[index]

    def _proposal(self) -> ProposalView | None:
        row = self._selected()
        if row is None or self._need is None:
            return None
        return next((p for p in self._need.proposals if p.freelance_id == row.id), None)

    def _show_detail(self) -> None:
        tr = self.cockpit.tr
        row = self._selected()
        detail = Text()
        if row is not None:
            detail = freelance_text(row, self._proposal(), tr,
                                    self._page.margin if self._page else 0.0)
        elif self._need is not None:
            detail = need_text(self._need, tr)
        self.query_one("#match-detail-text", Static).update(detail)

    def action_back(self) -> None:
        self.dismiss(None)

    # -- actions on the highlighted freelance --------------------------------------------------

    def action_propose(self) -> None:
        row = self._selected()
        if row is not None:
            self._do(self.cockpit.services.propose, self.need_id, row.id,
                     done=self.cockpit.tr("match.proposed", name=row.name))

    @work(thread=True, group="match-action")
    def _do(self, fn: Callable[..., Any], *args: Any, done: str = "", **kwargs: Any) -> None:
        result = self._run(fn, *args, **kwargs)
        if result is not None or fn.__name__ in ("propose",):
            if done:
                self.app.call_from_thread(self.app.notify, done)
            self._load_need()

    def action_send_cv(self) -> None:
        proposal, row = self._proposal(), self._selected()
        if proposal is not None and row is not None:
            self._prepare_cv(row.id, proposal.id)

    @work(thread=True, exclusive=True, group="match-cv")
    def _prepare_cv(self, freelance_id: int, proposal_id: int) -> None:
        from cockpit.tui.screens.cv import CvModal

        cv = self._run(self.cockpit.services.anonymised_cv, freelance_id, proposal_id)
        if cv is not None:
            self.app.call_from_thread(self.app.push_screen, CvModal(cv),
                                      lambda text: self._send_cv(proposal_id, text))

    def _send_cv(self, proposal_id: int, text: str | None) -> None:
        if text:
            self._cv_mail(proposal_id, text)

    @work(thread=True, exclusive=True, group="match-cv")
    def _cv_mail(self, proposal_id: int, text: str) -> None:
        """The e-mail to the DO with the CV: the CV is recorded as sent only once that
        e-mail was saved, opened in the mail client or copied (MailModal returns where)."""
        from cockpit.tui.screens.mail import MailModal

        app = self.cockpit
        draft = self._run(app.services.cv_mail, app.caller.id, proposal_id, text,
                          lang=app.tr.lang)
        if draft is not None:
            app.call_from_thread(app.push_screen,
                                 MailModal(draft, sends=True, stem=f"cv-{proposal_id}"),
                                 lambda where: self._sent(proposal_id, text, where))

    def _sent(self, proposal_id: int, text: str, where: str | None) -> None:
        if where:
            self._sending(proposal_id, text, where)

    @work(thread=True, group="match-action")
    def _sending(self, proposal_id: int, text: str, where: str) -> None:
        app = self.cockpit
        due = self._run(app.services.send_cv, app.caller.id, proposal_id, text, where,
                        lang=app.tr.lang)
        if due is not None:
            when = due.astimezone(app.display_tz).strftime("%d/%m %H:%M")
            app.call_from_thread(app.notify, app.tr("match.cv_sent", when=when, where=where),
                                 timeout=10)
            self._load_need()

    def action_interview(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        proposal = self._proposal()
        if proposal is None:
            return
        tr = self.cockpit.tr
        self.app.push_screen(
            FormModal(tr("match.interview_title"),
                      [FormField("when", tr("match.interview_when"), "datetime", required=True)],
                      validate=self._check_when),
            lambda values: self._book(proposal.id, values))

    def _check_when(self, values: dict[str, str]) -> dict[str, str]:
        try:
            self._parse_when(values["when"])
        except (DomainError, ValueError):
            return {"when": self.cockpit.tr("match.bad_when")}
        return {}

    def _parse_when(self, raw: str) -> datetime:
        from cockpit.domain.captures import parse_datetime

        now = self.cockpit.clock().astimezone(self.cockpit.display_tz)
        moment = parse_datetime(raw, now)
        return moment if moment.tzinfo else moment.replace(tzinfo=self.cockpit.display_tz)

    def _book(self, proposal_id: int, values: dict[str, str] | None) -> None:
        if values:
            self._booking(proposal_id, self._parse_when(values["when"]))

    @work(thread=True, group="match-action")
    def _booking(self, proposal_id: int, when: datetime) -> None:
        app = self.cockpit
        due = self._run(app.services.book_interview, app.caller.id, proposal_id, when)
        if due is not None:
            shown = due.astimezone(app.display_tz).strftime("%d/%m %H:%M")
            app.call_from_thread(app.notify, app.tr("match.interview_booked", when=shown))
            self._load_need()

    def action_placement(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        proposal = self._proposal()
        if proposal is None:
            return
        tr = self.cockpit.tr
        self.app.push_screen(
            FormModal(tr("match.placement_title", name=printable(proposal.freelance_name)), [
                FormField("non_compete", tr("match.non_compete"), "yesno", required=True),
                FormField("non_solicitation", tr("match.non_solicitation"), "yesno",
                          required=True)]),
            lambda values: self._place(proposal.id, values))

    def _place(self, proposal_id: int, values: dict[str, str] | None) -> None:
        if values:
            from cockpit.domain.captures import yes_or_no

            self._do(self.cockpit.services.record_placement, proposal_id,
                     non_compete_signed=yes_or_no(values["non_compete"]),
                     non_solicitation_signed=yes_or_no(values["non_solicitation"]),
                     done=self.cockpit.tr("match.placed"))

    def action_recap(self) -> None:
        row = self._selected()
        if row is not None:
            self._recap(row.id)

    @work(thread=True, exclusive=True, group="recap")
    def _recap(self, freelance_id: int) -> None:
        from cockpit.tui.screens.mail import MailModal

        app = self.cockpit
        draft = self._run(app.services.freelance_recap, freelance_id, self.need_id,
                          app.caller.id, lang=app.tr.lang)
        if draft is not None:
            app.call_from_thread(app.push_screen, MailModal(draft))

    def action_call(self) -> None:
        """Call the freelance about this need: back to the cockpit, the call starts there."""
        row = self._selected()
        if row is None:
            return
        from cockpit.services.views import PersonRef

        self.cockpit.call_about_need(PersonRef("freelance", row.id), self.need_id)


def _row_line(r: FreelanceMatchView, tr: Translator) -> Text:
    marks = {"available": ("●", "green"), "stale": ("◐", "yellow"), "later": ("○", "dim")}
    mark, style = marks[r.group]
    line = Text()
    line.append(f"{mark} ", style=style)
    line.append(printable(r.name), style="bold" if r.proposed else "")
    if r.proposed:
        line.append(" ★", style="green")
    line.append(f" · {printable(r.title)}", style="dim")
    if r.selling_rate is not None:
        budget_style = {True: "green", False: "red", None: ""}[r.within_budget]
        line.append(f" · {r.selling_rate} €", style=budget_style)
    return line


def freelance_text(r: FreelanceMatchView, proposal: ProposalView | None, tr: Translator,
                   margin: float) -> Text:
    text = Text()
    text.append(f"{printable(r.name)}\n", style="bold")
    group = tr("match.group." + r.group)
    same = group.casefold() == r.availability.casefold()
    availability = '' if same else ' · ' + printable(r.availability)
    text.append(f"{printable(r.title)}\n{group}{availability}\n\n")
    if r.covered:
        text.append(f"{tr('match.covered')} : {printable(', '.join(r.covered))}\n", style="green")
    if r.missing:
        text.append(f"{tr('match.missing')} : {printable(', '.join(r.missing))}\n", style="yellow")
    text.append(f"{tr('match.mobile') if r.mobile else tr('match.not_mobile')}\n",
                style="" if r.mobile else "yellow")
    if r.day_rate is not None and r.selling_rate is not None:
        text.append(tr("match.rates", buying=r.day_rate, selling=r.selling_rate,
                       margin=f"{margin:.0%}") + "\n")
        if r.within_budget is False:
            text.append(tr("match.over_budget", amount=r.over_budget_by,
                           budget=r.selling_rate - r.over_budget_by) + "\n", style="red")
        elif r.within_budget:
            text.append(tr("match.within_budget") + "\n", style="green")
    else:
        text.append(tr("match.rate_unknown") + "\n", style="dim")
    if proposal is not None:
        text.append(f"\n{tr('proposal.status.' + proposal.status)}", style="bold")
        if proposal.placed_at:
            text.append(f" · {tr('match.clauses_signed')}")
        if proposal.cv_sent_note:  # where the CV's e-mail went
            text.append(f"\n{printable(proposal.cv_sent_note)}", style="dim")
    return text
