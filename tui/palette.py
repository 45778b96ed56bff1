"""The command palette's (ctrl+p) pressroom entries: every screen and the main actions."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider, SearchIcon

from tui.app_handle import AppHandle


class PlainCommandPalette(CommandPalette):
    """Textual's palette with a plain `>` before its input instead of the 🔎 emoji:
    terminals disagree on emoji widths, and pressroom draws only plain characters."""

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = ">"


class PressroomCommands(AppHandle, Provider):
    """Screens and actions by name, for users who remember words better than keys."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.pressroom
        screen = self.screen
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Events", "the archive by date, and search (e)",
             lambda: app.switch_mode("events")),
            ("People", "everyone in the archive, fuzzy-filtered (p)",
             lambda: app.switch_mode("people")),
            ("Bookmarks", "bookmarked items with notes (m)",
             lambda: app.switch_mode("bookmarks")),
            ("Help", "every key of this screen and the search syntax (? / F1)",
             app.action_help),
        ]
        for action, title, help_text in (
            ("jump", "Jump to a month", "move the Events list to a month or year (t)"),
            ("bookmark", "Toggle bookmark", "bookmark the highlighted item (b)"),
            ("clear", "Clear the search", "show the whole archive again (Esc in the list)"),
            ("focus_search", "Search", "go to the search box (/)"),
            ("show_new", "Show new items", "put items imported since into the list (r)"),
            ("watch", "Watch this query", "save the search as a watchlist (W)"),
            ("watchlists", "Watchlists", "saved queries and what is new in them (w)"),
        ):
            method = getattr(screen, f"action_{action}", None)
            if method is not None:
                commands.append((title, help_text, method))
        commands.append(("Quit", "leave pressroom (ctrl+q)", app.exit))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
