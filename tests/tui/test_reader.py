"""The reader as a user drives it: header, readable column, find, next/previous, bookmarks."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.pilot import Pilot

from store import Archive, Bookmarks, Item
from tests.tui.conftest import AppFactory, item_ids_by_title
from tui.screens.help import bindings_of
from tui.screens.note_prompt import NotePrompt
from tui.screens.reader import ReaderScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.reader_view import READABLE_WIDTH, ReaderView, wrap

SPEECH = "Speech by the CSTO Secretary General Imangali Tasmagambetov"
"""The sample's longest item: 41 paragraphs, about 3,000 words."""


def newest_first(archive: Archive) -> np.ndarray:
    return archive.columns.order


def index_of(archive: Archive, title_start: str) -> int:
    rows = archive.rows(archive.columns.order)
    return next(i for i, row in enumerate(rows) if row.title.startswith(title_start))


async def open_reader(
    pilot: Pilot, archive: Archive, title_start: str, terms: frozenset[str] = frozenset()
) -> ReaderScreen:
    pilot.app.open_reader(newest_first(archive), index_of(archive, title_start), terms)
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def page(pilot: Pilot) -> list[str]:
    view = pilot.app.screen.query_one(ReaderView)
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def status(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#reader-status").render())


def styles_of(pilot: Pilot, word: str) -> list:
    """The styles of every segment on screen that is exactly `word`."""
    view = pilot.app.screen.query_one(ReaderView)
    found = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            if segment.text == word:
                found.append(segment.style)
    return found


# -- what the page shows ---------------------------------------------------------------------


async def test_the_header_shows_title_date_kind_and_participants_with_roles(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_reader(pilot, archive, "Secretary General met with Fyodor")
        text = "\n".join(page(pilot))
        assert "Secretary General met with Fyodor Voitolovsky and Igor Korotchenko" in text
        assert "2024-12-05 · News · 31 words" in text
        assert "Fyodor Voitolovsky — Director, IMEMO RAS" in text
        assert "Igor Korotchenko — Editor-in-Chief" in text
        assert "On December 5, 2024, at the CSTO Secretariat" in text


async def test_russian_participants_are_listed_in_the_nominative_with_the_text_s_form(
    make_app: AppFactory, archive: Archive
) -> None:
    """The text says "с Министром обороны Армении Сейраном Оганяном"; the list files him as
    Сейран Оганян, Министр обороны, and still shows what the text wrote."""
    item = Item.from_dict({
        "date": "2025-03-12", "kind": "news",
        "title": "Генеральный секретарь ОДКБ встретился с Министром обороны Армении",
        "body": ["Генеральный секретарь ОДКБ встретился с Министром обороны Армении "
                 "Сейраном Оганяном и Постоянным представителем Казахстана Ержаном Айтбаевым."],
        "participants": [
            {"name": "Сейраном Оганяном", "role": "Министром обороны", "organisation": "Армении"},
            {"name": "Ержаном Айтбаевым", "role": "Постоянным представителем",
             "organisation": "Казахстана"},
        ],
    })
    archive.import_items([item])
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_reader(pilot, archive, "Генеральный секретарь ОДКБ встретился с Министром")
        text = "\n".join(page(pilot))
        assert "Сейран Оганян — Министр обороны Армении (as written: Сейраном Оганяном)" in text
        assert "Ержан Айтбаев — Постоянный представитель Казахстана" in text


async def test_a_wide_terminal_gets_a_centred_column_of_readable_width(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(160, 40)) as pilot:
        await open_reader(pilot, archive, SPEECH)
        lines = [line for line in page(pilot) if line.strip() and "─" not in line]
        lefts = {len(line) - len(line.lstrip()) for line in lines}
        widths = [len(line.strip()) for line in lines]
        assert max(widths) <= READABLE_WIDTH
        assert max(widths) > READABLE_WIDTH - 15  # the column is actually used
        assert min(lefts) >= (160 - READABLE_WIDTH) // 2 - 1


async def test_a_narrow_terminal_uses_the_full_width_less_a_margin(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(60, 16)) as pilot:
        await open_reader(pilot, archive, SPEECH)
        lines = [line for line in page(pilot) if line.strip()]
        assert all(line.startswith("  ") for line in lines)
        assert max(len(line.rstrip()) for line in lines) > 45
        assert all(len(line) <= 60 for line in lines)


async def test_search_words_are_highlighted_in_the_text(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        matches = archive.match("voitolovsky")
        await open_reader(pilot, archive, "Secretary General met with Fyodor", matches.terms)
        marked = styles_of(pilot, "Voitolovsky")
        assert marked and all(style.underline for style in marked)
        assert not any(style and style.underline for style in styles_of(pilot, "Korotchenko"))


# -- scrolling and the position indicator ----------------------------------------------------


async def test_scroll_keys_move_the_page_and_the_indicator_follows(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        view = screen.view
        assert status(pilot).endswith("· 0%")
        await pilot.press("j", "j")
        assert view.top_line == 2
        await pilot.press("k")
        assert view.top_line == 1
        await pilot.press("space")
        assert view.top_line == 1 + view.page_height - 1
        await pilot.press("pageup")
        assert view.top_line == 1
        await pilot.press("G")
        assert view.top_line == view.line_count - view.page_height
        assert status(pilot).endswith("· 100%")
        assert f"/{view.line_count:,}" in status(pilot)
        await pilot.press("g")
        assert view.top_line == 0


# -- find in text ----------------------------------------------------------------------------


async def test_slash_finds_text_and_n_and_shift_n_walk_the_matches(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("slash", *"Collective")
        total = len(screen.view.matches)
        assert total > 3
        assert f"find 'Collective' 1/{total}" in status(pilot)
        await pilot.press("enter")  # keeps the find and returns to the text
        await pilot.press("n", "n")
        assert f"3/{total}" in status(pilot)
        await pilot.press("N")
        assert f"2/{total}" in status(pilot)
        # the current match is on screen
        match = screen.view.matches[screen.view.current_match]
        line = screen.view.line_of(match.block, match.start)
        assert screen.view.top_line <= line < screen.view.top_line + screen.view.page_height


async def test_find_wraps_around_from_the_last_match_to_the_first(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("slash", *"Collective", "enter")
        total = len(screen.view.matches)
        await pilot.press("N")
        assert f"{total}/{total}" in status(pilot)
        await pilot.press("n")
        assert f"1/{total}" in status(pilot)


async def test_find_is_case_insensitive_and_says_when_nothing_is_found(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("slash", *"COLLECTIVE")
        assert screen.view.matches
        await pilot.press("backspace", *"zzz")
        assert "not found" in status(pilot)


async def test_letters_typed_in_the_find_box_are_text_not_keys(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("slash", *"nbq[]")
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert screen.find_box.value == "nbq[]"
        assert not pilot.app.session.marked_ids()


async def test_escape_in_the_find_box_clears_the_find_and_stays_in_the_reader(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("slash", *"security", "escape")
        assert pilot.app.screen is screen
        assert screen.view.matches == []
        assert "find" not in status(pilot)


# -- moving between items and leaving -------------------------------------------------------


async def test_brackets_move_to_the_next_and_previous_item_of_the_list(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        start = screen.index
        await pilot.press("right_square_bracket")
        assert screen.index == start + 1
        assert "Voytolovskiy presented the IMEMO forecast" in "\n".join(page(pilot))
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.index == start - 1
        assert "Imangali Tasmagambetov: the CSTO is open to dialogue" in page(pilot)[0]
        assert status(pilot).startswith(f"{start}/39")


async def test_the_first_item_has_no_previous_one(make_app: AppFactory, archive: Archive) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, "Secretary General met with Fyodor")
        await pilot.press("left_square_bracket")
        assert screen.index == 0
        assert "Secretary General met with Fyodor" in page(pilot)[0]


async def test_q_and_escape_go_back_to_the_list(make_app: AppFactory, archive: Archive) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        home = pilot.app.screen
        await open_reader(pilot, archive, SPEECH)
        await pilot.press("q")
        assert pilot.app.screen is home
        await open_reader(pilot, archive, SPEECH)
        await pilot.press("escape")
        assert pilot.app.screen is home


# -- bookmarks -------------------------------------------------------------------------------


async def test_b_bookmarks_the_item_and_b_again_removes_it(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech_id = item_ids_by_title(archive)[next(
        t for t in item_ids_by_title(archive) if t.startswith(SPEECH))]
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_reader(pilot, archive, SPEECH)
        await pilot.press("b")
        assert bookmarks.get(speech_id) is not None
        assert "* bookmarked" in status(pilot)
        await pilot.press("b")
        assert bookmarks.get(speech_id) is None
        assert "bookmarked" not in status(pilot)


async def test_shift_b_asks_for_a_note_and_saves_it_with_the_bookmark(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("B")
        assert isinstance(pilot.app.screen, NotePrompt)
        await pilot.press(*"for the report", "enter")
        assert pilot.app.screen is screen
        assert screen.item is not None
        mark = bookmarks.get(screen.item.id)
        assert mark is not None and mark.note == "for the report"
        # the prompt shows the current note the next time, to edit it
        await pilot.press("B")
        prompt = pilot.app.screen
        assert prompt.query_one("#note").value == "for the report"


async def test_the_note_prompt_cancels_with_ctrl_c_as_well_as_escape(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("B", *"never saved", "ctrl+c")
        assert pilot.app.screen is screen
        await pilot.press("B", *"never saved", "escape")
        assert pilot.app.screen is screen
        assert not bookmarks.ids()


async def test_a_bookmarked_item_reopens_where_the_user_stopped_even_at_another_width(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("b")
        for _ in range(4):
            await pilot.press("space")
        assert screen.item is not None
        item = screen.item
        first_words = page(pilot)[0].split()[:4]
        await pilot.press("q")
        position = bookmarks.get(item.id).position
        assert position > 0
    # a new session in a narrower terminal
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        assert screen.view.position() <= position
        # the line that was on top is on top again, wrapped differently
        body = "\n\n".join(item.body)
        assert "\n\n" not in body[screen.view.position() : position + 1]
        top_two = " ".join(" ".join(page(pilot)[:2]).split())
        assert first_words[0] in top_two


async def test_an_item_not_bookmarked_always_opens_at_the_top(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("space", "space", "q")
        screen = await open_reader(pilot, archive, SPEECH)
        assert screen.view.top_line == 0
        assert not bookmarks.ids()


# -- wrapping --------------------------------------------------------------------------------


def test_wrapping_never_splits_a_word_that_fits_a_line() -> None:
    text = "The Collective Security Treaty Organization remains a reliable guarantor"
    lines = [text[s:e].rstrip() for s, e in wrap(text, 20)]
    assert lines == [
        "The Collective",
        "Security Treaty",
        "Organization remains",
        "a reliable guarantor",
    ]


def test_cyrillic_and_wide_characters_wrap_by_terminal_cells() -> None:
    text = "会議 " * 10
    for start, end in wrap(text, 9):
        assert cell_len(text[start:end].rstrip()) <= 9
    cyrillic = "Генеральный секретарь ОДКБ встретился с директором"
    assert next(cyrillic[s:e].rstrip() for s, e in wrap(cyrillic, 22)) == "Генеральный секретарь"


@given(st.text(alphabet=st.sampled_from("ab Жя会 \u00e9"), max_size=300), st.integers(1, 50))
def test_wrapped_lines_cover_the_text_and_fit_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(lines):
        assert end == start
    for start, end in lines:
        shown = text[start:end].strip()  # blocks are stripped, so no leading spaces are drawn
        assert cell_len(shown) <= max(width, 2)  # a wide character needs two cells


@given(st.text(alphabet=st.sampled_from("ab cd\n"), max_size=300), st.integers(1, 30))
def test_plain_ascii_wraps_exactly_as_the_cell_measuring_wrapper_does(
    text: str, width: int
) -> None:
    from tui.widgets.reader_view import _wrap_cells

    assert [text[s:e].rstrip() for s, e in wrap(text, width)] == [
        text[s:e].rstrip() for s, e in _wrap_cells(text, width)
    ]


async def test_a_key_pressed_with_enter_reaches_the_reader_it_opens(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")  # to the list
        await pilot.press("enter", "B")  # no pause between: a fast typist over SSH
        await pilot.pause()
        assert isinstance(pilot.app.screen, NotePrompt)
        assert isinstance(pilot.app.screen_stack[-2], ReaderScreen)


# -- an item an import has corrected ---------------------------------------------------------


def key_bar(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one(KeyBar).render())


async def test_a_corrected_item_says_changed_on_and_r_steps_to_the_earlier_text(
    make_app: AppFactory, archive: Archive
) -> None:
    title = "Secretary General met with Fyodor"
    row = next(r for r in archive.rows(archive.columns.order) if r.title.startswith(title))
    original = archive.get(row.item_id)
    corrected = replace(original, body=("A corrected account of the meeting.",))
    assert archive.import_items([corrected]).updated == 1
    changed = archive.changed_on(original.id)
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_reader(pilot, archive, title)
        text = "\n".join(page(pilot))
        assert f"changed on {changed} · R shows the earlier text" in text
        assert "A corrected account of the meeting." in text
        assert "at the CSTO Secretariat" not in text
        assert "R Earlier text" in key_bar(pilot)
        assert "earlier_text" in {b.action for b in bindings_of(pilot.app.screen)}  # in help
        await pilot.press("R")
        text = "\n".join(page(pilot))
        assert f"earlier text, version 1 of 2, replaced on {changed}" in text
        assert "On December 5, 2024, at the CSTO Secretariat" in text
        assert "A corrected account" not in text
        assert "earlier text 1/2" in status(pilot)
        await pilot.press("R")
        text = "\n".join(page(pilot))
        assert "A corrected account of the meeting." in text and "version 1 of 2" not in text
        assert "earlier text" not in status(pilot)


async def test_an_item_never_changed_offers_no_earlier_text(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_reader(pilot, archive, SPEECH)
        before = page(pilot)
        assert "changed on" not in "\n".join(before)
        assert "Earlier text" not in key_bar(pilot)
        await pilot.press("R")
        assert page(pilot) == before
