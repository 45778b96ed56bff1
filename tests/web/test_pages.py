"""Saved web pages: one page, one item, with the press rules of raw text applied."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import Archive, InputError
from store.ingest.web.identity import canonical_url, web_item_id
from store.ingest.web.pages import decode_html, page_item, saved_page_items

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "data" / "site"


def page(rel: str):  # -> Item
    items = list(saved_page_items(SITE / rel))
    assert len(items) == 1, rel
    return items[0]


def test_a_page_gives_its_article_without_menus_footer_related_news_or_cookie_banner() -> None:
    item = page("en/news/2024/12/05/imemo-meeting.html")
    assert item.title == "CSTO Secretary General met with the Director of IMEMO RAS"
    assert item.body[0].startswith("On December 5, 2024, at the CSTO Secretariat")
    assert len(item.body) == 3
    text = " ".join(item.body)
    for chrome in ("cookies", "Subscribe", "Related news", "Most read", "All rights reserved",
                   "Home", "Share:", "27th meeting"):
        assert chrome not in text
    names = {p.name: p.role for p in item.participants}
    assert names["Imangali Tasmagambetov"] == "Secretary General"
    assert "Fyodor Voitolovsky" in names


def test_the_canonical_url_without_tracking_or_fragment_is_the_source_and_the_identity() -> None:
    item = page("en/news/2024/12/05/imemo-meeting.html")
    assert item.source == "http://press.test/en/news/2024/12/05/imemo-meeting.html"
    assert item.id == web_item_id(item.source)
    assert page("en/news/un-cooperation.html").source == (
        "http://press.test/en/news/un-cooperation.html"
    )


@pytest.mark.parametrize(
    ("rel", "date", "kind"),
    [
        ("en/news/2024/12/05/imemo-meeting.html", "2024-12-05", "news"),  # <time datetime>
        ("en/news/2024/10/31/minsk-conference-speech.html", "2024-10-31", "speech"),  # meta
        ("en/news/statement-middle-east.html", "2024-11-19", "statement"),  # JSON-LD only
        ("en/news/un-cooperation.html", "2023-02-14", "news"),  # a date line in the text
        ("en/news/2024/12/03/migration-council.html", "2024-12-03", "news"),  # opening words
        ("en/news/2024/11/25/interview-rossiyskaya-gazeta.html", "2024-11-25", "interview"),
        ("ru/news/2024/11/20/vystuplenie-sks.html", "2024-11-20", "speech"),
        ("ru/archive/2015/uchenia-vzaimodeistvie.html", "2015-09-18", "news"),  # text only
    ],
)
def test_dates_and_kinds_come_from_markup_or_text(rel: str, date: str, kind: str) -> None:
    item = page(rel)
    assert (item.date, item.kind) == (date, kind)


def test_a_date_line_above_the_text_dates_the_item_and_is_not_a_paragraph() -> None:
    item = page("en/news/un-cooperation.html")
    assert not item.body[0].startswith("New York")
    assert item.body[0].startswith("The Secretary General of the Collective Security")


@pytest.mark.parametrize(
    ("rel", "title"),
    [
        ("ru/archive/2016/zayavlenie-sovet.html",
         "Заявление Совета министров иностранных дел ОДКБ"),
        ("ru/archive/2015/uchenia-vzaimodeistvie.html",
         "Завершилось совместное учение Коллективных сил оперативного реагирования ОДКБ"),
    ],
)
def test_windows_1251_and_koi8_r_pages_decode_right(rel: str, title: str) -> None:
    raw = (SITE / rel).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    item = page(rel)
    assert item.title == title
    assert item.language == "ru"
    assert any(p.name == "Николай Бордюжа" for p in item.participants)


def test_a_declared_http_charset_wins_over_a_guess() -> None:
    text = "<p>Генеральный секретарь ОДКБ</p>"
    assert decode_html(text.encode("koi8-r"), "koi8-r") == text
    assert decode_html(text.encode("cp1251"), "windows-1251") == text
    assert decode_html(("\ufeff" + text).encode("utf-8"), "koi8-r") == text


def test_broken_markup_still_gives_the_article() -> None:
    item = page("en/news/2024/12/02/drug-council.html")
    assert item.title == "26th meeting of the Coordination Council on illicit drug trafficking"
    assert item.date == "2024-12-02"
    assert any(p.name == "Rustam Nazarzoda" for p in item.participants)


def test_a_listing_page_is_not_an_item() -> None:
    assert list(saved_page_items(SITE / "en/news/index.html")) == []


def test_a_mirrored_page_without_canonical_is_dated_by_where_it_was_saved_from(
    tmp_path: Path,
) -> None:
    rel = "en/news/2020/06/23/osce-vienna-meeting.html"
    copy = tmp_path / "press.test" / rel
    copy.parent.mkdir(parents=True)
    shutil.copy(SITE / rel, copy)
    item = page_from(copy)
    assert item.source == f"https://press.test/{rel}"
    assert item.date == "2020-06-23"
    assert page_from(SITE / rel).date is None  # nothing says where the bare copy came from


def page_from(path: Path):  # -> Item
    (item,) = saved_page_items(path)
    return item


def test_a_folder_imports_its_pages_skips_other_files_and_adds_nothing_the_second_time(
    tmp_path: Path,
) -> None:
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        first = archive.import_paths([SITE])
        assert first.added == 14
        assert first.skipped == 6  # feeds, sitemap, robots.txt, a stylesheet, an image
        assert "skipped 6 files that are not web pages" in first.summary()
        again = archive.import_paths([SITE])
        assert (again.added, again.unchanged) == (0, 14)
        assert len(archive) == 14


def test_a_huge_or_binary_page_is_refused_by_name(tmp_path: Path) -> None:
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\x00\x00\x00" * 100)
    with pytest.raises(InputError, match=r"photo\.html: binary file"):
        list(saved_page_items(binary))
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(17 << 20)
    with pytest.raises(InputError, match=r"huge\.html: page is larger than 16 MB"):
        list(saved_page_items(huge))


def test_import_dry_run_json_prints_the_pages_items(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "import", "--dry-run", "--json", str(SITE / "ru")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert {i["language"] for i in items} == {"ru"}
    assert len(items) == 4
    assert not (tmp_path / "pressroom" / "archive.sqlite3").exists()


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Press.Test:80/a?utm_source=x&id=3&fbclid=1#p2", "http://press.test/a?id=3"),
        ("https://press.test", "https://press.test/"),
        ("https://press.test:8443/a?gclid=z", "https://press.test:8443/a"),
        ("mailto:press@press.test", "mailto:press@press.test"),
    ],
)
def test_canonical_urls_drop_tracking_parameters_fragments_and_default_ports(
    url: str, canonical: str
) -> None:
    assert canonical_url(url) == canonical


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<h1>", "<article>", "<time datetime='2024-13-45'>",
     "<meta charset='koi8-r'>", "<link rel=canonical href='javascript:x'>", "<?xml encoding='x'?>",
     "<script>", "<!--", "<![CDATA[", "&#0;", "&#xD800;", "\x00", "<table><tr><td>",
     "<meta property='article:published_time' content='yesterday'>", "<ul><li>", "<a href=/x>"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_TAGS, st.text(max_size=40)), max_size=40), st.binary(max_size=200))
def test_any_markup_gives_an_item_or_none_never_a_traceback(parts: list[str], noise: bytes) -> None:
    text = "".join(parts)
    for page_data in (text, text.encode("utf-8", "surrogatepass") + noise):
        item = page_item(page_data, "http://press.test/x")
        assert item is None or item.title
