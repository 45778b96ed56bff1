"""RSS and Atom feeds: the article links they list (feedparser reads every dialect)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.errors import PressroomError
from store.ingest.web.identity import canonical_url, is_web_url


class FeedError(PressroomError):
    """The body is not a feed pressroom can read; the message is the reason."""


@dataclass(frozen=True)
class Entry:
    """An article a feed lists: where its page is, and the date the feed gives it."""

    url: str
    title: str = ""
    date: str | None = None


def looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def feed_entries(body: bytes, url: str) -> list[Entry]:
    """The entries of the feed `body` (fetched from `url`), links made absolute.

    Raises FeedError when the XML is broken and nothing could be read from it; a feed
    that is merely sloppy (feedparser's "bozo") but lists entries is read.
    """
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": url})
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not is_web_url(link) and entry.get("id", "").startswith(("http://", "https://")):
            link = entry["id"]
        if not is_web_url(link):
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        day = date(*when[:3]).isoformat() if when else None
        entries.append(Entry(canonical_url(link), " ".join(entry.get("title", "").split()), day))
    if not entries and parsed.get("bozo"):
        reason = str(parsed.get("bozo_exception") or "unreadable").splitlines()[0][:120]
        raise FeedError(f"malformed feed ({reason})")
    if not entries and not parsed.get("version"):
        raise FeedError("not a feed")
    return entries
