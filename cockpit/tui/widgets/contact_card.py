"""Who is on the line: the person, their company, their numbers, their history."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from cockpit.domain.text import printable
from cockpit.services.views import ContactCardView
from cockpit.tui.app import CockpitApp
from cockpit.tui.card_words import (
    company_figures,
    company_kind,
    freelance_lines,
    history_outcome,
    referred_by,
)
from cockpit.tui.dates import format_short


class ContactCard(VerticalScroll):
    app = getters.app(CockpitApp)
    def compose(self) -> ComposeResult:
        yield Static(id="card-body")

    def on_mount(self) -> None:
        self.show(None)

    def show(self, card: ContactCardView | None, reason: str = "") -> None:
        body = self.query_one("#card-body", Static)
        tr = self.app.tr
        if card is None:
            body.update(Text(tr("card.empty"), style="dim"))
            return
        lines = self._lines(card)
        if reason:
            lines.insert(1, Text(printable(reason), style="bold yellow"))
        body.update(Group(*lines))

    def _lines(self, card: ContactCardView) -> list[RenderableType]:
        tr = self.app.tr
        if card.person.kind == "freelance":
            status = tr("card.freelance")
        else:
            status = tr("card.decision_maker") if card.is_decision_maker else tr("card.permanent")
        head = Text()
        head.append(printable(card.name), style="bold")
        if card.role:
            head.append(f" · {printable(card.role)}")
        head.append(f" · {status}", style="bold green" if card.is_decision_maker else "dim")
        if card.do_not_call:
            head.append("  ⛔ " + tr("card.do_not_call"), style="bold red")
        lines: list[RenderableType] = [head]
        if card.referred_by is not None:
            lines.append(Text(printable(referred_by(card.referred_by, tr)), style="italic"))
        company = card.company
        if company:
            lines.append(Text(printable(" · ".join(p for p in (
                company.name, company_kind(company.kind, tr), company.sector, company.city)
                if p))))
            figures = " · ".join(company_figures(company, tr))
            if figures:
                lines.append(Text(printable(figures), style="dim"))
            if company.prospect:
                lines.append(Text(printable(company.prospect), style="italic"))
        for phone in card.phones:
            line = Text()
            line.append(printable(phone.display), style="bold")
            local = tr("card.local_time", time=phone.local_time)
            line.append(f" {tr('phone.' + phone.kind)} · {local} ")
            if phone.can_call:
                line.append("✓ " + tr("card.can_call"), style="green")
            else:
                line.append("✗ " + printable(phone.why_not or tr("card.cannot_call")), style="red")
            lines.append(line)
        if card.email:
            lines.append(Text(printable(card.email)))
        lines.extend(Text(printable(other), style="dim") for other in card.other_emails)
        for label, value in freelance_lines(card.freelance, tr) if card.freelance else ():
            label, value = printable(label), printable(value)
            lines.append(Text(f"{label} : {value}" if tr.lang == "fr" else f"{label}: {value}"))
        if card.persona:
            lines.append(Text(printable(card.persona), style="italic cyan"))
        lines.append(Text(""))
        lines.append(Text(tr("card.history"), style="bold underline"))
        if not card.history:
            lines.append(Text(tr("card.no_history"), style="dim"))
        for item in card.history:
            line = Text()
            line.append(format_short(item.at, tr.lang, self.app.display_tz), style="dim")
            outcome = history_outcome(item.outcome, tr)
            # A note an import brought has nobody's name: none said, rather than an empty one.
            who = f" {printable(item.who)} ·" if item.who else " ·"
            line.append(f"{who} {printable(outcome)}", style="bold")
            if item.note:
                note = printable(item.note, multiline=True)
                line.append(f" : {note}" if tr.lang == "fr" else f": {note}")
            lines.append(line)
            for at, who, text in item.added:  # written after the call, the original kept
                lines.append(Text(tr("card.note_added", at=format_short(
                    at, tr.lang, self.app.display_tz), who=printable(who),
                    text=printable(text, multiline=True)), style="italic"))
        return lines
