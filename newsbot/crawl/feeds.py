"""Feed bytes → article ``Link``s: RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom, via feedparser.

A feed feedparser could not read at all is a ``ParseError``; one it read with complaints
("bozo") but still found entries in is accepted, and the complaint is logged. Feeds that
declare entities are refused before parsing (entity expansion is a classic XML bomb).
"""

from __future__ import annotations

import logging
import re
import time
from datetime import UTC, datetime
from typing import Any

import feedparser

from newsbot.crawl.links import Link, absolute, dedupe
from newsbot.crawl.sitemaps import gunzip_if_needed
from newsbot.errors import ParseError

log = logging.getLogger(__name__)

__all__ = ["looks_like_feed", "parse_feed"]

_ENTITY = re.compile(rb"<!ENTITY", re.I)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|rdf|feed)[\s>]", re.I)


def looks_like_feed(body: bytes) -> bool:
    """Whether the first element of ``body`` is an rss, rdf:RDF or Atom feed root."""
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", body[:4096], flags=re.S)
    match = re.search(rb"<([\w:.-]+)", head)
    return bool(match and _FEED_ROOT.match(match.group(0) + b" "))


def parse_feed(body: bytes, url: str, content_type: str | None = None,
               max_bytes: int = 50_000_000) -> list[Link]:
    """The entries of a feed as Links, in feed order, one per URL."""
    body = gunzip_if_needed(body, max_bytes)
    if _ENTITY.search(body):
        raise ParseError(f"feed declares XML entities, refused: {url}")
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        raise ParseError(f"not a readable feed: {url}: {parsed.get('bozo_exception')}")
    if not entries and not parsed.get("version"):
        raise ParseError(f"not a feed (no RSS or Atom root): {url}")
    if parsed.get("bozo"):
        log.warning("feed_recovered url=%s problem=%s entries=%d",
                    url, parsed.get("bozo_exception"), len(entries))
    lang = _lang(parsed.get("feed", {}).get("language"))
    links = [_link(entry, url, lang) for entry in entries]
    return dedupe([link for link in links if link is not None])


def _link(entry: Any, base: str, lang: str | None) -> Link | None:
    href = _entry_url(entry, base)
    if href is None:
        return None
    title = (entry.get("title") or "").strip() or None
    return Link(href, title, _date(entry.get("published_parsed")),
                _date(entry.get("updated_parsed")), _lang(entry.get("language")) or lang)


def _entry_url(entry: Any, base: str) -> str | None:
    """The entry's alternate link, else its id when the id is a permalink URL."""
    candidates = [entry.get("link")]
    candidates += [x.get("href") for x in entry.get("links") or [] if x.get("rel") == "alternate"]
    guid = entry.get("id")
    if guid and (entry.get("guidislink") or str(guid).startswith(("http://", "https://"))):
        candidates.append(guid)
    for candidate in candidates:
        url = absolute(candidate or "", base)
        if url:
            return url
    return None


def _date(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _lang(value: str | None) -> str | None:
    code = (value or "").strip().lower()[:2]
    return code if code in ("en", "ja") else None
