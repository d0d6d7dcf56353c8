"""Sources → article pages: discover links, skip what is stored, fetch and parse the rest.

The API the pipeline wires (no database here; the caller answers questions through
``CrawlState`` and stores what it is handed)::

    async with Fetcher(settings.crawl) as fetcher:
        async for item in crawl_sources(sources, fetcher, state):
            match item:
                case FetchedArticle():   # store item.article (+ item.fetched.etag/last_modified)
                case ArticleFailure():   # record item.url / item.error (a FetchError or ParseError)
                case SourceDone():       # the source's last item: store item.etag /
                                         # item.last_modified of its entry point; item.error is
                                         # set when the source failed as a whole (then back off
                                         # for settings.crawl.failure_backoff)

- ``crawl_source(source, fetcher, state)`` crawls one configured source: its entry point
  (feed, sitemap or listing page) is fetched with the validators ``state.known(source.url)``
  gives; a 304 ends the crawl at once (``SourceDone.unchanged``). Links come newest first,
  at most ``max_articles_per_source``. A link ``state.known(url)`` knows is skipped unless
  its feed/sitemap date is newer than ``Known.fetched_at`` (or ``refetch_known`` is set);
  then it is fetched with its validators and a 304 counts as ``not_modified``.
- ``crawl_url(url, fetcher, state)`` is the same for a URL typed with no configuration:
  ``detect`` decides whether it is a feed, a sitemap, a listing page or one article.
- ``crawl_sources`` / ``crawl_urls`` run many at once, merged into one stream; each source
  ends with exactly one ``SourceDone``, and one source failing (even with a bug) never stops
  the others. Fetching is polite across all of them: they share the Fetcher's host slots.

Every yielded article has been parsed with ``newsbot.core.article.parse_article`` (in a
worker thread) and has a title and some text; from a listing page without a selector, a
link is only kept when its page has at least ``min_listing_text`` characters of text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

from newsbot.config import SourceConfig
from newsbot.core.article import Article
from newsbot.crawl.detect import detect
from newsbot.crawl.feeds import parse_feed
from newsbot.crawl.fetch import Fetched, Fetcher, Kind, NotModified, host_key
from newsbot.crawl.links import Link, newest_first
from newsbot.crawl.listing import find_article_links
from newsbot.crawl.sitemaps import walk_sitemaps
from newsbot.errors import NewsbotError, ParseError

log = logging.getLogger(__name__)

__all__ = [
    "ArticleFailure", "CrawlItem", "CrawlOptions", "CrawlState", "FetchedArticle", "Known",
    "NoState", "SourceDone", "crawl_source", "crawl_sources", "crawl_url", "crawl_urls",
]

T = TypeVar("T")
ParseFn = Callable[..., Article]
ENTRY_KINDS: dict[str, Kind] = {"rss": "feed", "atom": "feed", "feed": "feed",
                                "sitemap": "sitemap", "html": "html"}


@dataclass(frozen=True, slots=True)
class Known:
    """What the store holds about a URL: its validators and when it was fetched."""

    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None


class CrawlState(Protocol):
    """The caller's view of the store: ``known(url)`` → Known, or None for a new URL."""

    def known(self, url: str) -> Known | None: ...


class NoState:
    """A CrawlState that knows nothing (every URL is new)."""

    def known(self, url: str) -> Known | None:
        return None


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """Knobs of one crawl; ``parse`` defaults to ``newsbot.core.article.parse_article``."""

    refetch_known: bool = False
    min_listing_text: int = 200
    limit: int | None = None
    parse: ParseFn | None = None


@dataclass(frozen=True, slots=True)
class FetchedArticle:
    """A fetched and parsed article page (``fetched.final_url`` is where it ended up)."""

    source: str
    link: Link
    fetched: Fetched
    article: Article

    @property
    def url(self) -> str:
        return self.link.url


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """A discovered article URL that could not be fetched or parsed."""

    source: str
    url: str
    error: NewsbotError


@dataclass(frozen=True, slots=True)
class SourceDone:
    """The last item of every source: what happened, and its entry point's validators."""

    source: str
    url: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    unchanged: bool = False
    found: int = 0
    fetched: int = 0
    not_modified: int = 0
    skipped: int = 0
    rejected: int = 0
    failed: int = 0
    notes: tuple[str, ...] = ()
    error: Exception | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


CrawlItem = FetchedArticle | ArticleFailure | SourceDone


@dataclass(slots=True)
class _Run:
    """One source's crawl in progress: its settings, counters and notes."""

    source: SourceConfig
    fetcher: Fetcher
    state: CrawlState
    options: CrawlOptions
    kind: str = ""
    started: float = field(default_factory=time.monotonic)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    entry: Fetched | None = None

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n

    def done(self, error: Exception | None = None, unchanged: bool = False) -> SourceDone:
        entry = self.entry
        return SourceDone(
            self.source.name, self.source.url, self.kind or self.source.kind,
            entry.etag if entry else None, entry.last_modified if entry else None, unchanged,
            notes=tuple(self.notes), error=error, seconds=time.monotonic() - self.started,
            **self.counts,
        )

    @property
    def limit(self) -> int:
        return self.options.limit or self.fetcher.settings.max_articles_per_source


def _parser(options: CrawlOptions) -> ParseFn:
    if options.parse is not None:
        return options.parse
    from newsbot.core.article import parse_article

    return parse_article


async def crawl_source(
    source: SourceConfig, fetcher: Fetcher, state: CrawlState | None = None,
    options: CrawlOptions | None = None,
) -> AsyncIterator[CrawlItem]:
    """Crawl one configured source; the last item is its ``SourceDone``."""
    run = _Run(source, fetcher, state or NoState(), options or CrawlOptions())
    try:
        entry = await _fetch_entry(run)
        if isinstance(entry, NotModified):
            yield run.done(unchanged=True)
            return
        run.entry = entry
        async for item in _crawl_links(run, await _discover(run, entry)):
            yield item
    except NewsbotError as exc:
        log.warning("source_failed source=%s error=%s", source.name, exc)
        yield run.done(error=exc)
        return
    yield run.done()


async def crawl_url(
    url: str, fetcher: Fetcher, state: CrawlState | None = None,
    options: CrawlOptions | None = None, *, name: str | None = None,
) -> AsyncIterator[CrawlItem]:
    """Crawl a URL given without configuration: a feed, sitemap, listing or one article."""
    source = SourceConfig(name=name or _host_name(url), kind="html", url=url)
    run = _Run(source, fetcher, state or NoState(), options or CrawlOptions())
    try:
        found = await detect(url, fetcher, parse=_parser(run.options))
        run.source, run.kind, run.entry = found.source(source.name), found.kind, found.fetched
        if found.kind == "article":
            single = await _parse(run, Link(url), found.fetched, validate=False)
            if single is not None:
                yield _counted(run, single)
        else:
            async for item in _crawl_links(run, await _discover(run, found.fetched)):
                yield item
    except NewsbotError as exc:
        log.warning("url_failed url=%s error=%s", url, exc)
        yield run.done(error=exc)
        return
    yield run.done()


def _counted(run: _Run, item: T) -> T:
    run.count("fetched" if isinstance(item, FetchedArticle) else "failed")
    return item


def _host_name(url: str) -> str:
    return urlsplit(url).netloc or url


async def _fetch_entry(run: _Run) -> Fetched | NotModified:
    known = run.state.known(run.source.url)
    return await run.fetcher.fetch(
        run.source.url, kind=ENTRY_KINDS[run.source.kind],
        etag=known.etag if known else None,
        last_modified=known.last_modified if known else None,
    )


async def _discover(run: _Run, entry: Fetched) -> list[Link]:
    """The entry point's article links, newest first, at most ``limit``."""
    kind = ENTRY_KINDS[run.source.kind]
    if kind == "feed":
        links = newest_first(parse_feed(entry.body, entry.final_url, entry.content_type,
                                        run.fetcher.settings.max_bytes))
    elif kind == "sitemap":
        links = await _walk(run, entry)
    else:
        links = await _listing(run, entry)
    run.count("found", len(links))
    log.info("discovered source=%s links=%d", run.source.name, len(links))
    return links[: run.limit]


async def _walk(run: _Run, entry: Fetched) -> list[Link]:
    async def fetch(url: str) -> bytes | None:
        known = run.state.known(url)
        got = await run.fetcher.fetch(
            url, kind="sitemap", origin=run.source.url,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
        )
        return got.body if isinstance(got, Fetched) else None

    links, failures = await walk_sitemaps(
        entry.final_url, entry.body, fetch, limit=run.limit,
        max_bytes=run.fetcher.settings.max_bytes,
    )
    run.notes.extend(f"{url}: {error}" for url, error in failures)
    return links


async def _listing(run: _Run, entry: Fetched) -> list[Link]:
    from newsbot.core.encoding import decode_html

    html = decode_html(entry.body, entry.content_type)
    return await asyncio.to_thread(
        find_article_links, html, entry.final_url, run.source.selector, run.limit
    )


def _wanted(run: _Run, link: Link) -> tuple[bool, Known | None]:
    """Whether to fetch a link, and the Known the store has for it."""
    known = run.state.known(link.url)
    if known is None or run.options.refetch_known:
        return True, known
    changed, stored = link.changed, known.fetched_at
    if changed is None or stored is None:
        return False, known
    return _aware(changed) > _aware(stored), known


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


async def _crawl_links(run: _Run, links: list[Link]) -> AsyncIterator[CrawlItem]:
    """Fetch the wanted links: hosts in parallel, each host's links in order."""
    by_host: dict[str, list[tuple[Link, Known | None]]] = {}
    for link in links:
        wanted, known = _wanted(run, link)
        if not wanted:
            run.count("skipped")
            continue
        by_host.setdefault(host_key(link.url), []).append((link, known))
    streams = [_host_links(run, batch) for batch in by_host.values()]
    async for item in merge(streams):
        yield item


async def _host_links(
    run: _Run, batch: list[tuple[Link, Known | None]],
) -> AsyncIterator[FetchedArticle | ArticleFailure]:
    validate = run.source.kind == "html" and not run.source.selector
    for link, known in batch:
        item = await _article(run, link, known, validate)
        if item is not None:
            yield item


async def _article(
    run: _Run, link: Link, known: Known | None, validate: bool,
) -> FetchedArticle | ArticleFailure | None:
    try:
        got = await run.fetcher.fetch(
            link.url, kind="html", origin=run.source.url,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
        )
    except NewsbotError as exc:
        log.info("article_failed url=%s error=%s", link.url, exc)
        run.count("failed")
        return ArticleFailure(run.source.name, link.url, exc)
    if isinstance(got, NotModified):
        run.count("not_modified")
        return None
    item = await _parse(run, link, got, validate)
    if item is None:
        run.count("rejected")
        return None
    return _counted(run, item)


async def _parse(
    run: _Run, link: Link, got: Fetched, validate: bool,
) -> FetchedArticle | ArticleFailure | None:
    """Parse a page; None when a listing candidate turns out not to be an article."""
    parse = _parser(run.options)
    lang = link.lang or run.source.language
    try:
        article = await asyncio.to_thread(
            parse, got.body, got.final_url, content_type=got.content_type, lang_hint=lang
        )
        _check(article, got.final_url, run.options.min_listing_text if validate else 1)
    except NewsbotError as exc:
        if validate:
            log.debug("listing_candidate_rejected url=%s reason=%s", link.url, exc)
            return None
        return ArticleFailure(run.source.name, link.url, exc)
    return FetchedArticle(run.source.name, link, got, article)


def _check(article: Article, url: str, min_text: int) -> None:
    if not (article.title or "").strip():
        raise ParseError(f"no title: {url}")
    if len((article.text or "").strip()) < min_text:
        raise ParseError(f"not enough article text ({len(article.text or '')} chars): {url}")


async def crawl_sources(
    sources: Iterable[SourceConfig], fetcher: Fetcher, state: CrawlState | None = None,
    options: CrawlOptions | None = None,
) -> AsyncIterator[CrawlItem]:
    """Crawl many sources at once; each ends with a SourceDone whatever happens."""
    streams = [_guarded(s.name, s.url, s.kind, crawl_source(s, fetcher, state, options))
               for s in sources if s.enabled]
    async for item in merge(streams):
        yield item


async def crawl_urls(
    urls: Iterable[str], fetcher: Fetcher, state: CrawlState | None = None,
    options: CrawlOptions | None = None,
) -> AsyncIterator[CrawlItem]:
    """``crawl_url`` for many URLs at once."""
    streams = [_guarded(_host_name(u), u, "?", crawl_url(u, fetcher, state, options))
               for u in urls]
    async for item in merge(streams):
        yield item


async def _guarded(
    name: str, url: str, kind: str, stream: AsyncIterator[CrawlItem],
) -> AsyncIterator[CrawlItem]:
    """A source's stream that ends with a SourceDone even when the crawl has a bug."""
    started = time.monotonic()
    try:
        async for item in stream:
            yield item
    except Exception as exc:
        log.exception("source_crashed source=%s", name)
        yield SourceDone(name, url, kind, error=exc, seconds=time.monotonic() - started)


_END = object()


@dataclass(frozen=True, slots=True)
class _Raised:
    error: BaseException


async def merge(streams: list[AsyncIterator[T]], buffer: int = 16) -> AsyncIterator[T]:
    """Items of several async iterators as they come; closes them all on early exit."""
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=buffer)

    async def pump(stream: AsyncIterator[T]) -> None:
        try:
            async for item in stream:
                await queue.put(item)
        except Exception as exc:
            await queue.put(_Raised(exc))
        finally:
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                await aclose()
        await queue.put(_END)

    tasks = [asyncio.create_task(pump(s)) for s in streams]
    try:
        remaining = len(tasks)
        while remaining:
            item = await queue.get()
            if item is _END:
                remaining -= 1
                continue
            if isinstance(item, _Raised):
                raise item.error
            yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
