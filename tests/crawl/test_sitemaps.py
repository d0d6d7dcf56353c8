"""Sitemap parsing (urlset, index, news extension, text, gzip) and the bounded walk."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsbot.crawl.sitemaps import gunzip_if_needed, parse_sitemap, walk_sitemaps
from newsbot.errors import FetchError, ParseError

BASE = "http://news.example.com/sitemap.xml"
NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://news.example.com/a/old.html</loc><lastmod>2025-01-01</lastmod></url>
<url><loc>http://news.example.com/a/new.html</loc><lastmod>2025-06-06T09:15:32+00:00</lastmod>
<news:news><news:publication><news:name>N</news:name><news:language>ja</news:language></news:publication>
<news:publication_date>2025-06-05T10:00:00-04:00</news:publication_date>
<news:title>A news title</news:title></news:news></url>
<url><loc>  </loc></url>
</urlset>"""


def index(*children: str) -> bytes:
    items = "".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children)
    return (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}'
            "</sitemapindex>").encode()


def urlset(*urls: str) -> bytes:
    items = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'.encode()


def test_urlset_with_news_extension():
    found = parse_sitemap(NEWS, BASE)
    assert found.children == []
    old, new = found.links
    assert old.url.endswith("/old.html") and old.updated == datetime(2025, 1, 1)
    assert new.title == "A news title" and new.lang == "ja"
    assert new.published == datetime(2025, 6, 5, 10, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert new.updated == datetime(2025, 6, 6, 9, 15, 32, tzinfo=UTC)


def test_index_lists_children():
    found = parse_sitemap(index("http://news.example.com/s1.xml", "/s2.xml"), BASE)
    assert [c.url for c in found.children] == ["http://news.example.com/s1.xml",
                                               "http://news.example.com/s2.xml"]


def test_gzip_and_text_sitemaps():
    assert len(parse_sitemap(gzip.compress(NEWS), BASE).links) == 2
    text = b"http://news.example.com/a/1.html\n\nhttp://news.example.com/a/2.html\n"
    assert [link.url for link in parse_sitemap(text, BASE).links][-1].endswith("/a/2.html")


def test_dtd_and_entities_are_refused():
    with pytest.raises(ParseError, match="DTD"):
        parse_sitemap(b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x "y">]><urlset/>', BASE)


def test_gzip_output_is_bounded():
    bomb = gzip.compress(b" " * 5_000_000)
    with pytest.raises(ParseError, match="expands beyond"):
        gunzip_if_needed(bomb, 1_000_000)


def test_not_a_sitemap():
    with pytest.raises(ParseError):
        parse_sitemap(b"<html><body>hi</body></html>", BASE)


async def test_walk_follows_children_newest_first_with_bounds():
    pages = {
        "http://x/s/a.xml": index("http://x/s/b.xml", "http://x/s/missing.xml"),
        "http://x/s/b.xml": index("http://x/s/c.xml"),
        "http://x/s/c.xml": urlset("http://x/deep.html"),
    }
    fetched: list[str] = []

    async def fetch(url: str) -> bytes | None:
        fetched.append(url)
        if url not in pages:
            raise FetchError("HTTP 404", url=url, status=404)
        return pages[url]

    root = index("http://x/s/a.xml", "http://x/s/flat.xml")
    pages["http://x/s/flat.xml"] = urlset("http://x/1.html", "http://x/2.html")
    links, failures = await walk_sitemaps("http://x/root.xml", root, fetch, limit=10,
                                          max_bytes=1_000_000, max_depth=2)
    assert [link.url for link in links] == ["http://x/1.html", "http://x/2.html"]
    assert "http://x/s/c.xml" not in fetched  # depth 3 is not followed
    assert [url for url, _ in failures] == ["http://x/s/missing.xml"]

    fetched.clear()
    await walk_sitemaps("http://x/root.xml", root, fetch, limit=10, max_bytes=1_000_000,
                        max_sitemaps=2)
    assert len(fetched) == 1  # the root counts as one


async def test_walk_stops_at_limit():
    async def fetch(url: str) -> bytes | None:
        return urlset(*(f"{url}/{i}.html" for i in range(5)))

    root = index(*(f"http://x/s{i}.xml" for i in range(10)))
    links, _ = await walk_sitemaps("http://x/r.xml", root, fetch, limit=7, max_bytes=10**6)
    assert len(links) == 7
