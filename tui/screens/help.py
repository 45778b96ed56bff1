"""Help (`?`, F1): every key of the screen underneath, the app's keys and the search syntax.

Keys are read from the `BINDINGS` of the screen and of every widget on it, so Help can
never disagree with what the keys actually do.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.widgets.event_list import BOOKMARK_MARKER, CURSOR_MARKER, KIND_MARKERS

SEARCH_SYNTAX = (
    ("voitolovsky minsk", "both words, anywhere; the last word is a prefix"),
    ("voytolovskiy, Войтоловский", "any spelling or script of a name; typos forgiven"),
    ('"eurasian security"', "the exact phrase"),
    ("-videoconference", "without this word"),
    ('person:"Imangali Tasmagambetov"', "only items where this person takes part"),
    ("kind:speech", "news, speech, statement or interview"),
    ("after:2024-10  before:2024-12-31", "date range, inclusive; a year, month or day"),
    ("in:bookmarks", "only bookmarked items"),
)


def bindings_of(node: DOMNode) -> list[Binding]:
    """The bindings pressroom declares on this node's classes (not Textual's editing keys)."""
    found: list[Binding] = []
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("tui.") or "BINDINGS" not in cls.__dict__:
            continue
        for binding in cls.__dict__["BINDINGS"]:
            if isinstance(binding, Binding) and binding.description:
                found.append(binding)
    return found


def key_label(node: DOMNode, binding: Binding) -> str:
    keys = [k.strip() for k in binding.key.split(",")]
    return " ".join(node.app.get_key_display(Binding(k, binding.action)) for k in keys)


class HelpScreen(ModalScreen[None]):
    """A scrollable page of keys and search syntax; q, Escape, ? or F1 close it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]
    """Several ways out, never Escape alone."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90;
        max-width: 100%;
        height: 90%;
        border: round $accent;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.described = screen

    def compose(self) -> ComposeResult:
        box = VerticalScroll()
        box.border_title = "Help"
        box.border_subtitle = "q / Esc / F1 close"
        with box:
            yield Static(self._keys_table(), id="help-keys")
            yield Static(self.syntax_table(), id="help-syntax")
            yield Static(self.markers_text(), id="help-markers")

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the described screen, its widgets, then the app."""
        rows: list[tuple[str, str]] = []
        nodes: list[DOMNode] = [self.described, *self.described.walk_children(), self.app]
        for node in nodes:
            for binding in bindings_of(node):
                row = (key_label(node, binding), binding.description)
                if row not in rows:
                    rows.append(row)
        rows.append(("^p", "command palette: screens and actions"))
        return rows

    def _keys_table(self) -> Table:
        table = Table(title="Keys", title_justify="left", show_header=False, box=None,
                      padding=(0, 2, 0, 0), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in self.key_rows():
            table.add_row(keys, description)
        return table

    def syntax_table(self) -> Table:
        table = Table(title="Search syntax", title_justify="left", show_header=False, box=None,
                      padding=(0, 2, 0, 0), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for example, meaning in SEARCH_SYNTAX:
            table.add_row(example, meaning)
        return table

    def markers_text(self) -> Text:
        kinds = "  ".join(f"{marker} {kind}" for kind, marker in KIND_MARKERS.items())
        return Text.assemble(
            ("Markers in lists\n", "bold"),
            f"{kinds}  {BOOKMARK_MARKER} bookmarked  {CURSOR_MARKER} cursor\n",
            "Matched characters are bold and underlined.",
        )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        box = self.query_one(VerticalScroll)
        if direction == "down":
            box.scroll_down(animate=False)
        else:
            box.scroll_up(animate=False)
