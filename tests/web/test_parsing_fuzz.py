"""Whatever a server sends as a feed, a sitemap or a listing: entries, links or one clear
error, never a traceback."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from store.errors import PressroomError
from store.ingest.web.feeds import feed_entries
from store.ingest.web.listings import read_listing
from store.ingest.web.sitemaps import read_sitemap

_PIECES = st.sampled_from(
    ["<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>", "</item>",
     "<link>", "</link>", "http://press.test/a", "javascript:alert(1)", "<feed xmlns=",
     "'http://www.w3.org/2005/Atom'>", "<entry>", "<link href='/rel'/>", "<urlset>",
     "<sitemapindex>", "<url><loc>", "</loc></url>", "<!DOCTYPE x [<!ENTITY e SYSTEM "
     "'file:///etc/passwd'>]>", "&e;", "<pubDate>Mon, 99 Foo 2024</pubDate>", "\x00", "]]>",
     "<a href='/en/news/x.html'>", "<a rel=next href='?page=2'>Next", "</a>", "<nav>"]
)
_DOCUMENTS = st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=30).map("".join)


@settings(max_examples=80, deadline=None)
@given(_DOCUMENTS, st.binary(max_size=64))
@example("", b"<:")  # lxml recovers it as an element named ":", which QName refused
def test_feeds_sitemaps_and_listings_never_raise_anything_but_a_one_line_error(
    text: str, noise: bytes
) -> None:
    body = text.encode("utf-8", "surrogatepass") + noise
    for parse in (lambda: feed_entries(body, "http://press.test/feed"),
                  lambda: read_sitemap(body)):
        try:
            parse()
        except PressroomError as error:
            assert "\n" not in str(error)
    listing = read_listing(text, "http://press.test/en/news/")
    assert all(link.startswith("http://press.test/en/news/") for link in listing.links)
