"""One web page, one item: trafilatura finds the article and its metadata, then the
raw-text rules of `store.ingest.parser` date, kind and people it."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from store.errors import InputError
from store.ingest.parser import normalise_text, press_item
from store.ingest.web.identity import canonical_url, is_web_url, web_item_id
from store.model import Item
from store.text.dates import DateLine, DateMatch, parse_date_line

PAGE_LIMIT = 16 << 20
"""A saved page bigger than this (16 MB) is not a press item; it is refused unread."""
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
"""What a saved page is called; a site mirror's images, scripts and styles are skipped."""
LISTING_LINK_SHARE = 0.5
"""A page whose extracted text is more than this share link text lists articles (a
mirror's index and tag pages); an article mentions a link or two."""
_SNIFF = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
"""The comment browsers leave at the top of a page saved with "Save as"."""
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def is_page_path(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES


def decode_html(data: bytes, charset: str | None = None) -> str:
    """The page as text: BOM, then the HTTP header's charset, then the page's own
    `<meta charset>` / `<?xml encoding?>`, then UTF-8, then what the bytes look like.

    Russian press sites still serve windows-1251 and koi8-r; a page decoded as the wrong
    one is unreadable, so a declared charset is believed before any guess.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace")
    head = data[:_SNIFF]
    declared = [charset] if charset else []
    for pattern in (_META_CHARSET, _XML_ENCODING):
        found = pattern.search(head)
        if found:
            declared.append(found.group(1).decode("ascii"))
    for name in declared:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec == "utf-8":
            break  # declared UTF-8: the strict check below, then a guess if it lies
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1 << 20]).best()
    return data.decode(best.encoding if best else "cp1251", errors="replace")


def page_item(
    page: str | bytes,
    url: str = "",
    *,
    charset: str | None = None,
    language: str | None = None,
    body_selector: str | None = None,
) -> Item | None:
    """The press item on a web page, or None when the page has no article text.

    `url` is where the page came from (fetched, or saved from); the page's own
    `<link rel=canonical>` wins over it and becomes the item's `source` and id. `language`
    overrides the detected one (a source's setting); `body_selector` is a CSS selector for
    the article body where extraction needs help.
    """
    import trafilatura
    from trafilatura.settings import Document

    text = decode_html(page, charset) if isinstance(page, bytes) else page
    # lxml refuses a str that still declares its byte encoding
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    document = trafilatura.bare_extraction(
        text,
        url=url if is_web_url(url) else None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=True,  # only to measure how much of the text is links (below)
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, Document):
        return None  # nothing extracted (a dict comes back only when asked for one)
    title = normalise_text(document.title or "").strip()
    if document.body is None:
        return None
    paragraphs, linked = _body_paragraphs(document.body)
    if linked > LISTING_LINK_SHARE:
        return None  # a listing, an index or a tag page: links to articles, not one
    if body_selector:
        selected = _selected_paragraphs(text, body_selector)
        paragraphs = selected if selected else paragraphs
    if paragraphs and title and _same_words(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    date_line = _page_date(document.date)
    # A press page often prints its date as a line of its own above the text
    # ("Moscow, 14.01.2016"): it dates the item when the markup did not.
    while paragraphs and (found := parse_date_line(paragraphs[0])) is not None:
        date_line = date_line or found
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return None
    source = _canonical(document.url, url)
    item = press_item(
        title, paragraphs, source or url, date_line,
        item_id=web_item_id(source) if is_web_url(source) else None,
    )
    if item is not None and language:
        item = replace(item, language=language)
    return item


def saved_page_items(path: Path) -> Iterator[Item]:
    """The item of one saved page (nothing for a page without article text).

    Raises InputError for a page that cannot be read or is too big to be a press page.
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > PAGE_LIMIT:
            raise InputError(f"page is larger than {PAGE_LIMIT >> 20} MB", source=name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except PermissionError:
        raise InputError("permission denied", source=name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
    if b"\x00" in data[:_SNIFF] and not data.startswith((codecs.BOM_UTF16_LE,
                                                          codecs.BOM_UTF16_BE)):
        raise InputError("binary file, not a web page", source=name)
    saved_from = _SAVED_FROM.search(data[:_SNIFF])
    origin = saved_from.group(1).decode("ascii", "replace") if saved_from else ""
    origin = origin if is_web_url(origin) else mirrored_url(path)
    item = page_item(data, origin)
    if item is not None:
        if not item.source:
            item = replace(item, source=path.name)
        yield item


_HOST_FOLDER = re.compile(
    r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$|^(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?$"
)


def mirrored_url(path: Path) -> str:
    """Where a page of a site mirror was saved from: `wget --mirror` stores
    https://host/a/b.html as host/a/b.html, so the nearest folder named like a host
    starts the URL ("" when there is none). The scheme is not kept by wget; https is the
    likely one, and a page's own canonical link wins anyway."""
    parts = path.resolve().parts
    for at in range(len(parts) - 2, 0, -1):
        if _HOST_FOLDER.match(parts[at].lower()) and not is_page_path(Path(parts[at])):
            rest = "/".join(parts[at + 1 :])
            if rest.endswith("index.html"):
                rest = rest[: -len("index.html")]
            return f"https://{parts[at].lower()}/{rest}"
    return ""


def _body_paragraphs(body: Iterable[Any]) -> tuple[list[str], float]:
    """The paragraphs of trafilatura's extracted body (an lxml element, whose children are
    its blocks; a list item is one), and the share of their text that is link text."""
    paragraphs: list[str] = []
    total = linked = 0
    for block in body:
        parts = block.findall("item") if block.tag == "list" else [block]
        for part in parts:
            line = " ".join(normalise_text("".join(part.itertext())).split())
            if not line:
                continue
            paragraphs.append(line)
            total += len(line)
            linked += sum(len("".join(ref.itertext()).strip()) for ref in part.iter("ref"))
    return paragraphs, linked / total if total else 0.0


def _selected_paragraphs(text: str, selector: str) -> list[str]:
    """Paragraphs of the elements `selector` picks (a source's hint for its body)."""
    import lxml.html
    from lxml.cssselect import CSSSelector

    try:
        tree = lxml.html.fromstring(text)
        picked = CSSSelector(selector)(tree)
    except Exception:
        return []
    out: list[str] = []
    for element in picked:
        blocks = element.xpath(".//p|.//li|.//h2|.//h3|.//blockquote") or [element]
        for block in blocks:
            line = " ".join(normalise_text(block.text_content()).split())
            if line:
                out.append(line)
    return out


def _same_words(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split()


def _page_date(value: str | None) -> DateLine | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return DateLine(DateMatch(0, 0, day.day, day.month, day.year))


def _canonical(found: str | None, origin: str) -> str:
    """The page's canonical URL (relative ones resolved against where it came from)."""
    if found:
        absolute = urljoin(origin, found.strip()) if origin else found.strip()
        if is_web_url(absolute):
            return canonical_url(absolute)
    return canonical_url(origin) if is_web_url(origin) else ""
