"""Help (`?`, F1): every key of the screen underneath, the app's keys and the search syntax.

Keys are read from the `BINDINGS` of the screen and of every widget on it, so Help can
never disagree with what the keys actually do. They are grouped by where they work, by the
rule Textual applies: a key a text box would type (a letter, `?`, `/`, `[`) is typed while
a box has focus, so it works only where none has; F1, Escape, Enter, Tab and ctrl-keys of
the screen and the app work everywhere.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from tui.keys import is_typed
from tui.widgets.event_list import BOOKMARK_MARKER, KIND_MARKERS, NEW_MARKER
from tui.widgets.row_list import CURSOR_MARKER

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


def key_label(node: DOMNode, binding: Binding, keys: list[str] | None = None) -> str:
    """`keys` (default: all of the binding's) as the key bar shows them: `j ↓`, `^q`."""
    if keys is None:
        keys = [k.strip() for k in binding.key.split(",")]
    return " ".join(node.app.get_key_display(Binding(k, binding.action)) for k in keys)


EVERYWHERE = "Everywhere, also while typing in a box"
IN_A_BOX = "In a text box"
NO_BOX = "Where no text box has focus (Esc or Tab leaves the box)"
RULE = (
    "Single keys (letters, ? / [ ]) are typed while a text box has focus; "
    "F1, Esc, Enter, Tab and ctrl-keys work everywhere."
)


class HelpScreen(ModalScreen[None]):
    """A scrollable page of keys and search syntax; q, Escape, ? or F1 close it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]
    """Several ways out, never Escape alone."""

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

    def key_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(where, [(keys, what they do)]) for the described screen, its widgets, the app.

        A text box's own keys work in it; a list's (or the page's) work when it has focus,
        so where no box has; the screen's and the app's work everywhere, except those a
        box would type.
        """
        everywhere: list[tuple[str, str]] = []
        in_box: list[tuple[str, str]] = [("a-z ? / …", "typed into the box")]
        no_box: list[tuple[str, str]] = []
        widgets = list(self.described.walk_children())
        for node in [self.described, *widgets, self.app]:
            for binding in bindings_of(node):
                keys = [k.strip() for k in binding.key.split(",")]
                if isinstance(node, Input):
                    groups = [(in_box, keys)]
                elif node is self.described or node is self.app:
                    groups = [(everywhere, [k for k in keys if not is_typed(k)]),
                              (no_box, [k for k in keys if is_typed(k)])]
                else:
                    groups = [(no_box, keys)]
                for rows, group in groups:
                    row = (key_label(node, binding, group), binding.description)
                    if group and row not in rows and row not in everywhere:
                        rows.append(row)
        everywhere.append(("^p", "command palette: screens and actions"))
        sections = [(EVERYWHERE, everywhere)]
        if any(isinstance(widget, Input) for widget in widgets):
            sections.append((IN_A_BOX, in_box))
        sections.append((NO_BOX, no_box))
        return sections

    def key_rows(self) -> list[tuple[str, str]]:
        """Every (keys, what they do) of `key_sections`, in order."""
        return [row for _, rows in self.key_sections() for row in rows]

    def _keys_table(self) -> Group:
        parts: list[Text | Table] = [Text("Keys", style="italic"), Text(RULE)]
        sections = self.key_sections()
        width = max(Text(keys).cell_len for _, rows in sections for keys, _ in rows)
        for where, rows in sections:
            table = Table(title=where, title_justify="left", title_style="bold",
                          show_header=False, box=None, padding=(0, 2, 0, 0), expand=True)
            table.add_column(style="bold", no_wrap=True, width=width)  # aligned across tables
            table.add_column(ratio=1)
            for keys, description in rows:
                table.add_row(keys, description)
            parts.append(table)
        return Group(*parts)

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
            f"{kinds}  {BOOKMARK_MARKER} bookmarked  {NEW_MARKER} new  {CURSOR_MARKER} cursor\n",
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
