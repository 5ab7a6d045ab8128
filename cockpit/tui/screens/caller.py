"""The caller's cockpit: queue and contact card on top, the script and the notes below.

The screen owns the queue, the card and the day's figures, read in worker threads whose
results come back as messages (tui/messages.py); the call itself is the call console's
(widgets/call_console.py), which tells the screen when the call starts, changes, or ends."""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen

from cockpit import boot
from cockpit.services.errors import ServiceError
from cockpit.services.views import CallView, ContactCardView, PersonRef, QueuePage
from cockpit.tui.app import CockpitApp
from cockpit.tui.focus import focus_now
from cockpit.tui.localise import translate_bindings
from cockpit.tui.messages import (
    CardEdited,
    CardFieldsRead,
    CardLoaded,
    FiguresLoaded,
    OutboxSynced,
    PersonBlocked,
    QueueEdited,
    QueueLoaded,
    QueuePolled,
)
from cockpit.tui.widgets.call_console import CallConsole
from cockpit.tui.widgets.contact_card import ContactCard
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.widgets.queue_pane import PAGE_SIZE, QueuePane
from cockpit.tui.widgets.script_panel import ROOM_FOR_BIG_NUMBER
from cockpit.tui.widgets.top_bar import TopBar
from cockpit.tui.workers import ServiceFailed, start_service

if TYPE_CHECKING:
    from cockpit.services import Services
    from cockpit.services.creating import Duplicate
    from cockpit.services.warm import FirstScreen
    from cockpit.tui.screens.create_forms import LooksKnown, NewCreated

QUEUE_EVERY = 5.0  # seconds between two quiet refreshes of the queue

_IN_CALL = {"objection", "notes", "end_call", "redirect", "leave_notes"}
_OUT_OF_CALL = {"start_call", "skip", "snooze", "do_not_call"}
_ON_A_PERSON = {"edit_card"}
_CHANGES_THE_CALL = {"objection"}  # refused while another caller holds the person


class CallerScreen(Screen[None]):
    app = getters.app(CockpitApp)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "start_call", "key.call", id="call.start"),
        Binding("o,f2", "objection", "key.objection", id="call.objection", key_display="o"),
        Binding("n,f3", "notes", "key.notes", id="call.notes", key_display="n"),
        Binding("f,f4", "end_call", "key.end_call", id="call.end", key_display="f"),
        Binding("escape", "leave_notes", "key.back_to_script", id="call.back", show=False),
        Binding("s", "skip", "key.skip", id="queue.skip"),
        Binding("z", "snooze", "key.snooze", id="queue.snooze", show=False),
        Binding("x", "do_not_call", "key.do_not_call", id="person.do_not_call", show=False),
        Binding("r", "redirect", "key.redirect", id="call.redirect", show=False),
        Binding("e", "edit_card", "key.edit_card", id="person.edit", show=False),
        Binding("v", "cv_files", "key.cv_files", id="person.cv_files", show=False),
        Binding("ctrl+r", "refresh", "key.refresh", id="caller.refresh", show=False),
        Binding("b", "needs", "key.needs", id="caller.needs"),
        Binding("ctrl+n", "create", "key.create", id="caller.create", show=False),
        Binding("l", "activity", "key.activity", id="caller.activity", show=False),
        Binding("g", "review", "key.review", id="caller.review"),
        Binding("slash", "search_all", "key.search_all", id="caller.search", key_display="/",
                show=False),
        Binding("c", "agenda", "key.agenda", id="caller.agenda", show=False),
    ]

    def __init__(self, first: FirstScreen | None = None) -> None:
        """`first`: what the start read in advance, shown from the first frame."""
        super().__init__()
        translate_bindings(self)
        self._first = first
        self._offset = 0
        self._highlighted: PersonRef | None = None
        self._ready_announced = False
        self._card_shown_first: PersonRef | None = None  # the first card, shown with the queue
        self._figures_shown_first = False  # the day's figures came with the first screen
        self._call_console = CallConsole(id="console")  # here from the start: the keys ask it

    @property
    def call(self) -> CallView | None:
        """The call on screen (the console's), None between calls."""
        return self._call_console.call

    @property
    def highlighted(self) -> PersonRef | None:
        """The person the queue's cursor is on."""
        return self._highlighted

    def compose(self) -> ComposeResult:
        yield TopBar(id="top-bar")
        # The queue and the card sit in the console, above its script and notes: one layout
        # for the three rows, sized as they always were.
        with self._call_console, Horizontal(id="main-row"):
            yield QueuePane(id="queue")
            yield ContactCard(id="card")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(30, self.load_figures)
        # Others' work shows within seconds (calls taken, reminders moved), and the ends of
        # calls kept while offline go out as soon as the database answers again.
        self.set_interval(QUEUE_EVERY, self._poll)
        app = self.app
        first, self._first = self._first, None
        if first is None or (first.lang, first.limit) != (app.tr.lang, PAGE_SIZE):
            self.load_queue(0)
        else:
            # Read before the interface started: the first frame shows it complete, with
            # no round trip through a worker and no second layout for the card.
            self._queue_loaded(first.page)
            if first.card is not None:
                self._card_shown_first = first.card.person
                self._card_loaded(first.card)
            self._figures_shown_first = True
            self._show_figures(first.figures)
            self._read_only_said(first.read_only)
        if first is None or first.has_unfinished:  # else the services need not open yet
            self._call_console.resume_unfinished()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        call = self.call
        if action in _IN_CALL:
            if action in _CHANGES_THE_CALL and call is not None and call.held_by:
                return None  # resumed read-only: shown greyed (None), it would be refused
            return self._call_console.on_air
        if action in _OUT_OF_CALL:
            return call is None and self._highlighted is not None
        if action in _ON_A_PERSON:
            return (call.person if call else self._highlighted) is not None
        if action == "cv_files":  # a freelance's CVs, from their card
            person = call.person if call else self._highlighted
            return person is not None and person.kind == "freelance"
        return True

    # -- the call (the console's) -------------------------------------------------------------

    def action_start_call(self) -> None:
        if self._highlighted is not None:
            held = self.held_reason(self._highlighted)
            if held:  # listed to prepare, not to call yet: say why, take nothing
                self.app.notify(self.app.tr("queue.held_refused", reason=held),
                                severity="warning")
                return
            self._call_console.start(self._highlighted)

    def call_person(self, person: PersonRef, need_id: int | None = None,
                    number: str | None = None) -> None:
        """Call someone chosen elsewhere (a freelance for a need, a record), unless a call
        is on."""
        self._call_console.call_person(person, need_id, number)

    def action_objection(self) -> None:
        self._call_console.objection()

    def action_notes(self) -> None:
        self._call_console.focus_notes()

    def action_leave_notes(self) -> None:
        self._call_console.focus_script()

    def action_end_call(self) -> None:
        self._call_console.end_call()

    def action_redirect(self) -> None:
        self._call_console.redirect()

    @on(CallConsole.CallChanged)
    def _call_changed(self, event: CallConsole.CallChanged) -> None:
        call = event.call
        self.set_class(call is not None and call.mode != "ended", "-in-call")
        self.refresh_bindings()

    @on(CallConsole.Started)
    def _call_started(self, event: CallConsole.Started) -> None:
        self.load_card(event.person)

    @on(CallConsole.Ended)
    def _call_ended(self, _: CallConsole.Ended) -> None:
        self.load_queue(0)
        self.load_figures()
        # Back to the queue: ↓ moves on at once, and the card shows the person highlighted
        # as the database has them now (the call just saved included).
        focus_now(self.query_one("#queue-list"))
        if self._highlighted is not None:
            self.load_card(self._highlighted)

    @on(CallConsole.QueueChanged)
    def _queue_changed(self, _: CallConsole.QueueChanged) -> None:
        self.load_queue(self._offset)

    # -- the person highlighted, between calls --------------------------------------------------

    def action_skip(self) -> None:
        if self._highlighted is not None:
            app = self.app
            start_service(self, partial(app.services.skip, app.caller.id, self._highlighted),
                          lambda _done: QueueEdited(), group="queue-edit")

    def action_snooze(self) -> None:
        from cockpit.tui.screens.call_forms import snooze_form

        person = self._highlighted
        if person is None:
            return
        app = self.app

        def chosen(values: dict[str, str] | None) -> None:
            if values:
                start_service(self, partial(app.services.snooze, app.caller.id, person,
                                            values["until"]),
                              lambda _done: QueueEdited(), group="queue-edit")

        app.push_screen(snooze_form(app.tr, self._check_until), chosen)

    def _check_until(self, values: dict[str, str]) -> dict[str, str]:
        from cockpit.tui.screens.call_forms import check_until

        return check_until(self.app, values)

    @on(QueueEdited)
    def _queue_edited(self, _: QueueEdited) -> None:
        self.load_queue(0)

    def action_do_not_call(self) -> None:
        from cockpit.tui.screens.confirm import ConfirmModal

        person = self._highlighted
        if person is None:
            return
        app = self.app

        def confirmed(yes: bool | None) -> None:
            if yes:
                start_service(self, partial(app.services.mark_do_not_call, app.caller.id,
                                            person),
                              PersonBlocked, group="queue-edit")

        # The question names the person: "d" on the wrong line must not pass unseen.
        row = self.query_one(QueuePane).row_for(person)
        who = f"{row.name} · {row.company}" if row and row.company else (row.name if row else "")
        question = app.tr("dnc.confirm_who", who=who) if who else app.tr("dnc.confirm")
        app.push_screen(ConfirmModal(question), confirmed)

    @on(PersonBlocked)
    def _blocked(self, event: PersonBlocked) -> None:
        from cockpit.tui.call_words import blocked_words

        self.app.notify(blocked_words(event.blocked, self.app.tr), timeout=8)
        self.load_queue(0)

    def action_edit_card(self) -> None:
        person = self.call.person if self.call else self._highlighted
        if person is not None and person.kind == "contact":
            # The card's current values come from the database: read in a worker.
            start_service(self, partial(self.app.services.editable_fields, person),
                          partial(CardFieldsRead, person), group="edit-card", exclusive=True)

    def action_cv_files(self) -> None:
        from cockpit.tui.screens.cv import CvFilesModal

        person = self.call.person if self.call else self._highlighted
        if person is not None and person.kind == "freelance":
            self.app.push_screen(CvFilesModal(person.id, ""))

    @on(CardFieldsRead)
    def _show_edit_card(self, event: CardFieldsRead) -> None:
        from cockpit.tui.screens.call_forms import edit_card_form, kept_values

        app, person, current = self.app, event.person, event.current

        def typed(values: dict[str, str] | None) -> None:
            if values:
                start_service(self, partial(app.services.edit_contact, app.caller.id, person,
                                            kept_values(current, values)),
                              partial(CardEdited, person), group="queue-edit")

        app.push_screen(edit_card_form(app.tr, current), typed)

    @on(CardEdited)
    def _card_edited(self, event: CardEdited) -> None:
        self.app.notify(self.app.tr("edit.saved", name=event.name), timeout=5)
        self.load_card(event.person)

    # -- elsewhere ------------------------------------------------------------------------------

    def action_needs(self) -> None:
        from cockpit.tui.screens.needs import NeedsScreen

        person = self.call.person if self.call is not None else self._highlighted
        self.app.push_screen(NeedsScreen(person if person and person.kind == "contact" else None))

    def action_review(self) -> None:
        self.app.open_review()

    def action_create(self) -> None:
        from cockpit.tui.screens.create_forms import start_create

        start_create(self, self.app)

    # By their handlers' names, not @on: the classes stay out of the start's imports.
    def on_looks_known(self, event: LooksKnown) -> None:
        from cockpit.tui.screens.create_forms import ask_anyway

        ask_anyway(self, self.app, event, self._show_existing)

    def _show_existing(self, found: Duplicate) -> None:
        from cockpit.tui.screens.search import open_record

        open_record(self.app, found.kind, found.id)

    def on_new_created(self, event: NewCreated) -> None:
        created = event.created
        self.app.notify(self.app.tr(f"create.created_{created.kind}", name=created.name),
                        timeout=5)
        self.load_queue(self._offset)
        if created.kind != "company":
            self.load_card(PersonRef(created.kind, created.id))

    def action_activity(self) -> None:
        from cockpit.tui.screens.activity import ActivityScreen

        self.app.push_screen(ActivityScreen(), callback=lambda _: self.action_refresh())

    def action_search_all(self) -> None:
        from cockpit.tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())
    def action_agenda(self) -> None:
        from cockpit.tui.screens.agenda import AgendaScreen

        # A reminder moved there moves in the queue too: read again on the way back.
        self.app.push_screen(AgendaScreen(), callback=lambda _: self.action_refresh())

    def action_refresh(self) -> None:
        self.load_queue(self._offset)
        self.load_figures()

    # -- the queue and the card (read in threads) -------------------------------------------

    def load_queue(self, offset: int) -> None:
        app = self.app
        start_service(self, partial(app.services.queue_page, app.caller.id, offset=offset,
                                    limit=PAGE_SIZE, lang=app.tr.lang),
                      QueueLoaded, group="queue", exclusive=True)

    @on(QueueLoaded)
    def _page_read(self, event: QueueLoaded) -> None:
        self._queue_loaded(event.page)

    def _queue_loaded(self, page: QueuePage) -> None:
        self._offset = page.offset
        self.query_one(QueuePane).show_page(page)
        if not page.rows and self.call is None:
            self.query_one(ContactCard).show(None)
        if not self._ready_announced:
            self._ready_announced = True
            boot.first_screen_shown()
            self.app.call_after_refresh(self._first_frame_drawn)

    def _first_frame_drawn(self) -> None:
        # The day's figures come after the first frame (unless read with it): opening the
        # database in a thread (imports included) would compete with drawing the queue.
        if not self._figures_shown_first:
            self.load_figures()
        # Benchmarks measure the start-up to this point: the first interactive screen.
        if self.app.settings.hooks.exit_when_ready:
            os.write(1, b"ready\n")  # straight to the descriptor: Textual captures print()
            self.app.exit()

    def _poll(self) -> None:
        if self.call is None and self.app.screen is self and self._ready_announced:
            self._poll_queue(self._offset)
        self.sync_outbox()

    def _poll_queue(self, offset: int) -> None:
        app = self.app
        # Quietly: a refresh that fails says so in the top bar, not in a message a second.
        caller_id, lang = app.caller.id, app.tr.lang
        start_service(self, lambda: app.services.queue_page(caller_id, offset=offset,
                                                            limit=PAGE_SIZE, lang=lang),
                      QueuePolled, group="queue", exclusive=True,
                      failed=lambda _error: QueuePolled(None))

    @on(QueuePolled)
    def _polled(self, event: QueuePolled) -> None:
        # The services hold one view of the connection; the top bar follows it both ways.
        self.app.refresh_connection()
        if event.page is not None:
            self._queue_loaded(event.page)

    def sync_outbox(self) -> None:
        """Write the ends of calls kept on this computer, now if the database answers."""
        app = self.app
        start_service(self, lambda: _flush_outbox(app.services),
                      lambda counts: OutboxSynced(*counts), group="outbox", exclusive=True)

    @on(OutboxSynced)
    def _outbox_synced(self, event: OutboxSynced) -> None:
        app = self.app
        app.refresh_connection()
        if event.written:
            app.notify(app.tr("call.outbox_flushed", count=event.written), timeout=8)
        if event.dropped:
            app.notify(app.tr("call.erased_dropped", count=event.dropped), severity="warning",
                       timeout=10)

    def load_card(self, person: PersonRef) -> None:
        app = self.app
        start_service(self, partial(app.services.contact_card, person, lang=app.tr.lang),
                      CardLoaded, group="card", exclusive=True,
                      failed=lambda error: CardLoaded(None, error))

    @on(CardLoaded)
    def _card_read(self, event: CardLoaded) -> None:
        if event.error is not None:  # said by the app; the card shows nobody rather than
            self.post_message(ServiceFailed(event.error))  # the person highlighted before
        self._card_loaded(event.card)

    def _card_loaded(self, card: ContactCardView | None) -> None:
        row = self.query_one(QueuePane).row_for(card.person) if card else None
        reason = "" if row is None else f"{row.reason} — {row.held}" if row.held else row.reason
        self.query_one(ContactCard).show(card, reason)

    def held_reason(self, person: PersonRef) -> str:
        """Why the queue holds this person back for now ("" when they may be called)."""
        row = self.query_one(QueuePane).row_for(person)
        return row.held if row is not None else ""

    def load_figures(self) -> None:
        app, caller_id = self.app, self.app.caller.id
        # `app.services` read in the worker: the first ask opens them (services/warm.py), which
        # must not hold up the UI thread just after the first frame.
        start_service(self, lambda: app.services.day_figures(caller_id), FiguresLoaded,
                      group="figures", exclusive=True)

    @on(FiguresLoaded)
    def _figures_read(self, event: FiguresLoaded) -> None:
        self._show_figures(event.figures)
        self._read_only_said(self.app.read_only_database())

    def _show_figures(self, figures: dict[str, int]) -> None:
        app = self.app
        self.query_one(TopBar).show(app.caller.name, app.clock(),
                                    app.tr("header.figures", **figures))

    def _read_only_said(self, where: str | None) -> None:
        """A read-only database is said at start (once) and stays in the top bar."""
        self.app.read_only_notice(where)
        self.query_one(TopBar).set_read_only(where is not None)

    @on(QueuePane.PersonHighlighted)
    def _person_highlighted(self, event: QueuePane.PersonHighlighted) -> None:
        self._highlighted = event.person
        self.refresh_bindings()
        shown_first, self._card_shown_first = self._card_shown_first, None
        if self.call is None and event.person != shown_first:
            self.load_card(event.person)

    @on(QueuePane.PageRequested)
    def _page_requested(self, event: QueuePane.PageRequested) -> None:
        self.load_queue(event.offset)

    def on_resize(self, event: events.Resize) -> None:
        # A short terminal gives the script, read aloud during a call, the queue's room.
        self.set_class(event.size.height < ROOM_FOR_BIG_NUMBER, "-short")


def _flush_outbox(services: Services) -> tuple[int, int]:
    """(ends written, ends dropped for people erased meanwhile); a failure is the top bar's
    to say (the connection), not a message every few seconds."""
    try:
        written = services.flush_outbox()
    except ServiceError:
        written = 0
    return written, services.take_erased_dropped()
