"""Use cases that join the pure core to the store: ingest an article, a file, a crawl.

The extractor runs outside the database transaction (an LLM may take seconds); storing the
article and its events is one transaction, so a crash or a kill leaves either both or
neither.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.config import CrawlSettings, SourceConfig
from newsbot.core.article import Article, parse_article
from newsbot.core.events import Extraction
from newsbot.core.registry import Registry
from newsbot.core.resolve import short_name_map
from newsbot.crawl.crawler import (
    ArticleFailure,
    CrawlItem,
    FetchedArticle,
    Known,
    SourceDone,
    crawl_sources,
    crawl_urls,
)
from newsbot.crawl.fetch import Fetcher
from newsbot.errors import NewsbotError
from newsbot.extractors import Extractor
from newsbot.store.articles import SaveResult, content_hash, find_duplicate, mark_extracted
from newsbot.store.articles import save_article as store_article
from newsbot.store.entities import EntityResolver, ResolverMemory
from newsbot.store.events import EventWriter, forget_article_evidence
from newsbot.store.models import Article as ArticleRow
from newsbot.store.sources import due, entry_validators, record_crawl, sync_sources

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class IngestResult:
    """What ingesting one article did."""

    url: str
    status: str  # new | updated | unchanged | duplicate
    article_id: int | None = None
    new_events: list[int] = field(default_factory=list)
    merged_events: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Ingestor:
    """Stores articles and their events in one knowledge base."""

    engine: Engine
    registry: Registry
    extractor: Extractor
    min_confidence: float = 0.0
    clock: Clock = utcnow
    on_new_events: Callable[[list[int]], None] | None = None
    memory: ResolverMemory = field(default_factory=ResolverMemory)

    def ingest(
        self,
        article: Article,
        *,
        source_id: int | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> IngestResult:
        """Store ``article`` once; extract and store its events when it is new or changed."""
        if self._already_stored(article):
            return self._save_only(article, source_id, etag, last_modified)
        extraction = self.extractor.extract(article)
        with Session(self.engine) as session, session.begin():
            saved = store_article(
                session, article, fetched_at=self.clock(), source_id=source_id,
                etag=etag, last_modified=last_modified,
            )  # fmt: skip
            result = IngestResult(article.url, saved.status, saved.article_id)
            resolver = self._store_events(session, saved, article, extraction, result)
        if resolver is not None:
            resolver.remember()
        if result.new_events and self.on_new_events:
            self.on_new_events(result.new_events)
        log.info("ingested url=%s status=%s new_events=%d merged=%d", article.url,
                 result.status, len(result.new_events), len(result.merged_events))  # fmt: skip
        return result

    def _already_stored(self, article: Article) -> bool:
        with Session(self.engine) as session:
            return (
                find_duplicate(session, article, content_hash(article.text), by_url=True)
                is not None
            )

    def _save_only(self, article: Article, source_id: int | None, etag: str | None,
                   last_modified: str | None) -> IngestResult:  # fmt: skip
        with Session(self.engine) as session, session.begin():
            saved = store_article(session, article, fetched_at=self.clock(), source_id=source_id,
                                  etag=etag, last_modified=last_modified)  # fmt: skip
            result = IngestResult(article.url, saved.status, saved.article_id)
            resolver = None
            if saved.changed:  # it changed since we looked: extract after all
                extraction = self.extractor.extract(article)
                resolver = self._store_events(session, saved, article, extraction, result)
        if resolver is not None:
            resolver.remember()
        return result

    def _store_events(
        self, session: Session, saved: SaveResult, article: Article,
        extraction: Extraction, result: IngestResult,
    ) -> EntityResolver | None:  # fmt: skip
        """Store the events of a new or changed article; the resolver, to remember on commit."""
        if not saved.changed:
            return None
        now = self.clock()
        if saved.status == "updated":
            forget_article_evidence(session, saved.article_id)
        resolver = EntityResolver(session, self.registry, now, self.memory)
        writer = EventWriter(session, resolver, now)
        extraction = unify_names(extraction)
        aliases = {name: info.aliases for name, info in extraction.entities.items()}
        day = article.published_at.date().isoformat() if article.published_at else None
        for event in extraction.events:
            if event.confidence < self.min_confidence:
                continue
            try:
                stored = writer.store(event, article_id=saved.article_id, lang=article.lang,
                                      article_date=day, aliases=aliases)  # fmt: skip
            except ValueError as exc:
                log.warning("event_skipped url=%s reason=%s", article.url, exc)
                continue
            (result.new_events if stored.created else result.merged_events).append(stored.event_id)
        mark_extracted(session, saved.article_id, self.extractor.name, now)
        return resolver


def unify_names(extraction: Extraction) -> Extraction:
    """Short forms an article uses for a name it also gives in full become the full name."""
    names = {(n, kind) for e in extraction.events for n, _role, kind in e.participants()}
    mapping = short_name_map(names)
    if not mapping:
        return extraction
    events = []
    for event in extraction.events:
        fields = {k: _renamed(v, mapping) for k, v in event.fields.items()}
        events.append(replace(event, fields=fields))
    return Extraction(events, extraction.entities)


def _renamed(value: object, mapping: dict[str, str]) -> object:
    if isinstance(value, list):
        return [mapping.get(v, v) if isinstance(v, str) else v for v in value]
    return mapping.get(value, value) if isinstance(value, str) else value


def read_file_article(path: Path, url: str | None = None) -> Article:
    """A local HTML file parsed as an article (its URL: ``url`` or the file's own)."""
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise NewsbotError(f"{path}: cannot read: {exc.strerror}") from None
    return parse_article(body, url or path.resolve().as_uri())


@dataclass(slots=True)
class SourceSummary:
    """What one crawl of one source did."""

    name: str
    url: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    new_events: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)


class StoreState:
    """The crawler's view of the knowledge base: validators of entry points and articles."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def known(self, url: str) -> Known | None:
        with Session(self.engine) as session:
            entry = entry_validators(session, url)
            if entry is not None:
                return Known(*entry)
            row = session.execute(
                select(
                    col(ArticleRow.etag), col(ArticleRow.last_modified), col(ArticleRow.fetched_at)
                ).where(or_(col(ArticleRow.url) == url, col(ArticleRow.canonical_url) == url))
            ).first()
        return None if row is None else Known(row[0], row[1], row[2])


class Crawl:
    """One crawl of configured sources or typed URLs into the knowledge base."""

    def __init__(self, ingestor: Ingestor, crawl_settings: CrawlSettings,
                 on_item: Callable[[CrawlItem], None] | None = None):  # fmt: skip
        self.ingestor = ingestor
        self.settings = crawl_settings
        self.on_item = on_item or (lambda item: None)
        self.summaries: dict[str, SourceSummary] = {}

    async def sources(
        self, sources: list[SourceConfig], *, force: bool = False
    ) -> list[SourceSummary]:
        """Crawl configured sources (those resting after failures only when ``force``)."""
        engine, now = self.ingestor.engine, self.ingestor.clock()
        with Session(engine) as session, session.begin():
            self.ids = sync_sources(session, sources, now)
            wanted = {s.name for s in sources} if force else due(session, self.ids, now)
        chosen = [s for s in sources if s.name in wanted and s.enabled]
        for source in chosen:
            self.summaries[source.name] = SourceSummary(source.name, source.url)
        async with Fetcher(self.settings) as fetcher:
            await self._consume(crawl_sources(chosen, fetcher, StoreState(engine)))
        return list(self.summaries.values())

    async def urls(self, urls: list[str]) -> list[SourceSummary]:
        """Crawl feeds, sitemaps, listing pages or articles typed by the user."""
        self.ids = {}
        async with Fetcher(self.settings) as fetcher:
            await self._consume(crawl_urls(urls, fetcher, StoreState(self.ingestor.engine)))
        return list(self.summaries.values())

    async def _consume(self, items: AsyncIterator[CrawlItem]) -> None:
        async for item in items:
            summary = self.summaries.setdefault(item.source, SourceSummary(item.source, ""))
            if isinstance(item, FetchedArticle):
                await self._store(item, summary)
            elif isinstance(item, ArticleFailure):
                summary.failed += 1
                log.warning("article_failed url=%s error=%s", item.url, item.error)
            else:
                self._finish(item, summary)
            self.on_item(item)

    async def _store(self, item: FetchedArticle, summary: SourceSummary) -> None:
        try:
            result = await asyncio.to_thread(
                self.ingestor.ingest, item.article, source_id=self.ids.get(item.source),
                etag=item.fetched.etag, last_modified=item.fetched.last_modified,
            )  # fmt: skip
        except NewsbotError as exc:
            summary.failed += 1
            log.warning("article_not_stored url=%s error=%s", item.url, exc)
            return
        except Exception:  # a bug on one page (an extractor rule, say) must not stop the crawl
            summary.failed += 1
            log.exception("article_crashed url=%s", item.url)
            return
        if result.status in ("new", "updated"):
            setattr(summary, result.status, getattr(summary, result.status) + 1)
        else:
            summary.unchanged += 1
        summary.new_events += len(result.new_events)

    def _finish(self, done: SourceDone, summary: SourceSummary) -> None:
        summary.url = summary.url or done.url
        summary.unchanged += done.not_modified + done.skipped
        summary.failed += 0 if done.ok else 1
        summary.error = None if done.ok else f"{done.error.__class__.__name__}: {done.error}"
        summary.notes = list(done.notes)
        if done.source not in self.ids:
            return
        # An article that failed must be tried again: forget the entry point's validators,
        # or the next crawl would see the feed unchanged and never come back to it.
        complete = summary.failed == 0
        with Session(self.ingestor.engine) as session, session.begin():
            record_crawl(
                session, done.source, now=self.ingestor.clock(), error=summary.error,
                etag=done.etag if complete else None,
                last_modified=done.last_modified if complete else None,
                backoff=self.settings.failure_backoff,
            )  # fmt: skip
