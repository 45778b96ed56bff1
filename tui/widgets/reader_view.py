"""The reader's page: an item's header and paragraphs wrapped to a readable column, drawn lazily.

Textual's `Markdown` took 12.7 s to lay out a 109k-word speech, so this is a Line-API
`ScrollView`: the text is wrapped once per width into (block, start, end) slices by a
greedy word wrapper (a few tens of milliseconds for 100k words), and `render_line` styles
only the lines on screen. Search terms and find-in-text matches are character spans into
each block, so they survive re-wrapping on resize, and so does the reading position: it
is a character offset into the body, never a screen line.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.model import Item
from store.text.filing import participant_line
from tui.widgets.row_list import line_strip

READABLE_WIDTH = 80
"""Widest text column: longer lines are hard to follow, so wide terminals get margins."""
MARGIN = 2
"""Columns left blank on each side when the terminal is narrower than the readable width."""
PARAGRAPH_GAP = 2
"""Characters between paragraphs in a body offset: the body as paragraphs joined by "\\n\\n",
the same convention as `store.model.Span` for body matches."""
SELECTION_CURSOR = "▶"
"""In the left margin, on the first line of the paragraph the selection extends to."""
SELECTION_BAR = "┃"
"""In the left margin of every other line of a selected paragraph: visible without colour."""
KIND_NAMES = {"news": "News", "speech": "Speech", "statement": "Statement",
              "interview": "Interview"}

_WORD = re.compile(r"\S+\s*")
_ONE_LINE = str.maketrans("\n\r\t\v\f\x85\u2028\u2029", " " * 8)


@dataclass(frozen=True)
class Block:
    """A run of text drawn as wrapped lines: the title, a header field, or a paragraph."""

    text: str
    role: str
    """title, meta, person, rule or para: picks the style."""
    offset: int = -1
    """Where a paragraph starts in the body (joined by "\\n\\n"); -1 for header blocks."""


@dataclass(frozen=True)
class Match:
    """One find-in-text hit: a character range inside block `block`."""

    block: int
    start: int
    end: int


def header_blocks(item: Item, note: str = "") -> list[Block]:
    """Title, then date · kind · words · places, a note (such as "changed on DATE") if
    any, then one line per participant."""
    blocks = [Block(" ".join(item.title.split()) or "(untitled)", "title")]
    facts = [item.date or "undated", KIND_NAMES.get(item.kind, item.kind),
             f"{item.words:,} words"]
    if item.places:
        facts.append(", ".join(item.places))
    if item.language and item.language != "en":
        facts.append(item.language)
    blocks.append(Block(" · ".join(facts), "meta"))
    if note:
        blocks.append(Block(note, "meta"))
    blocks.extend(Block(participant_line(person), "person") for person in item.participants)
    return blocks


def item_blocks(item: Item, note: str = "") -> list[Block]:
    """Everything the reader shows for `item`, in order; paragraphs carry body offsets.

    Everything drawn is `printable`, for archives written before imports cleaned text
    (their controls then shift body offsets by a few characters, nothing worse).
    """
    item = item.printable()
    blocks = header_blocks(item, note)
    blocks.append(Block("─", "rule"))
    offset = 0
    for paragraph in item.body:
        # line breaks inside a paragraph become spaces, one for one, so offsets still
        # match the stored body
        blocks.append(Block(paragraph.translate(_ONE_LINE), "para", offset))
        offset += len(paragraph) + PARAGRAPH_GAP
    if not item.body:
        blocks.append(Block("(no text)", "meta"))
    return blocks


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) of each line of `text` at `width` cells.

    A line keeps the spaces after its last word (they are not drawn), so the slices tile
    the text and any character offset falls on exactly one line. Words longer than the
    line are cut. Plain ASCII (one cell per character) is wrapped by one regular
    expression, in C; other text is measured in terminal cells, so Cyrillic, accents and
    wide CJK characters wrap correctly.
    """
    width = max(1, width)
    if text.isascii():
        lines = [found.span() for found in _ascii_line(width).finditer(text)]
        if not lines:
            return [(0, len(text))]
        lines[0] = (0, lines[0][1])  # leading spaces belong to the first line
        return lines
    return _wrap_cells(text, width)


@lru_cache(maxsize=16)
def _ascii_line(width: int) -> re.Pattern[str]:
    """One line: the longest run of at most `width` characters that ends a word (or the
    first `width` characters of a longer word), then the spaces after it."""
    return re.compile(rf"(?:\S.{{0,{width - 1}}}(?=\s|\Z)|\S{{{width}}})\s*", re.DOTALL)


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    """`wrap` for text whose characters may be zero, one or two cells wide."""
    measure: Callable[[str], int] = cell_len
    lines: list[tuple[int, int]] = []
    line_start = 0
    used = 0
    for found in _WORD.finditer(text):
        start, end = found.span()
        token = found.group()
        core = token.rstrip()
        size = measure(core)
        if used and used + size > width:
            lines.append((line_start, start))
            line_start, used = start, 0
        while size > width:
            cut = _cut(text, start, width, measure)
            lines.append((line_start, cut))
            line_start = start = cut
            core = text[start:end].rstrip()
            size = measure(core)
        used += size + (end - start - len(core))  # each space after a word is one cell
    lines.append((line_start, len(text)))
    return lines


def _cut(text: str, start: int, width: int, measure: Callable[[str], int]) -> int:
    """The index where `width` cells of `text` from `start` end (at least one character)."""
    if measure is len:
        return start + width
    used = 0
    index = start
    while index < len(text):
        size = cell_len(text[index])
        if used + size > width and index > start:
            break
        used += size
        index += 1
    return index


class ReaderView(ScrollView, can_focus=True):
    """One item, wrapped to at most READABLE_WIDTH columns and centred, drawn line by line."""

    BINDINGS = [
        Binding("j,down", "line_down", "Scroll down", show=False),
        Binding("k,up", "line_up", "Scroll up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "End", show=False),
    ]
    """Reading keys: vim-style beside arrows and page keys, so nothing needs the mouse."""

    COMPONENT_CLASSES = {
        "reader-view--title",
        "reader-view--meta",
        "reader-view--person",
        "reader-view--rule",
        "reader-view--term",
        "reader-view--find",
        "reader-view--find-current",
        "reader-view--selected",
        "reader-view--mark",
    }

    DEFAULT_CSS = """
    ReaderView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    ReaderView > .reader-view--title { text-style: bold; color: $text; }
    ReaderView > .reader-view--meta { color: $text-muted; }
    ReaderView > .reader-view--person { color: $secondary; }
    ReaderView > .reader-view--rule { color: $text-muted; }
    ReaderView > .reader-view--term { color: $warning; text-style: bold underline; }
    ReaderView > .reader-view--find { background: $warning 40%; text-style: underline; }
    ReaderView > .reader-view--find-current { text-style: reverse bold; }
    ReaderView > .reader-view--selected { background: $accent 25%; }
    ReaderView > .reader-view--mark { color: $accent; text-style: bold; }
    """

    class Scrolled(Message):
        """The top line or the line count changed; the screen updates its position
        indicator."""

    class SelectionChanged(Message):
        """Paragraphs were selected, the range changed, or the selection ended."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.blocks: list[Block] = []
        self.terms: frozenset[str] = frozenset()
        self.matches: list[Match] = []
        self.current_match = -1
        self._width = 0
        """Text column width the lines were wrapped for; 0 before the first layout."""
        self._line_block = array("i")
        self._line_start = array("i")
        self._line_end = array("i")
        self._block_first_line = array("i")
        self._block_end_line = array("i")
        self._para_blocks: list[int] = []
        self._para_offsets: list[int] = []
        self._spans: dict[int, list[tuple[int, int]]] = {}
        """Search-term spans per block, computed when the block is first drawn."""
        self._match_index: dict[int, list[int]] = {}
        """Block -> indexes into `matches`, for drawing."""
        self._pending_position: int | None = None
        self.selection_anchor: int | None = None
        """Where the paragraph selection started (a paragraph index); None: no selection."""
        self.cursor = 0
        """The paragraph the selection extends to, marked in the left margin."""

    # -- what is shown -----------------------------------------------------------------------

    def show(
        self, item: Item, terms: frozenset[str] = frozenset(), position: int = 0, note: str = ""
    ) -> None:
        """Show `item` from body offset `position` (0: the top), highlighting `terms`;
        `note` is a line of the header about the item ("changed on DATE")."""
        self.blocks = item_blocks(item, note)
        self.terms = terms
        self._spans = {}
        self._para_blocks = [i for i, b in enumerate(self.blocks) if b.role == "para"]
        self._para_offsets = [self.blocks[i].offset for i in self._para_blocks]
        self.set_matches([])
        self.selection_anchor = None
        self.cursor = 0
        self._width = 0
        self._pending_position = position
        self._layout_text()

    @property
    def line_count(self) -> int:
        return len(self._line_block)

    @property
    def top_line(self) -> int:
        return int(self.scroll_y)

    @property
    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def text_width(self) -> int:
        available = self.scrollable_content_region.width
        if available <= 0:
            return 0
        return max(10, min(READABLE_WIDTH, available - 2 * MARGIN))

    # -- position ----------------------------------------------------------------------------

    def position(self) -> int:
        """The body offset of the top line: where the user is, whatever the terminal width."""
        if self._pending_position is not None:
            return self._pending_position
        if not self.line_count:
            return 0
        line = min(self.top_line, self.line_count - 1)
        block = self.blocks[self._line_block[line]] if self._line_block[line] >= 0 else None
        if block is None:  # a blank line between paragraphs: the paragraph after it
            if line + 1 >= self.line_count:
                return 0
            line += 1
            block = self.blocks[self._line_block[line]]
        if block.role != "para":
            return 0
        return block.offset + self._line_start[line]

    def line_of_position(self, position: int) -> int:
        """The wrapped line holding body offset `position` (0 when it is in the header)."""
        if position <= 0 or not self._para_blocks:
            return 0
        k = max(0, bisect.bisect_right(self._para_offsets, position) - 1)
        return self.line_of(self._para_blocks[k], position - self._para_offsets[k])

    def line_of(self, block: int, char: int) -> int:
        """The wrapped line showing character `char` of block `block`."""
        first = self._block_first_line[block]
        last = self._block_end_line[block]
        # within a block, lines start at increasing offsets
        return max(first, bisect.bisect_right(self._line_start, char, first, last) - 1)

    def _restore_position(self) -> None:
        """Scroll to the pending position once the new line count is laid out."""
        if self._pending_position is None:
            return
        position, self._pending_position = self._pending_position, None
        # force: the scrollbars of a new line count are not decided yet, which would veto it
        self.scroll_to(
            y=self.line_of_position(position), animate=False, immediate=True, force=True
        )

    # -- find in text ------------------------------------------------------------------------

    def find(self, needle: str) -> list[Match]:
        """Every case-insensitive occurrence of `needle` in the blocks, in reading order."""
        needle = needle.strip()
        if not needle:
            return []
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        return [
            Match(index, found.start(), found.end())
            for index, block in enumerate(self.blocks)
            if block.role != "rule"
            for found in pattern.finditer(block.text)
        ]

    def set_matches(self, matches: list[Match], current: int = -1) -> None:
        self.matches = matches
        self.current_match = current
        self._match_index = {}
        for index, match in enumerate(matches):
            self._match_index.setdefault(match.block, []).append(index)
        self.refresh()

    def first_match_from(self, line: int) -> int:
        """Index of the first match on or after `line`, wrapping to the first; -1 if none."""
        for index, match in enumerate(self.matches):
            if self.line_of(match.block, match.start) >= line:
                return index
        return 0 if self.matches else -1

    def show_match(self, index: int) -> None:
        """Make match `index` current and scroll it into view (a third down the page)."""
        if not self.matches:
            return
        self.current_match = index % len(self.matches)
        match = self.matches[self.current_match]
        line = self.line_of(match.block, match.start)
        top = self.top_line
        if not top <= line < top + self.page_height:
            self.scroll_to(y=max(0, line - self.page_height // 3), animate=False,
                           immediate=True, force=True)
        self.refresh()

    # -- selecting paragraphs ------------------------------------------------------------------

    @property
    def paragraph_count(self) -> int:
        return len(self._para_blocks)

    @property
    def selection(self) -> tuple[int, int] | None:
        """First and last selected paragraph (0-based, inclusive), or None."""
        if self.selection_anchor is None:
            return None
        return (min(self.selection_anchor, self.cursor), max(self.selection_anchor, self.cursor))

    def select(self, first: int, last: int | None = None) -> None:
        """Select paragraphs `first`..`last` (the cursor on `last`) and show the cursor."""
        if not self._para_blocks:
            return
        top = self.paragraph_count - 1
        first = max(0, min(first, top))
        last = first if last is None else max(0, min(last, top))
        self.selection_anchor, self.cursor = first, last
        self._reveal(last if last < first else first)
        self._selection_changed()

    def start_selection(self) -> None:
        """`v`: select the paragraph of the current find match, else the first one on the
        page; pressed again, start a new range at the cursor."""
        if self.selection_anchor is not None:
            self.select(self.cursor)
        elif 0 <= self.current_match < len(self.matches):
            self.select(self.paragraph_of_block(self.matches[self.current_match].block))
        else:
            self.select(self.paragraph_at_line(self.top_line))

    def clear_selection(self) -> None:
        if self.selection_anchor is not None:
            self.selection_anchor = None
            self._selection_changed()

    def move_cursor(self, step: int) -> None:
        """Move the paragraph cursor (and the end of the range) by `step` paragraphs."""
        if self.selection_anchor is None or not self._para_blocks:
            return
        cursor = max(0, min(self.paragraph_count - 1, self.cursor + step))
        if cursor == self.cursor:
            self.app.bell()
            return
        self.cursor = cursor
        self._reveal(cursor)
        self._selection_changed()

    def paragraph_of_block(self, block: int) -> int:
        """The paragraph a block is, or the first paragraph after a header block."""
        return max(0, bisect.bisect_left(self._para_blocks, block))

    def paragraph_at_line(self, line: int) -> int:
        """The paragraph shown on wrapped line `line`, or the next one below it."""
        if not self._para_blocks or not self.line_count:
            return 0
        line = max(0, min(line, self.line_count - 1))
        while line < self.line_count - 1 and self._line_block[line] < 0:
            line += 1
        block = self._line_block[line]
        if block >= 0 and self.blocks[block].role == "para":
            return self.paragraph_of_block(block)
        return min(self.paragraph_of_block(max(block, 0) + 1), self.paragraph_count - 1)

    def _reveal(self, paragraph: int) -> None:
        """Scroll so paragraph `paragraph` starts on the page (its top, if it is long)."""
        if self._width == 0 or self._pending_position is not None:
            # not laid out yet: open there instead (the position survives the layout)
            self._pending_position = self._para_offsets[paragraph]
            return
        block = self._para_blocks[paragraph]
        first, end = self._block_first_line[block], self._block_end_line[block]
        top, height = self.top_line, self.page_height
        if first < top or first >= top + height:
            target = first if first < top or end - first > height else end - height
            self.scroll_to(y=max(0, target), animate=False, immediate=True, force=True)

    def _selection_changed(self) -> None:
        self.refresh()
        self.post_message(self.SelectionChanged())

    # -- keys --------------------------------------------------------------------------------

    def _scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.top_line + lines, animate=False, immediate=True)

    def action_line_down(self) -> None:
        if self.selection_anchor is not None:  # selecting: j/k move the paragraph cursor
            self.move_cursor(+1)
            return
        self._scroll_lines(1)

    def action_line_up(self) -> None:
        if self.selection_anchor is not None:
            self.move_cursor(-1)
            return
        self._scroll_lines(-1)

    def action_page_down(self) -> None:
        self._scroll_lines(self.page_height - 1)

    def action_page_up(self) -> None:
        self._scroll_lines(-(self.page_height - 1))

    def action_top(self) -> None:
        if self.selection_anchor is not None:  # selecting: g/G extend to the first/last paragraph
            self.move_cursor(-self.cursor)
            return
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        if self.selection_anchor is not None:
            self.move_cursor(self.paragraph_count - 1 - self.cursor)
            return
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    # -- layout ------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout_text()

    def _layout_text(self) -> None:
        """Wrap for the current width, keeping the reading position (not the line number)."""
        width = self.text_width()
        if width == 0:
            return
        if width != self._width:
            position = self.position()
            self._wrap_all(width)
            self._width = width
            self._pending_position = position
            self.virtual_size = Size(self.scrollable_content_region.width, self.line_count)
            # scrolling must wait for the layout: until then the old height clamps it
            self.call_after_refresh(self._restore_position)
            self.post_message(self.Scrolled())  # the line count changed: so does the indicator
        else:
            self.virtual_size = Size(self.scrollable_content_region.width, self.line_count)
        self.refresh()

    def _wrap_all(self, width: int) -> None:
        line_block, line_start, line_end = array("i"), array("i"), array("i")
        first_line, end_line = array("i"), array("i")
        for index, block in enumerate(self.blocks):
            if index and block.role in ("para", "rule"):
                line_block.append(-1)  # a blank line before paragraphs and the rule
                line_start.append(0)
                line_end.append(0)
            first_line.append(len(line_block))
            spans = [(0, 1)] if block.role == "rule" else wrap(block.text, width)
            for start, end in spans:
                line_block.append(index)
                line_start.append(start)
                line_end.append(end)
            end_line.append(len(line_block))
        self._line_block, self._line_start, self._line_end = line_block, line_start, line_end
        self._block_first_line, self._block_end_line = first_line, end_line

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled())

    # -- drawing -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        full = self.scrollable_content_region.width
        line = self.top_line + y
        if full <= 0:
            return Strip.blank(0)
        if line >= self.line_count or self._line_block[line] < 0:
            return line_strip(Text(), full, self.rich_style, self.app.console)
        width = self._width or self.text_width()
        left = max(0, (full - width) // 2)
        text = self._line_text(line, width)
        text.truncate(width, overflow="crop", pad=True)
        mark = self._selection_mark(line)
        margin = Text(end="", no_wrap=True)
        if mark and left >= 2:
            margin.append(" " * (left - 2))
            margin.append(mark, self._style("mark"))
            margin.append(" ")
            text.stylize(self._style("selected"))
        else:
            margin.append(" " * left)
        base, console = self.rich_style, self.app.console
        page = [line_strip(margin, left, base, console), line_strip(text, width, base, console)]
        return Strip.join(page).crop_extend(0, full, base)

    def _selection_mark(self, line: int) -> str:
        """The left-margin mark of a line: the cursor's, a selected line's, or ""."""
        if self.selection_anchor is None:
            return ""
        block = self._line_block[line]
        if block < 0 or self.blocks[block].role != "para":
            return ""
        paragraph = self.paragraph_of_block(block)
        if paragraph == self.cursor and line == self._block_first_line[block]:
            return SELECTION_CURSOR
        return SELECTION_BAR if self._in_selection(line) else ""

    def _in_selection(self, line: int) -> bool:
        selection = self.selection
        block = self._line_block[line]
        return selection is not None and block >= 0 and (
            selection[0] <= self.paragraph_of_block(block) <= selection[1]
        )

    def _line_text(self, line: int, width: int) -> Text:
        index = self._line_block[line]
        block = self.blocks[index]
        if block.role == "rule":
            return Text("─" * width, style=self._style("rule"), end="")
        start, end = self._line_start[line], self._line_end[line]
        style = self._style(block.role) if block.role != "para" else Style()
        text = Text(block.text[start:end].rstrip(), style=style, end="", no_wrap=True)
        shown = len(text.plain)
        for begin, finish in self._term_spans(index):
            if finish > start and begin < start + shown:
                text.stylize(self._style("term"), max(0, begin - start), finish - start)
        for match_index in self._match_index.get(index, ()):
            match = self.matches[match_index]
            if match.end > start and match.start < start + shown:
                role = "find-current" if match_index == self.current_match else "find"
                text.stylize(self._style(role), max(0, match.start - start), match.end - start)
        return text

    def _style(self, role: str) -> Style:
        return self.get_component_rich_style(f"reader-view--{role}", partial=True)

    def _term_spans(self, index: int) -> list[tuple[int, int]]:
        spans = self._spans.get(index)
        if spans is None:
            spans = []
            if self.terms and self.blocks[index].role != "meta":
                from store.index.search import highlight

                spans = highlight(self.blocks[index].text, self.terms)
            self._spans[index] = spans
        return spans
