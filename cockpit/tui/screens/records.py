"""The records a search opens: a company (its figures, verdict, people, needs, calls) and a
person or a freelance (the card with every number and the whole history, then reminders,
needs, skills, CV, proposals). From a person's record: call now (the claim taken as from
the queue, in the cockpit's call console), a reminder, a note, the card edited, the
portfolio changed; Enter on a company's person opens theirs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cockpit.services.records import CompanyRecord, FreelanceRecord, PersonRecord
from cockpit.services.views import CallerView, PersonRef
from cockpit.tui.app import CockpitApp
from cockpit.tui.card_words import company_kind
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.text import data_text
from cockpit.tui.widgets.contact_card import ContactCard
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.widgets.record_parts import (
    RecordSection,
    figure_line,
    need_line,
    person_line,
    proposal_line,
    reminder_line,
    timeline_line,
)
from cockpit.tui.workers import start_service


@dataclass
class RecordLoaded(Message):
    record: CompanyRecord | PersonRecord | FreelanceRecord


@dataclass
class FieldsRead(Message):
    current: dict[str, str]  # the card's editable values, as the database has them


@dataclass
class CallersRead(Message):
    callers: list[CallerView]


@dataclass
class RecordChanged(Message):
    said: str  # what to tell the caller; the record is read again


class CompanyRecordScreen(Screen[None]):
    CSS_PATH = "../styles/records.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="record.back"),
        Binding("enter", "open", "key.open_record", id="record.open"),
        Binding("slash", "search", "key.search_all", id="record.search", key_display="/"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, company_id: int) -> None:
        super().__init__()
        translate_bindings(self)
        self._company_id = company_id
        self._record: CompanyRecord | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="record-title")
        with VerticalScroll(id="record-body"):
            yield Static("", id="record-facts")
            yield RecordSection(id="record-figures")
            yield Static("", id="record-people-title", classes="record-heading")
            yield OptionList(id="record-people")
            yield RecordSection(id="record-needs")
            yield RecordSection(id="record-timeline")
        yield KeyBar()

    def on_mount(self) -> None:
        app = self.app
        start_service(self, partial(app.services.company_record, app.caller.id,
                                    self._company_id, app.tr.lang),
                      RecordLoaded, group="record", exclusive=True)

    @on(RecordLoaded)
    def _loaded(self, event: RecordLoaded) -> None:
        record = event.record
        if not isinstance(record, CompanyRecord):
            return
        self._record = record
        tr, tz = self.app.tr, self.app.display_tz
        title = data_text(record.name, "bold")
        self.query_one("#record-title", Static).update(title)
        facts = [p for p in (company_kind(record.kind, tr), record.sector, record.city) if p]
        lines = data_text(" · ".join(facts))
        if record.website:
            lines.append(data_text(" · " + tr("record.website", url=record.website), "dim"))
        if record.prospect:
            lines.append("\n" + tr("record.prospect", verdict=record.prospect), style="bold")
        self.query_one("#record-facts", Static).update(lines)
        self.query_one("#record-figures", RecordSection).show(
            tr("record.figures"), [figure_line(f, tr) for f in record.figures], tr)
        self.query_one("#record-people-title", Static).update(
            Text(tr("record.people", count=len(record.people)), style="bold"))
        people = self.query_one("#record-people", OptionList)
        people.clear_options()
        people.add_options([Option(person_line(p, tr, tz), id=str(p.person.id))
                            for p in record.people])
        if record.people:
            people.highlighted = 0
        self.query_one("#record-needs", RecordSection).show(
            tr("record.needs", count=len(record.needs)),
            [need_line(n, tr, tz) for n in record.needs], tr)
        self.query_one("#record-timeline", RecordSection).show(
            tr("record.timeline"), [timeline_line(t, tr, tz) for t in record.timeline], tr)
        focus_now(people)

    def action_open(self) -> None:
        people = self.query_one("#record-people", OptionList)
        if people.highlighted is None or not people.option_count:
            return
        option_id = people.get_option_at_index(people.highlighted).id
        if option_id and option_id.isdigit():
            self.app.push_screen(PersonRecordScreen(PersonRef("contact", int(option_id))))

    @on(OptionList.OptionSelected, "#record-people")
    def _picked(self) -> None:
        self.action_open()

    def action_search(self) -> None:
        from cockpit.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_back(self) -> None:
        self.app.pop_screen()


class PersonRecordScreen(Screen[None]):
    CSS_PATH = "../styles/records.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="record.back"),
        Binding("a", "call", "key.call_now", id="record.call"),
        Binding("r", "reminder", "key.book_reminder", id="record.reminder"),
        Binding("n", "note", "key.add_note", id="record.note"),
        Binding("e", "edit", "key.edit_record", id="record.edit"),
        Binding("p", "portfolio", "key.give_portfolio", id="record.portfolio"),
        Binding("c", "company", "key.open_company", id="record.company"),
        Binding("slash", "search", "key.search_all", id="record.search", key_display="/"),
    ]

    app = getters.app(CockpitApp)

    def __init__(self, person: PersonRef) -> None:
        super().__init__()
        translate_bindings(self)
        self._person = person
        self._record: PersonRecord | FreelanceRecord | None = None

    @property
    def record(self) -> PersonRecord | FreelanceRecord | None:
        return self._record

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="record-body"):
            yield ContactCard(id="record-card")
            yield RecordSection(id="record-reminders")
            yield RecordSection(id="record-needs")
            yield RecordSection(id="record-extra")
            yield RecordSection(id="record-history")
        yield KeyBar()

    def on_mount(self) -> None:
        self._load()
        focus_now(self.query_one("#record-body"))

    def _load(self) -> None:
        app = self.app
        start_service(self, partial(app.services.person_record, app.caller.id, self._person,
                                    app.tr.lang),
                      RecordLoaded, group="record", exclusive=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        record = self._record
        if action in ("call", "reminder", "note"):
            return record is not None
        if action in ("edit", "portfolio"):
            return isinstance(record, PersonRecord)
        if action == "company":
            return isinstance(record, PersonRecord) and record.company_id is not None
        return True

    @on(RecordLoaded)
    def _loaded(self, event: RecordLoaded) -> None:
        record = event.record
        if isinstance(record, CompanyRecord):
            return
        self._record = record
        tr, tz = self.app.tr, self.app.display_tz
        # The card of the queue, with the whole history: every number, e-mail, role,
        # persona, owner, who referred them.
        self.query_one("#record-card", ContactCard).show(record.card)
        self.query_one("#record-reminders", RecordSection).show(
            tr("record.reminders", count=len(record.reminders)),
            [reminder_line(r, tr, tz) for r in record.reminders], tr)
        needs = self.query_one("#record-needs", RecordSection)
        extra = self.query_one("#record-extra", RecordSection)
        if isinstance(record, PersonRecord):
            needs.show(tr("record.needs", count=len(record.needs)),
                       [need_line(n, tr, tz) for n in record.needs], tr)
            extra.display = False
        else:
            needs.show(tr("record.proposals", count=len(record.proposals)),
                       [proposal_line(p, tr) for p in record.proposals], tr)
            extra.display = True
            lines = [data_text("  " + " ".join(record.skills))]
            if record.siret:
                lines.append(data_text("  " + tr("record.siret", siret=record.siret)))
            lines += [data_text("  " + tr("record.reference", reference=r))
                      for r in record.references]
            lines.append(Text(tr("record.cv"), style="bold"))
            lines.append(data_text(record.cv_text.strip(), multiline=True) if record.cv_text.strip()
                         else Text("  " + tr("record.no_cv"), style="dim"))
            extra.show(tr("record.skills"), lines, tr)
        self.query_one("#record-history", RecordSection).display = False  # on the card
        self.refresh_bindings()

    # -- what a caller does from here ------------------------------------------------------------

    def action_call(self) -> None:
        from cockpit.tui.screens.picker import Choice, PickerModal

        record, app = self._record, self.app
        if record is None:
            return
        phones = record.card.phones
        if not phones:
            app.notify(app.tr("error.no_phone"), severity="warning")
            return
        if len(phones) == 1:
            self._dial(phones[0].e164)
            return
        choices = [Choice(p.e164, p.display, " · ".join(
            w for w in (app.tr(f"phone.label.{p.label}") if p.label in
                        ("standard", "direct", "mobile") else "",
                        app.tr(f"phone.{p.kind}"), p.why_not) if w)) for p in phones]
        app.push_screen(PickerModal(app.tr("record.pick_number"), choices),
                        lambda chosen: self._dial(chosen) if chosen else None)

    def _dial(self, number: str) -> None:
        """Back to the cockpit, whose call console claims the person (do-not-call and a
        colleague on the line are checked then, as from the queue) and starts the call."""
        self.app.call_about_need(self._person, None, number)

    def action_reminder(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        record, app = self._record, self.app
        if record is None:
            return
        fields = [FormField("until", app.tr("snooze.until"), "datetime", required=True),
                  FormField("reason", app.tr("field.reason"), "text")]

        def typed(values: dict[str, str] | None) -> None:
            if values:
                start_service(self, partial(app.services.book_reminder, app.caller.id,
                                            self._person, values["until"],
                                            values.get("reason", "")),
                              lambda due: RecordChanged(app.tr(
                                  "record.reminder_saved",
                                  when=_when(due, app))), group="record-edit")

        app.push_screen(FormModal(app.tr("record.reminder_title", name=record.card.name),
                                  fields, self._check_until), typed)

    def _check_until(self, values: dict[str, str]) -> dict[str, str]:
        from cockpit.tui.screens.call_forms import check_until

        return check_until(self.app, values)

    def action_note(self) -> None:
        from cockpit.tui.screens.form import FormField, FormModal

        record, app = self._record, self.app
        if record is None:
            return
        name = record.card.name

        def typed(values: dict[str, str] | None) -> None:
            if values and values.get("note", "").strip():
                start_service(self, partial(app.services.add_note, app.caller.id,
                                            self._person, values["note"]),
                              lambda _done: RecordChanged(app.tr("record.note_saved",
                                                                 name=name)),
                              group="record-edit")

        app.push_screen(FormModal(app.tr("record.note_title", name=name),
                                  [FormField("note", app.tr("field.note"), "text",
                                             required=True)]), typed)

    def action_edit(self) -> None:
        person = self._person
        if person.kind == "contact":  # the current values come from the database: a worker
            start_service(self, partial(self.app.services.editable_fields, person),
                          FieldsRead, group="record-edit", exclusive=True)

    @on(FieldsRead)
    def _edit(self, event: FieldsRead) -> None:
        from cockpit.tui.screens.call_forms import edit_card_form, kept_values

        app, person, current = self.app, self._person, event.current

        def typed(values: dict[str, str] | None) -> None:
            if values:
                start_service(self, partial(app.services.edit_contact, app.caller.id,
                                            person, kept_values(current, values)),
                              lambda name: RecordChanged(app.tr("edit.saved", name=name)),
                              group="record-edit")

        app.push_screen(edit_card_form(app.tr, current), typed)

    def action_portfolio(self) -> None:
        if self._person.kind == "contact":
            start_service(self, self.app.services.callers, CallersRead, group="record-edit",
                          exclusive=True)

    @on(CallersRead)
    def _pick_owner(self, event: CallersRead) -> None:
        from cockpit.tui.screens.picker import Choice, PickerModal

        app, person, me = self.app, self._person, self.app.caller
        # The lead gives to anyone; a caller may only take it or give it back (the
        # service refuses the rest, whatever is asked).
        choices = [Choice("", app.tr("record.shared"))]
        choices += [Choice(str(c.id), c.name) for c in event.callers
                    if me.is_lead or c.id == me.id]

        def chosen(key: str | None) -> None:
            if key is None:
                return
            owner = int(key) if key else None
            name = self._record.card.name if self._record else ""
            start_service(self, partial(app.services.change_portfolio, me.id, person.id, owner),
                          lambda _done: RecordChanged(app.tr("record.given", name=name)),
                          group="record-edit")

        app.push_screen(PickerModal(app.tr("record.pick_owner"), choices), chosen)

    def action_company(self) -> None:
        record = self._record
        if isinstance(record, PersonRecord) and record.company_id is not None:
            self.app.push_screen(CompanyRecordScreen(record.company_id))

    def action_search(self) -> None:
        from cockpit.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())

    @on(RecordChanged)
    def _changed(self, event: RecordChanged) -> None:
        self.app.notify(event.said, timeout=5)
        self._load()

    def action_back(self) -> None:
        self.app.pop_screen()


def _when(due: object, app: CockpitApp) -> str:
    from datetime import datetime

    from cockpit.tui.dates import format_date_time

    return format_date_time(due, app.tr.lang, app.display_tz) if isinstance(due, datetime) \
        else str(due)
