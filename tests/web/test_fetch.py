"""Fetching from a real server on loopback: articles, feeds, sitemaps, listings, and every
way a server fails, each one line naming the URL while the rest still imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Archive
from store.ingest.web.harvest import Source, harvest
from store.ingest.web.http import PoliteClient, Politeness
from store.ingest.web.state import WebState
from store.ingest.web.sync import run_sources
from tests.web import site_server as routes
from tests.web.conftest import FAST
from tests.web.site_server import PressSite

ARTICLE = "/en/news/2024/12/05/imemo-meeting.html"


def fetch(site: PressSite, path: str, politeness: Politeness = FAST, **kw: object):  # Harvest
    with PoliteClient(politeness) as client:
        return harvest(Source(path, site.url(path)), client, WebState.none(), **kw)


def test_an_article_url_gives_its_item_with_the_served_canonical_url(site: PressSite) -> None:
    result = fetch(site, ARTICLE)
    assert result.failures == []
    (item,) = result.items
    assert item.title == "CSTO Secretary General met with the Director of IMEMO RAS"
    assert item.source == site.url(ARTICLE)
    assert item.date == "2024-12-05"


def test_a_date_only_in_the_url_dates_a_fetched_page(site: PressSite) -> None:
    (item,) = fetch(site, "/en/news/2020/06/23/osce-vienna-meeting.html").items
    assert item.date == "2020-06-23"


def test_a_feed_imports_every_entrys_full_page_not_its_summary(site: PressSite) -> None:
    result = fetch(site, "/en/rss.xml")
    assert result.failures == []
    assert result.found == len(result.items) == 7
    speech = next(i for i in result.items if i.kind == "speech")
    assert len(speech.body) == 5 and "Read the full text" not in " ".join(speech.body)
    assert all("utm_" not in i.source for i in result.items)


def test_an_atom_feed_of_russian_pages_in_three_encodings(site: PressSite) -> None:
    result = fetch(site, "/ru/atom.xml")
    assert result.failures == []
    titles = {i.title for i in result.items}
    assert "Заявление Совета министров иностранных дел ОДКБ" in titles  # windows-1251
    assert ("Завершилось совместное учение Коллективных сил оперативного реагирования ОДКБ"
            in titles)  # koi8-r
    assert {i.language for i in result.items} == {"ru"}


def test_a_sitemap_is_recognised_by_its_content_and_limit_keeps_the_first(
    site: PressSite,
) -> None:
    everything = fetch(site, "/sitemap.xml")
    assert everything.failures == [] and len(everything.items) == 13
    assert len(fetch(site, "/sitemap.xml", limit=3).items) == 3


def test_since_leaves_out_older_items(site: PressSite) -> None:
    result = fetch(site, "/en/rss.xml", since="2024-12")
    assert sorted(i.date for i in result.items) == ["2024-12-02", "2024-12-03", "2024-12-05"]


def test_a_paginated_listing_follows_its_next_pages(site: PressSite) -> None:
    result = fetch(site, "/en/news/")
    assert result.failures == []
    assert len(result.items) == 9  # five on the first page, four on the second


def test_every_request_says_who_is_asking(site: PressSite) -> None:
    fetch(site, ARTICLE)
    agents = {r.headers.get("User-Agent", "") for r in site.log}
    assert len(agents) == 1
    (agent,) = agents
    assert agent.startswith("pressroom/") and "(+http" in agent


def test_robots_txt_is_honoured(site: PressSite) -> None:
    result = fetch(site, "/private/draft.html")
    assert result.items == []
    assert result.failures == [f"{site.url('/private/draft.html')}: robots.txt forbids it"]
    assert site.requests("/private/draft.html") == []


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (routes.status(404), "HTTP 404"),
        (routes.status(500), "HTTP 500 after 3 attempts"),
        (routes.status(429, {"Retry-After": "3600"}), "HTTP 429, asked to wait 3600 s"),
        (routes.slow(3.0), "timed out"),
        (routes.redirect("/fail"), "too many redirects (more than 5)"),
        (routes.huge(50 << 20), "larger than 10 MB (50 MB)"),
        (routes.huge(50 << 20, declare=False), "larger than 10 MB"),
        (routes.body(b"\x89PNG\r\n" * 100, "image/png"), "not a web page or feed (image/png)"),
        (routes.redirect("ftp://press.test/file"), "not an http(s) URL: ftp://press.test/file"),
        (routes.body(b"<rss><channel><item><title>x</titl", "application/rss+xml"),
         "malformed feed"),
        (routes.body(b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
                     "text/html"), "no article text on the page"),
    ],
)
def test_a_failure_is_one_line_naming_the_url_and_the_reason(
    site: PressSite, route: routes.Route, reason: str
) -> None:
    site.routes["/fail"] = route
    result = fetch(site, "/fail")
    assert result.items == []
    (line,) = result.failures
    assert line.startswith(site.url("/fail")) and reason in line
    assert "\n" not in line


def test_a_500_then_200_is_retried_and_a_429_waits_as_asked(site: PressSite) -> None:
    site.routes["/flaky"] = routes.then(routes.status(500), 1, routes.page(ARTICLE[1:]))
    site.routes["/busy"] = routes.then(routes.status(429, {"Retry-After": "0"}), 1,
                                       routes.page(ARTICLE[1:]))
    waits: list[float] = []
    with PoliteClient(FAST, sleep=waits.append) as client:
        for path in ("/flaky", "/busy"):
            result = harvest(Source(path, site.url(path)), client, WebState.none())
            assert result.failures == [] and len(result.items) == 1
    assert waits == [0.01, 0.0]  # backoff for the 500; Retry-After: 0 for the 429
    assert site.hits["/flaky"] == site.hits["/busy"] == 2


def test_a_feed_whose_entries_fail_imports_the_rest_and_names_each_failure(
    site: PressSite, tmp_path: Path
) -> None:
    feed = (routes.SITE / "en/rss.xml").read_bytes().replace(
        b"/en/news/2024/12/03/migration-council.html", b"/gone.html"
    )
    site.overrides["/en/rss.xml"] = feed
    result = fetch(site, "/en/rss.xml")
    assert len(result.items) == 6
    assert result.failures == [f"{site.url('/gone.html')}: HTTP 404"]


def test_the_host_is_asked_at_most_once_a_second_by_default(site: PressSite) -> None:
    slept: list[float] = []
    now = [100.0]

    def sleep(seconds: float) -> None:  # a clock that moves only when the client waits
        slept.append(seconds)
        now[0] += seconds

    with PoliteClient(Politeness(), sleep=sleep, clock=lambda: now[0]) as client:
        harvest(Source("rss", site.url("/en/rss.xml")), client, WebState.none())
    # robots.txt, the feed, 7 pages: every request after the first waited its second
    assert len(site.log) == 9
    assert slept == [1.0] * 8


def test_an_unchanged_source_costs_one_conditional_request(
    site: PressSite, tmp_path: Path
) -> None:
    sources = [Source("rss", site.url("/en/rss.xml"))]
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        (first,) = run_sources(archive, sources, FAST)
        assert (first.new, first.failures) == (7, [])
        site.log.clear()
        (again,) = run_sources(archive, sources, FAST)
    assert (again.new, again.unchanged, again.failures) == (0, 1, [])
    (request,) = site.log
    assert request.path == "/en/rss.xml" and "If-None-Match" in request.headers


def test_a_changed_feed_refetches_only_pages_that_changed(site: PressSite, tmp_path: Path) -> None:
    sources = [Source("rss", site.url("/en/rss.xml"))]
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        run_sources(archive, sources, FAST)
        site.overrides["/en/rss.xml"] = (routes.SITE / "en/rss.xml").read_bytes() + b"\n"
        site.log.clear()
        (again,) = run_sources(archive, sources, FAST)
        assert (again.new, again.unchanged) == (0, 7)  # the feed changed, none of its pages
        assert len(archive) == 7
    assert all("If-None-Match" in r.headers for r in site.log if r.path.endswith(".html"))


def test_a_page_changed_at_source_updates_its_item_without_a_duplicate(
    site: PressSite, tmp_path: Path
) -> None:
    sources = [Source("article", site.url(ARTICLE))]
    original = (routes.SITE / ARTICLE[1:]).read_bytes()
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        (_first,) = run_sources(archive, sources, FAST)
        (item_id,) = archive.ids()
        site.overrides[ARTICLE] = original.replace(
            b"proposed to hold a joint scientific conference in 2025",
            b"proposed to hold a joint scientific conference in Minsk in March 2025",
        )
        (again,) = run_sources(archive, sources, FAST)
        assert archive.ids() == [item_id]
        assert "in Minsk in March 2025" in archive.get(item_id).body[-1]
        assert (again.new, again.changed) == (0, 1)


def test_a_page_fetched_again_unchanged_is_not_a_duplicate(site: PressSite, tmp_path: Path) -> None:
    sources = [Source("article", site.url(ARTICLE + "?utm_campaign=x#share"))]
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        run_sources(archive, sources, FAST)
        site.overrides[ARTICLE] = (routes.SITE / ARTICLE[1:]).read_bytes() + b"<!-- -->"
        (again,) = run_sources(archive, sources, FAST)  # a new ETag, the same text
        assert (again.new, again.unchanged) == (0, 1)
        assert len(archive) == 1
