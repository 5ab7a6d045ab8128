"""The Textual application. It receives its services; it never opens the database itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.reactive import reactive
from textual.screen import Screen

from cockpit.domain.text import printable
from cockpit.i18n import Translator
from cockpit.services.warm import OpenOnDemand
from cockpit.tui.localise import key_description, key_name, translate_bindings
from cockpit.tui.workers import Connection, ServiceFailed

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from cockpit.services import Services
    from cockpit.services.views import CallerView, PersonRef
    from cockpit.settings import Settings
    from cockpit.tui.focus import TypedInOrder


# Textual's own palette commands a caller may want, by their English title: (title, help).
_SYSTEM_COMMANDS = {
    "Theme": ("palette.theme", "palette.theme_help"),
    "Maximize": ("palette.maximize", "palette.maximize_help"),
    "Minimize": ("palette.minimize", "palette.minimize_help"),
    "Screenshot": ("palette.screenshot", "palette.screenshot_help"),
}


# Workers that only read (and the quit's own wait): quitting does not wait for them (a slow
# read of a far server would hold the quit for nothing). Every other worker writes what the
# caller asked for.
READ_ONLY_GROUPS = frozenset({
    "activity", "activity-team", "agenda", "card", "cvfiles", "figures", "lease", "match",
    "match-need", "need-detail", "needs", "queue", "record", "review-figures",
    "review-overdue", "review-team", "script-captures", "search", "quit"})
QUIT_WAIT_SECONDS = 15.0  # a write still going then goes on while the process ends


def _utc_now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)


# The app's modes, each its own stack of screens: the first run of a new database, the
# cockpit, the review. The screens are imported when their mode first opens.
def _first_run() -> Screen:
    from cockpit.tui.screens.first_run import FirstRunScreen

    return FirstRunScreen()


def _cockpit() -> Screen:
    from cockpit.tui.screens.caller import CallerScreen

    return CallerScreen()


def _review() -> Screen:
    from cockpit.tui.screens.review import ReviewScreen

    return ReviewScreen()


class CockpitApp(App[None]):
    """The caller's cockpit."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "Cockpit"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", id="quit", priority=True),
        Binding("f1", "help", "key.help", id="help"),
    ]
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        "first_run": _first_run, "cockpit": _cockpit, "review": _review}
    # What the last database work said about the database; the top bar watches it.
    connection: reactive[Connection] = reactive(Connection, init=False)

    def __init__(
        self,
        services: Services | OpenOnDemand,
        caller: CallerView | None,
        *,
        lang: str = "fr",
        clock: Callable[[], datetime] = _utc_now,
        display_tz: tzinfo | None = None,
        start: str = "cockpit",
        first_screen: Callable[[], Screen[Any]] | None = None,
        suggested_name: str = "",
        empty_database: bool = False,
        settings: Settings | None = None,
    ) -> None:
        """The app opens in the mode `start` ("cockpit", "review"; "first_run" when there is
        no caller yet), on the screen `first_screen` makes when given (the start passes the
        cockpit showing what it read ahead); screens are made once the app runs."""
        self.tr = Translator(lang)
        super().__init__()
        translate_bindings(self, self)
        self._services = services
        self._typed_in_order: TypedInOrder | None = None  # made at the first key
        self._key_time: float | None = None
        # None only until the first run has created the team (no screen reads it before).
        self._caller = caller
        self.clock = clock
        # Times on screen are the caller's own; tests pin it for stable snapshots.
        from cockpit.settings import Settings

        self.settings = settings or Settings()  # the run's (cli.main); tests: the defaults
        self.display_tz = display_tz or self.settings.zone
        self.start = "first_run" if caller is None else start
        self._cockpit_mode = "cockpit"  # Textual's own "_default" when the app starts on it
        self._first_screen = first_screen
        self.suggested_name = suggested_name  # the first run's name, from --caller
        # Nobody to call in the whole database: the empty queue says how to fill it.
        self.empty_database = empty_database or caller is None
        self._read_only_said = False
        self._quitting = False

    @property
    def services(self) -> Services:
        # Services still to open are opened by the first thread that asks (services/warm.py).
        if isinstance(self._services, OpenOnDemand):
            return self._services.get()
        return self._services

    @property
    def caller(self) -> CallerView:
        """Who uses the cockpit (the team's lead just created, after a first run)."""
        assert self._caller is not None, "no caller before the first run has created one"
        return self._caller

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A message on screen. It often quotes data (a name, a value typed, a driver's
        reason): shown as written, its control characters visible, never read as markup."""
        super().notify(printable(str(message), multiline=True), title=printable(title),
                       severity=severity, timeout=timeout, markup=False)

    @on(ServiceFailed)
    def _service_failed(self, event: ServiceFailed) -> None:
        """The one place a worker's failure is said. Offline is said once (the top bar keeps
        saying it); a refused write each time."""
        from cockpit.services.errors import StoreUnavailable

        error = event.error
        if isinstance(error, StoreUnavailable):
            before = self.connection
            self.refresh_connection()
            said = before.offline or (before.disk_full and error.code == "disk_full")
            if said and error.code != "read_only":
                return
        self.notify(self.tr.error(error), severity="error", timeout=8)

    def refresh_connection(self) -> None:
        """Read the connection state the services keep (after work failed or succeeded)."""
        services = self.services
        self.connection = Connection(services.offline, services.refused is not None,
                                     services.disk_full)

    def read_only_database(self) -> str | None:
        """The database file when it was opened read-only (asks the store: peewee)."""
        from cockpit.services.errors import read_only_database

        return read_only_database()

    def read_only_notice(self, where: str | None) -> None:
        """The read-only database file `where`, said once as a notice."""
        if where is not None and not self._read_only_said:
            self._read_only_said = True
            self.notify(self.tr("top.read_only_notice", path=where), severity="warning",
                        timeout=15)

    async def action_quit(self) -> None:
        """ctrl+q. What the caller asked just before (ctrl+s on the end of a call, then ctrl+q
        in one breath) is written first: a modal's answer reaches its screen through a queued
        callback, which only then starts the worker, and Textual cancels on exit a worker not
        yet started. The note typed in the last half second is handed on too. The wait runs
        beside the app, which goes on drawing; a second ctrl+q does not wait."""
        if self._quitting:
            self.exit()
            return
        self._quitting = True
        self.run_worker(self._quit_once_written(), group="quit")

    async def _quit_once_written(self) -> None:
        import asyncio
        import time

        from textual.worker import WorkerState

        started, told, quiet = time.monotonic(), False, 0
        # Quiet three rounds in a row: the keys typed before ctrl+q reach their widgets, a
        # modal's answer its callback, a note its pane, each of which may start a worker.
        while quiet < 3 and time.monotonic() - started < QUIT_WAIT_SECONDS:
            await asyncio.sleep(0.02)
            self._hand_on_notes()
            writing = any(worker.group not in READ_ONLY_GROUPS and worker.state in
                          (WorkerState.PENDING, WorkerState.RUNNING) for worker in self.workers)
            quiet = 0 if writing else quiet + 1
            if writing and not told and time.monotonic() - started > 0.5:
                told = True
                self.notify(self.tr("app.quit_saving"), timeout=QUIT_WAIT_SECONDS)
        self.exit()

    def _hand_on_notes(self) -> None:
        from cockpit.tui.widgets.notes_pane import NotesPane

        stacks = [self.screen_stack]
        if self.cockpit_open and self.current_mode != self._cockpit_mode:
            stacks.append(self.get_screen_stack(self._cockpit_mode))
        for stack in stacks:
            for screen in stack:
                for pane in screen.query(NotesPane):
                    pane.hand_on()

    def action_help_quit(self) -> None:
        # Textual's ctrl+c hint, in the user's language and without markup.
        self.notify(self.tr("app.quit_hint"))

    async def on_event(self, event: events.Event) -> None:
        # Every key passes here when read and again when it comes back through the widgets
        # unread (Textual calls every class's _on_key, so this is where one is kept from them).
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        outer = self._key_time
        if event.is_forwarded:  # back from the widgets unread: its bindings run now
            self._key_time = event.time
        try:
            if self._typed_in_order is None:
                from cockpit.tui.focus import TypedInOrder

                self._typed_in_order = TypedInOrder(self)
            if not await self._typed_in_order.take(event):
                await super().on_event(event)
        finally:
            self._key_time = outer

    @property
    def key_time(self) -> float | None:
        """When the key whose bindings are running was typed (Textual's clock, the
        monotonic one); None outside a key's bindings."""
        return self._key_time

    def get_default_screen(self) -> Screen:
        # Started on the cockpit, the cockpit is Textual's default screen itself: opening its
        # mode over the default one would compose, style and lay out a second screen before
        # the first frame (measured: ~25 % of the start). The review and the first run have
        # modes of their own (and styles read when they open, which a default screen's are not).
        if self.start != "cockpit":
            return super().get_default_screen()
        self._cockpit_mode = "_default"
        # Known to switch_mode (which checks the names of MODES) so that the review comes
        # back to it; its stack exists from the start, so this factory is never called.
        self._modes["_default"] = _cockpit
        return (self._first_screen or _cockpit)()

    def on_mount(self) -> None:
        from cockpit.tui.textual_mends import mend_command_palette_keys, mend_option_list_pages

        mend_option_list_pages()
        mend_command_palette_keys()
        if self.start == "cockpit":
            return  # the cockpit is the default screen itself (get_default_screen)
        # Textual's empty default screen stays under the modes, never shown: the first
        # screen opens in its mode before the first frame. Its screen is the one the start
        # made, the mode's own ever after.
        if self._first_screen is not None:
            self._modes[self.start] = self._first_screen
        self.switch_mode(self.start)
        self._modes[self.start] = self.MODES[self.start]

    def first_run_done(self, caller: CallerView) -> None:
        """The team exists: the cockpit opens in place of the first run, for its lead."""
        self._caller = caller
        self.start = "cockpit"
        self.switch_mode("cockpit")
        self.remove_mode("first_run")  # done once for good: its screen goes
        self.notify(self.tr("first_run.welcome", name=caller.first_name,
                            firm=self.services.firm_name), timeout=10)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the screen is in the palette, by its description, when it applies;
        Textual's own commands in the user's language (Quit and Keys are left out: ctrl+q
        and F1 are in the list)."""
        for command in super().get_system_commands(screen):
            if command.title in _SYSTEM_COMMANDS:
                title, helps = _SYSTEM_COMMANDS[command.title]
                yield SystemCommand(self.tr(title), self.tr(helps), command.callback)
        seen: set[str] = set()
        own = {id(binding) for _key, binding in self._bindings}  # quit, help: the app's
        for _key, binding in (*screen._bindings, *self._bindings):
            description = key_description(self.tr, binding.description)
            if not description or binding.action in seen:
                continue
            seen.add(binding.action)
            if screen.check_action(binding.action.split("(")[0], ()) is False:
                continue
            runner = self.run_action if id(binding) in own else screen.run_action
            # The palette reads its help line as markup: a key like "[" must stay a key.
            yield SystemCommand(description.capitalize(),
                                escape(binding.key_display or key_name(self.tr, binding.key)),
                                partial(runner, binding.action))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        # Textual's palette, asking in the user's language. No id: reopened in the same
        # burst as the key that closed it, the one closing is still there with it, and two
        # screens of one id close the cockpit (DuplicateIds; nothing looks it up by id).
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder=self.tr("palette.placeholder")))

    @property
    def cockpit_open(self) -> bool:
        """Whether the cockpit's mode has opened (not yet in a review opened alone)."""
        try:
            return bool(self.get_screen_stack(self._cockpit_mode))
        except KeyError:
            return False

    def open_review(self) -> None:
        """`g` in the cockpit: the review, in its own mode; the cockpit stays as it is."""
        self.switch_mode("review")

    def back_to_cockpit(self) -> None:
        """To the cockpit (opened now if the review was alone). A review left is closed: the
        next one opens afresh, on today, as the first did."""
        leaving = self.current_mode
        self.switch_mode(self._cockpit_mode)
        if leaving == "review":
            self.remove_mode("review")
            self.add_mode("review", _review)

    def call_about_need(self, person: PersonRef, need_id: int | None,
                        number: str | None = None) -> None:
        """From the needs screens: back to the cockpit, where the call starts. A review opened
        alone (`cockpit review`) has no cockpit yet: it opens, and the call starts there."""
        from cockpit.tui.screens.caller import CallerScreen

        opened = self.cockpit_open
        self.back_to_cockpit()
        while not isinstance(self.screen, CallerScreen):  # the needs opened from the cockpit
            self.pop_screen()
        if opened:
            self.screen.call_person(person, need_id, number)
        else:  # once the new cockpit is mounted
            self.call_after_refresh(self.screen.call_person, person, need_id, number)

    def action_help(self) -> None:
        from cockpit.tui.screens.help import HelpModal

        self.push_screen(HelpModal())
