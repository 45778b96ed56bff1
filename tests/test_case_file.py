"""A case file for a report: Markdown with footnoted citations, Word, JSON that round-trips."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from store import Archive, Bookmarks
from store.bookmarks.citation import citation
from store.bookmarks.clippings import Clipping
from store.bookmarks.export import gather, markdown, read_json, to_json, write_docx
from store.errors import InputError
from store.paths import sample_files
from tui.cli.main import main

DATA = Path(__file__).parent / "data" / "case_file"
GOLD = DATA / "report.gold.md"
SPEECH = "20241031-193207b4"
NEWS = "20241205-e67f0c51"
WEB = "odkb-2024-07-12-voitolovsky"


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled sample plus one Russian web item with a URL and a place."""
    path = tmp_path_factory.mktemp("case") / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_files([*sample_files(), DATA / "web_items.jsonl"])
    return path


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    with Archive.open(archive_path, readonly=True) as opened:
        yield opened


def _clip(archive: Archive, item_id: str, first: int, last: int, clip_id: str, note: str = "",
          tags: tuple[str, ...] = (), created: str = "2024-11-02T09:00:00+00:00") -> Clipping:
    text = "\n\n".join(archive.get(item_id).body[first : last + 1])
    return Clipping(clip_id, item_id, (first, last), text, note, tags, created)


@pytest.fixture
def marks(tmp_path: Path, archive: Archive) -> Bookmarks:
    """A user's report in progress, with fixed times and ids so the export is a gold file."""
    marks = Bookmarks.open(tmp_path / "bookmarks.json")
    marks.import_records(
        [
            {"item_id": SPEECH, "note": "the Minsk speech, for the security section",
             "tags": ["report-kz-2024"], "created": "2024-11-01T08:00:00+00:00",
             "position": 1200},
            {"item_id": NEWS, "note": "", "tags": [], "created": "2024-12-06T10:00:00+00:00",
             "position": 0},
            {"item_id": "20990101-deadbeef", "note": "from the old archive", "tags": [],
             "created": "2024-01-01T00:00:00+00:00", "position": 0},
        ],
        [
            _clip(archive, SPEECH, 3, 4, "c0000000001", "crisis of trust #report-kz-2024",
                  ("report-kz-2024",)),
            _clip(archive, SPEECH, 30, 30, "c0000000002", tags=("report-kz-2024",)),
            _clip(archive, WEB, 1, 2, "c0000000003", "ИМЭМО", ("report-kz-2024", "ru"),
                  "2024-11-03T09:00:00+00:00"),
        ],
    )
    return marks


def test_the_markdown_case_file_matches_the_gold_file(marks: Bookmarks, archive: Archive) -> None:
    text = markdown(gather(marks, archive), style="plain")
    if os.environ.get("PRESSROOM_UPDATE_GOLD"):
        GOLD.write_text(text, encoding="utf-8")
    assert text == GOLD.read_text(encoding="utf-8")


def test_each_quote_has_a_numbered_footnote_with_its_citation(
    marks: Bookmarks, archive: Archive
) -> None:
    text = markdown(gather(marks, archive), style="gost")
    speech = archive.get(SPEECH)
    assert f"[^1]: {citation(speech, 'gost', (3, 4))}" in text
    assert f"[^2]: {citation(speech, 'gost', (30, 30))}" in text
    assert "[^3]: Тасмагамбетов И. Выступление Генерального секретаря ОДКБ" in text
    assert "Москва, 12 июля 2024 г. Абз. 2–3. URL: https://odkb-csto.org/" in text
    assert text.count("[^1]") == 2 and "[^4]" not in text
    bibliography = text.split("## Bibliography", 1)[1]
    assert bibliography.count("\n- ") == 2  # one entry per quoted item


def test_a_tag_keeps_only_what_has_it(marks: Bookmarks, archive: Archive) -> None:
    marks.set_clipping("c0000000003", tags=["other"])
    text = markdown(gather(marks, archive, tag="REPORT-kz-2024"), tag="report-kz-2024")
    assert text.startswith("# Bookmarks tagged #report-kz-2024\n")
    assert "Minsk Conference" in text and "ИМЭМО" not in text
    assert NEWS not in text and "deadbeef" not in text


def test_the_docx_has_headings_quotes_and_a_citation_after_each_quote(
    marks: Bookmarks, archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "report.docx"
    write_docx(gather(marks, archive), path, style="apa")
    paragraphs = [(p.style.name, p.text) for p in Document(str(path)).paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert paragraphs[0] == ("Title", "Bookmarks")
    assert headings[1].startswith("Speech by the CSTO Secretary General")  # newest first
    assert headings[-1] == "Bibliography" and len(headings) == 5  # 4 items + bibliography
    speech = archive.get(SPEECH)
    quotes = [i for i, (style, _) in enumerate(paragraphs) if style == "Quote"]
    assert [paragraphs[i][1] for i in quotes[:3]] == [*speech.body[3:5], speech.body[30]]
    assert paragraphs[quotes[1] + 1][1] == citation(speech, "apa", (3, 4))
    assert paragraphs[quotes[2] + 1][1] == citation(speech, "apa", (30, 30))
    assert any(text == "Note: the Minsk speech, for the security section"
               for _, text in paragraphs)
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert bullets and all(b.startswith(("Tasmagambetov, I.", "Тасмагамбетов, И."))
                           for b in bullets)


def test_json_holds_everything_and_imports_back_exactly(
    marks: Bookmarks, archive: Archive, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(to_json(gather(marks, archive)), encoding="utf-8")
    data = json.loads(exported.read_text(encoding="utf-8"))
    by_id = {record["item_id"]: record for record in data["bookmarks"]}
    assert by_id[SPEECH]["item"]["title"].startswith("Speech by the CSTO")
    assert by_id[SPEECH]["position"] == 1200 and "item" not in by_id["20990101-deadbeef"]
    fresh = Bookmarks.open(tmp_path / "other.json")
    records, clips = read_json(exported)
    assert fresh.import_records(records, clips) == (3, 3)
    assert fresh.list() == marks.list() and fresh.clippings() == marks.clippings()
    assert fresh.import_records(records, clips) == (0, 0)  # again: nothing new


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json", "not a JSON export"), ('{"bookmarks": []}', "not a pressroom bookmarks"),
     ('{"format": "pressroom-bookmarks", "version": 9}', "newer pressroom"),
     ('{"format": "pressroom-bookmarks", "version": 1, "clippings": [{"id": "x"}]}',
      "clipping 1 has no item_id")],
)
def test_a_bad_import_file_is_one_line_naming_it(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as raised:
        read_json(path)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


def test_the_cli_exports_each_format_and_imports_json(
    marks: Bookmarks, archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--archive", str(archive_path), "--bookmarks", str(marks.path)]
    assert main(["bookmarks", "export", *common, "--tag", "report-kz-2024"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Bookmarks tagged #report-kz-2024") and "[^3]:" in out
    docx_path = tmp_path / "case.docx"
    assert main(["bookmarks", "export", *common, "--format", "docx",
                 "--output", str(docx_path), "--style", "gost"]) == 0
    assert "Exported 4 items" in capsys.readouterr().err
    assert any(p.style.name == "Quote" for p in Document(str(docx_path)).paragraphs)
    assert main(["bookmarks", "export", *common, "--format", "docx"]) == 2
    assert "--output" in capsys.readouterr().err
    json_path = tmp_path / "case.json"
    assert main(["bookmarks", "export", *common, "--format", "json",
                 "--output", str(json_path)]) == 0
    other = tmp_path / "other.json"
    assert main(["bookmarks", "import", "--bookmarks", str(other), str(json_path)]) == 0
    assert "added 3 bookmarks and 3 clippings" in capsys.readouterr().out
    assert Bookmarks.open(other).clippings() == marks.clippings()
