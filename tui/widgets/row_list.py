"""Lists drawn one line at a time (the Line API), with one cursor and one set of movement keys.

A list of people or events may hold tens of thousands of rows, and laying them all out
(as `OptionList` does) costs seconds; these are `ScrollView`s in the manner of
Textualize/toolong: the scroll height is the line count and `render_line` draws only the
lines on screen. `LineList` moves the cursor and draws a line; Events builds on it
(`EventList`, whose lines include month headings), and `RowList` adds the cursor marker
and row styles that People, Bookmarks and the dossier share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.text.printable import printable

RowT = TypeVar("RowT")

CURSOR_MARKER = ">"
"""Shown beside the cursor row so it is visible without colour (NO_COLOR, 16 colours)."""


def line_strip(text: Text, width: int, base: Style, console: Console) -> Strip:
    """`text` as one line of exactly `width` cells over `base` (the widget's own style)."""
    strip = Strip(text.render(console), text.cell_len).crop_extend(0, width, None)
    return strip.apply_style(base)


def fitted_strip(pieces: Sequence[tuple[str, Style]], width: int, base: Style) -> Strip:
    """`pieces` of text with their styles as one line of exactly `width` cells over `base`,
    cut with an ellipsis or padded: what `line_strip` draws of a `Text` of them truncated
    with an ellipsis and padded, built without the `Text` (a list whose rows change at
    every keystroke draws a screenful of them each time)."""
    plain = "".join(part for part, _ in pieces)
    length = cell_len(plain)
    if length > width:
        # as `Text.truncate`: each character keeps the style of its place in the row, so
        # the ellipsis takes the style of the character it replaces
        shown = set_cell_size(plain, width - 1) + "…"
    else:
        shown = plain + " " * (width - length)
    segments = []
    start, end = 0, len(shown)
    for part, style in pieces:
        stop = min(start + len(part), end)
        if stop > start:
            segments.append(Segment(shown[start:stop], base + style))
        start = stop
    if start < end:  # the padding
        segments.append(Segment(shown[start:], base))
    return Strip(segments, width)


def fit_text(text: str, width: int) -> str:
    """`text`, printable, cut with an ellipsis or padded to exactly `width` characters.

    Archive and bookmark text shown in a row passes through here.
    """
    text = printable(text)
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


class LineList(ScrollView, can_focus=True):
    """A cursor over rows drawn one line each, on demand; subclasses say what a line shows.

    A row is on line `line_of(row)`: the same number, unless a subclass puts other lines
    (headings) between rows.
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
    ]
    """Movement keys: vim-style beside arrows, so nothing needs the mouse."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.cursor = 0
        self._painting: tuple[int, Style] | None = None
        """The width and the widget's style while Textual draws lines (`render_lines`)."""

    # -- what subclasses say -----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    @property
    def line_count(self) -> int:
        return self.row_count

    def line_of(self, index: int) -> int:
        """The line (from the top of the list) of row `index`."""
        return index

    def row_at(self, line: int) -> int:
        """The row on `line`, or the first row under it when `line` is not a row's."""
        return line

    def first_line_of(self, index: int) -> int:
        """The top line to show with row `index` (its own, or a heading above it)."""
        return self.line_of(index)

    def line_text(self, line: int, width: int) -> Text:
        """Line `line`, `width` cells wide (padded with the style the line shows in)."""
        raise NotImplementedError

    def line_strip(self, line: int, width: int, base: Style) -> Strip:
        """Line `line` drawn `width` cells wide over `base`; a list whose lines are many
        and plain may build the strip itself rather than through `line_text`."""
        return line_strip(self.line_text(line, width), width, base, self.app.console)

    # -- the rows ----------------------------------------------------------------------------

    def rows_changed(self, *, keep_cursor: bool = False) -> None:
        """Call after the rows changed: the cursor goes to the top unless kept; redraws."""
        self.cursor = max(0, min(self.cursor if keep_cursor else 0, self.row_count - 1))
        size = Size(max(1, self.scrollable_content_region.width), self.line_count)
        if size != self.virtual_size:
            # A new line count changes the scrollbar, not the size of anything on screen:
            # the scrollbar is updated in place (a layout only if it appears or goes)
            # rather than by a layout of the whole screen, ~1.5 ms at every keystroke
            # and a second frame for the scrollbar.
            self.set_reactive(LineList.virtual_size, size)
            self._scroll_update(size)
        if not keep_cursor:
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(max(1, self.scrollable_content_region.width), self.line_count)

    def on_resize(self) -> None:
        self._update_virtual_size()

    # -- movement ----------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        """Put the cursor on row `index` (clamped) and scroll it into view."""
        if not self.row_count:
            return
        self.cursor = max(0, min(index, self.row_count - 1))
        line = self.line_of(self.cursor)
        wanted_top = self.first_line_of(self.cursor)
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if wanted_top < top:
            self.scroll_to(y=wanted_top, animate=False, immediate=True, force=True)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True, force=True)
        self.refresh()

    def step(self, direction: int, *, page: bool = False) -> None:
        """Move the cursor a row (or, with `page`, a screenful of lines, headings counting,
        landing on a row) down for +1, up for -1: the movement keys, also from a search box
        above the list (`SearchBox.Move`)."""
        if not page:
            self.move_to(self.cursor + direction)
            return
        if not self.row_count:
            return
        screenful = max(1, self.scrollable_content_region.height - 1)
        line = self.line_of(self.cursor) + direction * screenful
        self.move_to(self.row_at(max(0, min(line, self.line_count - 1))))

    def action_cursor_down(self) -> None:
        self.step(+1)

    def action_cursor_up(self) -> None:
        self.step(-1)

    def action_page_down(self) -> None:
        self.step(+1, page=True)

    def action_page_up(self) -> None:
        self.step(-1, page=True)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1)

    # -- drawing -----------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width and `rich_style` (a walk over every ancestor's styles, ~50 us) are the
        # same for every line of one paint: found once, not once a line.
        self._painting = (self.scrollable_content_region.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._painting = None

    def render_line(self, y: int) -> Strip:
        width, base = self._painting or (self.scrollable_content_region.width, self.rich_style)
        if width <= 0:
            return Strip.blank(0)
        line = int(self.scroll_y) + y
        if line >= self.line_count:
            return line_strip(Text(), width, base, self.app.console)
        return self.line_strip(line, width, base)


class RowList(LineList, Generic[RowT]):
    """`rows` with a cursor marker and the styles People, Bookmarks and the dossier share;
    subclasses say what a row shows (`row_text`)."""

    COMPONENT_CLASSES = {"row-list--cursor", "row-list--muted", "row-list--accent"}

    DEFAULT_CSS = """
    RowList {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    RowList > .row-list--cursor { background: $accent 30%; text-style: bold; }
    RowList:focus > .row-list--cursor { background: $accent 60%; }
    RowList > .row-list--muted { color: $text-muted; }
    RowList > .row-list--accent { color: $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.rows: Sequence[RowT] = ()

    def show(self, rows: Sequence[RowT], *, keep_cursor: bool = False) -> None:
        """Show `rows`; the cursor goes to the top unless kept (then it stays in range)."""
        self.rows = rows
        self.rows_changed(keep_cursor=keep_cursor)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current(self) -> RowT | None:
        """The row under the cursor; None in an empty list."""
        return self.rows[self.cursor] if self.rows else None

    def row_text(self, index: int, width: int, style: Style) -> Text:
        """Row `index` (the cursor marker is added by the caller)."""
        raise NotImplementedError

    def line_text(self, line: int, width: int) -> Text:
        is_cursor = line == self.cursor
        style = self.style_of("cursor") if is_cursor else Style()
        text = Text(CURSOR_MARKER + " " if is_cursor else "  ", style=style, no_wrap=True,
                    end="")
        text.append_text(self.row_text(line, width - 2, style))
        text.truncate(width, overflow="crop", pad=True)
        return text

    def style_of(self, role: str) -> Style:
        return self.get_component_rich_style(f"row-list--{role}", partial=True)
