"""The small parts of a record (screens/records.py): a titled section of lines, and the
words of each kind of line — a year's figures, a person of a company, a need, a call."""

from __future__ import annotations

from datetime import tzinfo

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from cockpit.domain.text import grouped
from cockpit.i18n import Translator
from cockpit.i18n.reasons import reminder_reason
from cockpit.services.records import (
    FigureLine,
    NeedLine,
    PersonLine,
    ProposalLine,
    ReminderLine,
    TimelineLine,
)
from cockpit.tui.card_words import ARROW, history_outcome, money
from cockpit.tui.dates import format_date, format_short
from cockpit.tui.search_words import said
from cockpit.tui.text import data_text


class RecordSection(Static):
    """A title and its lines; "none" when there are none."""

    DEFAULT_CLASSES = "record-section"
    plain = ""  # what it says, as text (what a test or a screen reader reads)

    def show(self, title: str, lines: list[Text], tr: Translator) -> None:
        body = lines or [Text("  " + tr("record.none"), style="dim")]
        self.plain = "\n".join(t.plain for t in (Text(title), *body))
        self.update(Group(Text(title, style="bold"), *body))


def figure_line(f: FigureLine, tr: Translator) -> Text:
    return Text("  " + tr("record.figure_line", year=f.year, revenue=money(f.revenue, tr),
                          arrow=ARROW.get(f.trend, ""),
                          headcount=(grouped(f.headcount, tr.lang) if f.headcount is not None
                                     else "?"),
                          per_head=money(f.revenue_per_head, tr)))


def person_line(p: PersonLine, tr: Translator, tz: tzinfo) -> Text:
    line = data_text(p.name, "bold")
    if p.role:
        line.append(data_text(f" · {p.role}"))
    line.append(f" · {tr('card.decision_maker') if p.is_decision_maker else tr('card.permanent')}",
                style="green" if p.is_decision_maker else "dim")
    when = (tr("record.last_contact", date=format_date(p.last_contacted_at, tr.lang, tz))
            if p.last_contacted_at else tr("record.never"))
    line.append(f" · {when}", style="dim")
    if p.owner:
        line.append(data_text(" · " + tr("record.private", owner=p.owner), "italic"))
    if p.do_not_call:
        line.append("  ⛔ " + tr("card.do_not_call"), style="bold red")
    return line


def need_line(n: NeedLine, tr: Translator, tz: tzinfo) -> Text:
    line = data_text(f"  #{n.id} {n.title}", "bold")
    line.append(f" · {said(tr, 'need.status.' + n.status) or n.status}")
    line.append(f" · {format_date(n.created_at, tr.lang, tz)}", style="dim")
    return line


def timeline_line(t: TimelineLine, tr: Translator, tz: tzinfo) -> Text:
    line = Text("  " + format_short(t.at, tr.lang, tz), style="dim")
    if t.who:  # a note an import brought has nobody's name
        line.append(data_text(f" {t.who}"))
    if t.person:
        line.append(data_text(f" → {t.person}", "bold"))
    line.append(f" · {history_outcome(t.outcome, tr)}")
    if t.note:
        line.append(data_text(f" — {t.note}", "italic"))
    return line


def reminder_line(r: ReminderLine, tr: Translator, tz: tzinfo) -> Text:
    line = Text("  " + format_short(r.due_at, tr.lang, tz), style="bold")
    line.append(f" · {said(tr, 'reminder.kind.' + r.kind) or r.kind}")
    if r.reason:
        line.append(data_text(f" · {reminder_reason(r.reason, tr)}", "dim"))
    if r.owner:
        line.append(data_text(f" · {r.owner}", "dim"))
    return line


def proposal_line(p: ProposalLine, tr: Translator) -> Text:
    line = data_text(f"  #{p.need_id} {p.need}", "bold")
    if p.company:
        line.append(data_text(f" · {p.company}"))
    line.append(f" · {said(tr, 'proposal.status.' + p.status) or p.status}")
    return line
