"""The freelances for one need, best first, narrowed as you type: propose one, send their
anonymised CV, book the interview, record the placement, write the recap, or call them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cockpit.domain.errors import DomainError
from cockpit.domain.text import printable
from cockpit.i18n import Translator
from cockpit.services.later_views import (
    CvMail,
    CvView,
    FreelanceMatchView,
    MatchPage,
    NeedView,
    ProposalView,
)
from cockpit.tui.app import CockpitApp
from cockpit.tui.ask import ask
from cockpit.tui.card_words import match_availability
from cockpit.tui.cv_words import cv_history, cv_mail_draft
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.screens.mail import DraftReady
from cockpit.tui.screens.needs import NeedLoaded, need_text
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.workers import run_service

PAGE = 50  # rows shown: the best 50 of the matches, never the whole base

_ON_A_FREELANCE = {"propose", "send_cv", "interview", "placement", "recap", "call", "cv_files"}
_ON_A_PROPOSAL = {"send_cv", "interview", "placement"}


# What the workers of the freelances' screen post back (with NeedLoaded, DraftReady).
@dataclass
class MatchesLoaded(Message):
    page: MatchPage


@dataclass
class ProposalChanged(Message):
    """A proposal moved on (proposed, placed, CV sent, interview booked): `said` tells the
    caller; the need is read again."""

    said: str
    timeout: float | None = None


@dataclass
class CvReady(Message):
    proposal_id: int
    cv: CvView


@dataclass
class CvMailReady(Message):
    """The e-mail carrying the CV (as corrected), to send before the CV counts as sent."""

    proposal_id: int
    text: str
    mail: CvMail  # what the e-mail says, put in words when it is shown


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
        Binding("c", "cv_files", "key.cv_files", id="match.cv_files"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, need_id: int) -> None:
        super().__init__()
        translate_bindings(self)
        self.need_id = need_id
        self._page: MatchPage | None = None
        self._need: NeedView | None = None

    @property
    def page(self) -> MatchPage | None:
        """The freelances shown (None before the first search has answered)."""
        return self._page

    @property
    def need(self) -> NeedView | None:
        """The need, as last read (None before it is)."""
        return self._need

    def compose(self) -> ComposeResult:
        yield Static("", id="match-need")
        yield Input(placeholder=self.app.tr("match.filter"), id="match-search")
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

    def _load_need(self) -> None:
        self._read_need(self.need_id)

    @work(thread=True, exclusive=True, group="match-need")
    def _read_need(self, need_id: int) -> None:
        need = run_service(self, self.app.services.need, need_id)
        if need is not None:
            self.post_message(NeedLoaded(need))

    @on(NeedLoaded)
    def _need_loaded(self, event: NeedLoaded) -> None:
        self._need = need = event.need
        tr = self.app.tr
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
        page = run_service(self, self.app.services.match_freelances, self.need_id, typed=typed,
                           limit=PAGE)
        if page is not None:
            self.post_message(MatchesLoaded(page))

    @on(MatchesLoaded)
    def _show(self, event: MatchesLoaded) -> None:
        keep = self._selected()
        self._page = page = event.page
        options = self.query_one("#match-list", OptionList)
        options.clear_options()
        tr = self.app.tr
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
        tr = self.app.tr
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
            self._propose(row.id, self.app.tr("match.proposed", name=row.name))

    @work(thread=True, group="match-action")
    def _propose(self, freelance_id: int, said: str) -> None:
        if run_service(self, self.app.services.propose, self.need_id, freelance_id):
            self.post_message(ProposalChanged(said))

    @on(ProposalChanged)
    def _proposal_changed(self, event: ProposalChanged) -> None:
        self.app.notify(event.said, timeout=event.timeout)
        self._load_need()

    def _when(self, moment: datetime) -> str:
        return moment.astimezone(self.app.display_tz).strftime("%d/%m %H:%M")

    def action_send_cv(self) -> None:
        proposal, row = self._proposal(), self._selected()
        if proposal is not None and row is not None:
            self._prepare_cv(row.id, proposal.id)

    @work(thread=True, exclusive=True, group="match-cv")
    def _prepare_cv(self, freelance_id: int, proposal_id: int) -> None:
        cv = run_service(self, self.app.services.anonymised_cv, freelance_id, proposal_id)
        if cv is not None:
            self.post_message(CvReady(proposal_id, cv))

    @on(CvReady)
    def _correct_cv(self, event: CvReady) -> None:
        from cockpit.tui.screens.cv import CvModal

        ask(self, CvModal(event.cv), partial(self._cv_mail, self.app.caller.id,
                                             event.proposal_id))

    @work(thread=True, exclusive=True, group="match-cv")
    def _cv_mail(self, caller_id: int, proposal_id: int, text: str) -> None:
        """The e-mail to the DO with the CV: the CV is recorded as sent only once that
        e-mail was saved, opened in the mail client or copied (MailModal returns where)."""
        mail = run_service(self, self.app.services.cv_mail, caller_id, proposal_id, text)
        if mail is not None:
            self.post_message(CvMailReady(proposal_id, text, mail))

    @on(CvMailReady)
    def _send_cv_mail(self, event: CvMailReady) -> None:
        from cockpit.tui.screens.mail import MailModal

        tr = self.app.tr
        ask(self, MailModal(cv_mail_draft(event.mail, tr), cv_text=event.text,
                            stem=f"cv-{event.proposal_id}"),
            partial(self._sending, self.app.caller.id, event.proposal_id, event.text,
                    event.mail))

    @work(thread=True, group="match-action")
    def _sending(self, caller_id: int, proposal_id: int, text: str, mail: CvMail,
                 where: str) -> None:
        due = run_service(self, self.app.services.send_cv, caller_id, proposal_id, text, where,
                          cv_history(mail, where, self.app.tr))
        if due is not None:
            said = self.app.tr("match.cv_sent", when=self._when(due), where=where)
            self.post_message(ProposalChanged(said, timeout=10))

    def action_cv_files(self) -> None:
        """The freelance's CV files; one attached, the list is read again (its words now
        count in the search)."""
        from cockpit.tui.screens.cv import CvFilesModal

        row = self._selected()
        if row is not None:
            ask(self, CvFilesModal(row.id, row.name),
                lambda _name: self._search(self.query_one("#match-search", Input).value))

    def action_interview(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        proposal = self._proposal()
        if proposal is None:
            return
        tr = self.app.tr
        ask(self, FormModal(tr("match.interview_title"),
                            [FormField("when", tr("match.interview_when"), "datetime",
                                       required=True)],
                            validate=self._check_when),
            partial(self._book, proposal.id))

    def _check_when(self, values: dict[str, str]) -> dict[str, str]:
        try:
            self._parse_when(values["when"])
        except (DomainError, ValueError):
            return {"when": self.app.tr("match.bad_when")}
        return {}

    def _parse_when(self, raw: str) -> datetime:
        from cockpit.domain.captures import parse_datetime

        now = self.app.clock().astimezone(self.app.display_tz)
        moment = parse_datetime(raw, now)
        return moment if moment.tzinfo else moment.replace(tzinfo=self.app.display_tz)

    def _book(self, proposal_id: int, values: dict[str, str]) -> None:
        self._booking(self.app.caller.id, proposal_id, self._parse_when(values["when"]))

    @work(thread=True, group="match-action")
    def _booking(self, caller_id: int, proposal_id: int, when: datetime) -> None:
        due = run_service(self, self.app.services.book_interview, caller_id, proposal_id, when)
        if due is not None:
            self.post_message(ProposalChanged(
                self.app.tr("match.interview_booked", when=self._when(due))))

    def action_placement(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        proposal = self._proposal()
        row = self._selected()
        if proposal is None or row is None:
            return
        tr = self.app.tr
        ask(self, FormModal(tr("match.placement_title", name=printable(proposal.freelance_name)),
                            [FormField("non_compete", tr("match.non_compete"), "yesno",
                                       required=True),
                             FormField("non_solicitation", tr("match.non_solicitation"),
                                       "yesno", required=True)]),
            partial(self._clauses, proposal, row))

    def _clauses(self, proposal: ProposalView, row: FreelanceMatchView,
                 values: dict[str, str]) -> None:
        """Both clauses signed: the mission's days and rates next (a second form, so each
        fits a 24-line terminal); a clause missing is said by the services, as before."""
        from cockpit.domain.captures import yes_or_no
        from cockpit.tui.screens.form import FormField, FormModal

        clauses = (yes_or_no(values["non_compete"]), yes_or_no(values["non_solicitation"]))
        if not all(clauses):
            self._placing(proposal.id, *clauses, None, self.app.tr("match.placed"))
            return
        tr = self.app.tr
        buying = "" if row.day_rate is None else str(row.day_rate)
        selling = "" if row.selling_rate is None else str(row.selling_rate)
        ask(self, FormModal(tr("match.mission_title", name=printable(proposal.freelance_name)),
                            [FormField("start", tr("match.mission_start"), "date",
                                       required=True),
                             FormField("end", tr("match.mission_end"), "date", required=True),
                             FormField("buying", tr("match.buying_rate"), "money",
                                       required=True, value=buying),
                             FormField("selling", tr("match.selling_rate"), "money",
                                       required=True, value=selling)],
                            validate=self._check_mission),
            partial(self._place, proposal.id))

    def _mission_day(self, raw: str) -> date:
        from cockpit.domain.captures import parse_date

        return parse_date(raw, self.app.clock().astimezone(self.app.display_tz).date())

    def _check_mission(self, values: dict[str, str]) -> dict[str, str]:
        """The days read as dates, the end no earlier than the start, the selling rate above
        zero; each complaint under its own field."""
        from cockpit.domain.captures import parse_money

        tr = self.app.tr
        errors: dict[str, str] = {}
        days: dict[str, date] = {}
        for key in ("start", "end"):
            try:
                days[key] = self._mission_day(values[key])
            except (DomainError, ValueError, OverflowError):
                errors[key] = tr("match.bad_day")
        if len(days) == 2 and days["end"] < days["start"]:
            errors["end"] = tr("match.ends_first")
        try:
            if parse_money(values["selling"]) <= 0:
                errors["selling"] = tr("match.selling_zero")
        except ArithmeticError:
            pass  # the form says a bad amount itself
        return errors

    def _place(self, proposal_id: int, values: dict[str, str]) -> None:
        from cockpit.domain.captures import parse_money

        self._placing(proposal_id, True, True,
                      (self._mission_day(values["start"]), self._mission_day(values["end"]),
                       int(parse_money(values["buying"])), int(parse_money(values["selling"]))),
                      self.app.tr("match.placed"))

    @work(thread=True, group="match-action")
    def _placing(self, proposal_id: int, non_compete: bool, non_solicitation: bool,
                 mission: tuple[date, date, int, int] | None, said: str) -> None:
        start, end, buying, selling = mission or (None, None, None, None)
        if run_service(self, self.app.services.record_placement, proposal_id,
                       non_compete_signed=non_compete, non_solicitation_signed=non_solicitation,
                       start=start, end=end, buying_rate=buying, selling_rate=selling):
            self.post_message(ProposalChanged(said))

    def action_recap(self) -> None:
        row = self._selected()
        if row is not None:
            self._recap(row.id, self.app.caller.id, self.app.tr.lang)

    @work(thread=True, exclusive=True, group="recap")
    def _recap(self, freelance_id: int, caller_id: int, lang: str) -> None:
        draft = run_service(self, self.app.services.freelance_recap, freelance_id, self.need_id,
                            caller_id, lang=lang)
        if draft is not None:
            self.post_message(DraftReady(draft))

    @on(DraftReady)
    def _show_draft(self, event: DraftReady) -> None:
        from cockpit.tui.screens.mail import MailModal

        self.app.push_screen(MailModal(event.draft))

    def action_call(self) -> None:
        """Call the freelance about this need: back to the cockpit, the call starts there."""
        row = self._selected()
        if row is None:
            return
        from cockpit.services.views import PersonRef

        self.app.call_about_need(PersonRef("freelance", row.id), self.need_id)


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


def mission_text(p: ProposalView, tr: Translator) -> str:
    """The mission placed: its days, its rates and the margin they leave (per day, over the
    mission's working days); "" for a placement recorded before they were kept."""
    from cockpit.domain.placement import placement_money, said_percent
    from cockpit.i18n.dates import format_date

    if None in (p.start_date, p.end_date, p.buying_rate, p.selling_rate):
        return ""
    assert p.start_date and p.end_date and p.buying_rate is not None and p.selling_rate
    money = placement_money(p.buying_rate, p.selling_rate, p.start_date, p.end_date)
    return tr("match.mission", start=format_date(p.start_date, tr.lang),
              end=format_date(p.end_date, tr.lang), days=money.days, buying=p.buying_rate,
              selling=p.selling_rate, rate=said_percent(money.margin_rate, tr.lang),
              per_day=money.margin_per_day, total=money.margin_total)


def freelance_text(r: FreelanceMatchView, proposal: ProposalView | None, tr: Translator,
                   margin: float) -> Text:
    text = Text()
    text.append(f"{printable(r.name)}\n", style="bold")
    group = tr("match.group." + r.group)
    said = match_availability(r.availability, r.available_from, tr)
    same = group.casefold() == said.casefold()
    availability = '' if same else ' · ' + printable(said)
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
            mission = mission_text(proposal, tr)
            if mission:
                text.append(f"\n{mission}")
        if proposal.cv_sent_note:  # where the CV's e-mail went
            text.append(f"\n{printable(proposal.cv_sent_note)}", style="dim")
    return text
