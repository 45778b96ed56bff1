"""Clippings and tags in the Bookmarks screen: under their item, filtered, opened selected."""

from __future__ import annotations

from store import Archive, Bookmarks
from tests.tui.conftest import AppFactory
from tests.tui.test_bookmarks_screen import SPEECH, id_of, open_bookmarks, rows, status
from tui.screens.note_prompt import NotePrompt
from tui.screens.reader import ReaderScreen

STATEMENT = "Statement on the International Day"


def _speech_text(archive: Archive, first: int, last: int) -> str:
    item = archive.get(id_of(archive, SPEECH))
    return "\n\n".join(item.body[first : last + 1])


async def test_clippings_show_under_their_item_with_quote_note_and_tags(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech = id_of(archive, SPEECH)
    bookmarks.add(speech, note="main speech", tags=["report"])
    bookmarks.clip(speech, 5, 6, _speech_text(archive, 5, 6), note="on peacekeeping #brief")
    bookmarks.clip(speech, 1, 1, _speech_text(archive, 1, 1))
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        lines = rows(pilot)
        assert len(lines) == 3
        assert lines[0].startswith("> 2024-10-31 Speech by") and "#report" in lines[0]
        assert lines[1].strip().startswith("“Illegal migration and drug trafficking")
        assert lines[2].strip().startswith("“Peacekeeping capabilities")
        assert lines[2].rstrip().endswith("· on peacekeeping #brief")  # the tag shown once
        assert status(pilot) == "1 bookmark · 2 clippings"


async def test_an_item_with_clippings_but_no_bookmark_is_listed_for_them(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    bookmarks.clip(id_of(archive, SPEECH), 0, 0, "Dear participants of the Conference,")
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        lines = rows(pilot)
        assert "(clippings only)" in lines[0] and "“Dear participants" in lines[1]
        assert status(pilot) == "0 bookmarks · 1 clipping"


async def test_enter_on_a_clipping_opens_the_reader_at_its_paragraphs_selected(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech = id_of(archive, SPEECH)
    bookmarks.add(speech)
    bookmarks.clip(speech, 30, 32, _speech_text(archive, 30, 32))
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen) and reader.view.selection == (30, 32)
        block = reader.view._para_blocks[30]
        first_line = reader.view._block_first_line[block]
        top = reader.view.top_line
        assert top <= first_line < top + reader.view.page_height
        assert "3 paragraphs selected" in str(reader.query_one("#reader-status").render())


async def test_t_sets_tags_and_f_filters_by_one(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech, statement = id_of(archive, SPEECH), id_of(archive, STATEMENT)
    bookmarks.add(statement)
    bookmarks.add(speech)
    bookmarks.clip(statement, 0, 0, "quoted", tags=["kz"])
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("t")  # the speech, newest
        await pilot.pause()
        assert isinstance(pilot.app.screen, NotePrompt)
        await pilot.press(*"report-kz-2024 brief", "enter")
        await pilot.pause()
        assert bookmarks.get(speech).tags == ("report-kz-2024", "brief")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"KZ", "enter")  # any case
        await pilot.pause()
        lines = rows(pilot)
        assert len(lines) == 2 and STATEMENT in lines[0] and "“quoted”" in lines[1]
        assert status(pilot).startswith("#KZ: 1 bookmark · 1 clipping")
        await pilot.press("f")  # clears the filter
        assert len(rows(pilot)) == 3


async def test_a_removed_clipping_comes_back_with_u(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech = id_of(archive, SPEECH)
    bookmarks.add(speech)
    kept = bookmarks.clip(speech, 2, 2, "quoted", note="n #t")
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("j", "d")
        await pilot.pause()
        assert bookmarks.clippings() == [] and bookmarks.ids() == {speech}
        await pilot.press("u")
        await pilot.pause()
        assert bookmarks.clippings() == [kept]


async def test_n_on_a_clipping_edits_its_note(
    make_app: AppFactory, archive: Archive, bookmarks: Bookmarks
) -> None:
    speech = id_of(archive, SPEECH)
    bookmarks.add(speech, note="the bookmark's note")
    kept = bookmarks.clip(speech, 2, 2, "quoted")
    async with make_app().run_test(size=(100, 24)) as pilot:
        await open_bookmarks(pilot)
        await pilot.press("j", "n")
        await pilot.pause()
        await pilot.press(*"for the #brief", "enter")
        await pilot.pause()
        [changed] = bookmarks.clippings()
        assert changed.id == kept.id and changed.note == "for the #brief"
        assert changed.tags == ("brief",)
        assert bookmarks.get(speech).note == "the bookmark's note"
