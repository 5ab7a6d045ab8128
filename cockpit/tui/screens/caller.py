"""The caller's cockpit: queue and contact card on top, the script and the notes below.

Reading the queue and the card happens in worker threads; the call itself goes through
`CallActions` (screens/call_actions.py)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from cockpit import boot
from cockpit.services.errors import ServiceError
from cockpit.services.views import CallView, ContactCardView, PersonRef, QueuePage
from cockpit.tui.localise import translate_bindings
from cockpit.tui.screens.call_actions import CallActions
from cockpit.tui.widgets.contact_card import ContactCard
from cockpit.tui.widgets.key_bar import KeyBar
from cockpit.tui.widgets.notes_pane import NotesPane
from cockpit.tui.widgets.queue_pane import PAGE_SIZE, QueuePane
from cockpit.tui.widgets.script_panel import ROOM_FOR_BIG_NUMBER, ScriptPanel
from cockpit.tui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from cockpit.services.warm import FirstScreen
    from cockpit.tui.app import CockpitApp

QUEUE_EVERY = 5.0  # seconds between two quiet refreshes of the queue


class CallerScreen(CallActions):
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
        Binding("ctrl+r", "refresh", "key.refresh", id="caller.refresh", show=False),
        Binding("b", "needs", "key.needs", id="caller.needs"),
        Binding("g", "review", "key.review", id="caller.review"),
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

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TopBar(id="top-bar")
        with Horizontal(id="main-row"):
            yield QueuePane(id="queue")
            yield ContactCard(id="card")
        yield ScriptPanel(id="script")
        yield NotesPane(id="notes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ScriptPanel).show(None)
        self.set_interval(30, self.load_figures)
        # Others' work shows within seconds (calls taken, reminders moved), and the ends of
        # calls kept while offline go out as soon as the database answers again.
        self.set_interval(QUEUE_EVERY, self._poll)
        self.set_interval(1, self._tick)
        self.set_interval(60, self._keep_alive)
        first, self._first = self._first, None
        if first is None or (first.lang, first.limit) != (self.cockpit.tr.lang, PAGE_SIZE):
            self.load_queue(0)
        else:
            # Read before the interface started: the first frame shows it complete, with
            # no round trip through a worker and no second layout for the card.
            self._queue_loaded(first.page)
            if first.card is not None:
                self._card_shown_first = first.card.person
                self._card_loaded(first.card)
        if first is None or first.has_unfinished:  # else the services need not open yet
            self.resume_unfinished()

    def _tick(self) -> None:
        self.query_one(ScriptPanel).tick(self.cockpit.clock())

    @work(thread=True, group="lease")
    def _keep_alive(self) -> None:
        # A call may last longer than the lease: renew it while the call is on.
        if self.call is not None:
            self.guarded(self.cockpit.services.keep_alive, self.call.call_id)

    def action_needs(self) -> None:
        from cockpit.tui.screens.needs import NeedsScreen

        person = self.call.person if self.call is not None else self._highlighted
        self.app.push_screen(NeedsScreen(person if person and person.kind == "contact" else None))

    def action_review(self) -> None:
        self.cockpit.open_review()

    def action_refresh(self) -> None:
        self.load_queue(self._offset)
        self.load_figures()

    # -- the queue and the card (read in threads) -------------------------------------------

    @work(thread=True, exclusive=True, group="queue")
    def load_queue(self, offset: int) -> None:
        app = self.cockpit
        page = self.guarded(app.services.queue_page, app.caller.id, offset=offset,
                            limit=PAGE_SIZE, lang=app.tr.lang)
        if page is not None:
            app.call_from_thread(self._queue_loaded, page)

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
        # The day's figures come after the first frame: opening the database in a thread
        # (imports included) would otherwise compete with drawing the queue the caller needs.
        self.load_figures()
        # Benchmarks measure the start-up to this point: the first interactive screen.
        if self.cockpit.settings.hooks.exit_when_ready:
            os.write(1, b"ready\n")  # straight to the descriptor: Textual captures print()
            self.app.exit()

    def _poll(self) -> None:
        if self.call is None and self.app.screen is self and self._ready_announced:
            self._poll_queue(self._offset)
        self._sync_outbox()

    @work(thread=True, exclusive=True, group="queue")
    def _poll_queue(self, offset: int) -> None:
        app = self.cockpit
        try:  # quietly: a refresh that fails says so in the top bar, not in a message a second
            page = app.services.queue_page(app.caller.id, offset=offset, limit=PAGE_SIZE,
                                           lang=app.tr.lang)
        except ServiceError:
            page = None
        # The services hold one view of the connection; the top bar follows it both ways.
        app.call_from_thread(self.query_one(TopBar).set_offline, app.services.offline,
                             app.services.refused is not None, app.services.disk_full)
        if page is not None:
            app.call_from_thread(self._queue_loaded, page)

    @work(thread=True, exclusive=True, group="outbox")
    def _sync_outbox(self) -> None:
        app = self.cockpit
        try:
            written = app.services.flush_outbox()
        except ServiceError:
            written = 0
        app.call_from_thread(self.query_one(TopBar).set_offline, app.services.offline,
                             app.services.refused is not None, app.services.disk_full)
        if written:
            app.call_from_thread(app.notify, app.tr("call.outbox_flushed", count=written),
                                 timeout=8)
        dropped = app.services.take_erased_dropped()
        if dropped:
            app.call_from_thread(app.notify, app.tr("call.erased_dropped", count=dropped),
                                 severity="warning", timeout=10)

    @work(thread=True, exclusive=True, group="card")
    def load_card(self, person: PersonRef) -> None:
        app = self.cockpit
        card = self.guarded(app.services.contact_card, person, lang=app.tr.lang)
        app.call_from_thread(self._card_loaded, card)

    def _card_loaded(self, card: ContactCardView | None) -> None:
        row = self.query_one(QueuePane).row_for(card.person) if card else None
        reason = "" if row is None else f"{row.reason} — {row.held}" if row.held else row.reason
        self.query_one(ContactCard).show(card, reason)

    def held_reason(self, person: PersonRef) -> str:
        """Why the queue holds this person back for now ("" when they may be called)."""
        row = self.query_one(QueuePane).row_for(person)
        return row.held if row is not None else ""

    @work(thread=True, exclusive=True, group="figures")
    def load_figures(self) -> None:
        app = self.cockpit
        figures = self.guarded(app.services.day_figures, app.caller.id)
        if figures is None:
            return
        text = app.tr("header.figures", **figures)
        app.call_from_thread(self.query_one(TopBar).show, app.caller.name, app.clock(), text)
        app.call_from_thread(self._read_only_said)

    def _read_only_said(self) -> None:
        """A read-only database is said at start (once) and stays in the top bar."""
        where = self.cockpit.read_only_notice()
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

    def show_call(self, call: CallView | None) -> None:
        self.set_class(call is not None and call.mode != "ended", "-in-call")
        self.query_one(ScriptPanel).show(call)
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        # A short terminal gives the script, read aloud during a call, the queue's room.
        self.set_class(event.size.height < ROOM_FOR_BIG_NUMBER, "-short")
