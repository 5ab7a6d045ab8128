"""The caller's main screen: the queue on the left, the contact card on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from cockpit.services.views import ContactCardView, PersonRef, QueuePage
from cockpit.tui.localise import translate_bindings
from cockpit.tui.widgets.contact_card import ContactCard
from cockpit.tui.widgets.queue_pane import PAGE_SIZE, QueuePane
from cockpit.tui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from cockpit.tui.app import CockpitApp


class CallerScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "refresh", "key.refresh", id="caller.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._offset = 0

    @property
    def cockpit(self) -> CockpitApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TopBar(id="top-bar")
        with Horizontal(id="main-row"):
            yield QueuePane(id="queue")
            yield ContactCard(id="card")
        yield Footer()

    def on_mount(self) -> None:
        self._tick()
        self.set_interval(30, self._tick)
        self.load_queue(0)

    def _tick(self) -> None:
        self.load_figures()

    def action_refresh(self) -> None:
        self.load_queue(self._offset)

    # Database work runs in threads; results come back to the UI thread by call_from_thread.

    @work(thread=True, exclusive=True, group="queue")
    def load_queue(self, offset: int) -> None:
        app = self.cockpit
        page = app.services.queue_page(app.caller.id, offset=offset, limit=PAGE_SIZE,
                                       lang=app.tr.lang)
        app.call_from_thread(self._queue_loaded, page)

    def _queue_loaded(self, page: QueuePage) -> None:
        self._offset = page.offset
        self.query_one(QueuePane).show_page(page)
        if not page.rows:
            self.query_one(ContactCard).show(None)

    @work(thread=True, exclusive=True, group="card")
    def load_card(self, person: PersonRef) -> None:
        app = self.cockpit
        card = app.services.contact_card(person, lang=app.tr.lang)
        app.call_from_thread(self._card_loaded, card)

    def _card_loaded(self, card: ContactCardView | None) -> None:
        self.query_one(ContactCard).show(card)

    @work(thread=True, exclusive=True, group="figures")
    def load_figures(self) -> None:
        app = self.cockpit
        figures = app.services.day_figures(app.caller.id)
        text = app.tr("header.figures", **figures)
        app.call_from_thread(self.query_one(TopBar).show, app.caller.name, app.clock(), text)

    @on(QueuePane.PersonHighlighted)
    def _person_highlighted(self, event: QueuePane.PersonHighlighted) -> None:
        self.load_card(event.person)

    @on(QueuePane.PageRequested)
    def _page_requested(self, event: QueuePane.PageRequested) -> None:
        self.load_queue(event.offset)
