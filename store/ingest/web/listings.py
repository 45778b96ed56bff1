"""A paginated listing page ("News", page 1, 2, ...): its article links and its next page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from store.ingest.web.identity import canonical_url, is_web_url

_NEXT_WORDS = re.compile(r"^\s*(?:next|older|далее|следующая|вперед|вперёд|»|›|>)", re.I)
_CHROME = "//header|//nav|//footer|//aside|//*[@role='navigation']"
"""Where a listing's links are menus, not articles."""


@dataclass(frozen=True)
class Listing:
    links: list[str]
    next_page: str | None


def read_listing(body: str, url: str, scope: str = "") -> Listing:
    """The article links of a listing page, and the URL of its next page (`rel=next`, or
    a link that says "Next").

    Article links are those outside the page's menus and footer that lead below `scope`
    (the first page's URL up to its last "/": /en/news/ lists /en/news/2024/...), which
    leaves out breadcrumbs, language switches and links to other sections.
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(body)
    except Exception:
        return Listing([], None)
    next_page = None
    for link in tree.xpath("//a[@href]|//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        if "next" in rel or (link.tag == "a" and _NEXT_WORDS.match(link.text_content() or "")):
            candidate = urljoin(url, link.get("href"))
            if is_web_url(candidate) and canonical_url(candidate) != canonical_url(url):
                next_page = canonical_url(candidate)
                break
    for chrome in tree.xpath(_CHROME):
        chrome.drop_tree()
    host = urlsplit(url).netloc.lower()
    here = canonical_url(url)
    scope = scope or here
    scope = scope[: scope.rfind("/") + 1]
    links: list[str] = []
    for link in tree.xpath("//a[@href]"):
        if "prev" in (link.get("rel") or "") or "next" in (link.get("rel") or ""):
            continue
        target = urljoin(url, link.get("href"))
        if not is_web_url(target) or urlsplit(target).netloc.lower() != host:
            continue
        target = canonical_url(target)
        if not target.startswith(scope) or target == scope:
            continue
        if target != here and target != next_page and target not in links:
            links.append(target)
    return Listing(links, next_page)
