"""One source's harvest: fetch its URL, find its article pages (a feed, a sitemap, a
listing, or the page itself), fetch each page and extract its item. Nothing is written
here; the caller imports a harvest whole, so a source lands in one transaction."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from store.errors import InputError, PressroomError
from store.ingest.web.feeds import feed_entries, looks_like_feed
from store.ingest.web.http import Fetched, FetchError, PoliteClient, Validators
from store.ingest.web.identity import canonical_url, is_web_url
from store.ingest.web.listings import read_listing
from store.ingest.web.pages import decode_html, page_item
from store.ingest.web.sitemaps import looks_like_sitemap, read_sitemap
from store.ingest.web.state import WebState
from store.model import Item

SOURCE_TYPES = ("auto", "feed", "sitemap", "page", "listing")
MAX_PAGES = 1_000
"""Article pages fetched for one source in one run unless `--limit` says otherwise: at one
request a second that is a quarter of an hour for one site."""
MAX_LISTING_PAGES = 20
MAX_SITEMAPS = 20
"""Sitemaps read from a sitemap index (big sites split theirs by month)."""

Progress = Callable[[int, int, str], None]
"""Hears (pages done, pages found, current URL) as a harvest goes."""


@dataclass(frozen=True)
class Source:
    """Where press items come from: a `[[source]]` of the config, or a URL on the command line."""

    name: str
    url: str
    type: str = "auto"
    language: str | None = None
    selector: str | None = None
    """A CSS selector for the article body where extraction needs help."""

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc.lower()


@dataclass
class Harvest:
    """What one source gave this run: its items, and what did not work, one line each."""

    source: Source
    items: list[Item] = field(default_factory=list)
    found: int = 0
    """Article pages the source lists (after `--since` and `--limit`)."""
    not_modified: int = 0
    """Pages, or the source itself, that answered 304: unchanged since the last run."""
    failures: list[str] = field(default_factory=list)
    validators: dict[str, Validators] = field(default_factory=dict)
    """To remember once the items are committed."""

    @property
    def reached(self) -> bool:
        return not self.failures


def harvest(
    source: Source,
    client: PoliteClient,
    state: WebState,
    *,
    since: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> Harvest:
    """Fetch `source` and the article pages it lists, politely; never raises for the web's
    failures, which land in `Harvest.failures` as "URL: reason" while the rest goes on."""
    result = Harvest(source)
    url = canonical_url(source.url)
    try:
        fetched = client.get(url, state.validators(url))
    except PressroomError as error:
        result.failures.append(_line(error, url))
        return result
    if fetched.not_modified:
        result.not_modified += 1
        return result
    try:
        pages = _article_urls(source, fetched, client, result)
    except PressroomError as error:
        result.failures.append(_line(error, fetched.url))
        return result
    if pages is None:  # the source is an article page itself
        _add(result, fetched, source, since)
        if not result.failures:
            result.validators[url] = fetched.validators
        return result
    cutoff = _since(since)
    pages = [(page, day) for page, day in pages if not (cutoff and day and day < cutoff)]
    pages = pages[: limit if limit is not None else MAX_PAGES]
    result.found = len(pages)
    for done, (page, _) in enumerate(pages):
        if progress is not None:
            progress(done, len(pages), page)
        try:
            page_fetched = client.get(page, state.validators(page))
        except PressroomError as error:
            result.failures.append(_line(error, page))
            continue
        if page_fetched.not_modified:
            result.not_modified += 1
            continue
        if _add(result, page_fetched, source, since):
            result.validators[page] = page_fetched.validators
    if progress is not None:
        progress(len(pages), len(pages), "")
    if not result.failures:
        # A source's own validators are kept only when all its pages came: otherwise its
        # next 304 would hide the pages that failed this time.
        result.validators[url] = fetched.validators
    return result


def _article_urls(
    source: Source, fetched: Fetched, client: PoliteClient, result: Harvest
) -> list[tuple[str, str | None]] | None:
    """The (URL, date if known) of the source's article pages; None for an article."""
    kind = source.type
    body = fetched.body
    if kind == "auto":
        kind = "feed" if looks_like_feed(body) else "sitemap" if looks_like_sitemap(body) else ""
    if kind == "feed":
        return [(e.url, e.date) for e in feed_entries(body, fetched.url)]
    if kind == "sitemap":
        return _sitemap_pages(fetched, client, result)
    if kind == "page":
        return None
    text = decode_html(body, fetched.charset)
    if kind == "" and page_item(text, fetched.url) is not None:
        return None
    links = _listing_pages(text, fetched.url, client, result)
    if kind == "" and not links:
        raise InputError("no article text on the page")
    return links


def _sitemap_pages(
    fetched: Fetched, client: PoliteClient, result: Harvest
) -> list[tuple[str, str | None]]:
    sitemap = read_sitemap(fetched.body)
    pages = list(sitemap.pages)
    for nested in sitemap.sitemaps[:MAX_SITEMAPS]:
        try:
            pages.extend(read_sitemap(client.get(nested).body).pages)
        except PressroomError as error:
            result.failures.append(_line(error, nested))
    # newest first, so `--limit` keeps the latest items
    return sorted(pages, key=lambda page: page[1] or "", reverse=True)


def _listing_pages(
    text: str, url: str, client: PoliteClient, result: Harvest
) -> list[tuple[str, str | None]]:
    scope = url
    listing = read_listing(text, url, scope)
    links = list(listing.links)
    seen = {canonical_url(url)}
    for _ in range(MAX_LISTING_PAGES - 1):
        if listing.next_page is None or listing.next_page in seen:
            break
        seen.add(listing.next_page)
        try:
            page = client.get(listing.next_page)
        except PressroomError as error:
            result.failures.append(_line(error, listing.next_page))
            break
        listing = read_listing(decode_html(page.body, page.charset), page.url, scope)
        links.extend(link for link in listing.links if link not in links)
    return [(link, None) for link in links]


def _add(result: Harvest, fetched: Fetched, source: Source, since: str | None) -> bool:
    """Extract the item of a fetched page into `result`; False (and a failure) if none."""
    try:
        item = page_item(fetched.body, fetched.url, charset=fetched.charset,
                         language=source.language, body_selector=source.selector)
    except (InputError, ValueError) as error:
        result.failures.append(f"{fetched.url}: {error}")
        return False
    if item is None:
        result.failures.append(f"{fetched.url}: no article text on the page")
        return False
    cutoff = _since(since)
    if not (cutoff and item.date and item.date < cutoff):
        result.items.append(item)
    return True


_SINCE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _since(value: str | None) -> str | None:
    """`--since` as the first ISO day it allows: 2024 -> 2024-01-01, 2024-10 -> 2024-10-01."""
    if not value:
        return None
    found = _SINCE.match(value.strip())
    if found is None:
        raise InputError(f"--since takes 2024, 2024-10 or 2024-10-31, not {value!r}")
    year, month, day = found.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def check_since(value: str | None) -> None:
    """Raise InputError for a `--since` that is not a year, a month or a day."""
    _since(value)


def _line(error: PressroomError, url: str) -> str:
    if isinstance(error, FetchError):
        return str(error)
    return f"{url}: {error}"


def source_for_url(url: str) -> Source:
    """A command-line URL as a source of its own, its kind found from what it serves."""
    if not is_web_url(url):
        raise InputError(f"{url}: not an http(s) URL")
    return Source(name=url, url=url)
