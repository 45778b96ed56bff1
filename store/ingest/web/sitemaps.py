"""Sitemaps (sitemaps.org): the page URLs a site lists, and the sitemaps an index lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from store.errors import PressroomError
from store.ingest.web.identity import canonical_url, is_web_url


class SitemapError(PressroomError):
    """The body is not a sitemap pressroom can read."""


@dataclass(frozen=True)
class Sitemap:
    """A sitemap's page URLs (with their lastmod date) and, for an index, its sitemaps."""

    pages: list[tuple[str, str | None]]
    sitemaps: list[str]


def looks_like_sitemap(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def read_sitemap(body: bytes) -> Sitemap:
    """Parse a sitemap or sitemap index; entities are never expanded, no DTD is fetched."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"malformed sitemap ({str(error)[:120]})") from None
    if root is None or _local_name(root) not in ("urlset", "sitemapindex"):
        raise SitemapError("not a sitemap")
    pages: list[tuple[str, str | None]] = []
    sitemaps: list[str] = []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        fields = {_local_name(child): (child.text or "").strip()
                  for child in entry if isinstance(child.tag, str)}
        loc = fields.get("loc", "")
        if not is_web_url(loc):
            continue
        if _local_name(entry) == "sitemap":
            sitemaps.append(loc)
        else:
            lastmod = fields.get("lastmod", "")[:10] or None
            pages.append((canonical_url(loc), lastmod))
    return Sitemap(pages, sitemaps)


def _local_name(element: Any) -> str:
    """The tag without its namespace. Not `etree.QName`, which raises ValueError on the
    tags lxml's recovering parser makes of broken input (`<:` gives a tag ":")."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
