"""The pressroom app: three modes (Events, People, Bookmarks), the reader, help, quitting.

How screens hear about bookmarks: `app.toggle_bookmark()` (and anything else that changes
them) calls `app.bookmarks_changed()`, which publishes `app.bookmarks_signal`. A screen that
shows bookmark markers subscribes once in `on_mount`:

    self.pressroom.bookmarks_signal.subscribe(self, self.on_bookmarks_changed)

and re-reads `self.pressroom.session.marked_ids()` in the callback. Subscriptions end when
the screen is removed. Screens also re-read on `on_screen_resume`, which catches changes
made by another session to the same bookmarks file while they were hidden.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sqlite3
from collections.abc import Iterable

import numpy as np
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from store.text.printable import printable
from tui.memory import IDLE_SECONDS, give_back_freed_memory
from tui.session import Session


def _events_screen() -> Screen:
    from tui.screens.events import EventsScreen

    return EventsScreen()


def _people_screen() -> Screen:
    from tui.screens.people import PeopleScreen

    return PeopleScreen()


def _bookmarks_screen() -> Screen:
    from tui.screens.bookmarks import BookmarksScreen

    return BookmarksScreen()


def _palette_commands() -> type:
    from tui.palette import PressroomCommands

    return PressroomCommands


class PressroomApp(App[int]):
    """Browse the press archive of `session`: events by date, people, bookmarks, reader."""

    TITLE = "pressroom"
    CSS_PATH = "pressroom.tcss"
    MODES = {
        "events": _events_screen,
        "people": _people_screen,
        "bookmarks": _bookmarks_screen,
    }
    COMMANDS = App.COMMANDS | {_palette_commands}

    BINDINGS = [
        Binding("e", "switch_mode('events')", "Events", id="events"),
        Binding("p", "switch_mode('people')", "People", id="people"),
        Binding("m", "switch_mode('bookmarks')", "Bookmarks", id="bookmarks"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("f1", "show_help", "Help", id="help-f1"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
    ]
    """Keys that work on every screen; ctrl+q is a priority binding, so modals obey it.

    Printable keys (e, p, m, ?) are typed while a text box has focus: Textual leaves every
    key an Input would take (`Input.check_consume_key`) to the Input, and the key bar and
    Help follow the same rule. F1 and ctrl+q work while typing too.
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.bookmarks_signal: Signal[str] = Signal(self, "bookmarks")
        """Published with the changed item id whenever bookmarks change (see the docstring)."""
        from tui.archive_follow import ArchiveFollower

        self.archive_follower = ArchiveFollower(self)
        """Notices imports into the archive and shows them on request (`r` on Events)."""
        self.warmed = asyncio.Event()
        """Set once the warm-up has loaded the vocabulary and frozen the startup objects."""
        self._give_back_timer: Timer | None = None
        if session.settings.low_bandwidth:
            self.animation_level = "none"
        if session.settings.theme:
            self.theme = session.settings.theme
        if session.settings.keymap:
            self.set_keymap(session.settings.keymap)

    def on_mount(self) -> None:
        self.switch_mode("events")
        if self.session.bookmarks is None:
            self.notify(
                f"Bookmarks unavailable: {self.session.bookmarks_problem}",
                severity="warning", timeout=10,
            )
        elif self.session.bookmarks_read_only:
            self.notify(self.session.bookmarks_read_only, severity="warning", timeout=10)
        self.call_after_refresh(self._warm)
        self.archive_follower.start()

    def give_back_memory_soon(self) -> None:
        """A result replaced another: once the user pauses, the arrays freed meanwhile go
        back to the host (`tui.memory`), in a thread."""
        if self._give_back_timer is not None:
            self._give_back_timer.stop()
        self._give_back_timer = self.set_timer(IDLE_SECONDS, self._give_back_now)

    def _give_back_now(self) -> None:
        self.run_worker(self._give_back, thread=True, group="give-back", exclusive=True)

    def _give_back(self) -> None:
        """The caches for the next keystroke, the screens closed since (widget trees are
        cycles: only a collection frees them), then the freed pages (the archive's lock
        waits for a search that is still running)."""
        self.session.archive.release_caches()
        gc.collect()  # what warm-up froze is not walked: milliseconds
        give_back_freed_memory()

    @work(thread=True, exclusive=True, group="warm")
    def _warm(self) -> None:
        """Load the search vocabulary after the first frame, so typing is fast from the start.

        Then the objects alive at that point (the app's widgets, the people index, caches
        of the archive) are moved out of the garbage collector's sight with `gc.freeze()`:
        at 1M items a full collection walked them for ~50 ms, a pause that landed on
        whatever keystroke was being drawn. They live as long as the app anyway.
        """
        # A snapshot archive whose file an import replaced meanwhile: its pages no longer
        # fit together. The archive follower swaps in a fresh one.
        with contextlib.suppress(sqlite3.DatabaseError):
            self.session.archive.warm()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Once the warm-up worker has finished, freeze on the event loop, between messages.

        Frozen objects are never collected, so the moment matters: from the worker thread
        the freeze would also catch whatever the loop held half-built at that instant (a
        frame being drawn, a key being handled) and keep it for good. The worker's own
        end is a message, so nothing waits on the loop from the thread either.
        """
        if event.worker.group == "warm" and event.state == WorkerState.SUCCESS:
            gc.freeze()
            self.warmed.set()

    def action_command_palette(self) -> None:
        """ctrl+p: the command palette, drawn with plain characters only."""
        from textual.command import CommandPalette

        from tui.palette import PlainCommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(PlainCommandPalette(id="--command-palette"))

    async def on_event(self, event: events.Event) -> None:
        """Pasted text is made `printable` before any input box sees it.

        A paste is data too (a name copied from a web page may hide escape sequences), and
        Textual's `Input` would draw it as it came. Every paste reaches the app first, as
        every key does: a second after the last one, freed memory goes back to the host
        (`give_back_memory_soon`), whichever screen the key worked on.
        """
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = printable(event.text, keep_newlines=True)
        if isinstance(event, events.Key | events.MouseDown) and not event.is_forwarded:
            self.give_back_memory_soon()  # whatever the key does, once the user pauses
        await super().on_event(event)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, whoever raises it: printable text, never markup.

        Toasts carry titles, file paths and error messages; a `[` in one must show as a
        `[`, and an escape sequence in one must not reach the terminal. `markup` is
        ignored: `Widget.notify` passes True whatever the caller wanted.
        """
        super().notify(printable(message), title=printable(title), severity=severity,
                       timeout=timeout, markup=False)

    # -- the contract screens use ------------------------------------------------------------

    def open_reader(
        self, rowids: np.ndarray, index: int, terms: frozenset[str] = frozenset(),
        paragraphs: tuple[int, int] | None = None,
    ) -> None:
        """Read item `rowids[index]`; `[`/`]` in the reader move within `rowids`.

        `paragraphs` (first, last; 0-based) opens the item at them, selected: a clipping.
        """
        from tui.screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(rowids, index, terms, paragraphs))

    def show_events(self, query: str) -> None:
        """Switch to Events, searching for `query` (People → Enter: `person:"Name"`).

        The Events mode may still hold a reader (or help) opened over its list before the
        user went to People: those close, so the new result is what shows. The list gets
        the focus (see `EventsScreen.set_query`).
        """
        from tui.screens.events import EventsScreen

        self.switch_mode("events")
        events = next(s for s in self.screen_stack if isinstance(s, EventsScreen))
        while self.screen is not events:
            self.pop_screen()
        events.set_query(query)

    def toggle_bookmark(self, item_id: str, note: str | None = None) -> None:
        """Bookmark or un-bookmark an item, say so, and update markers everywhere."""
        message = self.session.toggle(item_id, note)
        severity: SeverityLevel = "information" if self.session.writable else "warning"
        self.notify(message, severity=severity, timeout=3)
        self.bookmarks_changed(item_id)

    def bookmarks_changed(self, item_id: str = "") -> None:
        """Tell every subscribed screen that bookmarks changed (see the module docstring)."""
        self.bookmarks_signal.publish(item_id)

    # -- keys --------------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def action_show_help(self) -> None:
        self.action_help()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "suspend_process" and self.session.settings.served:
            return False
        return True

    def action_suspend_process(self) -> None:
        # a served session has no shell to suspend to
        if not self.session.settings.served:
            super().action_suspend_process()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            # a served session must not write files (screenshots) outside the data dir
            if self.session.settings.served and "screenshot" in command.title.lower():
                continue
            yield command
