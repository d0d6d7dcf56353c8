"""What is behind a URL typed with no configuration: a feed, a sitemap, a listing page, or
one article. ``detect`` fetches it once and decides from the content type and the content;
a listing page that announces an RSS/Atom feed (``<link rel="alternate">``) is crawled
through that feed when the feed can be read, since feeds carry titles and dates. A site's
root that is missing (4xx) or lists nothing is probed at the usual places: the
``Sitemap:`` lines of its robots.txt, then /feed.xml, /rss.xml, /atom.xml, /feed and
/sitemap.xml (each probe a polite request).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

from newsbot.config import SourceConfig
from newsbot.core.encoding import decode_html
from newsbot.crawl.feeds import looks_like_feed, parse_feed
from newsbot.crawl.fetch import Fetched, Fetcher
from newsbot.crawl.listing import feed_alternates, find_article_links, page_soup
from newsbot.crawl.sitemaps import gunzip_if_needed, looks_like_sitemap, parse_sitemap
from newsbot.errors import BlockedURLError, FetchError, NewsbotError, ParseError

log = logging.getLogger(__name__)

__all__ = ["DetectedKind", "Detection", "detect", "sniff"]

DetectedKind = Literal["feed", "sitemap", "html", "article"]
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle",
                           "analysisnewsarticle", "techarticle", "report"})
MIN_LISTING_LINKS = 3
MIN_ARTICLE_TEXT = 200
_URL_LINE = re.compile(r"^\s*https?://\S+\s*$")
USUAL_PLACES = ("/feed.xml", "/rss.xml", "/atom.xml", "/feed", "/sitemap.xml")


@dataclass(frozen=True, slots=True)
class Detection:
    """The kind found, the entry URL to crawl (the page, or the feed it announces) and
    that URL's response, so the crawl need not fetch it again."""

    kind: DetectedKind
    url: str
    fetched: Fetched

    def source(self, name: str, language: Literal["en", "ja"] | None = None) -> SourceConfig:
        """A SourceConfig for it (a single article becomes an ``html`` source)."""
        kind = "html" if self.kind == "article" else self.kind
        return SourceConfig(name=name, kind=kind, url=self.url, language=language)


def sniff(fetched: Fetched) -> Literal["feed", "sitemap", "html"]:
    """Feed, sitemap or HTML, from the bytes first and the declared type second."""
    body = gunzip_if_needed(fetched.body[:10_000_000], 10_000_000)
    mime = fetched.mime
    if looks_like_feed(body):
        return "feed"
    if looks_like_sitemap(body):
        return "sitemap"
    if mime in FEED_TYPES:
        return "feed"
    if fetched.body.startswith(b"\x1f\x8b") or _url_list(body, mime):
        return "sitemap"
    head = body[:2048].lstrip().lower()
    if mime in ("text/html", "application/xhtml+xml") or head.startswith((b"<!doctype", b"<html")):
        return "html"
    raise ParseError(f"cannot tell what {fetched.final_url} is (content type {mime or 'none'})")


def _url_list(body: bytes, mime: str) -> bool:
    if mime not in ("text/plain", ""):
        return False
    lines = [line for line in body[:65536].decode("utf-8", "replace").splitlines() if line.strip()]
    return bool(lines) and all(_URL_LINE.match(line) for line in lines[:50])


async def detect(url: str, fetcher: Fetcher, *, parse: Callable[..., Any]) -> Detection:
    """Fetch ``url`` and decide how to crawl it."""
    try:
        fetched = await fetcher.fetch(url, kind="any")
    except FetchError as exc:
        if not _root(url) or isinstance(exc, BlockedURLError) or not _client_error(exc):
            raise
        found = await _probe(url, fetcher)
        if found is None:
            raise FetchError(f"{exc}; no feed or sitemap at the usual places either",
                             url=url, status=exc.status) from None
        return found
    if not isinstance(fetched, Fetched):
        raise FetchError(f"unexpected 304 for {url}", url=url, status=304)
    return await _from_page(url, fetched, fetcher, parse)


async def _from_page(
    url: str, fetched: Fetched, fetcher: Fetcher, parse: Callable[..., Any],
) -> Detection:
    kind = sniff(fetched)
    if kind != "html":
        return Detection(kind, url, fetched)
    html = decode_html(fetched.body, fetched.content_type)
    if _is_article(html, fetched, parse):
        return Detection("article", url, fetched)
    for feed_url in feed_alternates(html, fetched.final_url)[:2]:
        feed = await _try_feed(feed_url, url, fetcher)
        if feed is not None:
            return Detection("feed", feed_url, feed)
    if _root(url) and not find_article_links(html, fetched.final_url):
        return await _probe(url, fetcher) or Detection("html", url, fetched)
    return Detection("html", url, fetched)


def _root(url: str) -> bool:
    return urlsplit(url).path in ("", "/") and not urlsplit(url).query


def _client_error(exc: FetchError) -> bool:
    return exc.status is not None and 400 <= exc.status < 500


async def _probe(url: str, fetcher: Fetcher) -> Detection | None:
    """The first feed or sitemap found in robots.txt or at the usual places."""
    candidates = await fetcher.sitemaps(url)
    candidates += [urljoin(url, path) for path in USUAL_PLACES if urljoin(url, path) not in
                   candidates]
    for candidate in candidates:
        try:
            got = await fetcher.fetch(candidate, kind="any", origin=url)
            if isinstance(got, Fetched) and _lists_links(got):
                log.info("detected_at_usual_place url=%s", candidate)
                return Detection(sniff(got), candidate, got)
        except NewsbotError as exc:
            log.debug("probe_failed url=%s error=%s", candidate, exc)
    return None


def _lists_links(got: Fetched) -> bool:
    kind = sniff(got)
    if kind == "feed":
        return bool(parse_feed(got.body, got.final_url, got.content_type))
    if kind == "sitemap":
        found = parse_sitemap(got.body, got.final_url)
        return bool(found.links or found.children)
    return False


def _is_article(html: str, fetched: Fetched, parse: Callable[..., Any]) -> bool:
    if _declares_article(html):
        return True
    if len(find_article_links(html, fetched.final_url)) >= MIN_LISTING_LINKS:
        return False
    try:
        article = parse(fetched.body, fetched.final_url, content_type=fetched.content_type)
    except NewsbotError:
        return False
    return bool(article.title) and len(article.text or "") >= MIN_ARTICLE_TEXT


def _declares_article(html: str) -> bool:
    """og:type=article, or JSON-LD whose @type is an article type."""
    soup = page_soup(html)
    og = soup.find("meta", attrs={"property": "og:type"})
    if og is not None and str(og.get("content") or "").strip().lower() == "article":
        return True
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        if _ld_types(script.get_text()) & ARTICLE_TYPES:
            return True
    return False


def _ld_types(text: str) -> set[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return set()
    items = data if isinstance(data, list) else [data]
    items += [g for d in items if isinstance(d, dict) for g in d.get("@graph", []) or []]
    found: set[str] = set()
    for item in items:
        kind = item.get("@type") if isinstance(item, dict) else None
        kinds = kind if isinstance(kind, list) else [kind]
        found.update(str(k).lower() for k in kinds if k)
    return found


async def _try_feed(feed_url: str, page_url: str, fetcher: Fetcher) -> Fetched | None:
    try:
        got = await fetcher.fetch(feed_url, kind="feed", origin=page_url)
        if isinstance(got, Fetched) and parse_feed(got.body, got.final_url, got.content_type):
            return got
    except NewsbotError as exc:
        log.info("feed_alternate_unusable url=%s error=%s", feed_url, exc)
    return None
