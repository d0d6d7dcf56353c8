"""``Link``: an article URL found by discovery, with what the feed or sitemap said of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin, urlsplit

__all__ = ["Link", "absolute", "newest_first"]


@dataclass(frozen=True, slots=True)
class Link:
    """An article URL with the hints its source gave (all optional).

    ``published`` / ``updated`` are timezone-aware when the source gave a zone.
    """

    url: str
    title: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    lang: str | None = None

    @property
    def changed(self) -> datetime | None:
        """The latest date the source gives for this URL."""
        dates = [d for d in (self.updated, self.published) if d is not None]
        return max(dates, key=_sortable) if dates else None


def absolute(href: str, base: str) -> str | None:
    """``href`` resolved against ``base``, without its fragment; None unless http(s)."""
    href = (href or "").strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    url = urldefrag(urljoin(base, href)).url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def _sortable(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def newest_first(links: list[Link]) -> list[Link]:
    """Dated links newest first, then undated ones in their original order; stable."""
    dated = [link for link in links if link.changed is not None]
    undated = [link for link in links if link.changed is None]
    dated.sort(key=lambda link: _sortable(link.changed), reverse=True)  # type: ignore[arg-type]
    return dated + undated


def dedupe(links: list[Link]) -> list[Link]:
    """The first link of each URL, in order."""
    seen: set[str] = set()
    kept = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            kept.append(link)
    return kept
