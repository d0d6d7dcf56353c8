"""Use cases that join the pure core to the store: ingest an article, a file, a crawl.

The extractor runs outside the database transaction (an LLM may take seconds); storing the
article and its events is one transaction, so a crash or a kill leaves either both or
neither.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from newsbot.core.article import Article, parse_article
from newsbot.core.events import Extraction
from newsbot.core.registry import Registry
from newsbot.errors import NewsbotError
from newsbot.extractors import Extractor
from newsbot.store.articles import SaveResult, content_hash, find_duplicate, mark_extracted
from newsbot.store.articles import save_article as store_article
from newsbot.store.entities import EntityResolver
from newsbot.store.events import EventWriter, forget_article_evidence

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
            if saved.changed:
                self._store_events(session, saved, article, extraction, result)
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
            if saved.changed:  # it changed since we looked: extract after all
                extraction = self.extractor.extract(article)
                self._store_events(session, saved, article, extraction, result)
        return result

    def _store_events(
        self, session: Session, saved: SaveResult, article: Article,
        extraction: Extraction, result: IngestResult,
    ) -> None:  # fmt: skip
        now = self.clock()
        if saved.status == "updated":
            forget_article_evidence(session, saved.article_id)
        writer = EventWriter(session, EntityResolver(session, self.registry, now), now)
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


def read_file_article(path: Path, url: str | None = None) -> Article:
    """A local HTML file parsed as an article (its URL: ``url`` or the file's own)."""
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise NewsbotError(f"{path}: cannot read: {exc.strerror}") from None
    return parse_article(body, url or path.resolve().as_uri())
