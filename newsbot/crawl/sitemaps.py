"""Sitemaps (sitemaps.org ``urlset`` / ``sitemapindex``, text lists, gzip) → article ``Link``s.

``parse_sitemap`` is pure: bytes → ``Sitemap(links, children)``. It understands the Google
News extension (``news:publication_date``, ``news:title``, ``news:language``), reads gzip
by its magic bytes (bounded, so a small .gz cannot expand without limit) and refuses
documents with a DTD or entity declarations. ``walk_sitemaps`` follows a sitemap index
through its children, newest first, to a bounded depth and number of sitemaps.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from dateutil import parser as dateparser
from lxml import etree

from newsbot.crawl.links import Link, absolute, dedupe, newest_first
from newsbot.errors import NewsbotError, ParseError

log = logging.getLogger(__name__)

__all__ = ["Sitemap", "gunzip_if_needed", "looks_like_sitemap", "parse_sitemap", "walk_sitemaps"]

MAX_DEPTH = 2
MAX_SITEMAPS = 30
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_ROOT = re.compile(rb"<(?:[\w-]+:)?(urlset|sitemapindex)[\s>]")


@dataclass(frozen=True, slots=True)
class Sitemap:
    """Article links of a urlset, or child sitemaps of a sitemap index."""

    links: list[Link] = field(default_factory=list)
    children: list[Link] = field(default_factory=list)


def gunzip_if_needed(body: bytes, max_bytes: int) -> bytes:
    """Decompress gzip bytes (found by magic number), at most ``max_bytes`` of output."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise ParseError(f"broken gzip data: {exc}") from None
    if len(out) > max_bytes:
        raise ParseError(f"gzip data expands beyond {max_bytes} bytes")
    return out


def looks_like_sitemap(body: bytes) -> bool:
    """Whether the first element of ``body`` is a urlset or sitemapindex."""
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", body[:4096], flags=re.S)
    match = re.search(rb"<[\w:.-]+", head)
    return bool(match and _ROOT.match(match.group(0) + b" "))


def parse_sitemap(body: bytes, url: str, max_bytes: int = 50_000_000) -> Sitemap:
    """A sitemap's article links (urlset or text) or child sitemaps (sitemapindex)."""
    body = gunzip_if_needed(body, max_bytes)
    text_start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if text_start and text_start != b"<":
        return Sitemap(links=_text_links(body, url))
    if _DTD.search(body[:65536]):
        raise ParseError(f"sitemap has a DTD or entities, refused: {url}")
    root = _xml_root(body, url)
    name = etree.QName(root).localname
    if name == "urlset":
        return Sitemap(links=dedupe([x for x in map(lambda e: _url(e, url), root) if x]))
    if name == "sitemapindex":
        return Sitemap(children=dedupe([x for x in map(lambda e: _url(e, url), root) if x]))
    raise ParseError(f"not a sitemap (root <{name}>): {url}")


def _xml_root(body: bytes, url: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, recover=True, remove_comments=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"not a readable sitemap: {url}: {exc}") from None
    if root is None:
        raise ParseError(f"not a readable sitemap: {url}")
    return root


def _text_links(body: bytes, base: str) -> list[Link]:
    lines = body.decode("utf-8", errors="replace").splitlines()
    urls = [absolute(line, base) for line in lines if line.strip().startswith("http")]
    return dedupe([Link(u) for u in urls if u])


def _children(element: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for child in element:
        if isinstance(child.tag, str):
            found.setdefault(etree.QName(child).localname, child)
    return found


def _url(element: etree._Element, base: str) -> Link | None:
    """One <url> or <sitemap> element as a Link (news extension included)."""
    if not isinstance(element.tag, str):
        return None
    fields = _children(element)
    loc = absolute(_text(fields.get("loc")) or "", base)
    if loc is None:
        return None
    news = _children(fields["news"]) if "news" in fields else {}
    publication = _children(news["publication"]) if "publication" in news else {}
    lang = (_text(publication.get("language")) or "")[:2].lower() or None
    return Link(loc, _text(news.get("title")), _date(_text(news.get("publication_date"))),
                _date(_text(fields.get("lastmod"))), lang if lang in ("en", "ja") else None)


def _text(element: etree._Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed: datetime = dateparser.isoparse(value)
        return parsed
    except (ValueError, OverflowError):
        return None


Fetch = Callable[[str], Awaitable[bytes | None]]
"""Fetches a sitemap URL: its body, or None when unchanged since the last crawl."""


async def walk_sitemaps(
    url: str, body: bytes, fetch: Fetch, *, limit: int, max_bytes: int,
    max_depth: int = MAX_DEPTH, max_sitemaps: int = MAX_SITEMAPS,
) -> tuple[list[Link], list[tuple[str, NewsbotError]]]:
    """Article links from a sitemap and its children (newest child first), up to ``limit``.

    A child that cannot be fetched or parsed is reported in the second list; the walk goes
    on with the others.
    """
    links: list[Link] = []
    failures: list[tuple[str, NewsbotError]] = []
    queue: list[tuple[Link, int, bytes | None]] = [(Link(url), 0, body)]
    seen, walked = {url}, 0
    while queue and walked < max_sitemaps and len(links) < limit:
        current, depth, data = queue.pop(0)
        walked += 1
        try:
            data = data if data is not None else await fetch(current.url)
            if data is None:
                continue
            found = parse_sitemap(data, current.url, max_bytes)
        except NewsbotError as exc:
            log.warning("sitemap_failed url=%s error=%s", current.url, exc)
            failures.append((current.url, exc))
            continue
        links += found.links
        if depth < max_depth:
            fresh = [c for c in newest_first(found.children) if c.url not in seen]
            seen.update(c.url for c in fresh)
            queue += [(c, depth + 1, None) for c in fresh]
    return newest_first(dedupe(links))[:limit], failures
