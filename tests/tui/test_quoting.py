"""Quoting in the reader: select paragraphs, copy them with a citation (OSC 52), keep a clipping."""

from __future__ import annotations

import base64

import pytest
from textual.pilot import Pilot

from store import Archive, Bookmarks
from store.bookmarks.citation import STYLES, citation
from tests.tui.conftest import AppFactory
from tests.tui.test_reader import SPEECH, open_reader, page, status
from tui.screens.note_prompt import NotePrompt
from tui.screens.reader import ReaderScreen
from tui.widgets.reader_view import SELECTION_BAR, SELECTION_CURSOR


def capture_terminal(pilot: Pilot) -> list[str]:
    """Everything the app writes to its terminal from now on (the headless driver's output)."""
    written: list[str] = []
    driver = pilot.app._driver
    assert driver is not None
    original = driver.write

    def write(data: str) -> None:
        written.append(data)
        original(data)

    driver.write = write  # type: ignore[method-assign]
    return written


def osc52_payloads(written: list[str]) -> list[str]:
    """The texts of every OSC 52 clipboard write, decoded from base64."""
    out = "".join(written)
    payloads = []
    start = out.find("\x1b]52;c;")
    while start != -1:
        end = out.index("\a", start)
        payloads.append(base64.b64decode(out[start + 7 : end]).decode("utf-8"))
        start = out.find("\x1b]52;c;", end)
    return payloads


def notices(pilot: Pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications]


async def test_v_starts_a_selection_marked_in_the_margin_and_j_extends_it(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        view = screen.view
        assert not any(SELECTION_CURSOR in line or SELECTION_BAR in line for line in page(pilot))
        await pilot.press("v")
        assert view.selection == (0, 0)
        assert "1 paragraph selected" in status(pilot)
        await pilot.press("j", "j")
        assert view.selection == (0, 2) and view.cursor == 2
        assert "3 paragraphs selected" in status(pilot)
        lines = page(pilot)
        cursor_line = next(line for line in lines if SELECTION_CURSOR in line)
        assert cursor_line.startswith(f"{SELECTION_CURSOR} ") or (
            cursor_line.lstrip().startswith(SELECTION_CURSOR)
        )
        item = screen.item
        assert item is not None and item.body[2][:20] in cursor_line
        await pilot.press("k")
        assert view.selection == (0, 1)


async def test_escape_ends_the_selection_without_leaving_and_q_still_leaves(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("v", "j", "escape")
        assert isinstance(pilot.app.screen, ReaderScreen) and screen.view.selection is None
        await pilot.press("j")  # scrolling again, not selecting
        assert screen.view.top_line == 1 and screen.view.selection is None
        await pilot.press("v", "q")
        assert not isinstance(pilot.app.screen, ReaderScreen)


async def test_a_find_match_starts_the_selection_at_its_paragraph(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("slash", *"Tajik-Afghan", "enter", "v")
        item = screen.item
        assert item is not None and screen.view.selection is not None
        first, last = screen.view.selection
        assert first == last
        assert first == next(i for i, p in enumerate(item.body) if "Tajik-Afghan" in p)
        assert any(SELECTION_CURSOR in line for line in page(pilot))


@pytest.mark.parametrize("style", STYLES)
async def test_y_writes_the_clean_text_and_the_citation_as_osc_52(
    make_app: AppFactory, archive: Archive, style: str
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        pilot.app.session.citation_style = style
        written = capture_terminal(pilot)
        await pilot.press("v", "j", "j", "y")
        await pilot.pause()
        item = screen.item
        assert item is not None
        text = "\n\n".join(item.body[0:3])
        expected = f"{text}\n\n{citation(item, style, (0, 2))}"
        encoded = base64.b64encode(expected.encode("utf-8")).decode("ascii")
        assert f"\x1b]52;c;{encoded}\a" in "".join(written)
        [copied] = osc52_payloads(written)
        assert "▶" not in copied and "┃" not in copied and "\n\n\n" not in copied
        assert f"3 paragraphs, {len(text):,} characters, with citation" in notices(pilot)[-1]


async def test_the_plain_citation_names_speaker_occasion_date_and_archive_id(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        written = capture_terminal(pilot)
        await pilot.press("G", "v", "G", "y")  # from the page's paragraph to the end
        await pilot.pause()
        [copied] = osc52_payloads(written)
        assert screen.item is not None and screen.view.selection is not None
        first, last = screen.view.selection
        assert last == len(screen.item.body) - 1 and first < last
        assert copied == "\n\n".join(screen.item.body[first:]) + (
            "\n\n— Imangali Tasmagambetov, CSTO Secretary General, "
            "speech at the II Minsk Conference on Eurasian Security, 31 October 2024, "
            f"archive id {screen.item.id}"
        )
        notice = notices(pilot)[-1]
        assert "Press c to keep a clipping" in notice
        assert f"pressroom quote {screen.item.id} --paragraphs " in notice


async def test_y_without_a_selection_copies_nothing_and_says_how(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_reader(pilot, archive, SPEECH)
        written = capture_terminal(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert osc52_payloads(written) == []
        assert "Press v to select" in notices(pilot)[-1]


async def test_shift_s_picks_the_next_citation_style(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_reader(pilot, archive, SPEECH)
        await pilot.press("S")
        assert pilot.app.session.citation_style == "chicago"
        assert notices(pilot)[-1] == "Citation style: chicago"


async def test_c_keeps_the_selection_as_a_clipping_with_note_and_tags(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, archive, SPEECH)
        await pilot.press("v", "j", "c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NotePrompt)
        await pilot.press(*"opening #report-2024", "enter")
        await pilot.pause()
        [kept] = bookmarks.clippings()
        assert screen.item is not None
        assert (kept.item_id, kept.paragraphs) == (screen.item.id, (0, 1))
        assert kept.text == "\n\n".join(screen.item.body[0:2])
        assert kept.note == "opening #report-2024" and kept.tags == ("report-2024",)
        assert "as a clipping tagged report-2024" in notices(pilot)[-1]


async def test_a_reader_opened_at_paragraphs_shows_them_selected(
    make_app: AppFactory, archive: Archive
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        rows = archive.rows(archive.columns.order)
        index = next(i for i, row in enumerate(rows) if row.title.startswith(SPEECH))
        pilot.app.open_reader(archive.columns.order, index, paragraphs=(20, 22))
        await pilot.pause()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ReaderScreen) and screen.view.selection == (20, 22)
        assert screen.item is not None
        text = "\n".join(page(pilot))
        assert screen.item.body[20][:30] in text and SELECTION_BAR in text
